import { DR_ANNOTATIONS } from '../annotations';
import type { PostgresClusterRecord } from '../records';
import { describeRef, refOf, type PostureContext } from './context';
import { verdict, type Verdict } from './definition';

/**
 * The common start of the PostgreSQL checks: not applicable without
 * databases, unknown when the annotation naming them cannot be read, failed
 * when a named cluster does not exist. Otherwise the clusters to judge.
 */
export function postgresClustersToJudge(
  context: PostureContext,
):
  | { clusters: PostgresClusterRecord[] }
  | { result: Verdict<never> | undefined } {
  const problem = context.mapping.problems.find(
    p => p.annotation === DR_ANNOTATIONS.postgresClusters,
  );
  if (problem) return { result: verdict('unknown', problem.reason) };
  const { clusters, missing } = context.postgres;
  if (missing.length > 0) {
    return {
      result: verdict(
        'fail',
        `The postgres-clusters annotation names ${missing
          .map(describeRef)
          .join(', ')}, which ${
          missing.length === 1 ? 'does' : 'do'
        } not exist.`,
        missing.map(ref => refOf('Cluster', ref)),
      ),
    };
  }
  if (clusters.length === 0) return { result: undefined };
  return { clusters };
}

export const CONTINUOUS_ARCHIVING = 'ContinuousArchiving';
