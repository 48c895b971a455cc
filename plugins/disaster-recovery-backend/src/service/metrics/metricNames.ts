/** The prefix of every metric of this plugin. */
const PREFIX = 'backstage.plugin.disaster-recovery';

/**
 * The plugin's metric names. Exported to Prometheus, `.` and `-` become
 * `_` and counters end in `_total`
 * (`backstage_plugin_disaster_recovery_collection_runs_total`).
 */
export const METRIC_NAMES = {
  lastCleanBackupAge: `${PREFIX}.entity.last_clean_backup.age`,
  rpo: `${PREFIX}.entity.rpo`,
  entityStatus: `${PREFIX}.entity.status`,
  collectionRuns: `${PREFIX}.collection.runs`,
  collectionErrors: `${PREFIX}.collection.errors`,
  objectsWritten: `${PREFIX}.collection.objects.written`,
  objectsDeleted: `${PREFIX}.collection.objects.deleted`,
  evaluationDuration: `${PREFIX}.evaluation.duration`,
} as const;
