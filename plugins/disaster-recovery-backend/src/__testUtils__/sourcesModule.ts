import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  disasterRecoverySourcesExtensionPoint,
  type DisasterRecoverySource,
} from '@dr-posture/plugin-disaster-recovery-node';

/** A backend module adding sources through the extension point; kinds default to none. */
export function sourcesModule(
  moduleId: string,
  sources: Array<
    Pick<DisasterRecoverySource, 'id'> & Partial<DisasterRecoverySource>
  >,
) {
  return createBackendModule({
    pluginId: 'disaster-recovery',
    moduleId,
    register(env) {
      env.registerInit({
        deps: { extension: disasterRecoverySourcesExtensionPoint },
        async init({ extension }) {
          extension.addSource(
            ...sources.map(source => ({ resourceKinds: [], ...source })),
          );
        },
      });
    },
  });
}
