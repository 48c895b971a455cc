import {
  stringifyEntityRef,
  type CompoundEntityRef,
} from '@backstage/catalog-model';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
  Table,
  type TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  disasterRecoveryDrillCreatePermission,
  formatDuration,
} from '@dr-posture/plugin-disaster-recovery-common';
import Button from '@material-ui/core/Button';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import AddIcon from '@material-ui/icons/Add';
import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { disasterRecoveryApiRef } from '../../api';
import { formatAge, formatDateTime } from '../../format';
import { PostureStatus } from '../PostureStatus';
import { RecordDrillDialog } from '../RecordDrillDialog';
import { DrillDetailsDialog } from './DrillDetailsDialog';
import { DrillTimeline } from './DrillTimeline';
import { drillRows, type DrillRow } from './drillRows';

function Achieved(props: { value?: number; target?: number }) {
  if (props.value === undefined) return <>not recorded</>;
  return (
    <>
      {formatDuration(props.value)}
      {props.target !== undefined && (
        <Typography variant="caption" color="textSecondary" display="block">
          target {formatDuration(props.target)}
        </Typography>
      )}
    </>
  );
}

function columns(
  targets: { rpoMs?: number; rtoMs?: number },
  onOpen: (row: DrillRow) => void,
): TableColumn<DrillRow>[] {
  return [
    {
      title: 'Ended',
      render: row =>
        row.endedAt ? (
          <time dateTime={row.endedAt} title={formatDateTime(row.endedAt)}>
            {formatAge(row.endedAt)}
          </time>
        ) : (
          'not finished'
        ),
    },
    { title: 'What', field: 'title' },
    {
      title: 'Achieved RTO',
      render: row => (
        <Achieved value={row.achievedRtoMs} target={targets.rtoMs} />
      ),
    },
    {
      title: 'Achieved RPO',
      render: row => (
        <Achieved value={row.achievedRpoMs} target={targets.rpoMs} />
      ),
    },
    {
      title: 'Outcome',
      render: row => (
        <PostureStatus status={row.succeeded ? 'pass' : 'fail'}>
          {row.succeeded ? 'Succeeded' : 'Failed'}
        </PostureStatus>
      ),
    },
    {
      title: 'Evidence',
      render: row => (
        <Button
          size="small"
          onClick={() => onOpen(row)}
          aria-label={`Details of ${row.title}${
            row.endedAt ? ` ended ${formatDateTime(row.endedAt)}` : ''
          }`}
        >
          Details
        </Button>
      ),
    },
  ];
}

/**
 * Drills recorded for an entity and restore tests detected from Velero: a
 * timeline, a table with achieved objectives against target, details a
 * click away, and the "Record drill" form.
 */
export function DrillHistoryCard(props: {
  entity: CompoundEntityRef;
  rpoMs?: number;
  rtoMs?: number;
  /** Called after a drill is recorded, e.g. to re-evaluate the posture. */
  onDrillRecorded?: () => void;
}) {
  const { entity, rpoMs, rtoMs, onDrillRecorded } = props;
  const api = useApi(disasterRecoveryApiRef);
  const { allowed } = usePermission({
    permission: disasterRecoveryDrillCreatePermission,
  });
  const [formOpen, setFormOpen] = useState(false);
  const [openRow, setOpenRow] = useState<DrillRow>();
  const entityKey = stringifyEntityRef(entity);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const drills = useAsyncRetry(() => api.getDrills(entity), [api, entityKey]);

  const recordButton = (
    <Tooltip
      title={
        allowed
          ? ''
          : 'Recording drills needs the disaster-recovery.drill.create permission'
      }
    >
      <span>
        <Button
          variant="contained"
          color="primary"
          startIcon={<AddIcon />}
          onClick={() => setFormOpen(true)}
          disabled={!allowed}
        >
          Record drill
        </Button>
      </span>
    </Tooltip>
  );

  let body;
  if (drills.loading && !drills.value) {
    body = <Progress />;
  } else if (drills.error) {
    body = <ResponseErrorPanel error={drills.error} />;
  } else {
    const rows = drillRows(drills.value!);
    body = (
      <>
        <DrillTimeline rows={rows} rtoMs={rtoMs} />
        <Table<DrillRow>
          columns={columns({ rpoMs, rtoMs }, setOpenRow)}
          data={rows}
          options={{
            paging: rows.length > 10,
            pageSize: 10,
            search: false,
            toolbar: false,
            padding: 'dense',
          }}
          emptyContent={
            <Typography variant="body2" style={{ padding: 16 }}>
              No drill has been recorded and no restore test was detected.
              Restore a backup into another namespace or cluster, or record a
              drill you ran, to prove this entity can be recovered.
            </Typography>
          }
        />
      </>
    );
  }

  return (
    <InfoCard title="Drills and restore tests" action={recordButton}>
      {body}
      <DrillDetailsDialog row={openRow} onClose={() => setOpenRow(undefined)} />
      <RecordDrillDialog
        entity={entity}
        open={formOpen}
        onClose={() => setFormOpen(false)}
        onRecorded={() => {
          setFormOpen(false);
          drills.retry();
          onDrillRecorded?.();
        }}
      />
    </InfoCard>
  );
}
