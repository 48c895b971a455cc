import type { CompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  DRILL_LIMITS,
  type RecordedDrill,
} from '@dr-posture/plugin-disaster-recovery-common';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import { useState } from 'react';
import { disasterRecoveryApiRef } from '../../api';
import { drillActionRefusal, drillFormErrorsFromMessage } from '../../drills';
import { RelativeTime } from '../../format';
import { useSuccessNotice } from '../../notify';
import { LimitHint } from '../LimitHint';

/**
 * Asks for the reason a drill does not count, then voids it: it stays in
 * the history, struck out, and never counts again.
 */
export function VoidDrillDialog(props: {
  entity: CompoundEntityRef;
  /** The drill to void; the dialog is open while set. */
  drill?: RecordedDrill;
  title?: string;
  onClose: () => void;
  onVoided: (drill: RecordedDrill) => void;
  /** The drill was voided or corrected meanwhile. */
  onConflict: () => void;
}) {
  const { entity, drill, title, onClose, onVoided, onConflict } = props;
  const api = useApi(disasterRecoveryApiRef);
  const notifySuccess = useSuccessNotice();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string>();
  const [refusal, setRefusal] = useState<string>();
  const [sending, setSending] = useState(false);

  const close = () => {
    setReason('');
    setReasonError(undefined);
    setRefusal(undefined);
    onClose();
  };

  const submit = async () => {
    if (!drill) return;
    if (reason.trim() === '') {
      setReasonError('Say why the drill does not count');
      return;
    }
    setSending(true);
    setRefusal(undefined);
    setReasonError(undefined);
    try {
      const voided = await api.voidDrill(entity, drill.id, reason.trim());
      notifySuccess(
        'Drill voided: it stays in the history, struck out, and no longer counts.',
      );
      setReason('');
      onVoided(voided);
    } catch (error) {
      if (error instanceof ResponseError && error.statusCode === 400) {
        const { fields, general } = drillFormErrorsFromMessage(
          error.body.error.message,
        );
        setReasonError(
          [...Object.values(fields), ...general].join('; ') ||
            error.body.error.message,
        );
      } else {
        setRefusal(drillActionRefusal(error, 'void', drill.recordedBy));
        if (error instanceof ResponseError && error.statusCode === 409) {
          onConflict();
        }
      }
    } finally {
      setSending(false);
    }
  };

  return (
    <Dialog
      open={drill !== undefined}
      onClose={close}
      maxWidth="sm"
      fullWidth
      aria-labelledby="void-drill-title"
    >
      <DialogTitle id="void-drill-title">Void this drill?</DialogTitle>
      <form
        noValidate
        onSubmit={event => {
          event.preventDefault();
          submit();
        }}
      >
        <DialogContent dividers>
          {drill && (
            <DialogContentText>
              {title ?? 'The drill'} ended <RelativeTime time={drill.endedAt} />
              , recorded by {drill.recordedBy}. Voided, it stays in the history,
              struck out with your reason, and never counts again. This cannot
              be undone; to fix a mistake in it, correct it instead.
            </DialogContentText>
          )}
          {refusal && (
            <Alert severity="error" role="alert" style={{ marginBottom: 16 }}>
              {refusal}
            </Alert>
          )}
          <TextField
            id="void-drill-reason"
            label="Reason"
            value={reason}
            onChange={event => setReason(event.target.value)}
            required
            multiline
            minRows={2}
            error={Boolean(reasonError)}
            helperText={
              <LimitHint
                message={reasonError ?? 'Shown in the history beside the drill'}
                used={reason.length}
                limit={DRILL_LIMITS.textLength}
              />
            }
            fullWidth
            variant="outlined"
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={close}>Cancel</Button>
          <Button
            type="submit"
            color="secondary"
            variant="contained"
            disabled={sending}
          >
            {sending ? 'Voiding…' : 'Void drill'}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
