import { Table, type TableColumn } from '@backstage/core-components';
import type { EntityStorageLocation } from '@dr-posture/plugin-disaster-recovery-common';
import Typography from '@material-ui/core/Typography';
import { RelativeTime } from '../../format';
import { PostureStatus } from '../PostureStatus';

function Availability(props: { phase?: string }) {
  const { phase } = props;
  if (phase === 'Available') {
    return <PostureStatus status="pass">Available</PostureStatus>;
  }
  if (phase === undefined) {
    return <PostureStatus status="unknown">Not reported</PostureStatus>;
  }
  return <PostureStatus status="fail">{phase}</PostureStatus>;
}

const columns: TableColumn<EntityStorageLocation>[] = [
  {
    title: 'Location',
    render: l => (
      <>
        <Typography variant="body2">{l.ref.name}</Typography>
        <Typography variant="caption" color="textSecondary">
          {l.ref.cluster}/{l.ref.namespace}
        </Typography>
      </>
    ),
  },
  {
    title: 'Provider',
    render: l => (l.region ? `${l.provider} (${l.region})` : l.provider),
  },
  { title: 'Availability', render: l => <Availability phase={l.phase} /> },
  {
    title: 'Last validated',
    render: l =>
      l.lastValidatedAt ? <RelativeTime time={l.lastValidatedAt} /> : 'never',
  },
];

/** Where an entity's backups are stored: availability and last validation. */
export function StorageLocationsTable(props: {
  locations: EntityStorageLocation[];
}) {
  return (
    <Table<EntityStorageLocation>
      title="Storage locations"
      columns={columns}
      data={props.locations}
      options={{
        paging: false,
        search: false,
        padding: 'dense',
        // Backstage's sort labels nest a focusable element in a button.
        sorting: false,
      }}
      emptyContent={
        <Typography variant="body2" style={{ padding: 16 }}>
          No backup storage location is known for this entity's backups.
        </Typography>
      }
    />
  );
}
