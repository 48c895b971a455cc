import { randomUUID } from 'node:crypto';
import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import {
  parseEntityRef,
  stringifyEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  dependenciesOf,
  evaluateEntityPosture,
  hasDisasterRecoveryMapping,
  RECORD_KINDS,
  summarizeEntityPosture,
  type CheckDefinition,
  type ClusterCollectionHealth,
  type ClusterFacts,
  type EntityPosture,
  type EntityPostureResponse,
  type PostureOptions,
  type RecordKind,
  type TierPolicy,
} from '@dr-posture/plugin-disaster-recovery-common';
import type { DatabaseBackupHistoryStore } from '../database/DatabaseBackupHistoryStore';
import type { DatabaseChangeQueue } from '../database/DatabaseChangeQueue';
import type { DatabaseDrillStore } from '../database/DatabaseDrillStore';
import type {
  DatabasePostureStore,
  StoredPosture,
} from '../database/DatabasePostureStore';
import type { ResourceStore } from '../database/ResourceStore';
import {
  interestOf,
  touches,
  type EntityInterest,
} from './evaluation/entityInterest';
import {
  EvaluationInputs,
  SIGHTING_WINDOW_MS,
  type RecordChange,
} from './evaluation/EvaluationInputs';
import { nextStatusChange, statusesOf } from './evaluation/nextStatusChange';
import { protectingBackupGroups } from './protectingBackupGroups';

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

/** How incremental evaluation is paced. */
export interface IncrementalEvaluationOptions {
  /**
   * A full evaluation at least this often, as a safety net; also how far
   * ahead time-driven status changes are looked for.
   */
  fullEveryMs: number;
  /** How often the catalog is read for added, changed and removed entities. */
  catalogEveryMs: number;
  /** How closely a time-driven status change is placed. */
  reviewResolutionMs: number;
  /** More changed objects than this in one round evaluate everything. */
  maxChangesPerRound: number;
}

const DEFAULT_INCREMENTAL: IncrementalEvaluationOptions = {
  fullEveryMs: 60 * 60_000,
  catalogEveryMs: 60_000,
  reviewResolutionMs: 10_000,
  maxChangesPerRound: 20_000,
};

/**
 * How long the replica evaluating holds on to it without a round: then
 * another one takes over, reading everything again.
 */
const LEASE_MS = 30_000;

/** Queued change rows read per round (each holds up to a page of objects). */
const QUEUE_ROWS_PER_ROUND = 200;

interface CatalogEntry {
  entity: Entity;
  /** The entity as read, to tell a changed one. */
  json: string;
}

/** What a run keeps in memory between rounds. */
interface EvaluationState {
  inputs: EvaluationInputs;
  entities: Map<string, CatalogEntry>;
  interests: Map<string, EntityInterest>;
  /** When each entity's statuses may change with time alone (epoch ms). */
  reviews: Map<string, number>;
  health: string;
  fullAt: number;
  catalogAt: number;
}

function normalisedRef(ref: string): string | undefined {
  try {
    return stringifyEntityRef(parseEntityRef(ref));
  } catch {
    return undefined;
  }
}

/**
 * What of collection health the posture reads: which clusters are stale
 * (since when, why, last collected when), and a cluster's last success once
 * it is old enough for the last sightings it sets to matter.
 */
function healthProjection(
  health: readonly ClusterCollectionHealth[],
  now: Date,
): string {
  return JSON.stringify(
    health.map(h => {
      const stale = h.staleSince !== undefined;
      const sightingsMatter =
        h.lastSuccessAt !== undefined &&
        now.getTime() - Date.parse(h.lastSuccessAt) >= SIGHTING_WINDOW_MS;
      return [
        h.name,
        h.staleSince ?? null,
        stale ? h.lastError ?? null : null,
        stale || sightingsMatter ? h.lastSuccessAt ?? null : null,
      ];
    }),
  );
}

/**
 * Works out the posture of every entity the suite can assess, with the
 * rules from -common, and stores it for the API: evaluation happens when
 * inputs change, not once per request. A full evaluation reads every input
 * and judges every entity; after it, each round reads only the objects the
 * collector queued as changed, the drills, backup groups and collection
 * health, and judges again only the entities those changes touch (by the
 * rules' own matching, see `entityInterest`), those whose statuses time
 * alone turns now (found ahead by `nextStatusChange`), and entities the
 * catalog added or changed. Both read the same inputs in the same order,
 * so a round's results are those a full evaluation would give.
 */
export class PostureEvaluator {
  private state?: EvaluationState;
  private readonly incremental: IncrementalEvaluationOptions;
  /** This evaluator in the evaluation lease. */
  private readonly owner = randomUUID();

  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      resources: ResourceStore;
      history: DatabaseBackupHistoryStore;
      drills: DatabaseDrillStore;
      postures: DatabasePostureStore;
      /** The collector's queue of changed objects; without it rounds judge everything. */
      changes?: DatabaseChangeQueue;
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
      incremental?: Partial<IncrementalEvaluationOptions>;
    },
  ) {
    this.incremental = { ...DEFAULT_INCREMENTAL, ...options.incremental };
  }

  /** Evaluates every entity with DR annotations or a Kubernetes mapping. */
  async evaluateAll(now = new Date()): Promise<number> {
    const { postures, logger, changes } = this.options;
    // Read before the inputs: what is queued now is in them.
    const queued = changes ? await changes.pendingIds() : [];
    const entities = await this.readCatalog();
    const inputs = await EvaluationInputs.load(this.sources, now);
    const state: EvaluationState = {
      inputs,
      entities,
      interests: new Map(),
      reviews: new Map(),
      health: healthProjection(inputs.clusterHealth, now),
      fullAt: now.getTime(),
      catalogAt: now.getTime(),
    };
    const evaluated = this.judge(state, [...entities.keys()], now);
    await postures.replaceAll(evaluated);
    await changes?.remove(queued);
    this.state = state;
    logger.info(
      `Evaluated disaster-recovery posture of ${evaluated.length} entities`,
    );
    return evaluated.length;
  }

  /** Re-evaluates the given entities from fresh inputs, e.g. after a drill was recorded. */
  async evaluateEntities(entities: Entity[], now = new Date()): Promise<void> {
    const inputs = await EvaluationInputs.load(this.sources, now);
    await this.options.postures.upsert(
      entities.map(entity => this.evaluate(entity, inputs, now)),
    );
  }

  /**
   * One incremental round (see the class): returns how many entities it
   * judged. Without a full evaluation before it, or once the safety net
   * is due, it evaluates everything.
   */
  async evaluateChanges(now = new Date()): Promise<number> {
    const { state } = this;
    const { changes, resources, postures, checks } = this.options;
    if (
      !state ||
      !changes ||
      now.getTime() - state.fullAt >= this.incremental.fullEveryMs
    ) {
      return this.evaluateAll(now);
    }
    const { inputs } = state;
    const queued = await changes.read(QUEUE_ROWS_PER_ROUND);
    const objects = queued.flatMap(({ cluster, uids }) =>
      uids.map(uid => ({ cluster, uid })),
    );
    if (objects.length > this.incremental.maxChangesPerRound) {
      return this.evaluateAll(now);
    }
    const marked = new Set<string>();
    let everything = false;

    if (now.getTime() - state.catalogAt >= this.incremental.catalogEveryMs) {
      const entities = await this.readCatalog();
      // An entity gone from the catalog leaves the postures (and their
      // history records it) with a full evaluation.
      if ([...state.entities.keys()].some(ref => !entities.has(ref))) {
        return this.evaluateAll(now);
      }
      for (const [ref, entry] of entities) {
        if (state.entities.get(ref)?.json !== entry.json) marked.add(ref);
      }
      state.entities = entities;
      state.catalogAt = now.getTime();
    }

    await inputs.refreshHealth(now);
    const health = healthProjection(inputs.clusterHealth, now);
    if (health !== state.health) everything = true;
    state.health = health;
    for (const drill of await inputs.refreshDrills()) {
      for (const ref of drill.entityRefs) {
        const normalised = normalisedRef(ref);
        if (normalised) marked.add(normalised);
      }
    }
    // A new backup group is written with its backup's queued change (one
    // transaction), and groups go only when history is pruned, which the
    // next full evaluation reads: a round without changes has none.
    const groups = objects.length > 0 ? await inputs.refreshBackupGroups() : [];
    const changed: RecordChange[] = [
      ...inputs.applyRows(objects, await resources.readRows(objects), now),
      // A backup group stands for its backups in history.
      ...groups.map(group => ({
        kind: RECORD_KINDS.veleroBackup as RecordKind,
        after: group,
      })),
    ];
    // Checks of other sources may read anything.
    if (checks.length > 0 && changed.length > 0) everything = true;

    for (const ref of state.entities.keys()) {
      const interest = state.interests.get(ref);
      const review = state.reviews.get(ref);
      if (
        everything ||
        !interest ||
        (review !== undefined && review <= now.getTime()) ||
        changed.some(
          ({ kind, before, after }) =>
            (before !== undefined && touches(interest, kind, before)) ||
            (after !== undefined && touches(interest, kind, after)),
        )
      ) {
        marked.add(ref);
      }
    }
    const refs = [...marked].filter(ref => state.entities.has(ref));
    if (refs.length > 0) {
      await postures.upsert(this.judge(state, refs, now));
    }
    await changes.remove(queued.map(change => change.id));
    return refs.length;
  }

  /**
   * The scheduled evaluation: a round on the replica that holds the
   * evaluation lease (it is taken over once it lapses); a full evaluation
   * first when another replica handled changes since this one's last
   * round. Other replicas do nothing, so that one keeps what it read.
   */
  async evaluateTurn(now = new Date()): Promise<number> {
    const { changes } = this.options;
    if (!changes) return this.evaluateAll(now);
    const claim = await changes.claim(
      this.owner,
      now.getTime(),
      now.getTime() + LEASE_MS,
    );
    if (!claim.held) return 0;
    if (!claim.continued) this.state = undefined;
    const evaluated = await this.evaluateChanges(now);
    await changes.renew(this.owner, Date.now() + LEASE_MS);
    return evaluated;
  }

  private get sources() {
    const { resources, history, drills, recordKinds } = this.options;
    return { resources, history, drills, recordKinds };
  }

  private async readCatalog(): Promise<Map<string, CatalogEntry>> {
    const { catalog, auth } = this.options;
    const credentials = await auth.getOwnServiceCredentials();
    const entities = new Map<string, CatalogEntry>();
    for await (const page of catalog.streamEntities(
      { fields: ENTITY_FIELDS },
      { credentials },
    )) {
      for (const entity of page.filter(hasDisasterRecoveryMapping)) {
        entities.set(stringifyEntityRef(entity), {
          entity,
          json: JSON.stringify(entity),
        });
      }
    }
    return entities;
  }

  /**
   * Evaluates these entities of the state, and works out what each reads
   * and when time alone next changes its statuses.
   */
  private judge(
    state: EvaluationState,
    refs: readonly string[],
    now: Date,
  ): StoredPosture[] {
    const { inputs } = state;
    return refs.map(ref => {
      const { entity } = state.entities.get(ref)!;
      const posture = this.judgeAt(entity, inputs, now);
      state.interests.set(
        ref,
        interestOf(entity, inputs.records, inputs.scopes),
      );
      state.reviews.set(
        ref,
        nextStatusChange({
          statusesAt: at => statusesOf(this.judgeAt(entity, inputs, at)),
          current: statusesOf(posture),
          now,
          horizonMs: this.incremental.fullEveryMs,
          resolutionMs: this.incremental.reviewResolutionMs,
        }).getTime(),
      );
      return this.stored(entity, posture, inputs, now);
    });
  }

  private judgeAt(
    entity: Entity,
    inputs: EvaluationInputs,
    now: Date,
  ): EntityPosture {
    return evaluateEntityPosture({
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
  }

  private evaluate(
    entity: Entity,
    inputs: EvaluationInputs,
    now: Date,
  ): StoredPosture {
    return this.stored(entity, this.judgeAt(entity, inputs, now), inputs, now);
  }

  private stored(
    entity: Entity,
    posture: EntityPosture,
    inputs: EvaluationInputs,
    now: Date,
  ): StoredPosture {
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
      availability: protection.availability,
      staleClusters: inputs.clusterHealth
        .filter(h => h.staleSince && usedClusters.has(h.name))
        .map(h => ({
          name: h.name,
          staleSince: h.staleSince!,
          lastSuccessAt: h.lastSuccessAt,
          // The classified reason only: the detail is for /clusters.
          lastError: h.lastError,
        })),
    };
    return {
      detail,
      dependsOn: dependenciesOf(entity),
      backupGroups: protectingBackupGroups(
        entity,
        inputs.backupGroups,
        inputs.records,
      ),
    };
  }
}
