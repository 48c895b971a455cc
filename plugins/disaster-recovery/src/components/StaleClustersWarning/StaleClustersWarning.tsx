import type { StaleCluster } from '@dr-posture/plugin-disaster-recovery-common';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { RelativeTime } from '../../format';

function DataAge(props: { cluster: StaleCluster }) {
  const { name, lastSuccessAt } = props.cluster;
  if (!lastSuccessAt) {
    return (
      <>
        Data from <strong>{name}</strong> has never been collected completely
      </>
    );
  }
  return (
    <>
      Data from <strong>{name}</strong> was last collected{' '}
      <RelativeTime time={lastSuccessAt} />
    </>
  );
}

/**
 * Says how old the data of each stale cluster is and why collection fails,
 * as a short reason: checks that rely on it are unknown. The error detail
 * is in collection health, for the platform team.
 */
export function StaleClustersWarning(props: { clusters: StaleCluster[] }) {
  const { clusters } = props;
  if (clusters.length === 0) return null;
  return (
    <Alert severity="warning">
      <AlertTitle>
        {clusters.length === 1
          ? 'Data from a cluster this entity runs in is out of date'
          : `Data from ${clusters.length} clusters this entity runs in is out of date`}
      </AlertTitle>
      <ul style={{ margin: 0, paddingLeft: 20 }}>
        {clusters.map(cluster => (
          <li key={cluster.name}>
            <DataAge cluster={cluster} />
            {cluster.lastError
              ? `; collection fails: ${cluster.lastError}`
              : ''}
          </li>
        ))}
      </ul>
      Checks that rely on these clusters show as unknown until collection
      succeeds again. Ask the platform team to check the collector&apos;s access
      to them (Disaster Recovery page → Collection health).
    </Alert>
  );
}
