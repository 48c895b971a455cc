import {
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
} from '@kubernetes/client-node';

/** @kubernetes/client-node clients for a simulated cluster's base URL. */
export function kubeClients(server: string, token: string) {
  const config = new KubeConfig();
  config.loadFromClusterAndUser(
    { name: 'simulated', server, skipTLSVerify: true },
    { name: 'collector', token },
  );
  return {
    custom: config.makeApiClient(CustomObjectsApi),
    core: config.makeApiClient(CoreV1Api),
  };
}

/** Awaits a promise that must reject, returning what it rejected with. */
export async function rejectionOf(promise: Promise<unknown>): Promise<any> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

/** The Status object an ApiException carries (its body may be a string). */
export function statusOf(error: { body?: unknown }): any {
  return typeof error.body === 'string' ? JSON.parse(error.body) : error.body;
}
