import { formatDuration } from '../durations';
import {
  describeRef,
  millisecondsSince,
  refOf,
  veleroCoverageProblem,
} from './context';
import { defineCheck, verdict } from './definition';
import { verdictOfFindings } from './findings';
import { usedStorageLocations } from './storageLocations';

export const storageLocation = defineCheck<
  'storage-location',
  { locations: string[] }
>({
  id: 'storage-location',
  title: 'Backup storage available',
  appliesTo: 'Entities protected by Velero.',
  docs: "Every BackupStorageLocation the entity's backups go to must be `Available` and validated recently: validated more than 1 h ago warns, more than 24 h ago fails (`disasterRecovery.posture.storageValidationWarnAfter` and `storageValidationFailAfter`). A location that reports no status is unknown: Velero has not judged it. The sentence names every location that does not pass.",
  scorecard: {
    id: 'disasterRecoveryStorageAvailable',
    name: 'Backup storage available',
    description:
      'Every backup storage location the backups go to is Available.',
    fact: 'storageAvailable',
  },
  evaluate: context => {
    const problem = veleroCoverageProblem(context);
    if (problem) return problem.verdict;
    const locations = usedStorageLocations(context);
    if (locations.length === 0) {
      return verdict(
        'unknown',
        'No schedule or backup of this entity names a storage location.',
      );
    }
    const refs = locations.map(l => refOf('BackupStorageLocation', l));
    const warnAge = context.storageValidationMaxAgeMs;
    const failAge = context.storageValidationFailAgeMs;
    const findings = locations.map(location => {
      const { record } = location;
      const name = describeRef(location);
      if (!record)
        return {
          status: 'fail' as const,
          text: `${name} does not exist: create it or point the schedule at one that does`,
        };
      if (record.phase === undefined)
        return {
          status: 'unknown' as const,
          text: `${name} reports no status, so Velero has not judged whether it can be written`,
        };
      if (record.phase !== 'Available') {
        return {
          status: 'fail' as const,
          text: `${name} is ${record.phase}${
            record.message ? ` (${record.message})` : ''
          }: backups cannot be written there until its credentials or bucket are fixed`,
        };
      }
      if (record.lastValidatedAt === undefined) {
        return {
          status: 'unknown' as const,
          text: `${name} is Available but reports no validation time`,
        };
      }
      const age = millisecondsSince(context.now, record.lastValidatedAt);
      // Velero validates every minute by default: a stale validation means
      // its server is not running or cannot reach the location.
      const stale = `${name} is Available but was last validated ${formatDuration(
        age,
      )} ago`;
      if (age > failAge) {
        return {
          status: 'fail' as const,
          text: `${stale}, more than ${formatDuration(
            failAge,
          )}: check that the Velero server runs and can reach it`,
        };
      }
      if (age > warnAge) {
        return {
          status: 'warn' as const,
          text: `${stale}, more than ${formatDuration(
            warnAge,
          )}: check that the Velero server runs and can reach it`,
        };
      }
      return {
        status: 'pass' as const,
        text: `${name} is Available, validated ${formatDuration(age)} ago`,
      };
    });
    const values = { locations: findings.map(f => f.text) };
    return verdictOfFindings(findings, refs, values);
  },
});
