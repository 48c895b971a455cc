import type {
  DrillEvidenceLink,
  DrillKind,
} from '@dr-posture/plugin-disaster-recovery-common';
import { browserTimeZone } from './timeZones';

/** How someone judged a check: never assumed passed. */
export type CheckResult = 'not-checked' | 'passed' | 'failed';

/** A yes/no verification as the form holds it. */
export interface VerificationValues {
  result: CheckResult;
  details: string;
}

/** A health check as the form holds it; one left "not checked" is not recorded. */
export interface HealthCheckValues extends VerificationValues {
  name: string;
}

/** A link to evidence kept elsewhere. */
export interface EvidenceLinkValues {
  type: DrillEvidenceLink['type'];
  url: string;
  title: string;
}

/**
 * What the "Record drill" form holds: text as typed, times as
 * `datetime-local` values read in `timeZone`, entities as entity refs
 * chosen from the catalog.
 */
export interface DrillFormValues {
  kind: DrillKind;
  outcome: 'succeeded' | 'failed';
  /** The zone the times are written in; they are stored in UTC. */
  timeZone: string;
  startedAt: string;
  endedAt: string;
  /** Other entities exercised; the entity of the page is always included. */
  otherEntityRefs: string[];
  /** Entity ref of the user or group who ran the drill, or empty. */
  performedBy: string;
  /** Durations as people write them: `45m`, `2h30m`. */
  achievedRto: string;
  achievedRpo: string;
  coversWholeService: boolean;
  runbookUrl: string;
  backupName: string;
  backupCreatedAt: string;
  restoreTargetTime: string;
  /** The Velero Restore run, as `cluster/namespace/name`. */
  veleroRestore: string;
  /** The CloudNativePG Cluster restored from, as `cluster/namespace/name`. */
  databaseCluster: string;
  databaseCheckpoint: string;
  databaseWalEnd: string;
  lastArchivedWalAt: string;
  namespaceInventory: Array<{
    namespace: string;
    expectedObjects: string;
    restoredObjects: string;
  }>;
  healthChecks: HealthCheckValues[];
  applicationHealthChecks: HealthCheckValues[];
  reconciliation: VerificationValues;
  objectVersionCheck: VerificationValues;
  /** One step per line. */
  manualStepsNotInRunbook: string;
  links: EvidenceLinkValues[];
  notes: string;
}

/**
 * The fields of the form, named by the path of the drill property they
 * fill (as the backend names it in a 400), with the label people see.
 */
export const DRILL_FORM_FIELD_LABELS = {
  kind: 'What was exercised',
  outcome: 'Outcome as reported',
  entityRefs: 'Other entities exercised',
  startedAt: 'Started',
  endedAt: 'Ended',
  achievedRtoMs: 'Achieved RTO',
  achievedRpoMs: 'Achieved RPO',
  coversWholeService: 'Brought back the whole service',
  runbookUrl: 'Runbook followed',
  performedBy: 'Performed by',
  'evidence.backup.name': 'Backup restored',
  'evidence.backup.createdAt': 'Backup taken at',
  'evidence.restoreTargetTime': 'Point in time restored to',
  'evidence.veleroRestore': 'Velero Restore run',
  'evidence.database.cluster': 'Database cluster restored from',
  'evidence.database.checkpoint': 'Database checkpoint reached',
  'evidence.database.walEnd': 'Last WAL replayed',
  'evidence.database.lastArchivedWalAt': 'Last WAL archived before the target',
  'evidence.namespaceInventory': 'Restored namespaces',
  'evidence.healthChecks': 'Health checks',
  'evidence.applicationHealthChecks': 'Application health checks',
  'evidence.reconciliation': 'Data reconciliation',
  'evidence.objectVersionCheck': 'Object version check',
  'evidence.manualStepsNotInRunbook': 'Manual steps not in the runbook',
  'evidence.links': 'Evidence links',
  'evidence.notes': 'Notes',
} as const;

/** A field of the drill form. */
export type DrillFormField = keyof typeof DRILL_FORM_FIELD_LABELS;

/** Every field of the form. */
export const DRILL_FORM_FIELDS = Object.keys(
  DRILL_FORM_FIELD_LABELS,
) as DrillFormField[];

/** Problems per field, and those that belong to no field. */
export interface DrillFormErrors {
  fields: Partial<Record<DrillFormField, string>>;
  general: string[];
}

/** A new, unjudged health check. */
export function newHealthCheck(): HealthCheckValues {
  return { name: '', result: 'not-checked', details: '' };
}

/**
 * An empty form, its times in `timeZone` (the reader's by default). Every
 * verification starts "not checked".
 */
export function emptyDrillForm(
  timeZone: string = browserTimeZone(),
): DrillFormValues {
  return {
    kind: 'restore-test',
    outcome: 'succeeded',
    timeZone,
    startedAt: '',
    endedAt: '',
    otherEntityRefs: [],
    performedBy: '',
    achievedRto: '',
    achievedRpo: '',
    coversWholeService: false,
    runbookUrl: '',
    backupName: '',
    backupCreatedAt: '',
    restoreTargetTime: '',
    veleroRestore: '',
    databaseCluster: '',
    databaseCheckpoint: '',
    databaseWalEnd: '',
    lastArchivedWalAt: '',
    namespaceInventory: [],
    healthChecks: [],
    applicationHealthChecks: [],
    reconciliation: { result: 'not-checked', details: '' },
    objectVersionCheck: { result: 'not-checked', details: '' },
    manualStepsNotInRunbook: '',
    links: [],
    notes: '',
  };
}
