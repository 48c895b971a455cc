import {
  check,
  coverageUnknownReason,
  describeRef,
  plural,
  refOf,
  type CheckRule,
} from './context';
import { entitySchedules } from './entitySchedules';

/** A schedule must exist for the entity's data and must not be paused. */
export const scheduleActive: CheckRule = context => {
  const schedules = entitySchedules(context);
  const refs = schedules.map(schedule => schedule.ref);
  const missing = context.coverage.missingSchedules;
  if (missing.length > 0) {
    return check(
      'schedule-active',
      'fail',
      `The velero-schedules annotation names ${missing
        .map(describeRef)
        .join(', ')}, which ${missing.length === 1 ? 'does' : 'do'} not exist.`,
      [...refs, ...missing.map(ref => refOf('Schedule', ref))],
    );
  }
  const unknownReason =
    context.postgres.clusters.length === 0
      ? coverageUnknownReason(context)
      : undefined;
  if (schedules.length === 0) {
    return unknownReason
      ? check('schedule-active', 'unknown', unknownReason)
      : check(
          'schedule-active',
          'fail',
          'No Velero Schedule or CloudNativePG ScheduledBackup covers this entity.',
        );
  }
  const invalid = schedules.filter(schedule => schedule.failedValidation);
  if (invalid.length > 0) {
    return check(
      'schedule-active',
      'fail',
      `Velero rejected ${invalid
        .map(s => describeRef(s.ref))
        .join(', ')} (FailedValidation), so ${
        invalid.length === 1 ? 'it runs' : 'they run'
      } no backups.`,
      refs,
    );
  }
  const paused = schedules.filter(schedule => schedule.paused);
  const values = { schedules: schedules.length, paused: paused.length };
  const pausedNames = paused.map(s => describeRef(s.ref)).join(', ');
  if (paused.length === schedules.length) {
    return check(
      'schedule-active',
      'fail',
      `Every schedule covering this entity is paused or suspended: ${pausedNames}.`,
      refs,
      values,
    );
  }
  if (paused.length > 0) {
    return check(
      'schedule-active',
      'warn',
      `${plural(paused.length, 'schedule')} of ${
        schedules.length
      } covering this entity ${
        paused.length === 1 ? 'is' : 'are'
      } paused or suspended: ${pausedNames}.`,
      refs,
      values,
    );
  }
  return check(
    'schedule-active',
    'pass',
    `${plural(schedules.length, 'active schedule')} cover${
      schedules.length === 1 ? 's' : ''
    } this entity.`,
    refs,
    values,
  );
};
