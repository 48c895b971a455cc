import type { EntityPostureResponse } from '@dr-posture/plugin-disaster-recovery-common';
import { formatAge } from '../../format';

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function listed(parts: Array<string | false>): string {
  return parts.filter((part): part is string => part !== false).join(', ');
}

/**
 * The one line each folded section of the tab shows about what it holds:
 * counts from the posture, never a judgement the checks did not make.
 */
export function sectionSummaries(
  posture: EntityPostureResponse,
  now = Date.now(),
) {
  const total = (key: 'completed' | 'partiallyFailed' | 'failed') =>
    posture.backupHistory.reduce((sum, day) => sum + day[key], 0);
  const paused = posture.schedules.filter(s => s.paused).length;
  const overdue = posture.schedules.filter(s => s.overdue).length;
  const available = posture.storageLocations.filter(
    l => l.phase === 'Available',
  ).length;
  const archiving = posture.postgresClusters.filter(
    c => c.continuousArchiving === 'True',
  ).length;
  const { lastDrillAt, lastDrillOutcome } = posture.summary;
  return {
    history: `${total('completed')} completed, ${total(
      'partiallyFailed',
    )} partially failed, ${total('failed')} failed in the last 30 days`,
    postgres: listed([
      count(posture.postgresClusters.length, 'database'),
      `WAL archiving works for ${archiving}`,
    ]),
    schedules: listed([
      count(posture.schedules.length, 'schedule'),
      paused > 0 && `${paused} paused`,
      overdue > 0 && `${overdue} overdue`,
    ]),
    storage: listed([
      count(posture.storageLocations.length, 'location'),
      `${available} available`,
    ]),
    otherEnvironments: `${count(
      posture.otherEnvironments?.length ?? 0,
      'cluster',
    )}, not counted towards the checks`,
    drills: lastDrillAt
      ? `Last one ended ${formatAge(lastDrillAt, now)}, ${
          lastDrillOutcome ?? 'outcome unknown'
        }`
      : 'None recorded or detected',
    availability: listed([
      count(posture.availability?.workloads.length ?? 0, 'workload'),
      (posture.availability?.standbyParity.length ?? 0) > 0 &&
        'compared with the standby',
    ]),
  };
}
