export {
  drillFormErrorsFromMessage,
  drillRecordFromForm,
  emptyDrillForm,
  type DrillFormErrors,
  type DrillFormField,
  type DrillFormValues,
  type VerificationValues,
} from './drillForm';
