import { describeController } from '../availability/workloadControllers';
import type { ContainerSpec } from '../records';
import {
  entityWorkloads,
  gapStatus,
  workloadsProblem,
} from './availabilityScope';
import { plural, refOf, sentenceOf } from './context';
import { defineCheck, verdict } from './definition';

type Values = {
  workloads: number;
  containers: number;
  missing: string[];
};

/** The resources every container must request so the scheduler places it where it fits. */
const REQUESTED = ['cpu', 'memory'];

function missingOf(container: ContainerSpec): string[] {
  return [
    ...(container.readinessProbe ? [] : ['readiness probe']),
    ...(container.livenessProbe ? [] : ['liveness probe']),
    ...REQUESTED.filter(r => !container.requests.includes(r)).map(
      r => `${r} request`,
    ),
  ];
}

export const probesAndResources = defineCheck<'probes-and-resources', Values>({
  id: 'probes-and-resources',
  title: 'Probes and resource requests',
  appliesTo: 'Entities with Deployments or StatefulSets.',
  docs: 'Every container of every Deployment and StatefulSet pod template (init containers aside) has a readiness probe (no traffic to a pod that cannot serve), a liveness probe (a hung process is restarted) and CPU and memory requests (the scheduler places it where it fits, and it is not the first evicted). Any missing fails for the high-availability tiers and warns for the others, naming the container and what it lacks.',
  scorecard: {
    omitted:
      'Production-readiness linters check manifests already; the scorecard mirrors the checks only a running cluster can answer.',
  },
  evaluate: context => {
    const problem = workloadsProblem(context);
    if (problem) return problem.verdict;
    const workloads = entityWorkloads(context);
    const missing = workloads.flatMap(({ controller }) =>
      controller.containers.flatMap(container => {
        const lacks = missingOf(container);
        return lacks.length > 0
          ? [
              `container ${container.name} of ${describeController(
                controller,
              )} has no ${lacks.join(', ')}`,
            ]
          : [];
      }),
    );
    const containers = workloads.reduce(
      (sum, w) => sum + w.controller.containers.length,
      0,
    );
    const values: Values = { workloads: workloads.length, containers, missing };
    const refs = workloads.map(w => refOf(w.controller.kind, w.controller));
    if (containers === 0) {
      return verdict(
        'unknown',
        'The pod templates of its workloads list no containers.',
        refs,
      );
    }
    if (missing.length > 0) {
      return verdict(gapStatus(context), sentenceOf(missing), refs, values);
    }
    return verdict(
      'pass',
      `${plural(
        containers,
        'container has',
        'containers have',
      )} readiness and liveness probes and CPU and memory requests.`,
      refs,
      values,
    );
  },
});
