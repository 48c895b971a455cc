import { RECORD_KINDS } from '@dr-posture/plugin-disaster-recovery-common';
import type { CollectedRow } from '@dr-posture/plugin-disaster-recovery-node';
import { mergeRestartHistory } from './restartHistory';
import { workloadsSource } from './workloads';

const podKind = workloadsSource.resourceKinds.find(
  k => k.id === RECORD_KINDS.pod.id,
)!;

/** A pod as the typed client returns it: timestamps as Dates. */
function pod(restarts: number, state: object) {
  return {
    metadata: { name: 'payments-0', namespace: 'payments', uid: 'uid-pod' },
    spec: { nodeName: 'node-a', containers: [{ name: 'payments' }] },
    status: {
      phase: 'Running',
      conditions: [
        {
          type: 'Ready',
          status: 'False',
          lastTransitionTime: new Date('2026-11-18T11:00:00Z'),
        },
      ],
      containerStatuses: [
        { name: 'payments', restartCount: restarts, ready: false, state },
      ],
    },
  };
}

const seen = (at: string) => new Date(at);

function collect(
  object: unknown,
  at: string,
  stored?: { row: CollectedRow; lastSeenAt: string },
): CollectedRow {
  const row = podKind.toRow(object);
  return podKind.carryOver!(
    row,
    stored
      ? { record: stored.row.record, lastSeenAt: stored.lastSeenAt }
      : undefined,
    seen(at),
  );
}

describe('a pod as collected', () => {
  it('keeps its node, readiness and containers, and its restart count with when it was seen', () => {
    const row = collect(
      pod(4, { waiting: { reason: 'CrashLoopBackOff' } }),
      '2026-11-18T12:00:00Z',
    );
    expect(row.record.pod).toEqual({
      nodeName: 'node-a',
      phase: 'Running',
      ready: { status: 'False', since: '2026-11-18T11:00:00.000Z' },
      containers: [
        {
          name: 'payments',
          restarts: 4,
          ready: false,
          waitingReason: 'CrashLoopBackOff',
        },
      ],
      restartHistory: [
        {
          restarts: 4,
          firstSeenAt: '2026-11-18T12:00:00.000Z',
          lastSeenAt: '2026-11-18T12:00:00.000Z',
        },
      ],
    });
  });

  it('carries the counts of its earlier versions over, extending the newest while it holds', () => {
    const running = {
      running: { startedAt: new Date('2026-11-18T11:58:00Z') },
    };
    const first = collect(pod(4, running), '2026-11-18T12:00:00Z');
    // Seen unchanged until 12:20 (the cluster's last success), then 6 at 12:25.
    const second = collect(pod(6, running), '2026-11-18T12:25:00Z', {
      row: first,
      lastSeenAt: '2026-11-18T12:20:00.000Z',
    });
    const third = collect(pod(6, running), '2026-11-18T12:30:00Z', {
      row: second,
      lastSeenAt: '2026-11-18T12:25:00.000Z',
    });
    expect(
      (third.record.pod as { restartHistory: unknown }).restartHistory,
    ).toEqual([
      {
        restarts: 4,
        firstSeenAt: '2026-11-18T12:00:00.000Z',
        lastSeenAt: '2026-11-18T12:20:00.000Z',
      },
      {
        restarts: 6,
        firstSeenAt: '2026-11-18T12:25:00.000Z',
        lastSeenAt: '2026-11-18T12:30:00.000Z',
      },
    ]);
  });
});

describe('mergeRestartHistory', () => {
  const at = (minutes: number) =>
    new Date(
      Date.parse('2026-11-18T12:00:00Z') + minutes * 60_000,
    ).toISOString();
  const count = (restarts: number, first: number, last: number) => ({
    restarts,
    firstSeenAt: at(first),
    lastSeenAt: at(last),
  });

  it('drops counts older than three hours but for the newest of them, which still bounds the hour', () => {
    expect(
      mergeRestartHistory(
        [count(1, -300, -290), count(2, -280, -200), count(3, -100, -90)],
        at(-90),
        count(4, 0, 0),
      ),
    ).toEqual([count(2, -280, -200), count(3, -100, -90), count(4, 0, 0)]);
  });

  it('keeps at most 24 counts', () => {
    const many = Array.from({ length: 30 }, (_, i) =>
      count(i, -60 + i, -60 + i),
    );
    const merged = mergeRestartHistory(many, at(-31), count(99, 0, 0));
    expect(merged).toHaveLength(24);
    expect(merged[merged.length - 1]).toEqual(count(99, 0, 0));
  });
});
