/**
 * The fault suite (`npm run faults`): every fault kind of issue 16 against
 * the cluster simulator, each checked for zero stored objects lost, the
 * other clusters collected, staleness once the last success is too old and
 * recovery on the next run; then a backend process is killed with SIGKILL,
 * and watches are dropped, answered 410 Gone and stalled, each to recover
 * within its run with nothing lost. Prints `faults survived N/N` and exits
 * non-zero unless all did.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FAULT_CASES, type FaultCase } from './faultCases';
import { FaultHarness, storedUids } from './faultHarness';
import { backendKilledMidRun } from './killedBackend';
import { watchFaultAttempts } from './watchFaults';
import { strict as assert } from 'node:assert';

function print(line: string) {
  process.stdout.write(`${line}\n`);
}

/** One in-process fault and the checks every fault must pass. */
async function survive(
  harness: FaultHarness,
  fault: FaultCase,
  index: number,
): Promise<void> {
  const [target, ...others] = harness.clusters;
  const db = await harness.freshDatabase(`fault-${index}`);
  try {
    const before = await storedUids(db.knex, target);
    await fault.run({ harness, db, target });
    // While the target's fault lasts, the other clusters are collected.
    for (const other of others) {
      const result = await harness.collect(other, db.store);
      assert.equal(result.status, 'succeeded', `${other}: ${result.error}`);
      await harness.assertComplete(db.knex, other);
    }
    await harness.assertNothingLost(db.knex, target, before);
    await harness.assertStaleAfterLimit(db.store, target);
    harness.setFaults(target, {});
    await harness.assertRecovers(db, target);
  } finally {
    harness.setFaults(target, {});
    await db.knex.destroy();
  }
}

async function main() {
  const started = Date.now();
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dr-faults-'));
  const harness = await FaultHarness.create(workDir);
  const attempts: Array<[string, () => Promise<void>]> = [
    ...FAULT_CASES.map((fault, i): [string, () => Promise<void>] => [
      fault.name,
      () => survive(harness, fault, i),
    ]),
    [
      'the backend process killed mid-run (SIGKILL)',
      () => backendKilledMidRun(harness, workDir),
    ],
    // Last: they add objects to the target cluster.
    ...watchFaultAttempts(harness),
  ];
  let survived = 0;
  for (const [name, attempt] of attempts) {
    const at = Date.now();
    try {
      await attempt();
      survived += 1;
      print(`  ✓ ${name} (${((Date.now() - at) / 1000).toFixed(1)} s)`);
    } catch (error) {
      print(`  ✗ ${name}: ${(error as Error).message}`);
    }
  }
  await harness.stop();
  fs.rmSync(workDir, { recursive: true, force: true });
  print(
    `faults survived ${survived}/${attempts.length} in ${Math.round(
      (Date.now() - started) / 1000,
    )} s`,
  );
  process.exit(survived === attempts.length ? 0 : 1);
}

// Run through Backstage's node transform (CommonJS): no top-level await.
main().catch(error => {
  process.stderr.write(`fault suite failed to run: ${error?.stack ?? error}\n`);
  process.exit(1);
});
