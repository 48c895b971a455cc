import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import {
  parseEntityRef,
  stringifyEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  evaluateEntityPosture,
  hasDisasterRecoveryMapping,
  type ClusterCollectionHealth,
  type EntityPostureResponse,
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
  'spec.system',
  'relations',
];

/** The record kinds the posture rules read, by the store's kind id. */
export const RECORD_KINDS: Record<keyof PostureRecords, string[]> = {
  backups: ['velero.io/Backup'],
  schedules: ['velero.io/Schedule'],
  restores: ['velero.io/Restore'],
  storageLocations: ['velero.io/BackupStorageLocation'],
  postgresClusters: ['postgresql.cnpg.io/Cluster'],
  objectStores: ['barmancloud.cnpg.io/ObjectStore'],
  postgresBackups: ['postgresql.cnpg.io/Backup'],
  postgresScheduledBackups: ['postgresql.cnpg.io/ScheduledBackup'],
  workloads: ['Pod', 'PersistentVolumeClaim'],
};

function relationTargets(entity: Entity, type: string, kind?: string) {
  return (entity.relations ?? [])
    .filter(r => r.type === type)
    .map(r => r.targetRef)
    .filter(ref => !kind || ref.startsWith(`${kind}:`));
}

function normalisedRef(
  ref: string | undefined,
  defaultKind: string,
  defaultNamespace: string,
): string | undefined {
  if (!ref) return undefined;
  try {
    return stringifyEntityRef(
      parseEntityRef(ref, { defaultKind, defaultNamespace }),
    );
  } catch {
    return undefined;
  }
}

function lastDrillOutcome(
  lastDrill: { succeeded: boolean } | undefined,
): 'succeeded' | 'failed' | undefined {
  if (!lastDrill) return undefined;
  return lastDrill.succeeded ? 'succeeded' : 'failed';
}

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
      logger: LoggerService;
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
    const records: PostureRecords = {};
    for (const [key, kinds] of Object.entries(RECORD_KINDS)) {
      const loaded = [];
      for (const kind of kinds) {
        for (const stored of await resources.listResources({ kind })) {
          loaded.push({
            ...stored.record,
            cluster: stored.cluster,
            lastSeenAt: stored.lastSeenAt,
          });
        }
      }
      (records as Record<string, unknown[]>)[key] = loaded;
    }
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
      drills: inputs.drills,
      clusterHealth: inputs.clusterHealth,
      now,
    });
    const { policy, protection } = posture;
    const namespace = entity.metadata.namespace ?? 'default';
    // Failing checks first, then warnings, each in rule order.
    const failing = [
      ...posture.checks.filter(c => c.status === 'fail'),
      ...posture.checks.filter(c => c.status === 'warn'),
    ];
    const usedClusters = new Set(
      [
        ...protection.schedules,
        ...protection.storageLocations,
        ...protection.postgresClusters,
      ].map(item => item.ref.cluster),
    );
    const detail: EntityPostureResponse = {
      summary: {
        entityRef: posture.entityRef,
        kind: entity.kind,
        namespace,
        name: entity.metadata.name,
        title: entity.metadata.title,
        owner:
          relationTargets(entity, 'ownedBy')[0] ??
          normalisedRef(
            entity.spec?.owner as string | undefined,
            'group',
            namespace,
          ),
        system:
          relationTargets(entity, 'partOf', 'system')[0] ??
          normalisedRef(
            entity.spec?.system as string | undefined,
            'system',
            namespace,
          ),
        tier: policy.tier.ok ? policy.tier.value.id : undefined,
        status: posture.status,
        failingChecks: failing.map(c => ({
          id: c.id,
          status: c.status,
          title: c.title,
        })),
        rpoMs: policy.rpoMs.ok ? policy.rpoMs.value : undefined,
        rtoMs: policy.rtoMs.ok ? policy.rtoMs.value : undefined,
        lastCleanBackupAt: protection.lastCleanBackupAt,
        lastDrillAt: protection.lastDrill?.endedAt,
        lastDrillOutcome: lastDrillOutcome(protection.lastDrill),
        evaluatedAt: now.toISOString(),
      },
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
      dependsOn: relationTargets(entity, 'dependsOn'),
    };
  }
}
