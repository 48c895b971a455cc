import { formatDuration } from '../durations';
import {
  describeRef,
  millisecondsSince,
  refOf,
  veleroCoverageProblem,
} from './context';
import { defineCheck, verdict } from './definition';
import {
  backupTime,
  FINISHED_BACKUP_PHASES,
  isCleanRecoveryPoint,
  newestFirst,
} from './veleroBackupPhases';

export const backupFreshness = defineCheck<
  'backup-freshness',
  {
    rpoMs: number;
    lastCleanBackupAt: string | null;
    lastCleanBackupAgeMs: number | null;
    latestBackupPhase: string | null;
  }
>({
  id: 'backup-freshness',
  title: 'Backup freshness',
  appliesTo: 'Entities protected by Velero (not PostgreSQL-only entities).',
  docs: 'The age of the last clean (`Completed`) Velero backup covering the entity against the RPO — not whether backup jobs exited well. A latest backup that failed is critical even if an older one is fresh enough: the next one will likely fail too.',
  scorecard: {
    id: 'disasterRecoveryBackupsWithinRpo',
    name: 'Backups within RPO',
    description:
      'The last clean (Completed) backup is younger than the RPO and the latest backup did not fail.',
    fact: 'backupWithinRpo',
  },
  evaluate: context => {
    const problem = veleroCoverageProblem(context);
    if (problem) return problem.verdict;
    const { rpoMs } = context.policy;
    if (!rpoMs.ok) return verdict('unknown', rpoMs.reason);

    const rpo = formatDuration(rpoMs.value);
    const finished = newestFirst(
      context.coverage.backups.filter(
        b => b.phase && FINISHED_BACKUP_PHASES.has(b.phase),
      ),
    );
    const latest = finished[0];
    const lastClean = finished.find(b => isCleanRecoveryPoint(b, context.now));
    const refs = [latest, lastClean]
      .filter((b, i, all) => b !== undefined && all.indexOf(b) === i)
      .map(b => refOf('Backup', b!));
    const ageMs = lastClean
      ? millisecondsSince(context.now, backupTime(lastClean)!)
      : undefined;
    const values = {
      rpoMs: rpoMs.value,
      lastCleanBackupAt: lastClean ? backupTime(lastClean)! : null,
      lastCleanBackupAgeMs: ageMs ?? null,
      latestBackupPhase: latest?.phase ?? null,
    };
    const cleanPart =
      ageMs === undefined
        ? 'no completed backup covers it'
        : `the last clean backup was ${formatDuration(ageMs)} ago`;

    if (!latest) {
      return verdict(
        'fail',
        `No finished Velero backup covers this entity, so there is no recovery point within the ${rpo} RPO.`,
        refs,
        values,
      );
    }
    if (latest.phase === 'Failed' || latest.phase === 'FailedValidation') {
      const reason = latest.failureReason ? ` (${latest.failureReason})` : '';
      return verdict(
        'fail',
        `The latest backup ${describeRef(latest)} ${
          latest.phase === 'Failed' ? 'failed' : 'failed validation'
        }${reason}; ${cleanPart}.`,
        refs,
        values,
      );
    }
    if (ageMs === undefined) {
      return verdict(
        'fail',
        `No clean (Completed, unexpired) backup covers this entity; the latest, ${describeRef(
          latest,
        )}, is ${latest.phase}.`,
        refs,
        values,
      );
    }
    if (ageMs > rpoMs.value) {
      return verdict(
        'fail',
        `Last clean backup ${formatDuration(ageMs)} ago is ${formatDuration(
          ageMs - rpoMs.value,
        )} older than the ${rpo} RPO.`,
        refs,
        values,
      );
    }
    if (latest.phase === 'PartiallyFailed') {
      return verdict(
        'warn',
        `The latest backup ${describeRef(latest)} partially failed (${
          latest.errors
        } errors), so it is not a clean recovery point; the last clean backup ${formatDuration(
          ageMs,
        )} ago is within the ${rpo} RPO.`,
        refs,
        values,
      );
    }
    return verdict(
      'pass',
      `Last clean backup ${formatDuration(
        ageMs,
      )} ago is within the ${rpo} RPO.`,
      refs,
      values,
    );
  },
});
