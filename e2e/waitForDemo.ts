import {
  DEMO_INTENDED_POSTURE,
  demoDrills,
} from '@dr-posture/cluster-simulator';
import type {
  ClusterCollectionHealthResponse,
  OverviewResponse,
} from '@dr-posture/plugin-disaster-recovery-common';

/** The demo portal's backend. */
export const BACKEND = process.env.E2E_BACKEND_URL ?? 'http://localhost:7007';
const API = `${BACKEND}/api/disaster-recovery`;
const READY_TIMEOUT_MS = 8 * 60_000;

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/** A token of the demo's guest user, as the portal signs in. */
export async function guestToken(): Promise<string> {
  const response = await fetch(`${BACKEND}/api/auth/guest/refresh`, {
    method: 'POST',
  });
  if (!response.ok)
    throw new Error(`guest sign-in answered ${response.status}`);
  return (await response.json()).backstageIdentity.token;
}

async function getJson<T>(path: string, token: string): Promise<T> {
  const response = await fetch(`${API}${path}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  if (!response.ok) throw new Error(`GET ${path} answered ${response.status}`);
  return response.json();
}

function drillsPath(entityRef: string): string {
  const [kind, rest] = entityRef.split(':');
  return `/entities/${kind}/${rest}/drills`;
}

/**
 * Why the demo is not ready yet, or undefined once it is: every cluster has
 * finished a collection run, the demo drills are recorded, and every demo
 * entity was evaluated after both, so the pages show the demo's story rather
 * than a half-collected estate.
 */
async function notReadyBecause(since: { ready?: number }) {
  const token = await guestToken();
  const clusters = await getJson<ClusterCollectionHealthResponse>(
    '/clusters',
    token,
  );
  // A watching collector's latest run is open for as long as it watches, so
  // a cluster counts as collected once any run of it has finished.
  const uncollected = clusters.items.filter(
    cluster =>
      cluster.configured &&
      !cluster.lastSuccessAt &&
      !cluster.lastRun?.finishedAt,
  );
  if (uncollected.length > 0) {
    return `collecting ${uncollected.map(c => c.name).join(', ')}`;
  }
  const drillOwners = new Set(demoDrills(Date.now()).map(d => d.entityRefs[0]));
  for (const entityRef of drillOwners) {
    const drills = await getJson<{ items: unknown[] }>(
      drillsPath(entityRef),
      token,
    );
    if (drills.items.length === 0) return `no drills yet on ${entityRef}`;
  }
  since.ready ??= Date.now();
  const overview = await getJson<OverviewResponse>(
    '/overview?limit=100',
    token,
  );
  const expected = Object.keys(DEMO_INTENDED_POSTURE).length;
  if (overview.totalItems < expected) {
    return `${overview.totalItems} of ${expected} entities evaluated`;
  }
  // An incremental evaluator judges again only what changed, so an entity
  // judged before the drills were in counts once it shows its intended status.
  const stale = overview.items.filter(
    item =>
      Date.parse(item.evaluatedAt) < since.ready! &&
      item.status !== DEMO_INTENDED_POSTURE[item.name]?.status,
  );
  return stale.length > 0
    ? `${stale.length} entities not re-evaluated since collection`
    : undefined;
}

/** Playwright global setup: waits until the demo portal tells its story. */
export default async function waitForDemo() {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  const since: { ready?: number } = {};
  let reason = 'no answer yet';
  while (Date.now() < deadline) {
    try {
      const why = await notReadyBecause(since);
      if (!why) return;
      reason = why;
    } catch (error) {
      reason = error instanceof Error ? error.message : String(error);
    }
    await sleep(3_000);
  }
  throw new Error(`The demo portal was not ready in time: ${reason}`);
}
