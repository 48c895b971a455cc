import type {
  PodContainerStatus,
  PodStatusRecord,
} from '@dr-posture/plugin-disaster-recovery-common';
import { z } from 'zod';
import { timestamp } from './objectSchema';

const containerStatus = z.object({
  name: z.string(),
  restartCount: z.number().int().nonnegative().optional().default(0),
  ready: z.boolean().optional().default(false),
  state: z
    .object({
      running: z.object({ startedAt: timestamp.optional() }).optional(),
      terminated: z.object({ finishedAt: timestamp.optional() }).optional(),
      waiting: z.object({ reason: z.string().optional() }).optional(),
    })
    .optional()
    .default({}),
});

/** The parts of a Pod's spec and status the availability checks read. */
export const podStatusFields = {
  spec: z.object({ nodeName: z.string().optional() }),
  status: z
    .object({
      phase: z.string().optional(),
      conditions: z
        .array(
          z.object({
            type: z.string(),
            status: z.enum(['True', 'False', 'Unknown']),
            lastTransitionTime: timestamp.optional(),
          }),
        )
        .optional()
        .default([]),
      containerStatuses: z.array(containerStatus).optional().default([]),
      initContainerStatuses: z.array(containerStatus).optional().default([]),
    })
    .optional()
    .default({
      conditions: [],
      containerStatuses: [],
      initContainerStatuses: [],
    }),
};

type ParsedContainer = z.infer<typeof containerStatus>;

function containerOf(container: ParsedContainer): PodContainerStatus {
  const { running, terminated, waiting } = container.state;
  const quietSince = waiting
    ? undefined
    : running?.startedAt ?? terminated?.finishedAt;
  return {
    name: container.name,
    restarts: container.restartCount,
    ready: container.ready,
    ...(quietSince ? { quietSince } : {}),
    ...(waiting?.reason ? { waitingReason: waiting.reason } : {}),
  };
}

/**
 * A pod's scheduling, readiness and containers. Its restart history is left
 * empty: the collector adds the count with when it was seen, after the
 * counts it saw before (`carryPodRestarts`).
 */
export function podStatusOf(
  spec: { nodeName?: string },
  status: z.infer<typeof podStatusFields.status>,
): PodStatusRecord {
  const ready = status.conditions.find(c => c.type === 'Ready');
  const containers = [
    ...status.initContainerStatuses,
    ...status.containerStatuses,
  ].map(containerOf);
  return {
    ...(spec.nodeName ? { nodeName: spec.nodeName } : {}),
    ...(status.phase ? { phase: status.phase } : {}),
    ...(ready
      ? {
          ready: {
            status: ready.status,
            ...(ready.lastTransitionTime
              ? { since: ready.lastTransitionTime }
              : {}),
          },
        }
      : {}),
    containers,
    restartHistory: [],
  };
}
