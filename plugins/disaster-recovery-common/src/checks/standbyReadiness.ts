import type { EntityStandbyParity } from '../api';
import { worstStatus } from '../posture/worstStatus';
import { workloadsProblem } from './availabilityScope';
import { describeRef, sentenceOf } from './context';
import { defineCheck, verdict } from './definition';
import { standbyComparison } from './standbyParity';
import type { CheckStatus, EvidenceRef } from './types';

type Values = {
  standbys: string[];
  inStep: number;
  missing: string[];
  notReady: string[];
  imageDrift: string[];
};

function named(ref: EvidenceRef): string {
  return `${ref.kind} ${describeRef(ref)}`;
}

/**
 * How the standby-readiness check judges one production workload or
 * database beside its standby counterpart, so that a page shows the
 * same status as the check.
 *
 * @public
 */
export function judgeStandbyParity(row: EntityStandbyParity): {
  status: CheckStatus;
  text: string;
} {
  const what = named(row.production);
  const database = row.production.kind === 'Cluster';
  switch (row.state) {
    case 'missing':
      return {
        status: 'fail',
        text: database
          ? `${row.standbyCluster} has no replica cluster of ${what}: promoting the standby would start without its data`
          : `${what} is not on ${row.standbyCluster}: there is nothing to promote`,
      };
    case 'other-source':
      return {
        status: 'fail',
        text: `replica cluster ${describeRef(
          row.standby!,
        )} does not replicate from ${what}`,
      };
    case 'not-ready':
      return {
        status: 'fail',
        text: database
          ? `replica cluster ${describeRef(
              row.standby!,
            )} of ${what} is not ready (${
              row.standbyReady === undefined
                ? 'no ready instance reported'
                : `${row.standbyReady} of ${
                    row.standbyDesired ?? 'its'
                  } instances ready`
            })`
          : `${named(row.standby!)} has no ready replica (${
              row.standbyReady
            } of ${row.standbyDesired})`,
      };
    case 'image-drift':
      return {
        status: 'warn',
        text: `${named(
          row.standby!,
        )} runs other images than production: ${row.images
          .filter(i => i.production !== i.standby)
          .map(
            i =>
              `container ${i.container} ${i.standby ?? 'missing'} on ${
                row.standbyCluster
              }, ${i.production ?? 'missing'} in production`,
          )
          .join(', ')}`,
      };
    default:
      return database
        ? {
            status: 'unknown',
            text: `replica cluster ${describeRef(
              row.standby!,
            )} of ${what} is ready, but CloudNativePG reports no replication lag in the Cluster status, so whether it keeps up cannot be told here; watch its cnpg_pg_replication_lag metric`,
          }
        : {
            status: 'pass',
            text: `${named(row.standby!)} is ready with production's images`,
          };
  }
}

export const standbyReadiness = defineCheck<'standby-readiness', Values>({
  id: 'standby-readiness',
  title: 'Hot-warm standby ready',
  appliesTo:
    'Entities declaring the hot-warm pattern; unknown without cluster facts.',
  docs: "The standby cluster standing in for each production cluster of the entity (role `standby`, `standbyFor` naming it) holds every one of its Deployments and StatefulSets (same kind, namespace and name) with at least one ready replica and the same image per container as production; each of its CloudNativePG databases has a replica cluster there (`spec.replica`) whose source is that database (the same server name and WAL store path, or a streaming host naming it), with every instance ready. Missing, not ready or replicating from elsewhere fails; image drift warns, naming the workload and both images (promotion would run another version). Replication lag would warn over 60 s, but CloudNativePG reports none in the Cluster status, so a ready replica's lag is unknown (watch the `cnpg_pg_replication_lag` metric). No standby for a production cluster fails.",
  scorecard: {
    omitted:
      'A database replica is unknown until its lag can be read, which would leave most scorecards blank.',
  },
  evaluate: context => {
    const { pattern } = context.policy;
    if (!pattern.ok || pattern.value !== 'hot-warm') return undefined;
    if (!context.clusters) {
      return verdict(
        'unknown',
        'No cluster facts were given, so no standby cluster can be found.',
      );
    }
    const { productionClusters, standbys, rows } = standbyComparison(context);
    if (productionClusters.length === 0) {
      const problem = workloadsProblem(context);
      return verdict(
        'unknown',
        problem?.verdict?.summary ??
          'No workload or database of this entity was found on a production cluster.',
      );
    }
    const uncovered = productionClusters.filter(
      cluster => !standbys.some(s => s.standbyFor === cluster),
    );
    const judged = [
      ...uncovered.map(cluster => ({
        status: 'fail' as const,
        text: `no standby cluster stands in for ${cluster} (a cluster with role standby and standbyFor: ${cluster})`,
      })),
      ...rows.map(judgeStandbyParity),
    ];
    const status = worstStatus(judged.map(j => j.status));
    const refs = rows.flatMap(row =>
      row.standby ? [row.production, row.standby] : [row.production],
    );
    const of = (state: EntityStandbyParity['state']) =>
      rows.filter(r => r.state === state).map(r => named(r.production));
    return verdict(
      status,
      sentenceOf(
        judged
          .filter(j => status === 'pass' || j.status !== 'pass')
          .map(j => j.text),
      ),
      refs,
      {
        standbys: standbys.map(s => s.name),
        inStep: rows.filter(r => r.state === 'in-step').length,
        missing: of('missing'),
        notReady: [...of('not-ready'), ...of('other-source')],
        imageDrift: of('image-drift'),
      },
    );
  },
});
