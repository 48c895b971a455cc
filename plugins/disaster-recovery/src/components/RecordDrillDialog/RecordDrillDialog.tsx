import {
  stringifyEntityRef,
  type CompoundEntityRef,
} from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  derivedRpoOf,
  type DrillEvidenceRequirements,
  type RecordedDrill,
} from '@dr-posture/plugin-disaster-recovery-common';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Alert from '@material-ui/lab/Alert';
import { useState } from 'react';
import { disasterRecoveryApiRef } from '../../api';
import {
  browserTimeZone,
  drillActionRefusal,
  drillFormErrorsFromMessage,
  drillFormFromRecord,
  drillRecordFromForm,
  emptyDrillForm,
  hasDrillFormErrors,
  missingEvidenceInForm,
  recordedDrillNotice,
  type DrillFormErrors,
} from '../../drills';
import { useSuccessNotice } from '../../notify';
import { DrillFormFields } from './DrillFormFields';
import { MissingEvidenceNotice } from './MissingEvidenceNotice';

const NO_ERRORS: DrillFormErrors = { fields: {}, general: [] };

/**
 * The "Record drill" form: the drill's evidence, checked with the rules the
 * backend applies before it is sent, with what a succeeded drill of its
 * kind still lacks; problems the backend finds are shown on their field.
 * Given `correcting`, it starts from that drill and records a correction
 * that supersedes it.
 */
export function RecordDrillDialog(props: {
  entity: CompoundEntityRef;
  open: boolean;
  correcting?: RecordedDrill;
  /** The backend's evidence requirements (from the drill list), if loaded. */
  requiredEvidence?: DrillEvidenceRequirements;
  onClose: () => void;
  onRecorded: (drill: RecordedDrill) => void;
  /** The drill to correct was voided or corrected meanwhile. */
  onConflict?: () => void;
}) {
  const {
    entity,
    open,
    correcting,
    requiredEvidence,
    onClose,
    onRecorded,
    onConflict,
  } = props;
  const api = useApi(disasterRecoveryApiRef);
  const notifySuccess = useSuccessNotice();
  const entityRef = stringifyEntityRef(entity);
  const [values, setValues] = useState(() =>
    correcting
      ? drillFormFromRecord(correcting, entityRef, browserTimeZone())
      : emptyDrillForm(),
  );
  const [errors, setErrors] = useState<DrillFormErrors>(NO_ERRORS);
  const [sending, setSending] = useState(false);
  const fieldProblems = Object.keys(errors.fields).length;
  const missing = missingEvidenceInForm(values, entityRef, requiredEvidence);
  const built = drillRecordFromForm(values, entityRef);
  const derivedRpoMs =
    'drill' in built ? derivedRpoOf(built.drill)?.ms : undefined;

  const submit = async () => {
    const result = drillRecordFromForm(values, entityRef);
    if ('errors' in result) {
      setErrors(result.errors);
      return;
    }
    setErrors(NO_ERRORS);
    setSending(true);
    try {
      const recorded = correcting
        ? await api.supersedeDrill(entity, correcting.id, result.drill)
        : await api.recordDrill(entity, result.drill);
      notifySuccess(recordedDrillNotice(recorded, Boolean(correcting)));
      setValues(emptyDrillForm(values.timeZone));
      onRecorded(recorded);
    } catch (error) {
      if (error instanceof ResponseError && error.statusCode === 400) {
        setErrors(drillFormErrorsFromMessage(error.body.error.message));
      } else {
        const action = correcting ? 'correct' : 'record';
        setErrors({
          fields: {},
          general: [drillActionRefusal(error, action, correcting?.recordedBy)],
        });
        if (error instanceof ResponseError && error.statusCode === 409) {
          onConflict?.();
        }
      }
    } finally {
      setSending(false);
    }
  };

  return (
    <Dialog
      open={open}
      // A click beside the form must not throw away the evidence typed.
      onClose={(_, reason) => reason !== 'backdropClick' && onClose()}
      maxWidth="md"
      fullWidth
      aria-labelledby="record-drill-title"
    >
      <DialogTitle id="record-drill-title">
        {correcting ? 'Correct a drill' : 'Record a drill'}
      </DialogTitle>
      <form
        noValidate
        onSubmit={event => {
          event.preventDefault();
          submit();
        }}
      >
        <DialogContent dividers>
          {correcting && (
            <Alert severity="info" role="note" style={{ marginBottom: 16 }}>
              The correction replaces the drill recorded by{' '}
              {correcting.recordedBy}: that record stays in the history, marked
              superseded, and no longer counts.
            </Alert>
          )}
          {hasDrillFormErrors(errors) && (
            <Alert severity="error" style={{ marginBottom: 16 }} role="alert">
              {fieldProblems > 0 &&
                `Fix the ${
                  fieldProblems === 1
                    ? 'highlighted field'
                    : `${fieldProblems} highlighted fields`
                } before recording the drill.`}
              {errors.general.map(message => (
                <div key={message}>{message}</div>
              ))}
            </Alert>
          )}
          <DrillFormFields
            entityRef={entityRef}
            values={values}
            errors={errors.fields}
            derivedRpoMs={derivedRpoMs}
            requiredEvidence={requiredEvidence}
            onChange={setValues}
          />
          <MissingEvidenceNotice kind={values.kind} missing={missing} />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button
            type="submit"
            color="primary"
            variant="contained"
            disabled={sending}
          >
            {sending && 'Recording…'}
            {!sending && (correcting ? 'Record correction' : 'Record drill')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
