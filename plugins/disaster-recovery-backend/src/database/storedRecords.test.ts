import { TestDatabases } from '@backstage/backend-test-utils';
import { RECORD_KINDS } from '@dr-posture/plugin-disaster-recovery-common';
import type { CollectedRow } from '@dr-posture/plugin-disaster-recovery-node';
import { DatabaseResourceStore } from './DatabaseResourceStore';
import { applyDatabaseMigrations } from './migrations';

jest.setTimeout(60_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15', 'MYSQL_8'],
});

const KIND = RECORD_KINDS.pod;
const T0 = new Date('2026-11-01T10:00:00.000Z');
const T1 = new Date('2026-11-01T10:05:00.000Z');

function pod(name: string, restarts: number) {
  const row: CollectedRow = {
    namespace: 'payments',
    name,
    uid: `uid-${name}`,
    resourceVersion: String(restarts),
    record: { kind: 'Pod', labels: {}, restarts },
  };
  return { row, raw: {} };
}

describe('storedRecords', () => {
  it.each(databases.eachSupportedId())(
    "gives a live object's stored record, seen until the cluster's last success, %p",
    async databaseId => {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      const store = DatabaseResourceStore.create(knex);
      const runId = await store.startRun('prod', T0);
      await store.upsertPage('prod', KIND.id, [pod('a', 3), pod('b', 0)], T0);
      await store.completeRun({
        runId,
        cluster: 'prod',
        finishedAt: T0,
        seenUids: new Map([[KIND.id, new Set(['uid-a', 'uid-b'])]]),
        counts: { seen: 2, written: 2, skipped: 0 },
        details: { kinds: {}, skippedObjects: [] },
      });
      // The next run saw neither change: both were last seen when it ended.
      const next = await store.startRun('prod', T1);
      await store.completeRun({
        runId: next,
        cluster: 'prod',
        finishedAt: T1,
        seenUids: new Map([[KIND.id, new Set(['uid-a'])]]),
        counts: { seen: 1, written: 0, skipped: 0 },
        details: { kinds: {}, skippedObjects: [] },
      });

      const stored = await store.storedRecords('prod', [
        'uid-a',
        'uid-b',
        'uid-missing',
      ]);
      // b vanished in the second run: no live record to carry over.
      expect([...stored.keys()]).toEqual(['uid-a']);
      expect(stored.get('uid-a')).toEqual({
        record: { kind: 'Pod', labels: {}, restarts: 3 },
        lastSeenAt: T1.toISOString(),
      });
      expect(await store.storedRecords('other', ['uid-a'])).toEqual(new Map());
      expect(await store.storedRecords('prod', [])).toEqual(new Map());
    },
  );
});
