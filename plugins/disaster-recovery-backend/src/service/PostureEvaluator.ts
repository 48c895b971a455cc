import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  dependenciesOf,
  evaluateEntityPosture,
  hasDisasterRecoveryMapping,
  postureRecordsOf,
  summarizeEntityPosture,
  type CheckDefinition,
  type ClusterCollectionHealth,
  type ClusterFacts,
  type RecordKind,
  type EntityPostureResponse,
  type PostureOptions,
  type PostureRecords,
  type RecordedDrill,
  type TierPolicy,
} from '@dr-posture/plugin-disaster-recovery-common';
import type { DatabaseDrillStore } from '../database/DatabaseDrillStore';
import type {
  DatabasePostureStore,
  StoredPosture,
} from '../database/DatabasePostureStore';
import type { ResourceStore } from '../database/ResourceStore';

const ENTITY_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'metadata.annotations',
  'metadata.labels',
  'spec.owner',
  // The entity's environment, when no annotation names it.
  'spec.lifecycle',
  'spec.system',
  'relations',
];

/**
 * Works out the posture of every entity the suite can assess, with the
 * rules from -common, and stores it for the API: evaluation happens once per
 * cycle, not once per request.
 */
export class PostureEvaluator {
  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      resources: ResourceStore;
      drills: DatabaseDrillStore;
      postures: DatabasePostureStore;
      policies: TierPolicy[];
      /** Role and placement of every configured cluster. */
      clusters: readonly ClusterFacts[];
      logger: LoggerService;
      /** The kinds whose records the rules read: every source's. */
      recordKinds: readonly RecordKind[];
      /** Checks contributed by sources, after the built-in ones. */
      checks: readonly CheckDefinition[];
      /** Rule tunables from `disasterRecovery.posture`. */
      postureOptions?: PostureOptions;
    },
  ) {}

  /** Evaluates every entity with DR annotations or a Kubernetes mapping. */
  async evaluateAll(now = new Date()): Promise<number> {
    const { catalog, auth, postures, logger } = this.options;
    const credentials = await auth.getOwnServiceCredentials();
    const entities: Entity[] = [];
    for await (const page of catalog.streamEntities(
      { fields: ENTITY_FIELDS },
      { credentials },
    )) {
      entities.push(...page.filter(hasDisasterRecoveryMapping));
    }
    const inputs = await this.loadInputs();
    const evaluated = entities.map(entity =>
      this.evaluate(entity, inputs, now),
    );
    await postures.replaceAll(evaluated);
    logger.info(
      `Evaluated disaster-recovery posture of ${evaluated.length} entities`,
    );
    return evaluated.length;
  }

  /** Re-evaluates the given entities, e.g. after a drill was recorded. */
  async evaluateEntities(entities: Entity[], now = new Date()): Promise<void> {
    const inputs = await this.loadInputs();
    await this.options.postures.upsert(
      entities.map(entity => this.evaluate(entity, inputs, now)),
    );
  }

  private async loadInputs() {
    const { resources, drills } = this.options;
    const loaded = [];
    for (const kind of this.options.recordKinds) {
      loaded.push({ kind, records: await resources.listRecords({ kind }) });
    }
    const records = postureRecordsOf(loaded);
    const clusterHealth: ClusterCollectionHealth[] = (
      await resources.listClusterHealth()
    ).map(health => ({ ...health, configured: true }));
    return { records, drills: await drills.list(), clusterHealth };
  }

  private evaluate(
    entity: Entity,
    inputs: {
      records: PostureRecords;
      drills: RecordedDrill[];
      clusterHealth: ClusterCollectionHealth[];
    },
    now: Date,
  ): StoredPosture {
    const posture = evaluateEntityPosture({
      entity,
      policies: this.options.policies,
      records: inputs.records,
      checks: this.options.checks,
      drills: inputs.drills,
      clusterHealth: inputs.clusterHealth,
      clusters: this.options.clusters,
      now,
      options: this.options.postureOptions,
    });
    const { policy, protection } = posture;
    const usedClusters = new Set(
      [
        ...protection.schedules,
        ...protection.storageLocations,
        ...protection.postgresClusters,
      ].map(item => item.ref.cluster),
    );
    const detail: EntityPostureResponse = {
      summary: summarizeEntityPosture(entity, posture, now),
      policy,
      posture: {
        entityRef: posture.entityRef,
        status: posture.status,
        checks: posture.checks,
      },
      schedules: protection.schedules,
      storageLocations: protection.storageLocations,
      postgresClusters: protection.postgresClusters,
      backupHistory: protection.backupHistory,
      restoreTests: protection.restoreTests,
      otherEnvironments: protection.otherEnvironments,
      staleClusters: inputs.clusterHealth
        .filter(h => h.staleSince && usedClusters.has(h.name))
        .map(h => ({
          name: h.name,
          staleSince: h.staleSince!,
          lastError: h.lastError,
        })),
    };
    return {
      detail,
      dependsOn: dependenciesOf(entity),
    };
  }
}
