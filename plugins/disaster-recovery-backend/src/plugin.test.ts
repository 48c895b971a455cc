import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { KubernetesResourceKind } from '@dr-posture/plugin-disaster-recovery-node';
import request from 'supertest';
import { sourcesModule } from './__testUtils__/sourcesModule';
import { disasterRecoveryPlugin } from './plugin';

const BUILT_IN_SOURCES = [
  'velero',
  'cloudnativepg',
  'workloads',
  'cert-manager',
];

const k8upBackups: KubernetesResourceKind = {
  id: 'k8up.io/Backup',
  apiVersion: 'k8up.io/v1',
  kind: 'Backup',
  plural: 'backups',
  toRow: () => {
    throw new Error('not listed in this test');
  },
};

describe('disasterRecoveryPlugin', () => {
  it('serves /health without credentials once its database is migrated', async () => {
    const { server } = await startTestBackend({
      features: [disasterRecoveryPlugin],
    });

    const response = await request(server).get('/api/disaster-recovery/health');

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok', sources: BUILT_IN_SOURCES });
  });

  it('lists sources added through the extension point', async () => {
    const { server } = await startTestBackend({
      features: [
        disasterRecoveryPlugin,
        sourcesModule('extra', [{ id: 'k8up', resourceKinds: [k8upBackups] }]),
      ],
    });

    const response = await request(server).get('/api/disaster-recovery/health');

    expect(response.body.sources).toEqual([...BUILT_IN_SOURCES, 'k8up']);
  });

  it('refuses to start when two modules add the same source', async () => {
    await expect(
      startTestBackend({
        features: [
          disasterRecoveryPlugin,
          sourcesModule('first', [{ id: 'k8up' }]),
          sourcesModule('second', [{ id: 'k8up' }]),
        ],
      }),
    ).rejects.toThrow("Disaster-recovery source 'k8up' is registered twice");
  });

  it('refuses to start when a module collects a kind a built-in source collects', async () => {
    await expect(
      startTestBackend({
        features: [
          disasterRecoveryPlugin,
          sourcesModule('clash', [
            {
              id: 'other-velero',
              resourceKinds: [{ ...k8upBackups, id: 'velero.io/Backup' }],
            },
          ]),
        ],
      }),
    ).rejects.toThrow(
      "Resource kind 'velero.io/Backup' is collected by both the 'velero' and the 'other-velero' disaster-recovery sources",
    );
  });

  it('lists configured clusters that were never collected under /clusters', async () => {
    const { server } = await startTestBackend({
      features: [
        disasterRecoveryPlugin,
        mockServices.rootConfig.factory({
          data: {
            disasterRecovery: {
              clusters: [
                {
                  name: 'prod',
                  url: 'https://prod.example.com',
                  authProvider: 'serviceAccount',
                  serviceAccountToken: 'token',
                },
              ],
              collection: { initialDelay: { hours: 1 } },
            },
          },
        }),
      ],
    });

    const response = await request(server).get(
      '/api/disaster-recovery/clusters',
    );

    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      items: [{ name: 'prod', configured: true }],
    });
  });

  it('requires credentials for /clusters', async () => {
    const { server } = await startTestBackend({
      features: [disasterRecoveryPlugin],
    });

    const response = await request(server)
      .get('/api/disaster-recovery/clusters')
      .set('Authorization', 'Bearer invalid');

    expect(response.status).toBe(401);
  });

  it('refuses to start with a cluster it cannot authenticate to', async () => {
    await expect(
      startTestBackend({
        features: [
          disasterRecoveryPlugin,
          mockServices.rootConfig.factory({
            data: {
              disasterRecovery: {
                clusters: [
                  { name: 'gke', url: 'https://gke', authProvider: 'google' },
                ],
              },
            },
          }),
        ],
      }),
    ).rejects.toThrow(
      "Cluster 'gke' (disasterRecovery.clusters[0]) uses authProvider 'google'",
    );
  });
});
