import {
  postureRecordsOf,
  type ClusterCollectionHealth,
  type CollectedObject,
  type PostureRecords,
  type RecordKind,
  type VeleroBackupRecord,
} from '@dr-posture/plugin-disaster-recovery-common';
import { representativeBackup } from '../../database/backupHistoryColumns';
import type { DatabaseBackupHistoryStore } from '../../database/DatabaseBackupHistoryStore';
import type {
  DatabaseDrillStore,
  StoredDrill,
} from '../../database/DatabaseDrillStore';
import { finishedRecord } from '../../database/finishedRecord';
import type {
  ResourceStore,
  StoredObjectRow,
} from '../../database/ResourceStore';
import { ScopeIndex } from './entityInterest';

/** Where the inputs are read from. */
export interface InputSources {
  resources: ResourceStore;
  history: DatabaseBackupHistoryStore;
  drills: DatabaseDrillStore;
  /** The kinds whose records the rules read: every source's. */
  recordKinds: readonly RecordKind[];
}

/** One collected object as it was and as it is; absent when not live. */
export interface RecordChange {
  kind: RecordKind;
  before?: CollectedObject;
  after?: CollectedObject;
}

/**
 * The longest window the rules count over sightings (a pod's restarts
 * within the last hour): a last sighting that moves but stays within it
 * changes no posture, one that moves into it may.
 */
export const SIGHTING_WINDOW_MS = 60 * 60_000;

const objectKey = (cluster: string, uid: string) => `${cluster}\u0000${uid}`;

/** Estate order, the same on every database and in memory. */
function byPlace(a: CollectedObject, b: CollectedObject): number {
  for (const key of ['cluster', 'namespace', 'name', 'uid'] as const) {
    if (a[key] !== b[key]) return a[key] < b[key] ? -1 : 1;
  }
  return 0;
}

/** `sorted` without the records of `removed` keys, with `added` merged in. */
function merged(
  sorted: readonly CollectedObject[],
  removed: ReadonlySet<string>,
  added: CollectedObject[],
): CollectedObject[] {
  const kept = sorted.filter(r => !removed.has(objectKey(r.cluster, r.uid)));
  added.sort(byPlace);
  const result: CollectedObject[] = [];
  let i = 0;
  for (const record of added) {
    while (i < kept.length && byPlace(kept[i], record) < 0) {
      result.push(kept[i++]);
    }
    result.push(record);
  }
  return result.concat(kept.slice(i));
}

/** A record's content, apart from when it was last seen. */
function contentOf(record: CollectedObject): string {
  return JSON.stringify({ ...record, lastSeenAt: undefined });
}

/**
 * Everything the posture rules read, held in memory between evaluations and
 * brought up to date by the changes since: the live records of every kind
 * (in estate order), collection health, drills and backup groups. A full
 * evaluation and an incremental one read the very same inputs, so that
 * their results are the same.
 */
export class EvaluationInputs {
  private readonly byKind = new Map<string, Map<string, CollectedObject>>();
  /** Each kind's live records in estate order, kept as they change. */
  private readonly sorted = new Map<string, CollectedObject[]>();
  /** The stored `last_seen_at` of each live record, before the cluster's last success. */
  private readonly rowSeenAt = new Map<string, string>();
  private readonly lastSuccess = new Map<string, string | undefined>();
  private cachedRecords?: PostureRecords;
  private cachedScopes?: ScopeIndex;
  clusterHealth: ClusterCollectionHealth[] = [];
  drills: StoredDrill[] = [];
  drillsFingerprint = '';
  /** One backup standing for each backup group, for backup history. */
  backupGroups: VeleroBackupRecord[] = [];

  private constructor(private readonly sources: InputSources) {
    for (const kind of sources.recordKinds) {
      this.byKind.set(kind.id, new Map());
    }
  }

  /** Reads every input from the stores. */
  static async load(
    sources: InputSources,
    now: Date,
  ): Promise<EvaluationInputs> {
    const inputs = new EvaluationInputs(sources);
    await inputs.refreshHealth(now);
    const rows = await sources.resources.readLiveRows(
      sources.recordKinds.map(kind => kind.id),
    );
    for (const row of rows) inputs.put(row);
    for (const [id, records] of inputs.byKind) {
      inputs.sorted.set(id, [...records.values()].sort(byPlace));
    }
    inputs.drillsFingerprint = await sources.drills.fingerprint();
    inputs.drills = await EvaluationInputs.sortedDrills(sources);
    inputs.backupGroups = await EvaluationInputs.groups(sources);
    return inputs;
  }

  private static async sortedDrills(sources: InputSources) {
    return (await sources.drills.list()).sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  private static async groups(sources: InputSources) {
    return (await sources.history.listGroups()).map(representativeBackup);
  }

  /** The records the rules read, in estate order, kind by kind. */
  get records(): PostureRecords {
    this.cachedRecords ??= postureRecordsOf(
      this.sources.recordKinds.map(kind => ({
        kind,
        records: this.sorted.get(kind.id)!,
      })),
    );
    return this.cachedRecords;
  }

  /** Where Velero backups and schedules reach, for entity interests. */
  get scopes(): ScopeIndex {
    this.cachedScopes ??= ScopeIndex.of(this.records);
    return this.cachedScopes;
  }

  private kindOf(id: string): RecordKind | undefined {
    return this.sources.recordKinds.find(kind => kind.id === id);
  }

  private recordOf(row: StoredObjectRow): CollectedObject {
    const success = this.lastSuccess.get(row.cluster);
    // A live object was seen by every successful run since it was written.
    const lastSeenAt =
      success && Date.parse(success) > Date.parse(row.lastSeenAt)
        ? success
        : row.lastSeenAt;
    return finishedRecord(row.cluster, row, { lastSeenAt });
  }

  private put(row: StoredObjectRow): void {
    const records = this.byKind.get(row.kind);
    if (!records) return;
    const key = objectKey(row.cluster, row.uid);
    records.set(key, this.recordOf(row));
    this.rowSeenAt.set(key, row.lastSeenAt);
  }

  /**
   * Reads collection health again; a cluster's new last success moves the
   * last sighting of its live records, as a fresh load would.
   */
  async refreshHealth(now: Date): Promise<void> {
    const health = await this.sources.resources.listClusterHealth({ now });
    this.clusterHealth = health.map(h => ({ ...h, configured: true }));
    const moved = new Set<string>();
    for (const { name, lastSuccessAt } of health) {
      if (this.lastSuccess.get(name) !== lastSuccessAt) moved.add(name);
      this.lastSuccess.set(name, lastSuccessAt);
    }
    if (moved.size === 0) return;
    for (const records of this.byKind.values()) {
      for (const [key, record] of records) {
        if (!moved.has(record.cluster)) continue;
        const success = this.lastSuccess.get(record.cluster);
        const seen = this.rowSeenAt.get(key)!;
        record.lastSeenAt =
          success && Date.parse(success) > Date.parse(seen) ? success : seen;
      }
    }
  }

  /**
   * Applies what the store holds now for these objects (rows of objects
   * that are gone from the store, or marked deleted, leave the inputs) and
   * returns the records whose content changed.
   */
  applyRows(
    objects: ReadonlyArray<{ cluster: string; uid: string }>,
    rows: readonly StoredObjectRow[],
    now: Date,
  ): RecordChange[] {
    const windowStart = now.getTime() - SIGHTING_WINDOW_MS;
    const found = new Map(
      rows.map(row => [objectKey(row.cluster, row.uid), row]),
    );
    const changes: RecordChange[] = [];
    const seen = new Set<string>();
    for (const { cluster, uid } of objects) {
      const key = objectKey(cluster, uid);
      if (seen.has(key)) continue;
      seen.add(key);
      const row = found.get(key);
      for (const [kindId, records] of this.byKind) {
        const before = records.get(key);
        if (!before && row?.kind !== kindId) continue;
        const kind = this.kindOf(kindId)!;
        if (row && !row.deletedAt && row.kind === kindId) {
          const after = this.recordOf(row);
          this.rowSeenAt.set(key, row.lastSeenAt);
          if (
            before &&
            contentOf(before) === contentOf(after) &&
            (Date.parse(before.lastSeenAt) >= windowStart ||
              Date.parse(after.lastSeenAt) < windowStart)
          ) {
            // The same record, seen later: kept in place, in estate order.
            before.lastSeenAt = after.lastSeenAt;
          } else {
            records.set(key, after);
            changes.push({ kind, before, after });
          }
        } else if (before) {
          records.delete(key);
          this.rowSeenAt.delete(key);
          changes.push({ kind, before });
        }
      }
    }
    const byKind = new Map<string, RecordChange[]>();
    for (const change of changes) {
      byKind.set(change.kind.id, [
        ...(byKind.get(change.kind.id) ?? []),
        change,
      ]);
    }
    for (const [id, kindChanges] of byKind) {
      const keys = new Set(
        kindChanges.map(({ before, after }) => {
          const record = (after ?? before)!;
          return objectKey(record.cluster, record.uid);
        }),
      );
      this.sorted.set(
        id,
        merged(
          this.sorted.get(id)!,
          keys,
          kindChanges.flatMap(c => (c.after ? [c.after] : [])),
        ),
      );
    }
    if (changes.length > 0) {
      this.cachedRecords = undefined;
      this.cachedScopes = undefined;
    }
    return changes;
  }

  /** Reads drills again when they changed; returns the changed ones, before and after. */
  async refreshDrills(): Promise<StoredDrill[]> {
    const fingerprint = await this.sources.drills.fingerprint();
    if (fingerprint === this.drillsFingerprint) return [];
    const before = new Map(this.drills.map(d => [d.id, JSON.stringify(d)]));
    const drills = await EvaluationInputs.sortedDrills(this.sources);
    const changed = [
      ...drills.filter(d => before.get(d.id) !== JSON.stringify(d)),
      ...this.drills.filter(d => !drills.some(now => now.id === d.id)),
    ];
    this.drills = drills;
    this.drillsFingerprint = fingerprint;
    return changed;
  }

  /**
   * Brings backup groups up to date; returns the representatives added or
   * gone. A group's key hashes its scope, so a group never changes: only
   * the keys are read, and the groups of new keys.
   */
  async refreshBackupGroups(): Promise<VeleroBackupRecord[]> {
    const keys = await this.sources.history.listGroupKeys();
    const known = new Map(this.backupGroups.map(g => [g.uid, g]));
    const current = new Set(keys);
    const gone = this.backupGroups.filter(g => !current.has(g.uid));
    const newKeys = keys.filter(key => !known.has(key));
    if (newKeys.length === 0 && gone.length === 0) return [];
    const added = new Map(
      (await this.sources.history.listGroups(newKeys))
        .map(representativeBackup)
        .map(g => [g.uid, g]),
    );
    // A group pruned between the two reads is left out.
    this.backupGroups = keys.flatMap(key => {
      const group = known.get(key) ?? added.get(key);
      return group ? [group] : [];
    });
    return [...added.values(), ...gone];
  }
}
