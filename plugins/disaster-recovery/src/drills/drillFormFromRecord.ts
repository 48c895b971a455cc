import type {
  DrillHealthCheck,
  DrillObjectRef,
  DrillVerification,
  RecordedDrill,
} from '@dr-posture/plugin-disaster-recovery-common';
import { durationText } from './durationText';
import type {
  DrillFormValues,
  HealthCheckValues,
  VerificationValues,
} from './drillFormValues';
import { utcToWallTime } from './timeZones';

function verification(value?: DrillVerification): VerificationValues {
  if (!value) return { result: 'not-checked', details: '' };
  return {
    result: value.passed ? 'passed' : 'failed',
    details: value.details ?? '',
  };
}

function checks(values?: DrillHealthCheck[]): HealthCheckValues[] {
  return (values ?? []).map(check => ({
    name: check.name,
    ...verification(check),
  }));
}

function objectRef(ref?: DrillObjectRef): string {
  return ref ? `${ref.cluster}/${ref.namespace}/${ref.name}` : '';
}

/**
 * The form filled with a recorded drill, to correct it: what was recorded,
 * times in `timeZone`, the page's entity left out of the other entities.
 */
export function drillFormFromRecord(
  drill: RecordedDrill,
  entityRef: string,
  timeZone: string,
): DrillFormValues {
  const { evidence } = drill;
  const time = (value?: string) =>
    value ? utcToWallTime(value, timeZone) : '';
  const duration = (value?: number) =>
    value === undefined ? '' : durationText(value);
  return {
    kind: drill.kind,
    outcome: drill.outcome,
    timeZone,
    startedAt: time(drill.startedAt),
    endedAt: time(drill.endedAt),
    otherEntityRefs: drill.entityRefs.filter(ref => ref !== entityRef),
    performedBy: drill.performedBy ?? '',
    achievedRto: duration(drill.achievedRtoMs),
    achievedRpo: duration(drill.achievedRpoMs),
    coversWholeService: drill.coversWholeService ?? false,
    runbookUrl: drill.runbookUrl ?? '',
    backupName: evidence.backup?.name ?? '',
    backupCreatedAt: time(evidence.backup?.createdAt),
    restoreTargetTime: time(evidence.restoreTargetTime),
    veleroRestore: objectRef(evidence.veleroRestore),
    databaseCluster: objectRef(evidence.database?.cluster),
    databaseCheckpoint: evidence.database?.checkpoint ?? '',
    databaseWalEnd: evidence.database?.walEnd ?? '',
    lastArchivedWalAt: time(evidence.database?.lastArchivedWalAt),
    namespaceInventory: (evidence.namespaceInventory ?? []).map(row => ({
      namespace: row.namespace,
      expectedObjects: String(row.expectedObjects),
      restoredObjects: String(row.restoredObjects),
    })),
    healthChecks: checks(evidence.healthChecks),
    applicationHealthChecks: checks(evidence.applicationHealthChecks),
    reconciliation: verification(evidence.reconciliation),
    objectVersionCheck: verification(evidence.objectVersionCheck),
    manualStepsNotInRunbook: (evidence.manualStepsNotInRunbook ?? []).join(
      '\n',
    ),
    links: (evidence.links ?? []).map(link => ({
      type: link.type,
      url: link.url,
      title: link.title ?? '',
    })),
    notes: evidence.notes ?? '',
  };
}
