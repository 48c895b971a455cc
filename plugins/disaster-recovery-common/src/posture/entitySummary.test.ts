import type { Entity } from '@backstage/catalog-model';
import type { Check } from '../checks/types';
import { dependenciesOf, summarizeEntityPosture } from './entitySummary';
import type { EntityPosture } from './evaluateEntityPosture';
import { STATUSES_WORST_FIRST } from './worstStatus';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments', namespace: 'shop', title: 'Payments' },
  spec: { owner: 'team-a', system: 'commerce' },
  relations: [{ type: 'dependsOn', targetRef: 'component:shop/ledger' }],
};

const check = (id: string, status: Check['status']): Check => ({
  id,
  title: id.toUpperCase(),
  status,
  summary: '',
  evidence: { refs: [], values: {} },
});

const posture = {
  entityRef: 'component:shop/payments',
  status: 'fail',
  checks: [
    check('a', 'warn'),
    check('b', 'pass'),
    check('c', 'fail'),
    check('d', 'unknown'),
    check('e', 'warn'),
  ],
  policy: {
    tier: { ok: false, problem: 'missing', reason: 'No tier.' },
    rpoMs: { ok: true, value: 900_000, source: 'tier' },
    rtoMs: { ok: false, problem: 'missing', reason: 'No tier.' },
  },
  protection: {
    lastCleanBackupAt: '2025-06-11T11:00:00Z',
    lastDrill: { endedAt: '2025-06-01T10:00:00Z', outcome: 'incomplete' },
  },
} as unknown as EntityPosture;

describe('summarizeEntityPosture', () => {
  it('lists failures then warnings in check order and reads owner and system from the spec', () => {
    const summary = summarizeEntityPosture(
      entity,
      posture,
      new Date('2025-06-11T12:00:00Z'),
    );
    expect(summary).toEqual({
      entityRef: 'component:shop/payments',
      kind: 'Component',
      namespace: 'shop',
      name: 'payments',
      title: 'Payments',
      owner: 'group:shop/team-a',
      system: 'system:shop/commerce',
      tier: undefined,
      status: 'fail',
      failingChecks: [
        { id: 'c', status: 'fail', title: 'C' },
        { id: 'a', status: 'warn', title: 'A' },
        { id: 'e', status: 'warn', title: 'E' },
      ],
      rpoMs: 900_000,
      rtoMs: undefined,
      lastCleanBackupAt: '2025-06-11T11:00:00Z',
      lastDrillAt: '2025-06-01T10:00:00Z',
      lastDrillOutcome: 'incomplete',
      evaluatedAt: '2025-06-11T12:00:00.000Z',
    });
    expect(dependenciesOf(entity)).toEqual(['component:shop/ledger']);
  });
});

describe('STATUSES_WORST_FIRST', () => {
  it('orders statuses by severity', () => {
    expect(STATUSES_WORST_FIRST).toEqual(['fail', 'warn', 'unknown', 'pass']);
  });
});
