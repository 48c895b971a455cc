import { Table, type TableColumn } from '@backstage/core-components';
import {
  judgeStandbyParity,
  type CheckStatus,
  type EntityStandbyParity,
} from '@dr-posture/plugin-disaster-recovery-common';
import Typography from '@material-ui/core/Typography';
import { PostureStatus } from '../PostureStatus';

type Parity = EntityStandbyParity;

const LABELS: Record<Parity['state'], string> = {
  'in-step': 'In step',
  missing: 'Missing on the standby',
  'not-ready': 'Not ready on the standby',
  'image-drift': 'Image drift',
  'other-source': 'Replicates from another source',
};

/** The status the standby-readiness check gives the row, with its label. */
function stateOf(p: Parity): { status: CheckStatus; label: string } {
  const { status } = judgeStandbyParity(p);
  // A ready replica database whose lag CloudNativePG does not report.
  if (p.state === 'in-step' && status === 'unknown') {
    return { status, label: 'Ready, replication lag not reported' };
  }
  return { status, label: LABELS[p.state] };
}

function readiness(ready?: number, desired?: number): string {
  if (ready === undefined || desired === undefined) return 'not reported';
  return `${ready} of ${desired} ready`;
}

function Images(props: { parity: Parity }) {
  const { images } = props.parity;
  if (images.length === 0) return <>—</>;
  return (
    <>
      {images.map(image => (
        <Typography variant="body2" key={image.container}>
          {image.production === image.standby
            ? `${image.container}: ${image.production ?? 'no image'}`
            : `${image.container}: ${
                image.production ?? 'none'
              } in production, ${image.standby ?? 'none'} on the standby`}
        </Typography>
      ))}
    </>
  );
}

const columns: TableColumn<Parity>[] = [
  {
    title: 'Workload',
    render: p => (
      <>
        <Typography variant="body2">{p.production.name}</Typography>
        <Typography variant="caption" color="textSecondary">
          {p.production.kind} in {p.production.cluster}/{p.production.namespace}
        </Typography>
      </>
    ),
  },
  { title: 'Standby cluster', field: 'standbyCluster' },
  {
    title: 'Production',
    render: p => readiness(p.productionReady, p.productionDesired),
  },
  {
    title: 'Standby',
    render: p =>
      p.standby ? readiness(p.standbyReady, p.standbyDesired) : 'missing',
  },
  { title: 'Images', render: p => <Images parity={p} /> },
  {
    title: 'State',
    render: p => (
      <PostureStatus status={stateOf(p).status}>
        {stateOf(p).label}
      </PostureStatus>
    ),
  },
];

/** Each production workload or database beside its counterpart on a standby cluster. */
export function StandbyParityTable(props: { parity: Parity[] }) {
  return (
    <Table<Parity>
      title="Standby parity"
      columns={columns}
      data={props.parity}
      options={{
        paging: false,
        search: false,
        padding: 'dense',
        // Backstage's sort labels nest a focusable element in a button.
        sorting: false,
      }}
    />
  );
}
