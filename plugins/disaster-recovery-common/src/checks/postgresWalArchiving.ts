import { check, describeRef, refOf, type CheckRule } from './context';
import { CONTINUOUS_ARCHIVING, postgresClustersToJudge } from './postgresScope';

/** Continuous WAL archiving must work: the Cluster's `ContinuousArchiving` condition is True. */
export const postgresWalArchiving: CheckRule = context => {
  const scope = postgresClustersToJudge('postgres-wal-archiving', context);
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
    return check('postgres-wal-archiving', 'fail', `${text}.`, refs);
  }
  const unreported = states.filter(
    s => s.condition === undefined || s.condition.status === 'Unknown',
  );
  if (unreported.length > 0) {
    return check(
      'postgres-wal-archiving',
      'unknown',
      `${unreported.map(s => describeRef(s.cluster)).join(', ')} report${
        unreported.length === 1 ? 's' : ''
      } no ContinuousArchiving status (no backup configured, or not yet reported).`,
      refs,
    );
  }
  return check(
    'postgres-wal-archiving',
    'pass',
    `WAL archiving is working for ${scope.clusters
      .map(describeRef)
      .join(', ')}.`,
    refs,
  );
};
