import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
  Table,
  type TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  disasterRecoveryClustersReadPermission,
  formatDuration,
  type ClusterCollectionHealth,
} from '@dr-posture/plugin-disaster-recovery-common';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { disasterRecoveryApiRef } from '../../api';
import { formatAge, formatDateTime } from '../../format';
import { PostureStatus } from '../PostureStatus';

function Freshness(props: { cluster: ClusterCollectionHealth }) {
  const { cluster } = props;
  if (cluster.staleSince) {
    return (
      <PostureStatus status="fail">
        Stale since {formatDateTime(cluster.staleSince)} (
        {formatAge(cluster.staleSince)})
      </PostureStatus>
    );
  }
  if (!cluster.lastSuccessAt) {
    return <PostureStatus status="unknown">Never collected</PostureStatus>;
  }
  return <PostureStatus status="pass">Fresh</PostureStatus>;
}

function LastRun(props: { cluster: ClusterCollectionHealth }) {
  const run = props.cluster.lastRun;
  if (!run) return <>none</>;
  const { counts } = run;
  return (
    <>
      <Typography variant="body2">
        {run.status} {formatAge(run.startedAt)}
        {run.durationMs !== undefined
          ? `, took ${formatDuration(run.durationMs)}`
          : ''}
      </Typography>
      <Typography variant="caption" color="textSecondary">
        {counts.seen} seen, {counts.written} written, {counts.skipped} skipped,{' '}
        {counts.deleted} deleted
      </Typography>
    </>
  );
}

const columns: TableColumn<ClusterCollectionHealth>[] = [
  {
    title: 'Cluster',
    render: c => (
      <>
        <Typography variant="body2">{c.name}</Typography>
        {!c.configured && (
          <Typography variant="caption" color="textSecondary">
            no longer configured; history kept
          </Typography>
        )}
      </>
    ),
  },
  { title: 'Data', render: c => <Freshness cluster={c} /> },
  {
    title: 'Last success',
    render: c =>
      c.lastSuccessAt ? (
        <time
          dateTime={c.lastSuccessAt}
          title={formatDateTime(c.lastSuccessAt)}
        >
          {formatAge(c.lastSuccessAt)}
        </time>
      ) : (
        'never'
      ),
  },
  { title: 'Last run', render: c => <LastRun cluster={c} /> },
  {
    title: 'Error',
    render: c =>
      c.lastError ? (
        <>
          <Typography variant="body2" color="error">
            {c.lastError}
          </Typography>
          {c.lastErrorDetail && (
            <details>
              <summary>
                <Typography variant="caption">Detail</Typography>
              </summary>
              <Typography
                variant="caption"
                component="pre"
                style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}
              >
                {c.lastErrorDetail}
              </Typography>
            </details>
          )}
        </>
      ) : (
        'none'
      ),
  },
];

/** A 403: collection health shows cluster URLs and upstream answers. */
function isNotAllowed(error: Error): boolean {
  return (
    error.name === 'NotAllowedError' ||
    (error as { response?: { status?: number } }).response?.status === 403
  );
}

/** Per cluster: when collection last succeeded, since when data is stale, and errors. */
export function ClusterHealthTab() {
  const api = useApi(disasterRecoveryApiRef);
  const clusters = useAsync(() => api.getClusters(), [api]);
  if (clusters.loading) return <Progress />;
  if (clusters.error && isNotAllowed(clusters.error)) {
    return (
      <EmptyState
        missing="info"
        title="Collection health is for the platform team"
        description={`It shows cluster addresses and error details, so reading it needs the ${disasterRecoveryClustersReadPermission.name} permission. How old a service's data is, and why, shows on the service's Disaster Recovery tab; ask your Backstage admins for the permission if you run the clusters.`}
      />
    );
  }
  if (clusters.error) return <ResponseErrorPanel error={clusters.error} />;
  return (
    <Table<ClusterCollectionHealth>
      title="Collection health"
      columns={columns}
      data={clusters.value!.items}
      options={{
        paging: false,
        search: false,
        padding: 'dense',
        // Backstage's sort labels nest a focusable element in a button.
        sorting: false,
      }}
      emptyContent={
        <div style={{ padding: 16 }}>
          No cluster has been collected yet. The collector reads the clusters of
          the Kubernetes plugin&apos;s configuration (
          <code>kubernetes.clusterLocatorMethods</code>).
        </div>
      }
    />
  );
}
