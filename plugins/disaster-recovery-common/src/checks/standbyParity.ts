import {
  allInstancesReady,
  replicatesFrom,
} from '../availability/replicaClusters';
import { standbysFor } from '../availability/standbys';
import type { EntityStandbyParity } from '../api';
import type { ClusterFacts } from '../environments';
import type {
  PostgresClusterRecord,
  WorkloadControllerRecord,
} from '../records';
import { entityWorkloads } from './availabilityScope';
import { oncePerContext, refOf, type PostureContext } from './context';
import { postgresClustersToJudge } from './postgresScope';

/** What the standby checks compare: production's side and the standbys found for it. */
export interface StandbyComparison {
  /** The production clusters holding the entity's workloads and databases. */
  productionClusters: string[];
  standbys: ClusterFacts[];
  rows: EntityStandbyParity[];
}

function imagesOf(controller: WorkloadControllerRecord) {
  return new Map(controller.containers.map(c => [c.name, c.image]));
}

function stateOf(
  counterpart: WorkloadControllerRecord,
  drift: boolean,
): EntityStandbyParity['state'] {
  if (counterpart.readyReplicas < 1) return 'not-ready';
  return drift ? 'image-drift' : 'in-step';
}

function workloadRow(
  production: WorkloadControllerRecord,
  standby: ClusterFacts,
  counterpart: WorkloadControllerRecord | undefined,
): EntityStandbyParity {
  const base = {
    standbyCluster: standby.name,
    production: refOf(production.kind, production),
    productionReady: production.readyReplicas,
    productionDesired: production.replicas,
  };
  const mine = imagesOf(production);
  if (!counterpart) {
    return {
      ...base,
      images: [...mine].map(([container, image]) => ({
        container,
        ...(image ? { production: image } : {}),
      })),
      state: 'missing',
    };
  }
  const theirs = imagesOf(counterpart);
  const images = [...new Set([...mine.keys(), ...theirs.keys()])].map(
    container => ({
      container,
      ...(mine.get(container) ? { production: mine.get(container) } : {}),
      ...(theirs.get(container) ? { standby: theirs.get(container) } : {}),
    }),
  );
  const drift = images.some(i => i.production !== i.standby);
  return {
    ...base,
    standby: refOf(counterpart.kind, counterpart),
    standbyReady: counterpart.readyReplicas,
    standbyDesired: counterpart.replicas,
    images,
    state: stateOf(counterpart, drift),
  };
}

function databaseRow(
  context: PostureContext,
  production: PostgresClusterRecord,
  standby: ClusterFacts,
): EntityStandbyParity {
  const base = {
    standbyCluster: standby.name,
    production: refOf('Cluster', production),
    productionReady: production.readyInstances ?? 0,
    productionDesired: production.instances ?? 0,
    images: [],
  };
  const objectStores = [
    ...(context.records.objectStores ?? []),
    ...(context.otherRecords.objectStores ?? []),
  ];
  const replicas = (context.otherRecords.postgresClusters ?? []).filter(
    c =>
      c.deletedAt === undefined &&
      c.cluster === standby.name &&
      c.replicaOf !== undefined,
  );
  const replica =
    replicas.find(c => replicatesFrom(c, production, objectStores)) ??
    replicas.find(
      c => c.namespace === production.namespace && c.name === production.name,
    );
  if (!replica) return { ...base, state: 'missing' };
  const side = {
    standby: refOf('Cluster', replica),
    ...(replica.readyInstances !== undefined
      ? { standbyReady: replica.readyInstances }
      : {}),
    ...(replica.instances !== undefined
      ? { standbyDesired: replica.instances }
      : {}),
  };
  if (!replicatesFrom(replica, production, objectStores)) {
    return { ...base, ...side, state: 'other-source' };
  }
  return {
    ...base,
    ...side,
    state: allInstancesReady(replica) ? 'in-step' : 'not-ready',
  };
}

/**
 * The entity's production workloads and databases beside their
 * counterparts on each standby standing in for their cluster: a workload
 * by kind, namespace and name; a database by the replica cluster whose
 * source is it (or, failing that, one of its namespace and name).
 */
export const standbyComparison = oncePerContext(
  (context: PostureContext): StandbyComparison => {
    const workloads = entityWorkloads(context).map(w => w.controller);
    const postgres = postgresClustersToJudge(context);
    const databases = 'clusters' in postgres ? postgres.clusters : [];
    const productionClusters = [
      ...new Set([...workloads, ...databases].map(r => r.cluster)),
    ].sort();
    const standbys = context.clusters
      ? standbysFor(productionClusters, context.clusters)
      : [];
    const controllers = (context.otherRecords.workloadControllers ?? []).filter(
      c => c.deletedAt === undefined,
    );
    const rows: EntityStandbyParity[] = [];
    for (const standby of standbys) {
      for (const workload of workloads) {
        if (workload.cluster !== standby.standbyFor) continue;
        const counterpart = controllers.find(
          c =>
            c.cluster === standby.name &&
            c.kind === workload.kind &&
            c.namespace === workload.namespace &&
            c.name === workload.name,
        );
        rows.push(workloadRow(workload, standby, counterpart));
      }
      for (const database of databases) {
        if (database.cluster !== standby.standbyFor) continue;
        rows.push(databaseRow(context, database, standby));
      }
    }
    return { productionClusters, standbys, rows };
  },
);
