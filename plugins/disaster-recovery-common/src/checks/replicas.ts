import { describeController } from '../availability/workloadControllers';
import {
  entityWorkloads,
  highAvailabilityRequired,
  workloadsProblem,
  type JudgedWorkload,
} from './availabilityScope';
import { plural, refOf } from './context';
import { defineCheck, verdict } from './definition';

type Values = {
  workloads: number;
  belowTwoReady: string[];
  singletons: string[];
};

/** The fewest replicas a workload that must survive a pod loss runs. */
const MINIMUM_REPLICAS = 2;

function shortfall(workload: JudgedWorkload): string | undefined {
  const { controller, autoscaler, floor } = workload;
  const name = describeController(controller);
  if (floor < MINIMUM_REPLICAS) {
    return autoscaler
      ? `${name} may scale down to ${plural(
          floor,
          'replica',
        )} (HorizontalPodAutoscaler ${autoscaler.name} minReplicas)`
      : `${name} runs ${plural(floor, 'replica')}`;
  }
  if (controller.readyReplicas < MINIMUM_REPLICAS) {
    return `${name} has ${controller.readyReplicas} of ${controller.replicas} replicas ready`;
  }
  return undefined;
}

export const replicas = defineCheck<'replicas', Values>({
  id: 'replicas',
  title: 'Two ready replicas',
  appliesTo:
    'Entities of the high-availability tiers (default 1 and 2) with Deployments or StatefulSets; unknown without a tier or when none are found.',
  docs: 'Every Deployment and StatefulSet of an entity that must survive the loss of a pod or a node runs at least two ready replicas (`status.readyReplicas`), and cannot drop below two: with a HorizontalPodAutoscaler its `minReplicas` is the floor, since it may scale down to it at any time. A workload annotated `disaster-recovery/singleton: <reason>` is a documented singleton and passes, its reason shown; the annotation without a reason documents nothing. Any other workload below two fails, naming it.',
  scorecard: {
    id: 'disasterRecoveryReplicas',
    name: 'Two ready replicas',
    description:
      'Every workload of a tier 1 or 2 service runs at least two ready replicas, or is a documented singleton.',
    fact: 'replicasMet',
  },
  evaluate: context => {
    const problem = workloadsProblem(context);
    if (problem) return problem.verdict;
    const required = highAvailabilityRequired(context);
    if ('unknown' in required) {
      return verdict(
        'unknown',
        `Whether its workloads need two replicas depends on its tier: ${required.unknown}`,
      );
    }
    if (!required.required) return undefined;
    const workloads = entityWorkloads(context);
    const singletons = workloads.filter(w =>
      w.controller.singletonReason?.trim(),
    );
    const undocumented = workloads.filter(
      w =>
        w.controller.singletonReason !== undefined &&
        !w.controller.singletonReason.trim(),
    );
    const short = workloads
      .filter(w => !singletons.includes(w))
      .flatMap(w => {
        const text = shortfall(w);
        return text ? [{ workload: w, text }] : [];
      });
    const values: Values = {
      workloads: workloads.length,
      belowTwoReady: short.map(s => describeController(s.workload.controller)),
      singletons: singletons.map(w => describeController(w.controller)),
    };
    const refs = workloads.map(w => refOf(w.controller.kind, w.controller));
    const documented =
      singletons.length > 0
        ? ` Documented singletons: ${singletons
            .map(
              w =>
                `${describeController(
                  w.controller,
                )} (${w.controller.singletonReason?.trim()})`,
            )
            .join(', ')}.`
        : '';
    if (short.length > 0) {
      const blank =
        undocumented.filter(w => short.some(s => s.workload === w)).length > 0
          ? ' A disaster-recovery/singleton annotation needs the reason one replica is enough.'
          : '';
      return verdict(
        'fail',
        `${short
          .map(s => s.text)
          .join(
            '; ',
          )}: a single pod or node loss takes it down. Run at least two replicas (and an autoscaler minimum of two), or document a singleton with disaster-recovery/singleton: <reason>.${blank}${documented}`,
        refs,
        values,
      );
    }
    const replicated = workloads.length - singletons.length;
    return verdict(
      'pass',
      replicated > 0
        ? `${plural(
            replicated,
            'workload runs',
            'workloads run',
          )} at least two ready replicas.${documented}`
        : documented.trim(),
      refs,
      values,
    );
  },
});
