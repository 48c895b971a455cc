import {
  DEFAULT_DRILL_EVIDENCE_REQUIREMENTS,
  type DrillEvidenceKey,
  type DrillEvidenceRequirements,
  type DrillKind,
} from '@dr-posture/plugin-disaster-recovery-common';
import type { DrillFormField } from './drillFormValues';

/** The form fields that record each piece of evidence. */
const EVIDENCE_FIELDS: Record<DrillEvidenceKey, DrillFormField[]> = {
  backup: ['evidence.backup.name', 'evidence.backup.createdAt'],
  restoreTargetTime: ['evidence.restoreTargetTime'],
  namespaceInventory: ['evidence.namespaceInventory'],
  healthChecks: ['evidence.healthChecks'],
  applicationHealthChecks: ['evidence.applicationHealthChecks'],
  reconciliation: ['evidence.reconciliation'],
  objectVersionCheck: ['evidence.objectVersionCheck'],
  database: ['evidence.database.checkpoint', 'evidence.database.walEnd'],
  achievedRto: ['achievedRtoMs'],
  achievedRpo: ['achievedRpoMs'],
};

/**
 * The fields holding evidence a drill of `kind` needs to count as
 * succeeded, by the backend's configured requirements (the drill list says
 * them; the defaults until it has loaded).
 */
export function requiredEvidenceFields(
  kind: DrillKind,
  requirements: DrillEvidenceRequirements = DEFAULT_DRILL_EVIDENCE_REQUIREMENTS,
): Set<DrillFormField> {
  return new Set(requirements[kind].flatMap(key => EVIDENCE_FIELDS[key]));
}
