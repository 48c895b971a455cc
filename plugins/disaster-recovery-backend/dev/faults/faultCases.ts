import { strict as assert } from 'node:assert';
import type { FaultSettings } from '@dr-posture/cluster-simulator';
import type { CollectionResult } from '../../src/collector/collectCluster';
import type { ResourceStore } from '../../src/database/ResourceStore';
import {
  sqliteFile,
  type CollectOptions,
  type FaultDatabase,
  type FaultHarness,
} from './faultHarness';

/** What a fault case gets: the harness, its own database and the cluster to hit. */
export interface FaultRun {
  harness: FaultHarness;
  db: FaultDatabase;
  target: string;
}

/**
 * One fault: `run` collects the target cluster while the fault lasts and
 * checks what is particular to it. The suite then checks what every fault
 * must leave: nothing lost, the other clusters collected, staleness once the
 * last success is too old, and recovery on the next run.
 */
export interface FaultCase {
  name: string;
  run(context: FaultRun): Promise<void>;
}

/** The reason and the detail of a failed run, for matching. */
function errorText(result: CollectionResult): string {
  return `${result.error ?? ''} ${result.errorDetail ?? ''}`;
}

function assertFailed(result: CollectionResult, pattern: RegExp): void {
  assert.equal(result.status, 'failed', 'the run under the fault succeeded');
  assert.equal(result.deleted, 0);
  assert.match(errorText(result), pattern);
}

async function waitFor(condition: () => boolean, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) return false;
    await new Promise(resolve => setTimeout(resolve, 20));
  }
  return true;
}

/** A fault of the cluster's API server, set in the simulator. */
function apiFault(
  name: string,
  faults: FaultSettings,
  expected: RegExp,
  options: CollectOptions & {
    /** Checks of the requests the run made. */
    requests?: { min: number; max: number };
  } = {},
): FaultCase {
  return {
    name,
    async run({ harness, db, target }) {
      harness.setFaults(target, faults);
      const result = await harness.collect(target, db.store, {
        budgetMs: 2_000,
        requestTimeoutMs: 1_000,
        ...options,
      });
      assertFailed(result, expected);
      const { requests, openHungRequests } =
        harness.simulator.faultStats(target);
      if (options.requests) {
        assert.ok(
          requests >= options.requests.min && requests <= options.requests.max,
          `${requests} requests, expected ${options.requests.min} to ${options.requests.max}`,
        );
      }
      // Every request given up on had its connection closed.
      assert.ok(
        openHungRequests === 0 ||
          (await waitFor(
            () => harness.simulator.faultStats(target).openHungRequests === 0,
            1_000,
          )),
        'a timed-out request left its connection open',
      );
    },
  };
}

/**
 * A store that awaits `onPage` with the page number first whenever a listed
 * page is compared with it (`storedVersions`): every page is, whether the
 * run writes it or finds it unchanged from metadata alone.
 */
function storeWithPageHook(
  store: ResourceStore,
  onPage: (page: number) => void | Promise<void>,
): ResourceStore {
  let pages = 0;
  return Object.assign(Object.create(store), {
    storedVersions: async (
      ...args: Parameters<ResourceStore['storedVersions']>
    ) => {
      await onPage(++pages);
      return store.storedVersions(...args);
    },
  });
}

const databaseUnavailable: FaultCase = {
  name: 'the database unavailable during a run',
  async run({ harness, db, target }) {
    // Another connection (one of its own) takes the SQLite file's exclusive
    // lock at the second page: every read and write of the run fails,
    // recording the failure too.
    const locker = sqliteFile(db.file);
    let locked = false;
    const store = storeWithPageHook(db.store, async page => {
      if (page === 2) {
        await locker.raw('BEGIN EXCLUSIVE');
        locked = true;
      }
    });
    let result: CollectionResult;
    try {
      result = await harness.collect(target, store, { pageSize: 50 });
    } finally {
      if (locked) await locker.raw('ROLLBACK');
      await locker.destroy();
    }
    assertFailed(result, /database is locked|plugin database/);
    // The failure could not be recorded: the run stays open until the
    // cluster's next run closes it.
    const health = await harness.health(db.store, target, new Date());
    assert.equal(health.lastRun?.status, 'running');
  },
};

const schedulerAbort: FaultCase = {
  name: "the scheduler's abort signal mid-run",
  async run({ harness, db, target }) {
    const controller = new AbortController();
    let abortedAt = 0;
    const store = storeWithPageHook(db.store, page => {
      if (page === 2) {
        abortedAt = Date.now();
        controller.abort();
      }
    });
    const result = await harness.collect(target, store, {
      pageSize: 50,
      signal: controller.signal,
    });
    assertFailed(result, /scheduler aborted the run/);
    const took = Date.now() - abortedAt;
    assert.ok(took < 1_000, `the run went on for ${took} ms after the abort`);
  },
};

/** Every fault run in the suite's own process, in order. */
export const FAULT_CASES: FaultCase[] = [
  apiFault('5xx: 503 on every request', { errorRates: { '503': 1 } }, /503/),
  apiFault(
    '5xx midway: 500 after 8 requests',
    { faultsAfterRequests: 8, errorRates: { '500': 1 } },
    /500/,
  ),
  // Each attempt is API discovery: one or two requests (/api and /apis; the
  // second is aborted once the first fails). A waited Retry-After allows at
  // most 3 attempts here; an ignored one leaves exponential backoff from
  // 250 ms, which makes 7 or more.
  // Retry-After 0 is at least a second: no tight loop.
  apiFault(
    '429 with Retry-After: 0',
    { errorRates: { '429': 1 }, retryAfterSeconds: 0 },
    /429/,
    { budgetMs: 3_000, requests: { min: 2, max: 6 } },
  ),
  apiFault(
    '429 with Retry-After in seconds (2)',
    { errorRates: { '429': 1 }, retryAfterSeconds: 2 },
    /429/,
    { budgetMs: 5_000, requests: { min: 2, max: 6 } },
  ),
  apiFault(
    '429 with Retry-After as an HTTP-date (3 s ahead)',
    { errorRates: { '429': 1 }, retryAfterSeconds: 3, retryAfterForm: 'date' },
    /429/,
    { budgetMs: 5_000, requests: { min: 2, max: 6 } },
  ),
  apiFault(
    'dropped connection',
    { dropConnectionRate: 1 },
    /connection dropped|premature close/i,
  ),
  apiFault('truncated JSON', { truncatedJsonRate: 1 }, /JSON/),
  apiFault('malformed JSON', { malformedJsonRate: 1 }, /JSON/),
  apiFault('hung request (no answer)', { hangRate: 1 }, /timed out/, {
    budgetMs: 1_500,
    requestTimeoutMs: 400,
  }),
  apiFault(
    'stalled body (headers, half the body, then nothing)',
    { stallBodyRate: 1 },
    /timed out/,
    { budgetMs: 1_500, requestTimeoutMs: 400 },
  ),
  apiFault(
    'expired continue token (410 Expired)',
    { continueExpiryAfterPages: 1 },
    /410|Expired/,
    { pageSize: 50 },
  ),
  apiFault(
    '404 everywhere (a mistyped URL)',
    { errorRates: { '404': 1 } },
    /discovery.*404|404.*discovery/i,
  ),
  apiFault(
    'token revoked mid-run (401)',
    { faultsAfterRequests: 8, tokenRevoked: 'unauthorized' },
    /401/,
  ),
  apiFault(
    "token's role removed mid-run (403)",
    { faultsAfterRequests: 8, tokenRevoked: 'forbidden' },
    /403/,
  ),
  databaseUnavailable,
  schedulerAbort,
];
