import type { EntityVerdict } from '@dr-posture/plugin-disaster-recovery-common';
import {
  systemRestoreEstimateOf,
  type RestoredComponent,
  type SystemRestoreEstimate,
} from './systemRestoreEstimate';

const HOUR = 3_600_000;

function component(
  name: string,
  rtoMs: number | undefined,
  achievedRtoMs: number | undefined,
): RestoredComponent {
  const verdict = {
    recoveryTime: {
      answer: 'yes',
      proof: 'met',
      reason: '',
      rtoMs,
      drill:
        achievedRtoMs === undefined
          ? undefined
          : {
              kind: 'restore-test',
              endedAt: '2026-11-30T10:00:00Z',
              achievedRtoMs,
            },
    },
  } as unknown as EntityVerdict;
  return { entityRef: `component:default/${name}`, name, verdict };
}

describe('systemRestoreEstimateOf', () => {
  it.each<[string, RestoredComponent[], Partial<SystemRestoreEstimate>]>([
    [
      'within the strictest RTO',
      [component('db', 4 * HOUR, HOUR), component('api', 2 * HOUR, 0.5 * HOUR)],
      { answer: 'within', estimatedMs: 1.5 * HOUR, targetMs: 2 * HOUR },
    ],
    [
      'over it when added up, though each is within its own',
      [component('db', 4 * HOUR, 1.5 * HOUR), component('api', 2 * HOUR, HOUR)],
      { answer: 'over', estimatedMs: 2.5 * HOUR, targetMs: 2 * HOUR },
    ],
    [
      'unknown when a component has no measured restore',
      [component('db', 4 * HOUR, HOUR), component('api', 2 * HOUR, undefined)],
      {
        answer: 'unknown',
        targetMs: 2 * HOUR,
        reason: 'No drill measured the restore time of api.',
      },
    ],
    [
      'unknown when no RTO can be read',
      [component('db', undefined, HOUR)],
      {
        answer: 'unknown',
        estimatedMs: HOUR,
        reason: 'No component has a readable RTO.',
      },
    ],
    [
      'unknown when a posture is unreadable',
      [{ entityRef: 'component:default/db', name: 'db' }],
      { answer: 'unknown', reason: 'The posture of db could not be read.' },
    ],
    [
      'unknown without components',
      [],
      { answer: 'unknown', reason: 'The system has no evaluated component.' },
    ],
  ])('%s', (_, components, expected) => {
    const estimate = systemRestoreEstimateOf(components);
    expect(estimate).toMatchObject(expected);
  });

  it('names at most three components', () => {
    const unmeasured = ['a', 'b', 'c', 'd', 'e'].map(n =>
      component(n, HOUR, undefined),
    );
    expect(systemRestoreEstimateOf(unmeasured).reason).toBe(
      'No drill measured the restore time of a, b, c and 2 more.',
    );
  });
});
