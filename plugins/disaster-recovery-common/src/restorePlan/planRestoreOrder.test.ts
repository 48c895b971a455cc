import { DEFAULT_TIER_POLICIES } from '../policy';
import { planRestoreOrder, type RestorePlanInput } from './planRestoreOrder';

function plan(inputs: RestorePlanInput[]) {
  return planRestoreOrder(inputs, DEFAULT_TIER_POLICIES);
}

function item(
  name: string,
  tier: string | undefined,
  dependsOn: string[] = [],
): RestorePlanInput {
  return {
    entityRef: `component:default/${name}`,
    tier,
    dependsOn: dependsOn.map(d => `component:default/${d}`),
  };
}

describe('planRestoreOrder', () => {
  it.each<[string, RestorePlanInput[], string[]]>([
    [
      'tiers in order',
      [item('reports', '3'), item('payments', '1'), item('orders', '2')],
      ['payments', 'orders', 'reports'],
    ],
    [
      'no tier last',
      [item('wiki', undefined), item('reports', '3')],
      ['reports', 'wiki'],
    ],
    [
      'a tier 3 dependency of a tier 1 service comes first, across tiers',
      [
        item('payments', '1', ['ledger']),
        item('ledger', '3', ['postgres']),
        item('postgres', '2'),
        item('orders', '2'),
      ],
      ['postgres', 'ledger', 'payments', 'orders'],
    ],
    [
      'a dependency within a tier',
      [item('b', '2', ['a']), item('a', '2')],
      ['a', 'b'],
    ],
  ])('%s', (_case, inputs, expected) => {
    expect(
      plan(inputs).steps.map(s =>
        s.entityRef.replace('component:default/', ''),
      ),
    ).toEqual(expected);
  });

  it('says why a lower-tier dependency is restored early', () => {
    const { steps } = plan([
      item('payments', '1', ['ledger']),
      item('ledger', '3'),
    ]);
    expect(steps[0]).toEqual({
      position: 1,
      entityRef: 'component:default/ledger',
      tier: '3',
      restoredWithTier: '1',
      reason:
        'Tier 3. Restored with Tier 1 because payments (Tier 1) needs it.',
    });
    expect(steps[1].reason).toBe('Tier 1. After ledger, which it depends on.');
  });

  it('names a dependency of another kind or namespace by kind and namespace', () => {
    const { steps } = plan([
      {
        entityRef: 'component:default/payments',
        tier: '1',
        dependsOn: ['resource:finance/ledger-db'],
      },
      { entityRef: 'resource:finance/ledger-db', tier: '1', dependsOn: [] },
    ]);
    expect(steps[1].reason).toBe(
      'Tier 1. After resource:finance/ledger-db, which it depends on.',
    );
  });

  it('reports a cycle instead of looping and restores its members together', () => {
    const result = plan([
      item('a', '2', ['b']),
      item('b', '1', ['c']),
      item('c', '3', ['a']),
      item('d', '1'),
    ]);
    expect(result.cycles).toEqual([
      ['component:default/a', 'component:default/b', 'component:default/c'],
    ]);
    expect(
      result.steps.map(s => s.entityRef.replace('component:default/', '')),
    ).toEqual(['b', 'a', 'c', 'd']);
    expect(result.steps[0].reason).toContain('In a dependency cycle with a, c');
  });

  it('reports a self-dependency and dependencies outside the plan', () => {
    const result = plan([item('a', '1', ['a', 'elsewhere'])]);
    expect(result.cycles).toEqual([['component:default/a']]);
    expect(result.steps[0].reason).toContain('It depends on itself.');
    expect(result.unknownDependencies).toEqual([
      {
        entityRef: 'component:default/a',
        dependsOn: 'component:default/elsewhere',
      },
    ]);
  });
});
