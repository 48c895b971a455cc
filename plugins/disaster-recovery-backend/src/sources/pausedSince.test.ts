import type { JsonObject } from '@backstage/types';
import type { CollectedRow } from '@dr-posture/plugin-disaster-recovery-node';
import { carryPausedSince } from './pausedSince';

const SEEN_AT = new Date('2026-12-01T12:00:00.000Z');
const EARLIER = '2026-11-30T08:00:00.000Z';

const row = (record: JsonObject): CollectedRow => ({
  uid: 'u1',
  namespace: 'velero',
  name: 'daily',
  record,
});

describe('carryPausedSince', () => {
  it.each<[string, JsonObject, JsonObject | undefined, string | undefined]>([
    [
      'running: nothing to carry',
      { paused: false },
      { paused: false },
      undefined,
    ],
    [
      'paused when first collected: unknown since when',
      { paused: true },
      undefined,
      undefined,
    ],
    [
      'seen running, now paused: since this sighting',
      { paused: true },
      { paused: false },
      SEEN_AT.toISOString(),
    ],
    [
      'still paused: the time first seen is kept',
      { paused: true },
      { paused: true, pausedSince: EARLIER },
      EARLIER,
    ],
    [
      'still paused since before the first collection: still unknown',
      { paused: true },
      { paused: true },
      undefined,
    ],
    [
      'resumed: forgotten',
      { paused: false },
      { paused: true, pausedSince: EARLIER },
      undefined,
    ],
  ])('%s', (_, record, stored, expected) => {
    const carried = carryPausedSince('paused')(
      row(record),
      stored && { record: stored, lastSeenAt: EARLIER },
      SEEN_AT,
    );
    expect(carried.record.pausedSince).toBe(expected);
  });

  it("reads a ScheduledBackup's suspended flag", () => {
    const carried = carryPausedSince('suspended')(
      row({ suspended: true }),
      { record: { suspended: false }, lastSeenAt: EARLIER },
      SEEN_AT,
    );
    expect(carried.record.pausedSince).toBe(SEEN_AT.toISOString());
  });
});
