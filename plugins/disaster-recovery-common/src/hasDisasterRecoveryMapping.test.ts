import type { Entity } from '@backstage/catalog-model';
import { hasDisasterRecoveryMapping } from './hasDisasterRecoveryMapping';

function component(annotations?: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'payments', annotations },
    spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
  };
}

describe('hasDisasterRecoveryMapping', () => {
  it.each([
    ['no annotations at all', undefined, false],
    ['unrelated annotations', { 'backstage.io/techdocs-ref': 'dir:.' }, false],
    ['a tier', { 'disaster-recovery/tier': '1' }, true],
    ['a blank tier', { 'disaster-recovery/tier': '  ' }, false],
    ['a Kubernetes id', { 'backstage.io/kubernetes-id': 'payments' }, true],
    [
      'a Kubernetes label selector',
      { 'backstage.io/kubernetes-label-selector': 'app=payments' },
      true,
    ],
    [
      'only a Kubernetes namespace',
      { 'backstage.io/kubernetes-namespace': 'payments' },
      false,
    ],
    [
      'explicit Velero schedules',
      { 'disaster-recovery/velero-schedules': 'prod/velero/payments-hourly' },
      true,
    ],
    [
      'explicit PostgreSQL clusters',
      { 'disaster-recovery/postgres-clusters': 'prod/payments/payments-db' },
      true,
    ],
    ['only a runbook', { 'disaster-recovery/runbook': 'https://x' }, false],
  ])('%s → %s', (_case, annotations, expected) => {
    expect(hasDisasterRecoveryMapping(component(annotations))).toBe(expected);
  });
});
