import { budgetAllowance } from '../availability/disruptionBudgets';
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
  uncovered: string[];
  blocking: string[];
  allowingAll: string[];
};

interface Judged {
  status: CheckStatus;
  text: string;
  finding?: 'uncovered' | 'blocking' | 'allowingAll';
}

function limitOf(budget: JudgedWorkload['budgets'][number]): string {
  return budget.minAvailable !== undefined
    ? `minAvailable ${budget.minAvailable}`
    : `maxUnavailable ${budget.maxUnavailable}`;
}

function judgeWorkload(
  context: PostureContext,
  { controller, budgets }: JudgedWorkload,
): Judged {
  const name = describeController(controller);
  if (budgets.length === 0) {
    return {
      status: gapStatus(context),
      finding: 'uncovered',
      text: `no PodDisruptionBudget covers ${name}: a node drain may evict all ${controller.replicas} pods at once`,
    };
  }
  if (budgets.length > 1) {
    return {
      status: gapStatus(context),
      finding: 'blocking',
      text: `${budgets.length} PodDisruptionBudgets (${budgets
        .map(b => b.name)
        .join(
          ', ',
        )}) cover ${name}: the eviction API refuses to evict pods under more than one, so node drains block`,
    };
  }
  const [budget] = budgets;
  const allowance = budgetAllowance(budget, controller.replicas);
  if (!allowance) {
    return {
      status: 'unknown',
      text: `PodDisruptionBudget ${budget.name} of ${name} sets neither a readable minAvailable nor maxUnavailable`,
    };
  }
  if (allowance.allowed < 1) {
    return {
      status: gapStatus(context),
      finding: 'blocking',
      text: `PodDisruptionBudget ${budget.name} (${limitOf(
        budget,
      )}) lets none of the ${
        controller.replicas
      } pods of ${name} be evicted: node drains block until someone deletes it`,
    };
  }
  if (allowance.minHealthy < 1) {
    return {
      status: gapStatus(context),
      finding: 'allowingAll',
      text: `PodDisruptionBudget ${budget.name} (${limitOf(budget)}) lets all ${
        controller.replicas
      } pods of ${name} be evicted at once`,
    };
  }
  return {
    status: 'pass',
    text: `PodDisruptionBudget ${budget.name} keeps ${allowance.minHealthy} of the ${controller.replicas} pods of ${name} up and lets ${allowance.allowed} be evicted`,
  };
}

export const disruptionBudget = defineCheck<'disruption-budget', Values>({
  id: 'disruption-budget',
  title: 'Disruption budget',
  appliesTo:
    'Entities with a Deployment or StatefulSet of two or more replicas.',
  docs: 'Every workload with two or more replicas is covered by exactly one PodDisruptionBudget of its namespace whose selector takes its pods, and that budget, for its replica count, lets at least one pod be evicted (node drains and upgrades can proceed) while keeping at least one up (a drain never takes all). `minAvailable` and `maxUnavailable` percentages are rounded up, as the disruption controller does. No budget, more than one (the eviction API then refuses), one that blocks every eviction or one that allows all fails for the high-availability tiers and warns for the others; unreadable limits are unknown.',
  scorecard: {
    omitted:
      'Production-readiness linters check manifests already; the scorecard mirrors the checks only a running cluster can answer.',
  },
  evaluate: context => {
    const problem = workloadsProblem(context);
    if (problem) return problem.verdict;
    const replicated = judgeReplicatedWorkloads(context, judgeWorkload);
    if (!replicated) return undefined;
    const { workloads, judged, status, named } = replicated;
    const shown = judged.filter(j =>
      status === 'pass' ? true : j.status !== 'pass',
    );
    return verdict(
      status,
      sentenceOf(shown.map(j => j.text)),
      [
        ...workloads.map(w => refOf(w.controller.kind, w.controller)),
        ...workloads.flatMap(w =>
          w.budgets.map(b => refOf('PodDisruptionBudget', b)),
        ),
      ],
      {
        workloads: workloads.length,
        uncovered: named('uncovered'),
        blocking: named('blocking'),
        allowingAll: named('allowingAll'),
      },
    );
  },
});
