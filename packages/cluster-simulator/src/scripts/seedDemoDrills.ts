import { Command, InvalidArgumentError } from 'commander';
import {
  demoDrillRecord,
  demoDrills,
  type DemoDrill,
} from '../scenarios/demo/demoDrills.ts';

/**
 * `yarn workspace @dr-posture/cluster-simulator seed:drills`: records the
 * demo's drills (relative to now) through the running portal's backend, as
 * a guest user would with the "Record drill" dialog, and voids those the
 * demo shows voided. Drills cannot come from the simulator because they are
 * not Kubernetes objects: the backend stores them. Idempotent: an entity that already has drills gets none, so a
 * restart of the portal keeps the drills of its first start.
 */

const API = '/api/disaster-recovery';

function seconds(value: string): number {
  const parsed = Number(value);
  if (!(parsed > 0)) {
    throw new InvalidArgumentError('expected a positive number of seconds');
  }
  return parsed;
}

const program = new Command()
  .name('seed-demo-drills')
  .description(
    "Records the demo's drills through the disaster-recovery backend",
  )
  .option(
    '--backend <url>',
    "the portal backend's base URL",
    'http://localhost:7007',
  )
  .option(
    '--timeout <seconds>',
    'how long to wait for the backend and the catalog',
    seconds,
    600,
  );

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/** Retries `attempt` every 2 s until it returns a value or the deadline passes. */
async function poll<T>(
  what: string,
  deadline: number,
  attempt: () => Promise<T | undefined>,
): Promise<T> {
  let lastError = 'no answer yet';
  while (Date.now() < deadline) {
    try {
      const value = await attempt();
      if (value !== undefined) {
        return value;
      }
    } catch (error) {
      // The backend is still starting: connection refused until it listens.
      lastError = error instanceof Error ? error.message : String(error);
    }
    await sleep(2_000);
  }
  throw new Error(`timed out waiting for ${what} (${lastError})`);
}

function entityPath(entityRef: string): string {
  const [kind, rest] = entityRef.split(':');
  const [namespace, name] = rest.split('/');
  return `${API}/entities/${kind}/${namespace}/${name}/drills`;
}

async function main() {
  const { backend, timeout } = program
    .parse()
    .opts<{ backend: string; timeout: number }>();
  const deadline = Date.now() + timeout * 1000;
  const url = (path: string) => new URL(path, backend).toString();

  await poll('the disaster-recovery backend', deadline, async () =>
    (await fetch(url(`${API}/health`))).ok ? true : undefined,
  );
  const token = await poll('a guest token', deadline, async () => {
    const response = await fetch(url('/api/auth/guest/refresh'), {
      method: 'POST',
    });
    return response.ok
      ? ((await response.json()).backstageIdentity.token as string)
      : undefined;
  });
  const headers = {
    Authorization: `Bearer ${token}`,
    'Content-Type': 'application/json',
  };

  // Each drill is posted on its first entity. Whether an entity was seeded is
  // decided before posting anything, as one drill also lands on the others.
  const byEntity = new Map<string, DemoDrill[]>();
  for (const drill of demoDrills(Date.now())) {
    const owner = drill.entityRefs[0];
    byEntity.set(owner, [...(byEntity.get(owner) ?? []), drill]);
  }
  const seeded = new Set<string>();
  for (const entityRef of byEntity.keys()) {
    // 404 until the catalog has ingested the example entities.
    const existing = await poll(
      `${entityRef} in the catalog`,
      deadline,
      async () => {
        const response = await fetch(url(entityPath(entityRef)), { headers });
        if (response.status === 404) {
          return undefined;
        }
        if (!response.ok) {
          throw new Error(
            `GET ${entityPath(entityRef)} answered ${
              response.status
            }: ${await response.text()}`,
          );
        }
        return ((await response.json()).items as unknown[]).length;
      },
    );
    if (existing > 0) {
      seeded.add(entityRef);
    }
  }
  let recorded = 0;
  for (const [entityRef, drills] of byEntity) {
    if (seeded.has(entityRef)) {
      continue;
    }
    for (const drill of drills) {
      const response = await fetch(url(entityPath(entityRef)), {
        method: 'POST',
        headers,
        body: JSON.stringify(demoDrillRecord(drill)),
      });
      if (response.status !== 201) {
        throw new Error(
          `recording a ${drill.kind} of ${entityRef} answered ${
            response.status
          }: ${await response.text()}`,
        );
      }
      recorded++;
      if (drill.voidReason) {
        const { id } = (await response.json()) as { id: string };
        const voided = await fetch(url(`${entityPath(entityRef)}/${id}/void`), {
          method: 'POST',
          headers,
          body: JSON.stringify({ reason: drill.voidReason }),
        });
        if (voided.status !== 200) {
          throw new Error(
            `voiding a ${drill.kind} of ${entityRef} answered ${
              voided.status
            }: ${await voided.text()}`,
          );
        }
      }
    }
  }
  process.stdout.write(
    `Recorded ${recorded} demo drills; ${seeded.size} of ${byEntity.size} entities already had drills and were left as they were.\n`,
  );
}

main().catch(error => {
  process.stderr.write(
    `Seeding the demo drills FAILED: ${
      error instanceof Error ? error.message : String(error)
    }\n`,
  );
  process.exit(1);
});
