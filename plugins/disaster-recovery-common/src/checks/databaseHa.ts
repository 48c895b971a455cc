import { worstStatus } from '../posture/worstStatus';
import type { PostgresClusterRecord } from '../records';
import {
  databasePlacement,
  highAvailabilityRequired,
} from './availabilityScope';
import { describeRef, refOf, sentenceOf, type PostureContext } from './context';
import { defineCheck, verdict } from './definition';
import { postgresClustersToJudge } from './postgresScope';
import type { CheckStatus } from './types';

type Values = {
  databases: number;
  /** The databases that are not (or not known to be) highly available. */
  notHighlyAvailable: string[];
};

/**
 * Whether a CloudNativePG cluster survives the loss of an instance: two or
 * more instances, all ready, on more than one node.
 */
export function judgeDatabaseHa(
  context: PostureContext,
  cluster: PostgresClusterRecord,
): {
  status: CheckStatus;
  text: string;
} {
  const name = `database ${describeRef(cluster)}`;
  const { instances, readyInstances } = cluster;
  if (instances === undefined) {
    return { status: 'unknown', text: `${name} reports no instance count` };
  }
  if (instances < 2) {
    return {
      status: 'fail',
      text: `${name} runs ${instances} instance${
        instances === 1 ? '' : 's'
      }: no standby to fail over to; set spec.instances to at least 2`,
    };
  }
  if (readyInstances === undefined) {
    return {
      status: 'unknown',
      text: `${name} reports no ready instances (phase ${
        cluster.phase ?? 'not reported'
      })`,
    };
  }
  if (readyInstances < 2) {
    return {
      status: 'fail',
      text: `${name} has ${readyInstances} of ${instances} instances ready: no standby to fail over to now`,
    };
  }
  // CloudNativePG counts the nodes it uses; else its instance pods show them.
  const placement = databasePlacement(context, cluster);
  const nodes =
    cluster.nodesUsed ??
    (placement.scheduled > 0 ? placement.nodes.length : undefined);
  if (nodes === undefined) {
    return {
      status: 'unknown',
      text: `where the instances of ${name} run is not reported (no topology, no instance pods collected)`,
    };
  }
  if (nodes < 2) {
    return {
      status: 'fail',
      text: `the ${instances} instances of ${name} all run on one node: losing it loses them all`,
    };
  }
  if (readyInstances < instances) {
    return {
      status: 'warn',
      text: `${name} has ${readyInstances} of ${instances} instances ready`,
    };
  }
  return {
    status: 'pass',
    text: `${name} runs ${instances} instances, all ready`,
  };
}

export const databaseHa = defineCheck<'database-ha', Values>({
  id: 'database-ha',
  title: 'Database HA',
  appliesTo:
    'Entities of the high-availability tiers (default 1 and 2) with CloudNativePG clusters; unknown without a tier.',
  docs: 'Every CloudNativePG cluster of an entity that must survive an instance loss runs at least two instances (`spec.instances`), all ready (`status.readyInstances`), on more than one node (`status.topology.nodesUsed`, else the nodes of its instance pods). Fewer than two instances, fewer than two ready or all on one node fails; two or more ready but not all warns; counts or placement not reported are unknown.',
  scorecard: {
    id: 'disasterRecoveryDatabaseHa',
    name: 'Database HA',
    description:
      'Every CloudNativePG database of a tier 1 or 2 service runs at least two instances, all ready.',
    fact: 'databaseHaMet',
  },
  evaluate: context => {
    const postgres = postgresClustersToJudge(context);
    if ('result' in postgres) return postgres.result;
    const required = highAvailabilityRequired(context);
    if ('unknown' in required) {
      return verdict(
        'unknown',
        `Whether its databases need HA depends on its tier: ${required.unknown}`,
      );
    }
    if (!required.required) return undefined;
    const judged = postgres.clusters.map(c => judgeDatabaseHa(context, c));
    const status = worstStatus(judged.map(j => j.status));
    return verdict(
      status,
      sentenceOf(
        judged
          .filter(j => status === 'pass' || j.status !== 'pass')
          .map(j => j.text),
      ),
      postgres.clusters.map(c => refOf('Cluster', c)),
      {
        databases: postgres.clusters.length,
        notHighlyAvailable: postgres.clusters
          .filter((_, i) => judged[i].status !== 'pass')
          .map(describeRef),
      },
    );
  },
});
