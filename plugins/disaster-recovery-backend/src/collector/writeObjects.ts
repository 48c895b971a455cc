import type { LoggerService } from '@backstage/backend-plugin-api';
import type {
  CollectedRow,
  KubernetesResourceKind,
} from '@dr-posture/plugin-disaster-recovery-node';
import type { ResourceStore, RunDetails } from '../database/ResourceStore';
import { carriedOver } from './carryOver';

/** Malformed objects named in a run's details; the count covers the rest. */
const MAX_NAMED_SKIPS = 20;

function describeObject(kind: KubernetesResourceKind, object: unknown): string {
  const metadata = (
    object as { metadata?: { namespace?: string; name?: string } }
  )?.metadata;
  const name = metadata?.name ?? '(unnamed)';
  return `${kind.id} ${
    metadata?.namespace ? `${metadata.namespace}/` : ''
  }${name}`;
}

/** An object's uid and resourceVersion, when its metadata has both. */
export function identityOf(
  object: unknown,
): { uid: string; resourceVersion: string } | undefined {
  const metadata = (
    object as { metadata?: { uid?: unknown; resourceVersion?: unknown } }
  )?.metadata;
  return typeof metadata?.uid === 'string' &&
    typeof metadata.resourceVersion === 'string' &&
    metadata.resourceVersion !== ''
    ? { uid: metadata.uid, resourceVersion: metadata.resourceVersion }
    : undefined;
}

/** What a run counts of the objects it read. */
export interface ObjectCounts {
  seen: number;
  written: number;
  skipped: number;
}

/**
 * Writes the objects of one kind that a list page or a batch of watch
 * events brought: those whose resourceVersion is stored already are
 * unchanged and neither parsed nor written, which keeps re-collection
 * cheap; malformed ones are skipped and named in `details`; kinds that
 * carry history over (a pod's restarts) get it from the stored version.
 * `onSeen` hears the uid of every object read, changed or not.
 */
export async function writeObjects(options: {
  cluster: string;
  kind: KubernetesResourceKind;
  objects: readonly unknown[];
  store: ResourceStore;
  logger: LoggerService;
  seenAt: Date;
  counts: ObjectCounts;
  details: RunDetails;
  onSeen: (uid: string) => void;
}): Promise<void> {
  const { cluster, kind, objects, store, counts, details } = options;
  const kindCounts = details.kinds[kind.id];
  const identities = objects.map(identityOf);
  const stored = await store.storedVersions(
    cluster,
    identities.flatMap(identity => (identity ? [identity.uid] : [])),
  );
  const rows: Array<{ row: CollectedRow; raw: unknown }> = [];
  objects.forEach((object, index) => {
    const identity = identities[index];
    if (identity && stored.get(identity.uid) === identity.resourceVersion) {
      options.onSeen(identity.uid);
      return;
    }
    try {
      const row = kind.toRow(object);
      rows.push({ row, raw: object });
      options.onSeen(row.uid);
    } catch (error) {
      const description = `${describeObject(kind, object)}: ${
        error instanceof Error ? error.message : String(error)
      }`;
      options.logger.warn(
        `Skipped a malformed object in cluster ${cluster}: ${description}`,
      );
      kindCounts.skipped += 1;
      counts.skipped += 1;
      if (details.skippedObjects.length < MAX_NAMED_SKIPS) {
        details.skippedObjects.push(description);
      }
    }
  });
  counts.written += await store.upsertPage(
    cluster,
    kind.id,
    await carriedOver(kind, store, cluster, rows, options.seenAt),
    options.seenAt,
  );
}
