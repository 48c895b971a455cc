export { drillActionRefusal, type DrillAction } from './drillActionRefusal';
export { drillRecordFromForm, missingEvidenceInForm } from './drillForm';
export {
  drillFormErrorsFromMessage,
  hasDrillFormErrors,
} from './drillFormErrors';
export { requiredEvidenceFields } from './drillFormEvidence';
export { DRILL_KIND_TITLES, drillKindInSentence } from './drillKindNames';
export { recordedDrillNotice } from './drillNotices';
export { drillFormFromRecord } from './drillFormFromRecord';
export {
  DRILL_FORM_FIELD_LABELS,
  emptyDrillForm,
  newHealthCheck,
  type CheckResult,
  type DrillFormErrors,
  type DrillFormField,
  type DrillFormValues,
  type EvidenceLinkValues,
  type HealthCheckValues,
  type VerificationValues,
} from './drillFormValues';
export {
  browserTimeZone,
  formatUtc,
  timeZoneChoices,
  wallTimeToUtc,
} from './timeZones';
