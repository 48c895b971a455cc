import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { JsonObject } from '@backstage/types';
import type { Knex } from 'knex';
import { disasterRecoveryPlugin } from '../plugin';

/** Waits until `check` holds, looking every 250 ms. */
export async function waitUntil(
  check: () => Promise<boolean>,
  timeoutMs: number,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise(resolve => setTimeout(resolve, 250));
  }
}

/**
 * One backend replica with the plugin on its own connection pool and the
 * real scheduler, which coordinates replicas through the database.
 */
export function replicaBackend(knex: Knex, disasterRecovery: JsonObject) {
  return startTestBackend({
    features: [
      disasterRecoveryPlugin,
      mockServices.database.factory({ knex }),
      // What goes wrong in a replica shows in the test's output.
      mockServices.rootLogger.factory({ level: 'warn' }),
      schedulerServiceFactory,
      mockServices.rootConfig.factory({ data: { disasterRecovery } }),
    ],
  });
}
