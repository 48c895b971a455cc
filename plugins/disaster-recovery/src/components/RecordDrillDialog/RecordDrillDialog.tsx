import {
  stringifyEntityRef,
  type CompoundEntityRef,
} from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import type { RecordedDrill } from '@dr-posture/plugin-disaster-recovery-common';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Alert from '@material-ui/lab/Alert';
import { useState } from 'react';
import { disasterRecoveryApiRef } from '../../api';
import {
  drillFormErrorsFromMessage,
  drillRecordFromForm,
  emptyDrillForm,
  type DrillFormErrors,
} from '../../drills';
import { DrillFormFields } from './DrillFormFields';

const NO_ERRORS: DrillFormErrors = { fields: {}, general: [] };

function errorsOf(error: unknown): DrillFormErrors {
  if (error instanceof ResponseError) {
    if (error.statusCode === 400) {
      return drillFormErrorsFromMessage(error.body.error.message);
    }
    if (error.statusCode === 403) {
      return {
        fields: {},
        general: [
          'You may not record drills: it needs the disaster-recovery.drill.create permission.',
        ],
      };
    }
    return { fields: {}, general: [error.body.error.message] };
  }
  return { fields: {}, general: [String(error)] };
}

/**
 * The "Record drill" form: the drill's evidence, checked with the schema the
 * backend uses before it is sent; problems the backend finds are shown on
 * their field.
 */
export function RecordDrillDialog(props: {
  entity: CompoundEntityRef;
  open: boolean;
  onClose: () => void;
  onRecorded: (drill: RecordedDrill) => void;
}) {
  const { entity, open, onClose, onRecorded } = props;
  const api = useApi(disasterRecoveryApiRef);
  const [values, setValues] = useState(emptyDrillForm);
  const [errors, setErrors] = useState<DrillFormErrors>(NO_ERRORS);
  const [sending, setSending] = useState(false);
  const fieldProblems = Object.keys(errors.fields).length;

  const submit = async () => {
    const result = drillRecordFromForm(values, stringifyEntityRef(entity));
    if ('errors' in result) {
      setErrors(result.errors);
      return;
    }
    setErrors(NO_ERRORS);
    setSending(true);
    try {
      const recorded = await api.recordDrill(entity, result.drill);
      setValues(emptyDrillForm());
      onRecorded(recorded);
    } catch (error) {
      setErrors(errorsOf(error));
    } finally {
      setSending(false);
    }
  };

  return (
    <Dialog
      open={open}
      onClose={onClose}
      maxWidth="md"
      fullWidth
      aria-labelledby="record-drill-title"
    >
      <DialogTitle id="record-drill-title">Record a drill</DialogTitle>
      <form
        noValidate
        onSubmit={event => {
          event.preventDefault();
          submit();
        }}
      >
        <DialogContent dividers>
          {(fieldProblems > 0 || errors.general.length > 0) && (
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
            values={values}
            errors={errors.fields}
            onChange={setValues}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button
            type="submit"
            color="primary"
            variant="contained"
            disabled={sending}
          >
            {sending ? 'Recording…' : 'Record drill'}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
