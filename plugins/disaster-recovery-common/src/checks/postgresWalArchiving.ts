import { describeRef, refOf } from './context';
import { defineCheck, verdict } from './definition';
import { CONTINUOUS_ARCHIVING, postgresClustersToJudge } from './postgresScope';

export const postgresWalArchiving = defineCheck<
  'postgres-wal-archiving',
  Record<string, never>
>({
  id: 'postgres-wal-archiving',
  title: 'PostgreSQL WAL archiving',
  appliesTo: 'Entities with CloudNativePG clusters.',
  docs: "Continuous WAL archiving must work: the Cluster's `ContinuousArchiving` condition is True.",
  scorecard: {
    id: 'disasterRecoveryPostgresWalArchiving',
    name: 'PostgreSQL WAL archiving healthy',
    description:
      'Continuous WAL archiving works for every CloudNativePG cluster of the entity.',
    fact: 'postgresWalArchivingHealthy',
  },
  evaluate: context => {
    const scope = postgresClustersToJudge(context);
    if ('result' in scope) return scope.result;
    const refs = scope.clusters.map(c => refOf('Cluster', c));
    const states = scope.clusters.map(cluster => ({
      cluster,
      condition: cluster.conditions.find(c => c.type === CONTINUOUS_ARCHIVING),
    }));
    const failing = states.filter(s => s.condition?.status === 'False');
    if (failing.length > 0) {
      const text = failing
        .map(({ cluster, condition }) => {
          const since = condition!.lastTransitionTime
            ? ` since ${condition!.lastTransitionTime}`
            : '';
          const why = condition!.message ?? condition!.reason;
          return `${describeRef(cluster)} has failed to archive WAL${since}${
            why ? ` (${why})` : ''
          }`;
        })
        .join('; ');
      return verdict('fail', `${text}.`, refs);
    }
    const unreported = states.filter(
      s => s.condition === undefined || s.condition.status === 'Unknown',
    );
    if (unreported.length > 0) {
      return verdict(
        'unknown',
        `${unreported.map(s => describeRef(s.cluster)).join(', ')} report${
          unreported.length === 1 ? 's' : ''
        } no ContinuousArchiving status (no backup configured, or not yet reported).`,
        refs,
      );
    }
    return verdict(
      'pass',
      `WAL archiving is working for ${scope.clusters
        .map(describeRef)
        .join(', ')}.`,
      refs,
    );
  },
});
