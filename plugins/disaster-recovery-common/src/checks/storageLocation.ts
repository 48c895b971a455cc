import { formatDuration } from '../durations';
import { coverageUnknownReason, describeRef, millisecondsSince, refOf, veleroApplies } from './context';
import { defineCheck, verdict } from './definition';
import { usedStorageLocations } from './storageLocations';

export const storageLocation = defineCheck<'storage-location', { locations: string[] }>({
  id: 'storage-location',
  title: 'Backup storage available',
  appliesTo: 'Entities protected by Velero.',
  docs: "Every BackupStorageLocation the entity's backups go to must be `Available` and validated recently. A location that reports no phase is unknown: Velero has not judged it.",
  scorecard: { id: 'disasterRecoveryStorageAvailable', name: 'Backup storage available', description: 'Every backup storage location the backups go to is Available.', fact: 'storageAvailable' },
  evaluate: context => {
  if (!veleroApplies(context)) return undefined;
  const unknownReason = coverageUnknownReason(context);
  if (unknownReason) return verdict('unknown', unknownReason);
  const locations = usedStorageLocations(context);
  if (locations.length === 0) {
    return verdict('unknown',
      'No schedule or backup of this entity names a storage location.',
    );
  }
  const refs = locations.map(l => refOf('BackupStorageLocation', l));
  const maxAge = context.storageValidationMaxAgeMs;
  const findings = locations.map(location => {
    const { record } = location;
    const name = describeRef(location);
    if (!record)
      return { status: 'fail' as const, text: `${name} does not exist` };
    if (record.phase === undefined)
      return { status: 'unknown' as const, text: `${name} reports no phase` };
    if (record.phase !== 'Available') {
      return {
        status: 'fail' as const,
        text: `${name} is ${record.phase}${
          record.message ? ` (${record.message})` : ''
        }`,
      };
    }
    if (record.lastValidatedAt === undefined) {
      return {
        status: 'unknown' as const,
        text: `${name} is Available but reports no validation time`,
      };
    }
    const age = millisecondsSince(context.now, record.lastValidatedAt);
    if (age > maxAge) {
      return {
        status: 'warn' as const,
        text: `${name} was last validated ${formatDuration(
          age,
        )} ago, more than ${formatDuration(maxAge)}`,
      };
    }
    return {
      status: 'pass' as const,
      text: `${name} is Available, validated ${formatDuration(age)} ago`,
    };
  });
  const values = { locations: findings.map(f => f.text) };
  for (const status of ['fail', 'warn', 'unknown'] as const) {
    const matching = findings.filter(f => f.status === status);
    if (matching.length > 0) {
      return verdict(status,
        `${matching.map(f => f.text).join('; ')}.`,
        refs,
        values,
      );
    }
  }
  return verdict('pass',
    `${findings.map(f => f.text).join('; ')}.`,
    refs,
    values,
  );
  },
});
