import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  planRestoreOrder,
  type RestorePlanResponse,
} from '@dr-posture/plugin-disaster-recovery-common';
import { onlyVisible, type RouteContext } from './context';

/**
 * The restore order of the evaluated entities the caller may read, of the
 * whole estate or of one system, as `GET /restore-plan` and the
 * `get-restore-plan` action answer it.
 */
export async function restorePlan(
  context: Pick<RouteContext, 'catalog' | 'postures' | 'policies'>,
  credentials: BackstageCredentials,
  system: string | undefined,
): Promise<RestorePlanResponse> {
  const all = await onlyVisible(
    context,
    credentials,
    await context.postures.listForRestorePlan(),
    entry => entry.summary.entityRef,
  );
  const members = system ? all.filter(e => e.summary.system === system) : all;
  const plan = planRestoreOrder(
    members.map(({ summary, dependsOn }) => ({
      entityRef: summary.entityRef,
      tier: summary.tier,
      dependsOn,
    })),
    context.policies,
  );
  return {
    ...plan,
    system,
    entities: Object.fromEntries(
      members.map(({ summary }) => [
        summary.entityRef,
        { title: summary.title, status: summary.status },
      ]),
    ),
  };
}
