import { spreadRuleFor } from '../availability/placement';
import { describeController } from '../availability/workloadControllers';
import {
  gapStatus,
  judgeReplicatedWorkloads,
  workloadsProblem,
  type JudgedWorkload,
} from './availabilityScope';
import { refOf, sentenceOf, type PostureContext } from './context';
import { defineCheck, verdict } from './definition';
import type { CheckStatus } from './types';

type Values = {
  workloads: number;
  singleNode: string[];
  singleZone: string[];
  spreadNotAsked: string[];
};

interface Judged {
  status: CheckStatus;
  text: string;
  finding?: 'singleNode' | 'singleZone' | 'spreadNotAsked';
}

function judgeWorkload(
  context: PostureContext,
  workload: JudgedWorkload,
): Judged {
  const { controller, placement } = workload;
  const name = describeController(controller);
  if (placement.scheduled < 2) {
    return {
      status: 'unknown',
      text: `${name} has ${placement.scheduled} scheduled pod${
        placement.scheduled === 1 ? '' : 's'
      } of ${controller.replicas}, so where its replicas run cannot be seen`,
    };
  }
  if (placement.nodes.length < 2) {
    return {
      status: gapStatus(context),
      finding: 'singleNode',
      text: `all ${placement.scheduled} pods of ${name} run on node ${placement.nodes[0]}: losing it loses them all`,
    };
  }
  if (!placement.nodesCollected) {
    return {
      status: 'unknown',
      text: `the Nodes of cluster ${controller.cluster} were not collected, so the zones of ${name} are unknown`,
    };
  }
  const zoned = placement.clusterZones.length >= 2;
  if (zoned && placement.zones.length < 2) {
    if (placement.zones.length + placement.inUnknownZone >= 2) {
      return {
        status: 'unknown',
        text: `${placement.inUnknownZone} pod${
          placement.inUnknownZone === 1 ? '' : 's'
        } of ${name} run on nodes whose zone is not known`,
      };
    }
    return {
      status: gapStatus(context),
      finding: 'singleZone',
      text: `all pods of ${name} run in zone ${
        placement.zones[0]
      } although cluster ${
        controller.cluster
      } has ${placement.clusterZones.join(
        ', ',
      )}: losing the zone loses them all`,
    };
  }
  const missing = [
    ...(spreadRuleFor(controller.spread, 'node') ? [] : ['nodes']),
    ...(zoned && !spreadRuleFor(controller.spread, 'zone') ? ['zones'] : []),
  ];
  if (missing.length > 0) {
    return {
      status: 'warn',
      finding: 'spreadNotAsked',
      text: `${name} runs on ${placement.nodes.length} nodes${
        zoned ? ` in ${placement.zones.length} zones` : ''
      }, but its spec does not ask to spread over ${missing.join(
        ' or ',
      )}: add pod anti-affinity or a topology spread constraint, or the scheduler may pack them together`,
    };
  }
  return {
    status: 'pass',
    text: `${name} runs on ${placement.nodes.length} nodes${
      zoned ? ` in ${placement.zones.length} zones` : ''
    }`,
  };
}

export const placement = defineCheck<'placement', Values>({
  id: 'placement',
  title: 'Replicas spread over nodes and zones',
  appliesTo:
    'Entities with a Deployment or StatefulSet of two or more replicas.',
  docs: "Observed and asked: the pods of every workload with two or more replicas run on at least two nodes (`spec.nodeName`) and, where the cluster's Nodes are in two or more zones (`topology.kubernetes.io/zone` label), in at least two zones; and the pod template asks for it with pod anti-affinity or a topology spread constraint over `kubernetes.io/hostname` and, in a zoned cluster, `topology.kubernetes.io/zone`, so the spread is kept rather than lucky. All on one node or one zone fails for the high-availability tiers and warns for the others; spread without being asked warns; fewer than two scheduled pods, Nodes not collected or pods on nodes of unknown zone are unknown.",
  scorecard: {
    id: 'disasterRecoveryPlacement',
    name: 'Replicas spread over nodes and zones',
    description:
      'Replicas run on two nodes and, in a zoned cluster, two zones, and the spec keeps them apart.',
    fact: 'placementMet',
  },
  evaluate: context => {
    const problem = workloadsProblem(context);
    if (problem) return problem.verdict;
    const replicated = judgeReplicatedWorkloads(context, judgeWorkload);
    if (!replicated) return undefined;
    const { workloads, judged, status, named } = replicated;
    const values: Values = {
      workloads: workloads.length,
      singleNode: named('singleNode'),
      singleZone: named('singleZone'),
      spreadNotAsked: named('spreadNotAsked'),
    };
    const shown = judged.filter(j =>
      status === 'pass' ? true : j.status !== 'pass',
    );
    return verdict(
      status,
      sentenceOf(shown.map(j => j.text)),
      workloads.map(w => refOf(w.controller.kind, w.controller)),
      values,
    );
  },
});
