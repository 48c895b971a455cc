import { parseBackupSchedule, scheduleTiming } from '../cron';
import { formatDuration } from '../durations';
import {
  check,
  coverageUnknownReason,
  describeRef,
  veleroApplies,
  type CheckRule,
} from './context';
import { entitySchedules } from './entitySchedules';

/**
 * The longest gap between runs of the entity's quickest active Velero
 * schedule must be shorter than the RPO: at equal length a restore just
 * before the next backup finishes loses more than the RPO, so that is a
 * warning. CloudNativePG base backups are left out: continuous WAL archiving
 * carries a database's RPO (see the WAL age check).
 */
export const scheduleCadence: CheckRule = context => {
  if (!veleroApplies(context)) return undefined;
  const unknownReason = coverageUnknownReason(context);
  if (unknownReason) return check('schedule-cadence', 'unknown', unknownReason);
  const { rpoMs } = context.policy;
  if (!rpoMs.ok) return check('schedule-cadence', 'unknown', rpoMs.reason);

  const active = entitySchedules(context).filter(
    s => s.dialect === 'velero' && !s.paused,
  );
  if (active.length === 0) {
    return check(
      'schedule-cadence',
      'unknown',
      'No active Velero schedule covers this entity, so there is no cadence to judge.',
    );
  }
  const judged = active.map(schedule => {
    const parsed = parseBackupSchedule(schedule.schedule, 'velero');
    const timing =
      'error' in parsed ? parsed : scheduleTiming(parsed, context.now);
    return { schedule, parsed, timing };
  });
  const readable = judged.flatMap(({ schedule, parsed, timing }) =>
    'error' in timing || 'error' in parsed
      ? []
      : [{ schedule, parsed, cadenceMs: timing.cadenceMs }],
  );
  const refs = active.map(schedule => schedule.ref);
  if (readable.length === 0) {
    const reasons = judged.map(
      ({ schedule, timing }) =>
        `${describeRef(schedule.ref)} ("${schedule.schedule}"): ${
          'error' in timing ? timing.error : ''
        }`,
    );
    return check(
      'schedule-cadence',
      'unknown',
      `No schedule could be read. ${reasons.join(' ')}`,
      refs,
    );
  }
  const quickest = readable.reduce((best, item) =>
    item.cadenceMs < best.cadenceMs ? item : best,
  );
  const rpo = formatDuration(rpoMs.value);
  const subject = `${describeRef(quickest.schedule.ref)} ("${
    quickest.schedule.schedule
  }", ${quickest.parsed.interpretation}) runs at least every ${formatDuration(
    quickest.cadenceMs,
  )}`;
  const values = {
    cadenceMs: quickest.cadenceMs,
    rpoMs: rpoMs.value,
    schedule: quickest.schedule.schedule,
  };
  if (quickest.cadenceMs > rpoMs.value) {
    return check(
      'schedule-cadence',
      'fail',
      `${subject}, ${formatDuration(
        quickest.cadenceMs - rpoMs.value,
      )} longer than the ${rpo} RPO.`,
      refs,
      values,
    );
  }
  if (quickest.cadenceMs === rpoMs.value) {
    return check(
      'schedule-cadence',
      'warn',
      `${subject}, exactly the ${rpo} RPO, leaving no time for the backup itself.`,
      refs,
      values,
    );
  }
  return check(
    'schedule-cadence',
    'pass',
    `${subject}, within the ${rpo} RPO.`,
    refs,
    values,
  );
};
