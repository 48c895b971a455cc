import { coverageUnknownReason, describeRef, plural, refOf } from './context';
import { defineCheck, verdict } from './definition';
import { entitySchedules } from './entitySchedules';

export const scheduleActive = defineCheck<
  'schedule-active',
  { schedules: number; paused: number }
>({
  id: 'schedule-active',
  title: 'Backup schedule active',
  appliesTo:
    'Every entity: Velero Schedules and CloudNativePG ScheduledBackups both count.',
  docs: "A schedule must exist for the entity's data and must not be paused.",
  scorecard: {
    id: 'disasterRecoveryBackupScheduleActive',
    name: 'Backup schedule active',
    description:
      'A Velero Schedule or CloudNativePG ScheduledBackup covers the entity and not all of them are paused.',
    fact: 'scheduleActive',
  },
  evaluate: context => {
    const schedules = entitySchedules(context);
    const refs = schedules.map(schedule => schedule.ref);
    const missing = context.coverage.missingSchedules;
    if (missing.length > 0) {
      return verdict(
        'fail',
        `The velero-schedules annotation names ${missing
          .map(describeRef)
          .join(', ')}, which ${
          missing.length === 1 ? 'does' : 'do'
        } not exist.`,
        [...refs, ...missing.map(ref => refOf('Schedule', ref))],
      );
    }
    const unknownReason =
      context.postgres.clusters.length === 0
        ? coverageUnknownReason(context)
        : undefined;
    if (schedules.length === 0) {
      return unknownReason
        ? verdict('unknown', unknownReason)
        : verdict(
            'fail',
            'No Velero Schedule or CloudNativePG ScheduledBackup covers this entity.',
          );
    }
    const invalid = schedules.filter(schedule => schedule.failedValidation);
    if (invalid.length > 0) {
      const rejected = invalid.map(s =>
        s.dialect === 'velero'
          ? `Velero rejected ${describeRef(s.ref)} (FailedValidation)`
          : `CloudNativePG cannot read the schedule of ${describeRef(
              s.ref,
            )} ("${s.schedule}")`,
      );
      return verdict(
        'fail',
        `${rejected.join('; ')}, so ${
          invalid.length === 1 ? 'it runs' : 'they run'
        } no backups.`,
        refs,
      );
    }
    const paused = schedules.filter(schedule => schedule.paused);
    const values = { schedules: schedules.length, paused: paused.length };
    // A schedule Velero has not validated may cover data no other one does.
    const unvalidated = schedules.filter(s => !s.paused && !s.validated);
    if (unvalidated.length > 0) {
      return verdict(
        'unknown',
        `Velero has not validated ${unvalidated
          .map(s => describeRef(s.ref))
          .join(', ')} yet (its status.phase is not Enabled), so ${
          unvalidated.length === 1 ? 'it is' : 'they are'
        } not known to run backups; check that the Velero server is running.`,
        refs,
        values,
      );
    }
    const pausedNames = paused.map(s => describeRef(s.ref)).join(', ');
    if (paused.length === schedules.length) {
      return verdict(
        'fail',
        `Every schedule covering this entity is paused or suspended: ${pausedNames}.`,
        refs,
        values,
      );
    }
    if (paused.length > 0) {
      return verdict(
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
    return verdict(
      'pass',
      `${plural(schedules.length, 'active schedule')} cover${
        schedules.length === 1 ? 's' : ''
      } this entity.`,
      refs,
      values,
    );
  },
});
