import { parseBackupSchedule, scheduleTiming } from '../cron';
import { formatDuration } from '../durations';
import { describeRef, veleroCoverageProblem } from './context';
import { scheduleCapturesVolumeData } from './veleroVolumeData';
import { defineCheck, verdict } from './definition';
import { entitySchedules } from './entitySchedules';

export const scheduleCadence = defineCheck<
  'schedule-cadence',
  { cadenceMs: number; rpoMs: number; schedule: string }
>({
  id: 'schedule-cadence',
  title: 'Schedule cadence within RPO',
  appliesTo: 'Entities protected by Velero.',
  docs: "The longest gap between runs of the entity's quickest active Velero schedule must be shorter than the RPO: at equal length a restore just before the next backup finishes loses more than the RPO, so that is a warning. CloudNativePG base backups are left out: continuous WAL archiving carries a database's RPO (see the WAL age check).",
  scorecard: {
    id: 'disasterRecoveryScheduleCadenceWithinRpo',
    name: 'Backup cadence within RPO',
    description:
      'The quickest active Velero schedule runs at least as often as the RPO.',
    fact: 'scheduleCadenceWithinRpo',
  },
  evaluate: context => {
    const problem = veleroCoverageProblem(context);
    if (problem) return problem.verdict;
    const { rpoMs } = context.policy;
    if (!rpoMs.ok) return verdict('unknown', rpoMs.reason);

    // Only a schedule Velero validated (Enabled) runs backups at all.
    const activeVelero = entitySchedules(context).filter(
      s => s.dialect === 'velero' && !s.paused && s.validated,
    );
    if (activeVelero.length === 0) {
      return verdict(
        'unknown',
        'No active Velero schedule that Velero accepted covers this entity, so there is no cadence to judge.',
      );
    }
    // Only schedules whose backups hold the entity's volume data keep its data within the RPO.
    const active = activeVelero.filter(view =>
      context.coverage.schedules.some(
        s =>
          s.cluster === view.ref.cluster &&
          s.namespace === view.ref.namespace &&
          s.name === view.ref.name &&
          scheduleCapturesVolumeData(context, s),
      ),
    );
    if (active.length === 0) {
      return verdict(
        'fail',
        `No active schedule captures this entity's volume data: ${activeVelero
          .map(s => describeRef(s.ref))
          .join(', ')} back${
          activeVelero.length === 1 ? 's' : ''
        } up manifests only (no volume snapshot, file-system backup or data-mover upload of its PVCs).`,
        activeVelero.map(s => s.ref),
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
      return verdict(
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
      return verdict(
        'fail',
        `${subject}, ${formatDuration(
          quickest.cadenceMs - rpoMs.value,
        )} longer than the ${rpo} RPO.`,
        refs,
        values,
      );
    }
    if (quickest.cadenceMs === rpoMs.value) {
      return verdict(
        'warn',
        `${subject}, exactly the ${rpo} RPO, leaving no time for the backup itself.`,
        refs,
        values,
      );
    }
    return verdict('pass', `${subject}, within the ${rpo} RPO.`, refs, values);
  },
});
