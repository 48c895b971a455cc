import { restartsWithin } from '../availability/podRestarts';
import { formatDuration } from '../durations';
import { worstStatus } from '../posture/worstStatus';
import type { WorkloadRecord } from '../records';
import {
  entityPods,
  entityWorkloads,
  workloadsProblem,
} from './availabilityScope';
import {
  describeRef,
  millisecondsSince,
  plural,
  refOf,
  sentenceOf,
  type PostureContext,
} from './context';
import { defineCheck, verdict } from './definition';
import type { CheckStatus } from './types';

type Values = {
  pods: number;
  notReady: string[];
  restarting: string[];
};

const HOUR = 3_600_000;

interface Judged {
  status: CheckStatus;
  text?: string;
  finding?: 'notReady' | 'restarting';
}

function judgeReadiness(context: PostureContext, pod: WorkloadRecord): Judged {
  const status = pod.pod!;
  if (status.ready?.status === 'True') return { status: 'pass' };
  const name = `pod ${describeRef(pod)}`;
  const waiting = status.containers.find(c => c.waitingReason)?.waitingReason;
  const why = waiting ? ` (${waiting})` : '';
  // Without a Ready condition the pod has not started: not ready since it was made.
  const since = status.ready ? status.ready.since : pod.createdAt;
  if (since === undefined) {
    return {
      status: 'warn',
      finding: 'notReady',
      text: `${name} is not ready${why}; since when is not reported`,
    };
  }
  const forMs = millisecondsSince(context.now, since);
  const { notReadyWarnMs, notReadyFailMs } = context.availability;
  if (forMs <= notReadyWarnMs) return { status: 'pass' };
  return {
    status: forMs > notReadyFailMs ? 'fail' : 'warn',
    finding: 'notReady',
    text: `${name} has not been ready for ${formatDuration(forMs)}${why}`,
  };
}

function judgeRestarts(context: PostureContext, pod: WorkloadRecord): Judged {
  const limit = context.availability.maxRestartsPerHour;
  const count = restartsWithin(pod, context.now, HOUR);
  const name = `pod ${describeRef(pod)}`;
  if (!count) return { status: 'unknown', text: `${name} reports no status` };
  if (count.atLeast > limit) {
    return {
      status: 'warn',
      finding: 'restarting',
      text: `${name} restarted ${
        count.atLeast === count.atMost ? '' : 'at least '
      }${count.atLeast} times in the last hour (more than ${limit})`,
    };
  }
  if (count.atMost <= limit) return { status: 'pass' };
  return {
    status: 'unknown',
    text: `${name} restarted between ${count.atLeast} and ${count.atMost} times in the last hour (more than ${limit} warns): its restart count from an hour ago was not seen; the next collections tell`,
  };
}

/** The entity's pods and those its workloads own, once each. */
function podsToJudge(context: PostureContext): WorkloadRecord[] {
  const byUid = new Map<string, WorkloadRecord>();
  for (const pod of [
    ...entityPods(context),
    ...entityWorkloads(context).flatMap(w => w.pods),
  ]) {
    byUid.set(`${pod.cluster}/${pod.uid}`, pod);
  }
  return [...byUid.values()].filter(
    pod => pod.pod?.phase !== 'Succeeded' && pod.pod?.phase !== 'Failed',
  );
}

export const podStability = defineCheck<'pod-stability', Values>({
  id: 'pod-stability',
  title: 'Pods ready and stable',
  appliesTo: 'Entities with pods (their CloudNativePG instances included).',
  docs: 'Every running pod of the entity is ready and not restarting. A pod not ready (its `Ready` condition not True, or none yet) for longer than `notReadyWarnAfter` (default 5 minutes) warns and for longer than `notReadyFailAfter` (default 30 minutes) fails; one not ready without a time warns. More than `maxRestartsPerHour` (default 5) restarts of one pod in the last hour warns. Restarts are counted from restart counts across collections: exactly when the count an hour ago was seen or the pod is younger than an hour; a container running since before the hour did not restart in it; otherwise the count is bounded, and a bound that straddles the limit is unknown, never a pass. Pods that ended (Succeeded, Failed) are left out.',
  scorecard: {
    omitted:
      'Restarts and readiness change by the minute: alerting, not a scorecard, is where they belong.',
  },
  evaluate: context => {
    const pods = podsToJudge(context);
    if (pods.length === 0) {
      const problem = workloadsProblem(context);
      if (problem) return problem.verdict;
      return verdict(
        'unknown',
        'No running pod of this entity was found, so whether it is ready cannot be seen.',
      );
    }
    const refs = pods.map(pod => refOf('Pod', pod));
    const unreported = pods.filter(pod => !pod.pod);
    if (unreported.length > 0) {
      return verdict(
        'unknown',
        `The status of ${plural(
          unreported.length,
          'pod',
        )} was collected before readiness and restarts were kept; the next collection reads them.`,
        refs,
      );
    }
    const judged = pods.flatMap(pod => [
      judgeReadiness(context, pod),
      judgeRestarts(context, pod),
    ]);
    const status = worstStatus(judged.map(j => j.status));
    const named = (finding: Judged['finding']) =>
      pods
        .filter((_, i) =>
          [judged[2 * i], judged[2 * i + 1]].some(j => j.finding === finding),
        )
        .map(pod => describeRef(pod));
    const values: Values = {
      pods: pods.length,
      notReady: named('notReady'),
      restarting: named('restarting'),
    };
    if (status === 'pass') {
      return verdict(
        'pass',
        `${plural(
          pods.length,
          'pod is',
          'pods are',
        )} ready, none restarted more than ${
          context.availability.maxRestartsPerHour
        } times in the last hour.`,
        refs,
        values,
      );
    }
    return verdict(
      status,
      sentenceOf(
        judged.flatMap(j => (j.status !== 'pass' && j.text ? [j.text] : [])),
      ),
      refs,
      values,
    );
  },
});
