import type { NodeRecord, SpreadRule, WorkloadRecord } from '../records';

/** The Node label naming its zone. */
export const ZONE_LABEL = 'topology.kubernetes.io/zone';
/** The zone label before Kubernetes 1.17, still set on old nodes. */
const LEGACY_ZONE_LABEL = 'failure-domain.beta.kubernetes.io/zone';
/** The Node label naming the node itself: spreading over it is spreading over nodes. */
export const HOSTNAME_LABEL = 'kubernetes.io/hostname';

/** The nodes of one cluster and their zones, from Node labels only. */
export interface ClusterTopology {
  /** Whether any Node of the cluster was collected; without them no zone is known. */
  nodesCollected: boolean;
  zoneOfNode: ReadonlyMap<string, string>;
  /** The zones the cluster's nodes are in; empty when they carry no zone label. */
  zones: readonly string[];
}

const topologies = new WeakMap<
  readonly NodeRecord[],
  Map<string, ClusterTopology>
>();

/** The topology of one cluster from the collected Nodes (worked out once per list). */
export function clusterTopology(
  cluster: string,
  nodes: readonly NodeRecord[],
): ClusterTopology {
  let byCluster = topologies.get(nodes);
  if (!byCluster) {
    byCluster = new Map();
    for (const node of nodes) {
      if (node.deletedAt !== undefined) continue;
      let found = byCluster.get(node.cluster);
      if (!found) {
        found = { nodesCollected: true, zoneOfNode: new Map(), zones: [] };
        byCluster.set(node.cluster, found);
      }
      const zone = node.labels[ZONE_LABEL] ?? node.labels[LEGACY_ZONE_LABEL];
      if (zone) {
        (found.zoneOfNode as Map<string, string>).set(node.name, zone);
        if (!found.zones.includes(zone)) (found.zones as string[]).push(zone);
      }
    }
    topologies.set(nodes, byCluster);
  }
  return (
    byCluster.get(cluster) ?? {
      nodesCollected: false,
      zoneOfNode: new Map(),
      zones: [],
    }
  );
}

/**
 * Where the pods of a workload run: the distinct nodes and zones of those
 * scheduled, and how many run on a node whose zone is not known.
 *
 * @public
 */
export interface ObservedPlacement {
  /** Pods scheduled onto a node. */
  scheduled: number;
  nodes: string[];
  zones: string[];
  /** Scheduled pods whose node's zone is unknown although the cluster has zones. */
  inUnknownZone: number;
  /** The zones of the cluster's nodes; empty when it reports none. */
  clusterZones: readonly string[];
  nodesCollected: boolean;
}

/** Observes the placement of pods, all of one cluster. */
export function observedPlacement(
  pods: readonly WorkloadRecord[],
  topology: ClusterTopology,
): ObservedPlacement {
  const nodes = new Set<string>();
  const zones = new Set<string>();
  let inUnknownZone = 0;
  for (const pod of pods) {
    const node = pod.pod?.nodeName;
    if (!node) continue;
    nodes.add(node);
    const zone = topology.zoneOfNode.get(node);
    if (zone) zones.add(zone);
    else inUnknownZone += 1;
  }
  return {
    scheduled: [...pods].filter(p => p.pod?.nodeName).length,
    nodes: [...nodes].sort(),
    zones: [...zones].sort(),
    inUnknownZone: topology.zones.length > 0 ? inUnknownZone : 0,
    clusterZones: topology.zones,
    nodesCollected: topology.nodesCollected,
  };
}

/** The spread rule of a pod template that keeps its replicas apart over nodes or zones, if any. */
export function spreadRuleFor(
  spread: readonly SpreadRule[],
  over: 'node' | 'zone',
): SpreadRule | undefined {
  // Replicas kept in different zones are on different nodes too.
  const zoneKeys = [ZONE_LABEL, LEGACY_ZONE_LABEL];
  const keys = over === 'node' ? [HOSTNAME_LABEL, ...zoneKeys] : zoneKeys;
  const matching = spread.filter(rule => keys.includes(rule.topologyKey));
  return matching.find(rule => rule.required) ?? matching[0];
}
