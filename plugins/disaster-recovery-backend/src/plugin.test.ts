import { createBackendModule } from '@backstage/backend-plugin-api';
import { startTestBackend } from '@backstage/backend-test-utils';
import { disasterRecoverySourcesExtensionPoint } from '@dr-posture/plugin-disaster-recovery-node';
import request from 'supertest';
import { disasterRecoveryPlugin } from './plugin';

function sourcesModule(moduleId: string, ...ids: string[]) {
  return createBackendModule({
    pluginId: 'disaster-recovery',
    moduleId,
    register(env) {
      env.registerInit({
        deps: { sources: disasterRecoverySourcesExtensionPoint },
        async init({ sources }) {
          sources.addSource(...ids.map(id => ({ id })));
        },
      });
    },
  });
}

describe('disasterRecoveryPlugin', () => {
  it('serves /health without credentials once its database is migrated', async () => {
    const { server } = await startTestBackend({
      features: [disasterRecoveryPlugin],
    });

    const response = await request(server).get('/api/disaster-recovery/health');

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok', sources: [] });
  });

  it('lists sources added through the extension point', async () => {
    const { server } = await startTestBackend({
      features: [
        disasterRecoveryPlugin,
        sourcesModule('extra', 'restic', 'cloud-snapshots'),
      ],
    });

    const response = await request(server).get('/api/disaster-recovery/health');

    expect(response.body.sources).toEqual(['restic', 'cloud-snapshots']);
  });

  it('refuses to start when two modules add the same source', async () => {
    await expect(
      startTestBackend({
        features: [
          disasterRecoveryPlugin,
          sourcesModule('first', 'restic'),
          sourcesModule('second', 'restic'),
        ],
      }),
    ).rejects.toThrow("Disaster-recovery source 'restic' is registered twice");
  });
});
