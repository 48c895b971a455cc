import { isJsonObject, type KubeObject } from '../kube/kubeObject.ts';
import type { SimulatedCluster } from '../store/simulatedCluster.ts';
import type { EngineContext } from './engineContext.ts';

/**
 * Merges `status` into an object's status and writes it now, as a controller
 * updating its status subresource does; undefined when validation refused it.
 */
export function writeStatus(
  context: EngineContext,
  cluster: SimulatedCluster,
  object: KubeObject,
  status: Record<string, unknown>,
): KubeObject | undefined {
  return context.write(
    cluster,
    {
      ...object,
      status: {
        ...(isJsonObject(object.status) ? object.status : {}),
        ...status,
      },
    },
    context.now(),
  );
}
