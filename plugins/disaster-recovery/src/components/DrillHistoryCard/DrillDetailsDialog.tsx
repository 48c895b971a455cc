import { StructuredMetadataTable } from '@backstage/core-components';
import { EntityRefLink, EntityRefLinks } from '@backstage/plugin-catalog-react';
import {
  formatDuration,
  type DrillHealthCheck,
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
import { UrlLink } from '../UrlLink';
import { DrillOutcome } from './drillColumns';
import type { DrillRow } from './drillRows';

const WHERE_RESTORED: Record<VeleroRestoreTest['because'], string> = {
  'another-namespace': 'into another namespace: a restore test',
  'another-cluster': 'into another cluster: a restore test',
  'drill-label': 'labelled disaster-recovery/drill: a restore test',
  'restore-into-production':
    'into the original namespace on a production cluster: a restore into production, never a test',
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

function checks(values?: DrillHealthCheck[]) {
  return values?.length
    ? values.map(check => `${check.name}: ${verified(check)}`)
    : 'not recorded';
}

function objectRef(ref?: { cluster: string; namespace: string; name: string }) {
  return ref ? `${ref.cluster}/${ref.namespace}/${ref.name}` : 'not recorded';
}

function recordedMetadata(drill: RecordedDrill, row: DrillRow) {
  const { evidence } = drill;
  return {
    'Entities exercised': <EntityRefLinks entityRefs={drill.entityRefs} />,
    Started: time(drill.startedAt),
    Ended: time(drill.endedAt),
    'Reported outcome': drill.outcome,
    'Achieved RTO': duration(drill.achievedRtoMs),
    ...(row.restoreDurationMs !== undefined
      ? { 'Restore duration': duration(row.restoreDurationMs) }
      : {}),
    'Achieved RPO': drill.derivedRpo
      ? `${duration(
          row.achievedRpoMs,
        )} (derived from the restore target and the ${
          drill.derivedRpo.from === 'wal' ? 'last archived WAL' : 'backup'
        })`
      : duration(row.achievedRpoMs),
    ...(drill.kind === 'restore-test'
      ? {
          'Whole service': drill.coversWholeService
            ? 'yes: compared with the service’s RTO'
            : 'no: one component, not compared with the service’s RTO',
        }
      : {}),
    Runbook: drill.runbookUrl ? (
      <UrlLink url={drill.runbookUrl}>{drill.runbookUrl}</UrlLink>
    ) : (
      'not recorded'
    ),
    'Performed by': drill.performedBy ? (
      <EntityRefLink entityRef={drill.performedBy} />
    ) : (
      'not recorded'
    ),
    'Recorded by': `${drill.recordedBy}, ${time(drill.recordedAt)}`,
    ...(drill.voided
      ? {
          Voided: `by ${drill.voided.by}, ${time(drill.voided.at)}: ${
            drill.voided.reason
          }`,
        }
      : {}),
    'Backup restored': evidence.backup
      ? `${evidence.backup.name} (taken ${time(evidence.backup.createdAt)})`
      : 'not recorded',
    'Restored to': time(evidence.restoreTargetTime),
    'Velero Restore': objectRef(evidence.veleroRestore),
    'Database recovery': evidence.database
      ? [
          `cluster ${objectRef(evidence.database.cluster)}`,
          `checkpoint ${evidence.database.checkpoint ?? 'not recorded'}`,
          `WAL end ${evidence.database.walEnd ?? 'not recorded'}`,
          `last WAL archived ${time(evidence.database.lastArchivedWalAt)}`,
        ]
      : 'not recorded',
    'Restored namespaces': evidence.namespaceInventory?.length
      ? evidence.namespaceInventory.map(
          n =>
            `${n.namespace}: ${n.restoredObjects} of ${n.expectedObjects} objects`,
        )
      : 'not recorded',
    'Health checks': checks(evidence.healthChecks),
    'Application health checks': checks(evidence.applicationHealthChecks),
    Reconciliation: verified(evidence.reconciliation),
    'Object versions': verified(evidence.objectVersionCheck),
    'Manual steps not in the runbook': evidence.manualStepsNotInRunbook?.length
      ? evidence.manualStepsNotInRunbook
      : 'none',
    'Evidence links': evidence.links?.length
      ? evidence.links.map(link => (
          <UrlLink url={link.url} key={link.url}>
            {link.title ?? link.url} ({link.type})
          </UrlLink>
        ))
      : 'none',
    Notes: evidence.notes ?? 'none',
  };
}

function restoreMetadata(test: VeleroRestoreTest) {
  return {
    Restore: objectRef(test.restore),
    'Backup restored': test.backupName,
    Restored: WHERE_RESTORED[test.because],
    Phase: test.phase,
    Errors: test.errors ?? 'not reported',
    'Items restored': test.itemsRestored ?? 'not reported',
    Started: time(test.startedAt),
    Completed: time(test.completedAt),
    // Not an achieved RTO: the service was not proven back when it ended.
    'Restore duration': duration(test.durationMs),
    'Age of the restored data': duration(test.restoredPointAgeMs),
  };
}

/** Everything known about one drill or Velero restore. */
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
            <DrillOutcome row={row} />
            {row.reasons.length > 0 && (
              <Typography variant="body2" gutterBottom>
                Because {row.reasons.join('; ')}.
              </Typography>
            )}
            {row.warnings.map(warning => (
              <Typography variant="body2" color="error" key={warning}>
                {warning}
              </Typography>
            ))}
            <StructuredMetadataTable
              dense
              metadata={
                row.recorded
                  ? recordedMetadata(row.recorded, row)
                  : restoreMetadata(row.restoreTest!)
              }
              options={{ titleFormat: (key: string) => key }}
            />
            {row.recorded && row.restoreTest && (
              <>
                <Typography variant="subtitle2" component="h3">
                  Its Velero restore
                </Typography>
                <StructuredMetadataTable
                  dense
                  metadata={restoreMetadata(row.restoreTest)}
                  options={{ titleFormat: (key: string) => key }}
                />
              </>
            )}
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
