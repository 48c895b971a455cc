import { strict as assert } from 'node:assert';
import type { FaultSettings, KubeObject } from '@dr-posture/cluster-simulator';
import { simulatedClusterConfig } from '../../src/collector/simulatedClusterConfig';
import {
  watchCluster,
  type WatchClusterResult,
  type WatchSettings,
} from '../../src/collector/watchCluster';
import { builtInResourceKinds } from '../../src/sources/builtInSources';
import {
  quietLogger,
  storedUids,
  type FaultDatabase,
  type FaultHarness,
} from './faultHarness';

/** Quick to notice a dead stream, so that each case is quick. */
const SETTINGS: WatchSettings = {
  relistAfterMs: 3_600_000,
  stallTimeoutMs: 1_000,
  watchTimeoutSeconds: 300,
  batchMaxEvents: 200,
  batchMaxDelayMs: 200,
  checkpointMs: 500,
};

function watch(
  harness: FaultHarness,
  cluster: string,
  db: FaultDatabase,
  runMs: number,
): Promise<WatchClusterResult> {
  const info = harness.simulator.clusters.find(c => c.name === cluster)!;
  return watchCluster({
    cluster: simulatedClusterConfig(info),
    resourceKinds: builtInResourceKinds(),
    store: db.store,
    logger: quietLogger,
    pageSize: 200,
    deadline: Date.now() + runMs,
    settings: SETTINGS,
    requestTimeoutMs: 2_000,
    maxRetryDelayMs: 500,
  });
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

async function waitFor(what: string, probe: () => Promise<boolean> | boolean) {
  const until = Date.now() + 60_000;
  while (!(await probe())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** New Backups in the cluster, as Velero would create them. */
function addBackups(
  harness: FaultHarness,
  cluster: string,
  prefix: string,
  count: number,
) {
  const [template] = harness.simulator.objects(
    cluster,
    'velero.io/v1',
    'Backup',
  );
  const { uid, resourceVersion, creationTimestamp, generation, ...metadata } =
    template.metadata as KubeObject['metadata'] & Record<string, unknown>;
  for (let i = 0; i < count; i++) {
    harness.simulator.apply(cluster, {
      ...template,
      metadata: { ...metadata, name: `${prefix}-${i}` },
    } as KubeObject);
  }
}

/** A watch fault: what happens to the streams while the cluster changes. */
interface WatchFault {
  name: string;
  /** How long the faulty run watches (a listing must fit in it). */
  runMs: number;
  /** Runs while the watch is open; makes changes the watch must not lose. */
  during(harness: FaultHarness, target: string): Promise<void>;
  check(result: WatchClusterResult): void;
}

const WATCH_FAULTS: WatchFault[] = [
  {
    name: 'watch: every stream dropped (connection reset) as it changes',
    runMs: 6_000,
    async during(harness, target) {
      harness.setFaults(target, { watchDropAfterMs: 150 });
      for (let i = 0; i < 6; i++) {
        addBackups(harness, target, `dropped-${i}`, 3);
        await sleep(250);
      }
      harness.setFaults(target, {});
    },
    check(result) {
      assert.ok(result.reconnects > 0, 'no stream was reopened');
      assert.equal(result.listings, 0, 'a drop made it list again');
    },
  },
  {
    name: 'watch: 410 Gone on resuming (history compacted while disconnected)',
    runMs: 40_000,
    async during(harness, target) {
      const drop: FaultSettings = { watchDropAfterMs: 0 };
      harness.setFaults(target, drop);
      addBackups(harness, target, 'compacted', 5);
      harness.simulator.compactWatchHistory(target);
      await sleep(300);
      harness.setFaults(target, {});
      addBackups(harness, target, 'after-relist', 2);
    },
    check(result) {
      assert.equal(result.listings, 1, 'the 410 did not make it list again');
    },
  },
  {
    name: 'watch: stalled streams, no bookmark for twice the stall timeout',
    runMs: 6_000,
    async during(harness, target) {
      harness.setFaults(target, { watchStall: true });
      addBackups(harness, target, 'stalled', 5);
      await sleep(2 * SETTINGS.stallTimeoutMs + 200);
      harness.setFaults(target, {});
    },
    check(result) {
      assert.ok(result.reconnects > 0, 'the stalled streams were kept');
      assert.equal(result.listings, 0, 'a stall made it list again');
    },
  },
];

/**
 * The watch faults, each on a copy of the baseline: the target is watched
 * (listed first), the fault hits while it changes, and the watch must end
 * its run succeeded with the store holding exactly what the cluster serves
 * and nothing stored before lost.
 */
export function watchFaultAttempts(
  harness: FaultHarness,
): Array<[string, () => Promise<void>]> {
  return WATCH_FAULTS.map((fault, index) => [
    fault.name,
    async () => {
      const [target] = harness.clusters;
      const db = await harness.freshDatabase(`watch-fault-${index}`);
      try {
        const before = await storedUids(db.knex, target);
        // A first run lists the cluster and starts the watches' history.
        const listed = await watch(harness, target, db, 30_000);
        assert.equal(listed.status, 'succeeded', `listing: ${listed.error}`);
        const run = watch(harness, target, db, fault.runMs);
        await waitFor(
          'the watches',
          () => harness.simulator.openWatchStreams(target) > 0,
        );
        await fault.during(harness, target);
        const result = await run;
        assert.equal(result.status, 'succeeded', `watch: ${result.error}`);
        fault.check(result);
        await harness.assertNothingLost(db.knex, target, before);
        await harness.assertComplete(db.knex, target);
      } finally {
        harness.setFaults(target, {});
        await db.knex.destroy();
      }
    },
  ]);
}
