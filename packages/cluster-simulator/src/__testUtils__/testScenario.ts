import type { KubeObject } from '../kube/kubeObject.ts';
import type { ApiGroupName } from '../kube/resourceCatalog.ts';
import { namespaceObject, servicePod } from '../scenarios/objectBuilders.ts';
import {
  readOnlyGrant,
  staticBehaviour,
  type Scenario,
} from '../scenarios/scenario.ts';
import type { TokenGrant } from '../server/accessControl.ts';

/** Fixed start of test scenarios. */
export const TEST_START = Date.parse('2024-05-01T12:00:00Z');

/** A completed Velero Backup, minimal but valid. */
export function testBackup(
  name: string,
  namespace = 'velero',
  labels: Record<string, string> = {},
): KubeObject {
  return {
    apiVersion: 'velero.io/v1',
    kind: 'Backup',
    metadata: { name, namespace, labels },
    spec: {
      includedNamespaces: ['app'],
      storageLocation: 'default',
      ttl: '720h0m0s',
    },
    status: {
      phase: 'Completed',
      startTimestamp: '2024-05-01T10:00:00Z',
      completionTimestamp: '2024-05-01T10:02:00Z',
    },
  };
}

/** A read-write token for tests that create objects through the API. */
export function writerGrant(token: string): TokenGrant {
  return {
    token,
    user: 'system:serviceaccount:test:writer',
    resources: '*',
    verbs: '*',
  };
}

/**
 * A one-cluster static scenario (`test`, token `test-token`) holding the
 * given objects plus a namespace and a pod.
 */
export function testScenario(
  objects: KubeObject[],
  groups: ApiGroupName[] = ['velero.io'],
): Scenario {
  return {
    name: 'test',
    historyStart: TEST_START,
    clusters: [
      {
        name: 'test',
        groups,
        tokens: [readOnlyGrant('test-token'), writerGrant('writer-token')],
        objects: [
          namespaceObject('velero', TEST_START),
          namespaceObject('app', TEST_START),
          servicePod({
            service: 'app',
            namespace: 'app',
            index: 0,
            createdAt: TEST_START,
          }),
          ...objects,
        ],
      },
    ],
    behaviour: staticBehaviour('test'),
    notices: [],
  };
}
