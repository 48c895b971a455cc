import {
  minutesAgo,
  NOW,
  podStatus,
  workload,
} from '../__testUtils__/fixtures';
import type { RestartObservation } from '../records';
import { restartsWithin } from './podRestarts';

const HOUR = 3_600_000;
const DAY = 24 * 60;

function seen(
  restarts: number,
  firstMinutesAgo: number,
  lastMinutesAgo: number,
): RestartObservation {
  return {
    restarts,
    firstSeenAt: minutesAgo(firstMinutesAgo),
    lastSeenAt: minutesAgo(lastMinutesAgo),
  };
}

/** A pod created 30 days ago whose one container restarted `restarts` times in all. */
function pod(options: {
  restarts: number;
  history: RestartObservation[];
  quietMinutes?: number;
  createdMinutesAgo?: number;
}) {
  return workload({
    createdAt: minutesAgo(options.createdMinutesAgo ?? 30 * DAY),
    pod: podStatus({
      containers: [
        {
          name: 'payments',
          restarts: options.restarts,
          ready: true,
          ...(options.quietMinutes === undefined
            ? { waitingReason: 'CrashLoopBackOff' }
            : { quietSince: minutesAgo(options.quietMinutes) }),
        },
      ],
      restartHistory: options.history,
    }),
  });
}

describe('restartsWithin the last hour', () => {
  it.each<[string, Parameters<typeof pod>[0], number, number]>([
    [
      'a count seen an hour ago exactly gives the difference',
      { restarts: 9, history: [seen(3, 2 * 60, 60), seen(9, 10, 0)] },
      6,
      6,
    ],
    [
      'a count seen one minute after the hour began bounds it from below only',
      { restarts: 9, history: [seen(3, 59, 20), seen(9, 10, 0)] },
      6,
      9,
    ],
    [
      'a count seen only before the hour bounds it from above',
      { restarts: 9, history: [seen(3, 5 * 60, 61), seen(9, 10, 0)] },
      0,
      6,
    ],
    [
      'a pod younger than the hour restarted its whole count in it',
      { restarts: 7, history: [seen(7, 30, 0)], createdMinutesAgo: 40 },
      7,
      7,
    ],
    [
      'a container running since before the hour did not restart in it',
      { restarts: 40, history: [], quietMinutes: 61 },
      0,
      0,
    ],
    [
      'a container that started within the hour may have restarted any of its times',
      { restarts: 40, history: [], quietMinutes: 30 },
      0,
      40,
    ],
    [
      'one seen unchanged for the whole hour did not restart',
      { restarts: 12, history: [seen(12, 3 * 60, 0)] },
      0,
      0,
    ],
  ])('%s', (_case, options, atLeast, atMost) => {
    expect(restartsWithin(pod(options), NOW, HOUR)).toEqual({
      atLeast,
      atMost,
    });
  });

  it('tells nothing of a pod without a status, or a started one without container statuses', () => {
    expect(restartsWithin(workload({ pod: undefined }), NOW, HOUR)).toBe(
      undefined,
    );
    expect(
      restartsWithin(
        workload({ pod: podStatus({ containers: [] }) }),
        NOW,
        HOUR,
      ),
    ).toBe(undefined);
  });
});
