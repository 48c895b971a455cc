import { InfoCard } from '@backstage/core-components';
import {
  formatDuration,
  type EntityPostgresCluster,
} from '@dr-posture/plugin-disaster-recovery-common';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import { RelativeTime } from '../../format';
import { PostureStatus } from '../PostureStatus';

function Archiving(props: {
  state?: EntityPostgresCluster['continuousArchiving'];
}) {
  switch (props.state) {
    case 'True':
      return <PostureStatus status="pass">WAL archiving on</PostureStatus>;
    case 'False':
      return <PostureStatus status="fail">WAL archiving failing</PostureStatus>;
    default:
      return (
        <PostureStatus status="unknown">
          WAL archiving not reported
        </PostureStatus>
      );
  }
}

function RecoveryWindow(props: {
  cluster: EntityPostgresCluster;
  now: number;
}) {
  const first = props.cluster.firstRecoverabilityPoint;
  if (!first) return <>No recovery point reported yet</>;
  return (
    <>
      Can be restored to any point from <RelativeTime time={first} /> until now
      ({formatDuration(props.now - Date.parse(first))})
    </>
  );
}

/** The point-in-time recovery window of each CloudNativePG cluster of an entity. */
export function PostgresRecoveryWindowCard(props: {
  clusters: EntityPostgresCluster[];
  now?: number;
}) {
  const { clusters, now = Date.now() } = props;
  if (clusters.length === 0) return null;
  return (
    <InfoCard title="PostgreSQL point-in-time recovery">
      <List dense disablePadding>
        {clusters.map(cluster => (
          <ListItem
            key={`${cluster.ref.cluster}/${cluster.ref.namespace}/${cluster.ref.name}`}
            disableGutters
            alignItems="flex-start"
          >
            <ListItemText
              primary={`${cluster.ref.name} (${cluster.ref.cluster}/${cluster.ref.namespace})`}
              secondaryTypographyProps={{ component: 'div' }}
              secondary={
                <>
                  <Archiving state={cluster.continuousArchiving} />
                  <div>
                    <RecoveryWindow cluster={cluster} now={now} />
                  </div>
                  <div>
                    Last base backup{' '}
                    {cluster.lastSuccessfulBackupAt ? (
                      <RelativeTime time={cluster.lastSuccessfulBackupAt} />
                    ) : (
                      'never'
                    )}
                    {cluster.retentionPolicy
                      ? `; retention ${cluster.retentionPolicy}`
                      : ''}
                  </div>
                </>
              }
            />
          </ListItem>
        ))}
      </List>
    </InfoCard>
  );
}
