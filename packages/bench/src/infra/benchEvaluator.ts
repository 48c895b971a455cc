import type { AuthService } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { DEFAULT_TIER_POLICIES } from '@dr-posture/plugin-disaster-recovery-common';
import type { Knex } from 'knex';
import {
  DatabaseBackupHistoryStore,
  type builtInResourceKinds,
  type DatabaseResourceStore,
} from '../backendInternals';
import {
  DatabaseChangeQueue,
  DatabaseDrillStore,
  DatabasePostureStore,
  PostureEvaluator,
} from '../liveInternals';
import { quietLogger } from '../workers/workerInput';

/**
 * The backend's evaluator outside a backend, as the live benchmarks run it:
 * a fixed catalog, production clusters, the default tier policies and the
 * built-in checks only.
 */
export function benchEvaluator(options: {
  knex: Knex;
  store: DatabaseResourceStore;
  entities: Entity[];
  clusters: ReadonlyArray<{ name: string }>;
  resourceKinds: ReturnType<typeof builtInResourceKinds>;
}): PostureEvaluator {
  const { knex, store, entities, clusters, resourceKinds } = options;
  return new PostureEvaluator({
    catalog: {
      async *streamEntities() {
        yield entities;
      },
    } as unknown as CatalogService,
    auth: {
      getOwnServiceCredentials: async () => ({}),
    } as unknown as AuthService,
    resources: store,
    history: DatabaseBackupHistoryStore.create(knex),
    drills: DatabaseDrillStore.create(knex),
    postures: DatabasePostureStore.create(knex),
    changes: DatabaseChangeQueue.create(knex),
    policies: [...DEFAULT_TIER_POLICIES],
    clusters: clusters.map(c => ({ name: c.name, role: 'production' })),
    logger: quietLogger,
    recordKinds: resourceKinds,
    checks: [],
  });
}
