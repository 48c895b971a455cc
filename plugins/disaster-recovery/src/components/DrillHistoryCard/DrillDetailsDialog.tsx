import { Link, StructuredMetadataTable } from '@backstage/core-components';
import {
  formatDuration,
  type DrillVerification,
  type RecordedDrill,
  type VeleroRestoreTest,
} from '@dr-posture/plugin-disaster-recovery-common';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Typography from '@material-ui/core/Typography';
import { formatDateTime } from '../../format';
import { PostureStatus } from '../PostureStatus';
import type { DrillRow } from './drillRows';

const WHY_A_TEST: Record<VeleroRestoreTest['because'], string> = {
  'another-namespace': 'restored into another namespace',
  'another-cluster': 'restored into another cluster',
  'drill-label': 'labelled disaster-recovery/drill',
};

function time(value?: string) {
  return value ? formatDateTime(value) : 'not recorded';
}

function duration(value?: number) {
  return value === undefined ? 'not recorded' : formatDuration(value);
}

function verified(value?: DrillVerification) {
  if (!value) return 'not checked';
  return `${value.passed ? 'passed' : 'failed'}${
    value.details ? `: ${value.details}` : ''
  }`;
}

function recordedMetadata(drill: RecordedDrill) {
  const { evidence } = drill;
  return {
    'Entities exercised': drill.entityRefs.join(', '),
    Started: time(drill.startedAt),
    Ended: time(drill.endedAt),
    'Reported outcome': drill.outcome,
    'Achieved RTO': duration(drill.achievedRtoMs),
    'Achieved RPO': duration(drill.achievedRpoMs),
    Runbook: drill.runbookUrl ? (
      <Link to={drill.runbookUrl}>{drill.runbookUrl}</Link>
    ) : (
      'not recorded'
    ),
    'Performed by': drill.performedBy ?? 'not recorded',
    'Recorded by': `${drill.recordedBy}, ${time(drill.recordedAt)}`,
    'Backup restored': evidence.backup
      ? `${evidence.backup.name} (taken ${time(evidence.backup.createdAt)})`
      : 'not recorded',
    'Restored to': time(evidence.restoreTargetTime),
    'Database recovery': evidence.database
      ? `checkpoint ${evidence.database.checkpoint ?? '?'}, WAL ${
          evidence.database.walEnd ?? '?'
        }`
      : 'not recorded',
    'Restored namespaces': evidence.namespaceInventory?.length
      ? evidence.namespaceInventory.map(
          n =>
            `${n.namespace}: ${n.restoredObjects} of ${n.expectedObjects} objects`,
        )
      : 'not recorded',
    'Health checks': evidence.healthChecks?.length
      ? evidence.healthChecks.map(c => `${c.name}: ${verified(c)}`)
      : 'not recorded',
    Reconciliation: verified(evidence.reconciliation),
    'Object versions': verified(evidence.objectVersionCheck),
    'Manual steps not in the runbook': evidence.manualStepsNotInRunbook.length
      ? evidence.manualStepsNotInRunbook
      : 'none',
    Notes: evidence.notes ?? 'none',
  };
}

function restoreTestMetadata(test: VeleroRestoreTest) {
  return {
    Restore: `${test.restore.cluster}/${test.restore.namespace}/${test.restore.name}`,
    'Backup restored': test.backupName,
    'Counted as a test because': WHY_A_TEST[test.because],
    Phase: test.phase,
    Started: time(test.startedAt),
    Completed: time(test.completedAt),
    'Restore took': duration(test.durationMs),
    'Age of the restored data': duration(test.restoredPointAgeMs),
  };
}

/** Everything known about one drill or restore test. */
export function DrillDetailsDialog(props: {
  row?: DrillRow;
  onClose: () => void;
}) {
  const { row, onClose } = props;
  return (
    <Dialog
      open={row !== undefined}
      onClose={onClose}
      maxWidth="md"
      fullWidth
      aria-labelledby="drill-details-title"
    >
      {row && (
        <>
          <DialogTitle id="drill-details-title">{row.title}</DialogTitle>
          <DialogContent dividers>
            <PostureStatus status={row.succeeded ? 'pass' : 'fail'}>
              {row.succeeded ? 'Counts as succeeded' : 'Counts as failed'}
            </PostureStatus>
            {row.reasons.length > 0 && (
              <Typography variant="body2" gutterBottom>
                Because {row.reasons.join('; ')}.
              </Typography>
            )}
            <StructuredMetadataTable
              dense
              metadata={
                row.recorded
                  ? recordedMetadata(row.recorded)
                  : restoreTestMetadata(row.restoreTest!)
              }
              options={{ titleFormat: (key: string) => key }}
            />
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose} color="primary">
              Close
            </Button>
          </DialogActions>
        </>
      )}
    </Dialog>
  );
}
