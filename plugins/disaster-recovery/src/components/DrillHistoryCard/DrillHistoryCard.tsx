import type { CompoundEntityRef } from '@backstage/catalog-model';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
  Table,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { coreApis } from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  disasterRecoveryDrillAdminPermission,
  type RecordedDrill,
} from '@dr-posture/plugin-disaster-recovery-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { RecordDrillDialog } from '../RecordDrillDialog';
import { RecordDrillButton } from './RecordDrillButton';
import { DrillDetailsDialog } from './DrillDetailsDialog';
import { drillColumns } from './drillColumns';
import { DrillTimeline } from './DrillTimeline';
import { drillRows, type DrillRow } from './drillRows';
import { useDrillPages } from './useDrillPages';
import { VoidDrillDialog } from './VoidDrillDialog';

/** Who may void or correct drills: whoever recorded one, and admins any. */
function useCorrectors() {
  const identityApi = useApi(coreApis.identity);
  const { value: identity } = useAsync(
    () => identityApi.getBackstageIdentity(),
    [identityApi],
  );
  const admin = usePermission({
    permission: disasterRecoveryDrillAdminPermission,
  });
  return (drill: RecordedDrill) =>
    drill.state === 'active' &&
    (admin.allowed || drill.recordedBy === identity?.userEntityRef);
}

/**
 * Drills recorded for an entity and restores detected from Velero: a
 * timeline, a table with how each counts (voided and superseded drills
 * struck out, restores into production flagged), details a click away, the
 * "Record drill" form, and voiding or correcting for whoever recorded a
 * drill.
 */
export function DrillHistoryCard(props: {
  entity: CompoundEntityRef;
  rpoMs?: number;
  rtoMs?: number;
  /** Called after a drill is recorded, voided or corrected, e.g. to re-evaluate the posture. */
  onDrillsChanged?: () => void;
  /** Whether the "Record drill" form is open, when a button elsewhere (the tab's header) opens it too. */
  recording?: { open: boolean; onOpenChange: (open: boolean) => void };
}) {
  const { entity, rpoMs, rtoMs, onDrillsChanged } = props;
  const mayCorrect = useCorrectors();
  const pages = useDrillPages(entity);
  const [ownFormOpen, setOwnFormOpen] = useState(false);
  const formOpen = props.recording?.open ?? ownFormOpen;
  const setFormOpen = props.recording?.onOpenChange ?? setOwnFormOpen;
  const [correcting, setCorrecting] = useState<RecordedDrill>();
  const [voiding, setVoiding] = useState<DrillRow>();
  const [openRow, setOpenRow] = useState<DrillRow>();
  const rows = useMemo(
    () => (pages.drills ? drillRows(pages.drills) : []),
    [pages.drills],
  );

  const changed = () => {
    pages.reload();
    onDrillsChanged?.();
  };
  const closeForm = () => {
    setFormOpen(false);
    setCorrecting(undefined);
  };

  const recordButton = (
    <RecordDrillButton entity={entity} onClick={() => setFormOpen(true)} />
  );

  let body;
  if (pages.loading) {
    body = <Progress />;
  } else if (pages.error) {
    body = <ResponseErrorPanel error={pages.error} />;
  } else {
    body = (
      <>
        <DrillTimeline rows={rows} rtoMs={rtoMs} />
        <Table<DrillRow>
          columns={drillColumns(
            { rpoMs, rtoMs },
            {
              onDetails: setOpenRow,
              mayCorrect: row =>
                Boolean(row.recorded && mayCorrect(row.recorded)),
              onVoid: setVoiding,
              onCorrect: row => {
                setCorrecting(row.recorded);
                setFormOpen(true);
              },
            },
          )}
          data={rows}
          options={{
            paging: false,
            search: false,
            toolbar: false,
            padding: 'dense',
            // Backstage's sort labels nest a focusable element in a button.
            sorting: false,
          }}
          emptyContent={
            <Typography variant="body2" style={{ padding: 16 }}>
              No drill has been recorded and no restore test was detected.
              Restore a backup into another namespace or cluster, or record a
              drill you ran, to prove this entity can be recovered.
            </Typography>
          }
        />
        {pages.moreError && (
          <Alert severity="error" style={{ marginTop: 8 }}>
            Could not load older drills: {pages.moreError.message}
          </Alert>
        )}
        {pages.hasMore && (
          <Box mt={1} display="flex" justifyContent="center">
            <Button onClick={pages.loadMore} disabled={pages.loadingMore}>
              {pages.loadingMore ? 'Loading…' : 'Load older drills'}
            </Button>
          </Box>
        )}
      </>
    );
  }

  return (
    <InfoCard title="Drills and restore tests" action={recordButton}>
      {body}
      <DrillDetailsDialog row={openRow} onClose={() => setOpenRow(undefined)} />
      <VoidDrillDialog
        entity={entity}
        drill={voiding?.recorded}
        title={voiding?.title}
        onClose={() => setVoiding(undefined)}
        onVoided={() => {
          setVoiding(undefined);
          changed();
        }}
        onConflict={pages.reload}
      />
      <RecordDrillDialog
        // A fresh form for each drill corrected.
        key={correcting?.id ?? 'new'}
        entity={entity}
        open={formOpen}
        correcting={correcting}
        requiredEvidence={pages.drills?.requiredEvidence}
        onClose={closeForm}
        onRecorded={() => {
          closeForm();
          changed();
        }}
        onConflict={pages.reload}
      />
    </InfoCard>
  );
}
