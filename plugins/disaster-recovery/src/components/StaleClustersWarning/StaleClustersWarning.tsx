import type { StaleCluster } from '@dr-posture/plugin-disaster-recovery-common';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { formatAge, formatDateTime } from '../../format';

/**
 * Says which clusters could not be read and since when: their data is
 * stale, and checks that rely on it are unknown.
 */
export function StaleClustersWarning(props: { clusters: StaleCluster[] }) {
  const { clusters } = props;
  if (clusters.length === 0) return null;
  return (
    <Alert severity="warning">
      <AlertTitle>
        {clusters.length === 1
          ? 'A cluster this entity runs in cannot be read'
          : `${clusters.length} clusters this entity runs in cannot be read`}
      </AlertTitle>
      <ul style={{ margin: 0, paddingLeft: 20 }}>
        {clusters.map(cluster => (
          <li key={cluster.name}>
            <strong>{cluster.name}</strong> unreachable since{' '}
            <time dateTime={cluster.staleSince}>
              {formatDateTime(cluster.staleSince)}
            </time>{' '}
            ({formatAge(cluster.staleSince)})
            {cluster.lastError ? `: ${cluster.lastError}` : ''}
          </li>
        ))}
      </ul>
      Checks that rely on these clusters show as unknown until collection
      succeeds again. Ask the platform team to check the collector's access to
      them (Disaster Recovery page → Collection health).
    </Alert>
  );
}
