import type { Entity } from '@backstage/catalog-model';
import {
  resolveEntityCoverage,
  resolveWorkloadMapping,
  type VeleroBackupRecord,
  type VeleroScheduleRecord,
  type WorkloadRecord,
} from '@dr-posture/plugin-disaster-recovery-common';

/**
 * The Velero backup groups whose backups protect an entity, by the posture
 * rules' own coverage function applied to one backup standing for each
 * group (see `representativeBackup`). Groups of vanished backups are judged
 * as if they were still there, so history keeps them. Pass the same
 * `representatives` array for every entity: the rules index it once.
 */
export function protectingBackupGroups(
  entity: Entity,
  representatives: readonly VeleroBackupRecord[],
  records: {
    schedules?: readonly VeleroScheduleRecord[];
    workloads?: readonly WorkloadRecord[];
  },
): string[] {
  const coverage = resolveEntityCoverage(resolveWorkloadMapping(entity), {
    backups: representatives,
    schedules: records.schedules ?? [],
    workloads: records.workloads ?? [],
  });
  return coverage.backups.map(backup => backup.uid);
}
