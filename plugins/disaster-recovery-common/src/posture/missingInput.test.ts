import fc from 'fast-check';
import { arbitraryPostureInput } from '../__testUtils__/arbitraryEstate';
import { CHECK_IDS } from '../checks/registry';
import type { CheckStatus } from '../checks/types';
import {
  evaluateEntityPosture,
  type EntityPostureInput,
} from './evaluateEntityPosture';

/**
 * Removing any one input a check reads never turns its result into `pass`:
 * missing data is `unknown` (or a problem), never a clean bill of health.
 */

type Input = EntityPostureInput;

interface Removal {
  /** e.g. `records.backups`, `backups.completedAt`, `annotation disaster-recovery/tier`. */
  id: string;
  apply: (input: Input) => void;
}

/**
 * Fields whose absence is not missing data but has a meaning of its own in
 * Kubernetes, Velero or CloudNativePG (they omit a field at its default),
 * or which name an object rather than describe it. Removing them changes
 * what the object says, so a pass after it can be right.
 */
const NOT_MISSING_DATA: Readonly<Record<string, string>> = {
  // Identity and bookkeeping of every collected object, not facts about it.
  '*.cluster': 'identity',
  '*.namespace': 'identity',
  '*.name': 'identity',
  '*.uid': 'identity',
  '*.labels.**': 'identity; workloads are matched to the entity by them',
  'schedules.template': 'structure; its fields are removed one by one',
  '*.lastSeenAt': 'set by the collector on every object',
  '*.deletedAt':
    'absent means the object is live, not that its deletion is unknown',
  'workloads.kind': 'identity',
  // Required in the record types: no record is ever built without them.
  'schedules.schedule': 'required',
  'postgresScheduledBackups.schedule': 'required',
  '*.clusterName': 'required; names the database the object belongs to',
  'storageLocations.provider': 'required',
  'dataUploads.sourceNamespace': 'required',
  'dataUploads.sourcePVC': 'required',
  'podVolumeBackups.podNamespace': 'required',
  'podVolumeBackups.podName': 'required',
  'podVolumeBackups.volume': 'required',
  'drills.evidence': 'structure; its fields are removed one by one',
  'postgresClusters.conditions.*.type': 'required by metav1.Condition',
  'postgresClusters.conditions.*.status': 'required by metav1.Condition',
  'postgresClusters.conditions.*.lastTransitionTime':
    'required by metav1.Condition',
  '*.attempted': 'required: the counts come in pairs',
  '*.completed': 'required: the counts come in pairs',
  'drills.kind': 'required by the drill schema',
  'drills.entityRefs': 'required by the drill schema',
  'drills.startedAt': 'required by the drill schema',
  'drills.endedAt': 'required by the drill schema',
  'drills.outcome': 'required by the drill schema',
  // Velero omits these at their defaults (omitempty in velero/pkg/apis).
  'schedules.paused': 'spec.paused is omitted when false',
  'backups.errors': 'status.errors is omitted when 0',
  'backups.warnings': 'status.warnings is omitted when 0',
  'restores.errors': 'status.errors is omitted when 0',
  'restores.warnings': 'status.warnings is omitted when 0',
  'storageLocations.isDefault': 'spec.default is omitted when false',
  'storageLocations.accessMode': 'an absent spec.accessMode is ReadWrite',
  'backups.volumeSnapshots':
    'status.volumeSnapshotsAttempted is omitted when 0: none were attempted',
  'backups.csiVolumeSnapshots':
    'status.csiVolumeSnapshotsAttempted is omitted when 0: none were attempted',
  'backups.scheduleName':
    'an absent velero.io/schedule-name label means a backup created by hand',
  'schedules.lastBackupAt':
    'status.lastBackup is omitted until the first run: the schedule never ran',
  '*.ttl': "an absent spec.ttl is the server's default TTL, 30 days",
  'backups.expiresAt':
    'a backup still listed was not garbage-collected, whatever its status.expiration says',
  '*.storageLocation':
    "an absent spec.storageLocation is the server's default location",
  // Velero backup scope: an absent or empty selector selects everything.
  '*.includedNamespaces': 'empty includes every namespace',
  '*.excludedNamespaces': 'empty excludes none',
  '*.snapshotVolumes': 'absent snapshots volumes (the server default)',
  '*.defaultVolumesToFsBackup':
    'absent is the server default (--default-volumes-to-fs-backup, off)',
  '*.snapshotMoveData': 'absent is false: snapshots stay in the cluster',
  'workloads.fsBackupExcludes':
    'an absent backup.velero.io/backup-volumes-excludes annotation excludes no volume',
  'restores.namespaceMapping':
    'an empty mapping restores over the original namespaces, a different restore',
  // CloudNativePG omits these at their defaults.
  'postgresScheduledBackups.suspended': 'spec.suspend is omitted when false',
  '*.method': 'an absent spec.method is barmanObjectStore',
  // Kubernetes workloads: the API server defaults or requires these.
  'workloadControllers.replicas':
    'the API server sets spec.replicas (1 when left out)',
  'workloadControllers.readyReplicas':
    'status.readyReplicas is omitted when 0; the collector stores 0',
  'workloadControllers.selector': 'required by apps/v1',
  'workloadControllers.podLabels.**':
    'identity; the pods and budgets are matched by them',
  'workloadControllers.containers':
    'required: a pod template has at least one container; their fields are removed one by one',
  'workloadControllers.containers.*.name': 'required by the pod spec',
  'workloadControllers.containers.*.image': 'required by apps/v1 validation',
  'workloadControllers.kind': 'identity',
  'autoscalers.target.**':
    'required by autoscaling/v2; names the workload it scales',
  'autoscalers.minReplicas':
    'the API server sets spec.minReplicas (1 when left out)',
  'autoscalers.maxReplicas': 'required by autoscaling/v2',
  // Drill records: the schema requires the list, empty means none were needed.
  'drills.evidence.manualStepsNotInRunbook': 'required; empty means none',
};

/** A key names a field in one category or, with `*.`, in any (also nested, as `template.ttl`); `.**` takes its parts too. */
function excluded(category: string, path: string): boolean {
  const segments = path.split('.');
  const last = segments[segments.length - 1];
  const prefixes = segments.map(
    (_, i) => `${segments.slice(0, i + 1).join('.')}.**`,
  );
  return [`${category}.${path}`, `*.${path}`, `*.${last}`]
    .concat(
      prefixes.flatMap(prefix => [`${category}.${prefix}`, `*.${prefix}`]),
    )
    .some(key => key in NOT_MISSING_DATA);
}

/**
 * Whole inputs whose absence has a meaning of its own, never removed.
 */
const REMOVALS_THAT_CHANGE_MEANING: Readonly<Record<string, string>> = {
  clusters:
    'without cluster facts every record counts for every environment (documented on EntityPostureInput)',
  'annotation disaster-recovery/environment':
    "without it the environment is read from spec.lifecycle: another environment's records count",
  clusterHealth:
    'it only ever marks clusters stale, lowering passes; callers always pass it',
};

/**
 * Inputs that only ever add problems to a check: without them the check
 * judges what is left, which may pass. An empty record category means no
 * such object exists (a kind that could not be collected is reported by
 * collection health, not by an empty list).
 */
const PROBLEMS_ONLY: ReadonlyArray<{
  checks: readonly string[];
  removals: readonly string[];
  reason: string;
}> = [
  {
    checks: ['backup-freshness'],
    removals: ['records.schedules'],
    reason: 'a schedule only adds that its latest run failed',
  },
  {
    checks: ['backup-freshness'],
    removals: ['records.postgresClusters'],
    reason:
      "a database only adds that its WAL archiving stopped, which moves the entity's recovery point back",
  },
  {
    checks: [
      'retention',
      'schedule-active',
      'schedule-cadence',
      'schedule-on-time',
      'storage-location',
    ],
    removals: [
      'records.schedules',
      'records.backups',
      'records.workloads',
      'records.postgresClusters',
      'records.postgresScheduledBackups',
    ],
    reason:
      "the check judges every schedule, backup or database of the entity and reports the worst; with one kind gone it judges the others (workloads decide which Velero objects are the entity's)",
  },
  {
    checks: ['schedule-cadence'],
    removals: ['backups.phase'],
    reason:
      'a backup without a phase has not run (New), so it cannot show that its schedule captures too little',
  },
  {
    checks: ['restore-test', 'dr-drill', 'full-dr-test', 'drill-objectives'],
    removals: ['records.workloads', 'annotation backstage.io/kubernetes-id'],
    reason:
      'the workloads only tie the entity to a stale cluster; a recorded drill does not depend on collection',
  },
  {
    checks: ['postgres-base-backup'],
    removals: ['records.postgresBackups', 'postgresBackups.phase'],
    reason:
      "a Backup object can only add that the latest one failed (a Backup without a phase has not started): the cluster's status gives the last successful one, and a completed Backup removed only loses a success",
  },
  {
    checks: ['postgres-base-backup'],
    removals: ['postgresClusters.conditions'],
    reason:
      'a failing ContinuousArchiving condition only lowers it; postgres-wal-archiving judges the condition',
  },
  {
    checks: ['ha-pattern', 'standby-readiness'],
    removals: ['records.postgresClusters'],
    reason:
      'a database only adds what it needs (HA, a replica cluster on the standby); without one the workloads are judged alone',
  },
  {
    checks: ['replicas'],
    removals: ['records.autoscalers'],
    reason:
      'an autoscaler only adds that its workload may scale down below its replicas',
  },
  {
    checks: ['drill-objectives'],
    removals: ['drills.achievedRpoMs'],
    reason:
      'without a recorded RPO the one derived from the restore target and the restored backup counts, which the remaining evidence proves',
  },
  {
    checks: ['restore-test', 'dr-drill', 'full-dr-test'],
    removals: ['drills.evidence.objectVersionCheck'],
    reason:
      'a failed verification only lowers the reported outcome; without it the reported outcome counts',
  },
];

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The field paths set in the objects, one level into nested objects and list items (`conditions.*.status`). */
function fieldPaths(objects: readonly object[]): Set<string> {
  const paths = new Set<string>();
  for (const object of objects) {
    for (const [key, value] of Object.entries(object)) {
      if (value === undefined) continue;
      paths.add(key);
      const [prefix, items] = Array.isArray(value)
        ? [`${key}.*`, value.filter(isPlainObject)]
        : [key, isPlainObject(value) ? [value] : []];
      for (const item of items) {
        for (const [sub, subValue] of Object.entries(item)) {
          if (subValue !== undefined) paths.add(`${prefix}.${sub}`);
        }
      }
    }
  }
  return paths;
}

/** Removes a field: a list or map is emptied, anything else deleted. */
function removeField(object: Record<string, unknown>, path: string[]): void {
  const [key, ...rest] = path;
  const value = object[key];
  if (rest.length === 0) {
    if (Array.isArray(value)) object[key] = [];
    else if (isPlainObject(value)) object[key] = {};
    else delete object[key];
  } else if (rest[0] === '*' && Array.isArray(value)) {
    value
      .filter(isPlainObject)
      .forEach(item => removeField(item, rest.slice(1)));
  } else if (isPlainObject(value)) {
    removeField(value, rest);
  }
}

function removalsOf(input: Input): Removal[] {
  const removals: Removal[] = [];
  const records = input.records as Record<
    string,
    readonly object[] | undefined
  >;
  for (const [category, items] of Object.entries(records)) {
    if (!items?.length) continue;
    removals.push({
      id: `records.${category}`,
      apply: i => {
        (i.records as Record<string, unknown>)[category] = [];
      },
    });
    for (const path of fieldPaths(items)) {
      if (excluded(category, path)) continue;
      removals.push({
        id: `${category}.${path}`,
        apply: i => {
          for (const item of (i.records as Record<string, object[]>)[
            category
          ]) {
            removeField(item as Record<string, unknown>, path.split('.'));
          }
        },
      });
    }
  }
  if (input.drills?.length) {
    removals.push({ id: 'drills', apply: i => (i.drills = []) });
    for (const path of fieldPaths(input.drills)) {
      if (excluded('drills', path)) continue;
      removals.push({
        id: `drills.${path}`,
        apply: i => {
          for (const drill of i.drills ?? []) {
            removeField(
              drill as unknown as Record<string, unknown>,
              path.split('.'),
            );
          }
        },
      });
    }
  }
  if (input.clusters) {
    removals.push({ id: 'clusters', apply: i => (i.clusters = undefined) });
  }
  if (input.clusterHealth) {
    removals.push({
      id: 'clusterHealth',
      apply: i => (i.clusterHealth = undefined),
    });
  }
  for (const name of Object.keys(input.entity.metadata.annotations ?? {})) {
    removals.push({
      id: `annotation ${name}`,
      apply: i => {
        delete i.entity.metadata.annotations?.[name];
      },
    });
  }
  return removals.filter(r => !(r.id in REMOVALS_THAT_CHANGE_MEANING));
}

function statuses(input: Input): Map<string, CheckStatus> {
  return new Map(
    evaluateEntityPosture(input).checks.map(c => [c.id, c.status] as const),
  );
}

function mayPass(check: string, removal: string): boolean {
  return PROBLEMS_ONLY.some(
    known => known.checks.includes(check) && known.removals.includes(removal),
  );
}

/**
 * Fixed so that the build is repeatable; fast-check prints it with any
 * counterexample. MISSING_INPUT_SEED and MISSING_INPUT_RUNS explore others.
 */
const SEED = Number(process.env.MISSING_INPUT_SEED ?? 14);
const RUNS = Number(process.env.MISSING_INPUT_RUNS ?? 200);

describe('removing an input', () => {
  it('never turns a check into pass', () => {
    fc.assert(
      fc.property(arbitraryPostureInput, input => {
        const before = statuses(input);
        const falsePasses: string[] = [];
        for (const removal of removalsOf(input)) {
          const changed = structuredClone(input);
          removal.apply(changed);
          for (const [check, status] of statuses(changed)) {
            if (
              status === 'pass' &&
              before.get(check) !== 'pass' &&
              !mayPass(check, removal.id)
            ) {
              falsePasses.push(
                `${check}: ${
                  before.get(check) ?? 'not applicable'
                } -> pass without ${removal.id}`,
              );
            }
          }
        }
        expect(falsePasses).toEqual([]);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('draws inputs on which every check reaches at least two statuses', () => {
    const reached = new Map<string, Set<CheckStatus>>(
      CHECK_IDS.map(id => [id, new Set()]),
    );
    for (const input of fc.sample(arbitraryPostureInput, {
      numRuns: RUNS,
      seed: SEED,
    })) {
      for (const [id, status] of statuses(input)) reached.get(id)?.add(status);
    }
    const narrow = [...reached]
      .filter(([, seen]) => seen.size < 2)
      .map(
        ([id, seen]) => `${id}: ${[...seen].join(', ') || 'never evaluated'}`,
      );
    expect(narrow).toEqual([]);
  });
});
