import {
  backup,
  component,
  postgresCluster,
  schedule,
  workload,
} from '../__testUtils__/fixtures';
import type { VeleroBackupScope } from '../records';
import { backupScopeCoversWorkload } from './backupScope';
import { resolveEntityCoverage, resolveEntityPostgresClusters } from './entityCoverage';
import { resolveWorkloadMapping } from './workloadMapping';

function scope(overrides: Partial<VeleroBackupScope>): VeleroBackupScope {
  return { includedNamespaces: [], excludedNamespaces: [], ...overrides };
}

describe('backupScopeCoversWorkload', () => {
  it.each([
    ['an empty include list', scope({}), true],
    ['an explicit include', scope({ includedNamespaces: ['payments'] }), true],
    ['"*"', scope({ includedNamespaces: ['*'] }), true],
    ['a glob', scope({ includedNamespaces: ['pay*'] }), true],
    ['another namespace only', scope({ includedNamespaces: ['orders'] }), false],
    ['"*" but excluded', scope({ includedNamespaces: ['*'], excludedNamespaces: ['payments'] }), false],
    ['a matching label selector', scope({ labelSelector: { matchLabels: { app: 'payments' } } }), true],
    ['a label selector that does not match', scope({ labelSelector: { matchLabels: { app: 'orders' } } }), false],
    [
      'orLabelSelectors, one matching',
      scope({ orLabelSelectors: [{ matchLabels: { app: 'orders' } }, { matchLabels: { app: 'payments' } }] }),
      true,
    ],
    ['orLabelSelectors, none matching', scope({ orLabelSelectors: [{ matchLabels: { app: 'orders' } }] }), false],
  ])('%s → %s', (_case, backupScope, expected) => {
    expect(backupScopeCoversWorkload(backupScope, workload())).toBe(expected);
  });
});

describe('resolveWorkloadMapping', () => {
  it.each([
    ['explicit schedules', { 'disaster-recovery/velero-schedules': 'prod/velero/a, dr/velero/b' }, 'veleroSchedules', [{ cluster: 'prod', namespace: 'velero', name: 'a' }, { cluster: 'dr', namespace: 'velero', name: 'b' }]],
    ['a label selector', { 'backstage.io/kubernetes-label-selector': 'app in (payments)' }, 'labelSelector', { matchExpressions: [{ key: 'app', operator: 'In', values: ['payments'] }] }],
  ] as const)('reads %s', (_case, annotations, field, expected) => {
    const mapping = resolveWorkloadMapping(component(annotations));
    expect(mapping[field]).toEqual(expected);
    expect(mapping.problems).toEqual([]);
  });

  it.each([
    ['disaster-recovery/velero-schedules', 'prod/payments-hourly', '"prod/payments-hourly" is not cluster/namespace/name'],
    ['disaster-recovery/postgres-clusters', 'prod//db', 'is not cluster/namespace/name'],
    ['backstage.io/kubernetes-label-selector', 'app>1', 'is not a label selector'],
  ])('reports a malformed %s', (annotation, value, reason) => {
    expect(resolveWorkloadMapping(component({ [annotation]: value })).problems).toEqual([
      { annotation, reason: expect.stringContaining(reason) },
    ]);
  });
});

describe('resolveEntityCoverage', () => {
  const other = schedule({ name: 'orders', template: scope({ includedNamespaces: ['orders'] }) });

  it('finds schedules and backups that take the entity’s workloads, and the uncovered ones', () => {
    const pvc = workload({ kind: 'PersistentVolumeClaim', name: 'data', labels: { 'backstage.io/kubernetes-id': 'payments', backup: 'no' } });
    const selective = schedule({ template: scope({ labelSelector: { matchExpressions: [{ key: 'backup', operator: 'DoesNotExist' }] } }) });
    const coverage = resolveEntityCoverage(resolveWorkloadMapping(component()), {
      workloads: [workload(), pvc, workload({ name: 'orders-1', labels: {} })],
      schedules: [selective, other, schedule({ name: 'deleted', deletedAt: '2025-01-01T00:00:00Z' })],
      backups: [backup(), backup({ cluster: 'dr' })],
    });
    expect(coverage.basis).toBe('workloads');
    expect(coverage.workloads.map(w => w.name)).toEqual(['payments-7d9f', 'data']);
    expect(coverage.schedules.map(s => s.name)).toEqual(['payments-hourly']);
    expect(coverage.backups.map(b => b.cluster)).toEqual(['prod']);
    expect(coverage.uncoveredWorkloads.map(w => w.name)).toEqual(['data']);
  });

  it('lets the velero-schedules annotation win and reports named schedules that do not exist', () => {
    const entity = component({ 'disaster-recovery/velero-schedules': 'prod/velero/orders, prod/velero/gone' });
    const coverage = resolveEntityCoverage(resolveWorkloadMapping(entity), {
      workloads: [workload()],
      schedules: [schedule(), other],
      backups: [backup(), backup({ name: 'orders-1', scheduleName: 'orders' })],
    });
    expect(coverage.basis).toBe('annotation');
    expect(coverage.schedules.map(s => s.name)).toEqual(['orders']);
    expect(coverage.missingSchedules).toEqual([{ cluster: 'prod', namespace: 'velero', name: 'gone' }]);
    expect(coverage.backups.map(b => b.name)).toEqual(['orders-1']);
    expect(coverage.uncoveredWorkloads.map(w => w.name)).toEqual(['payments-7d9f']);
  });

  it('falls back to the namespace annotation for schedules without a label selector', () => {
    const entity = component({ 'backstage.io/kubernetes-namespace': 'payments' });
    const coverage = resolveEntityCoverage(resolveWorkloadMapping(entity), {
      workloads: [],
      schedules: [schedule(), schedule({ name: 'labelled', template: scope({ labelSelector: { matchLabels: { app: 'payments' } } }) })],
      backups: [],
    });
    expect(coverage.basis).toBe('selector');
    expect(coverage.schedules.map(s => s.name)).toEqual(['payments-hourly']);
  });

  it('takes schedules and backups whose label selector matches the entity when no pods were collected', () => {
    const entity = component({
      'backstage.io/kubernetes-label-selector': 'app=payments',
      'backstage.io/kubernetes-namespace': 'payments',
    });
    const selecting = (app: string, namespaces = ['payments']) =>
      scope({ includedNamespaces: namespaces, labelSelector: { matchLabels: { app } } });
    const coverage = resolveEntityCoverage(resolveWorkloadMapping(entity), {
      workloads: [],
      schedules: [
        schedule({ name: 'app', template: selecting('payments') }),
        schedule({ name: 'other-app', template: selecting('orders') }),
        schedule({ name: 'other-ns', template: selecting('payments', ['orders']) }),
        schedule({ name: 'whole-ns' }),
      ],
      backups: [
        backup({ name: 'app-1', scheduleName: 'app', ...selecting('payments') }),
        backup({ name: 'orders-1', scheduleName: 'other-app', ...selecting('orders') }),
      ],
    });
    expect(coverage.basis).toBe('selector');
    expect(coverage.schedules.map(s => s.name)).toEqual(['app', 'whole-ns']);
    expect(coverage.backups.map(b => b.name)).toEqual(['app-1']);
    expect(coverage.uncoveredWorkloads).toEqual([]);
  });

  it('matches the kubernetes-id label in any namespace when the entity names none', () => {
    const coverage = resolveEntityCoverage(resolveWorkloadMapping(component()), {
      workloads: [],
      schedules: [
        schedule({ name: 'by-id', template: scope({ labelSelector: { matchLabels: { 'backstage.io/kubernetes-id': 'payments' } } }) }),
        schedule({ name: 'unlabelled' }),
      ],
      backups: [],
    });
    expect(coverage.basis).toBe('selector');
    expect(coverage.schedules.map(s => s.name)).toEqual(['by-id']);
  });

  it.each([
    ['pods left out by includedResources', scope({ includedResources: ['deployments'] }), 'Pod', false],
    ['PVCs excluded by short name', scope({ excludedResources: ['pvc'] }), 'PersistentVolumeClaim', false],
    ['pods kept by *', scope({ includedResources: ['*'] }), 'Pod', true],
    ['PVCs kept by name', scope({ includedResources: ['persistentvolumeclaims'] }), 'PersistentVolumeClaim', true],
  ] as const)('resource filters: %s', (_case, filters, kind, covered) => {
    expect(backupScopeCoversWorkload(filters, workload({ kind }))).toBe(covered);
  });

  it('has nothing to go on without workloads or a namespace', () => {
    expect(resolveEntityCoverage(resolveWorkloadMapping(component()), { workloads: [], schedules: [schedule()], backups: [backup()] })).toMatchObject({
      basis: 'none',
      schedules: [],
      backups: [],
    });
  });
});

describe('resolveEntityPostgresClusters', () => {
  const mapping = resolveWorkloadMapping(component());

  it.each([
    ['labelled with the entity', postgresCluster(), [], true],
    ['found through a pod labelled cnpg.io/cluster', postgresCluster({ labels: {} }), [workload({ labels: { 'cnpg.io/cluster': 'payments-db' } })], true],
    ['neither', postgresCluster({ labels: {} }), [workload()], false],
  ])('a cluster %s → %s', (_case, cluster, workloads, expected) => {
    expect(resolveEntityPostgresClusters(mapping, workloads, [cluster]).clusters).toHaveLength(expected ? 1 : 0);
  });

  it('uses only the clusters the annotation names', () => {
    const named = resolveWorkloadMapping(component({ 'disaster-recovery/postgres-clusters': 'prod/payments/ledger, prod/payments/gone' }));
    const result = resolveEntityPostgresClusters(named, [], [postgresCluster(), postgresCluster({ name: 'ledger', labels: {} })]);
    expect(result.clusters.map(c => c.name)).toEqual(['ledger']);
    expect(result.missing).toEqual([{ cluster: 'prod', namespace: 'payments', name: 'gone' }]);
  });
});
