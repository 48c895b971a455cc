import { component, NOW } from '../__testUtils__/fixtures';
import { defineCheck, evidenceOf, verdict } from '../checks/definition';
import { CHECK_IDS } from '../checks/registry';
import { DEFAULT_TIER_POLICIES } from '../policy';
import { defineRecordKind, recordsOf } from '../recordKinds';
import type { CollectedObject } from '../records';
import { evaluateEntityPosture } from './evaluateEntityPosture';

const widgets = defineRecordKind<CollectedObject>({
  id: 'example.com/Widget',
  apiVersion: 'example.com/v1',
  kind: 'Widget',
  plural: 'widgets',
});

const widgetCount = defineCheck<'widget-count', { widgets: number }>({
  id: 'widget-count',
  title: 'Widgets collected',
  appliesTo: 'Every entity.',
  docs: 'Passes when at least one widget was collected anywhere in the estate.',
  scorecard: { omitted: 'A test check.' },
  evaluate: context => {
    const found = recordsOf(widgets, context.records).length;
    return verdict(found > 0 ? 'pass' : 'fail', `${found} widgets.`, [], {
      widgets: found,
    });
  },
});

const broken = defineCheck<'broken', Record<string, never>>({
  ...widgetCount,
  id: 'broken',
  evaluate: () => {
    throw new Error('widget parser bug');
  },
});

const widget: CollectedObject = {
  cluster: 'prod',
  namespace: 'ns',
  name: 'w',
  uid: 'uid-w',
  labels: {},
  lastSeenAt: NOW.toISOString(),
};

describe('checks contributed to evaluateEntityPosture', () => {
  const evaluate = (found: CollectedObject[]) =>
    evaluateEntityPosture({
      entity: component({ 'disaster-recovery/tier': '1' }),
      policies: DEFAULT_TIER_POLICIES,
      records: { byKind: { [widgets.id]: found } },
      checks: [widgetCount, broken],
      now: NOW,
    });

  it('are reported after the built-in checks, reading records of their kind', () => {
    const posture = evaluate([widget]);
    const ids = posture.checks.map(c => c.id);
    expect(ids.slice(-2)).toEqual(['widget-count', 'broken']);
    expect(ids.slice(0, -2).every(id => CHECK_IDS.includes(id as never))).toBe(
      true,
    );
    expect(posture.checks.at(-2)).toMatchObject({
      title: 'Widgets collected',
      status: 'pass',
    });
    expect(evidenceOf(widgetCount, posture.checks)?.widgets).toBe(1);
    expect(evaluate([]).checks.at(-2)?.status).toBe('fail');
  });

  it('leave a check that throws unknown with the reason, never the posture unanswered', () => {
    expect(evaluate([widget]).checks.at(-1)).toMatchObject({
      id: 'broken',
      status: 'unknown',
      summary: 'The check could not be evaluated: widget parser bug.',
    });
  });
});
