import type { ResourceStore } from '../../database/ResourceStore';
import { instrumentCollection } from './instrumentCollection';
import { P, recordingMetrics } from '../../__testUtils__/recordingMetrics';

describe('instrumentCollection', () => {
  it('counts runs, errors and objects as the store records them', async () => {
    const store = {
      upsertPage: async () => 7,
      completeRun: async () => 1,
      failRun: async () => {},
      prune: jest.fn(async () => ({ resources: 0, runs: 0 })),
    } as unknown as ResourceStore;
    const { metrics, points } = recordingMetrics();
    const counted = instrumentCollection(store, metrics);

    expect(await counted.upsertPage('a', 'velero-backup', [], new Date())).toBe(
      7,
    );
    await counted.completeRun({
      runId: 1,
      cluster: 'a',
      finishedAt: new Date(),
      seenUids: new Map(),
      counts: { seen: 0, written: 0, skipped: 0 },
      details: { kinds: {}, skippedObjects: [] },
    });
    await counted.failRun({
      runId: 2,
      cluster: 'b',
      finishedAt: new Date(),
      error: 'connection refused',
      counts: { seen: 0, written: 0, skipped: 0, deleted: 0 },
      details: { kinds: {}, skippedObjects: [] },
    });
    // Methods it does not count are the store's own.
    expect(await counted.prune(new Date())).toEqual({ resources: 0, runs: 0 });
    expect(store.prune).toHaveBeenCalledTimes(1);

    expect(points.get(`${P}.collection.objects.written`)).toEqual([
      [7, { cluster: 'a', kind: 'velero-backup' }],
    ]);
    expect(points.get(`${P}.collection.objects.deleted`)).toEqual([
      [1, { cluster: 'a' }],
    ]);
    expect(points.get(`${P}.collection.runs`)).toEqual([
      [1, { cluster: 'a', outcome: 'succeeded' }],
      [1, { cluster: 'b', outcome: 'failed' }],
    ]);
    expect(points.get(`${P}.collection.errors`)).toEqual([
      [1, { cluster: 'b', reason: 'connection refused' }],
    ]);
  });
});
