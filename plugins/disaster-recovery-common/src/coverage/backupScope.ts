import type { VeleroBackupScope, WorkloadRecord } from '../records';
import { matchesLabelSelector } from '../selectors';

// An estate has few distinct patterns, and every entity tests every backup's;
// the cap only guards a long-running backend against unbounded growth.
const compiledPatterns = new Map<string, RegExp>();
const MAX_COMPILED_PATTERNS = 10_000;

function namespacePattern(pattern: string): RegExp {
  let compiled = compiledPatterns.get(pattern);
  if (!compiled) {
    // Velero accepts `*` and, since 1.14, globs such as `team-*`.
    const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
    compiled = new RegExp(`^${escaped.replace(/\*/g, '.*')}$`);
    if (compiledPatterns.size >= MAX_COMPILED_PATTERNS)
      compiledPatterns.clear();
    compiledPatterns.set(pattern, compiled);
  }
  return compiled;
}

/**
 * Whether a Velero backup scope includes a namespace: it is listed
 * (explicitly, by `*` or a glob, or the include list is empty) and not
 * excluded.
 *
 * @public
 */
export function backupScopeIncludesNamespace(
  scope: VeleroBackupScope,
  namespace: string,
): boolean {
  const included =
    scope.includedNamespaces.length === 0 ||
    scope.includedNamespaces.some(pattern =>
      namespacePattern(pattern).test(namespace),
    );
  const excluded = scope.excludedNamespaces.some(pattern =>
    namespacePattern(pattern).test(namespace),
  );
  return included && !excluded;
}

/**
 * Whether a backup scope has a label selector at all; without one it takes
 * every object of the namespaces it includes.
 *
 * @public
 */
export function backupScopeSelectsByLabel(scope: VeleroBackupScope): boolean {
  return (
    scope.labelSelector !== undefined ||
    (scope.orLabelSelectors?.length ?? 0) > 0
  );
}

/** The names Velero resolves (through discovery) to pods and PVCs. */
const RESOURCE_NAMES: Record<WorkloadRecord['kind'], readonly string[]> = {
  Pod: ['pods', 'pod', 'po'],
  PersistentVolumeClaim: [
    'persistentvolumeclaims',
    'persistentvolumeclaim',
    'pvc',
  ],
};

/**
 * Whether a backup scope's resource filters keep a kind: the include list is
 * empty or has `*` or the kind, and the exclude list does not name it.
 *
 * @public
 */
export function backupScopeIncludesKind(
  scope: Pick<VeleroBackupScope, 'includedResources' | 'excludedResources'>,
  kind: WorkloadRecord['kind'],
): boolean {
  const names = RESOURCE_NAMES[kind];
  const namesAny = (list: readonly string[] | undefined) =>
    (list ?? []).some(item => names.includes(item.trim().toLowerCase()));
  const included =
    (scope.includedResources ?? []).length === 0 ||
    scope.includedResources!.includes('*') ||
    namesAny(scope.includedResources);
  return included && !namesAny(scope.excludedResources);
}

/**
 * Whether a backup scope's label selectors take an object with `labels`:
 * no selector takes everything.
 *
 * @public
 */
export function backupScopeMatchesLabels(
  scope: VeleroBackupScope,
  labels: Readonly<Record<string, string>>,
): boolean {
  if (scope.labelSelector) {
    return matchesLabelSelector(scope.labelSelector, labels);
  }
  if (scope.orLabelSelectors && scope.orLabelSelectors.length > 0) {
    return scope.orLabelSelectors.some(selector =>
      matchesLabelSelector(selector, labels),
    );
  }
  return true;
}

/**
 * Whether a Velero backup scope takes a workload (a pod or PVC): its
 * namespace is included, its resource filters keep the kind, and its labels
 * match the label selector, or any of the `orLabelSelectors`. The caller
 * compares clusters: a backup covers only its own cluster's objects.
 *
 * @public
 */
export function backupScopeCoversWorkload(
  scope: VeleroBackupScope,
  workload: WorkloadRecord,
): boolean {
  return (
    backupScopeIncludesNamespace(scope, workload.namespace) &&
    backupScopeIncludesKind(scope, workload.kind) &&
    backupScopeMatchesLabels(scope, workload.labels)
  );
}
