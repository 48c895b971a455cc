import { InfoCard } from '@backstage/core-components';
import type { EntityOtherEnvironment } from '@dr-posture/plugin-disaster-recovery-common';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import { RelativeTime } from '../../format';

function counted(count: number, noun: string): string | undefined {
  return count > 0 ? `${count} ${noun}${count === 1 ? '' : 's'}` : undefined;
}

function describe(environment: EntityOtherEnvironment): string {
  return (
    [
      counted(environment.schedules, 'schedule'),
      counted(environment.backups, 'backup'),
      counted(environment.postgresClusters, 'database'),
      counted(environment.workloads, 'workload'),
    ]
      .filter(Boolean)
      .join(', ') || 'nothing'
  );
}

/**
 * What covers the entity on clusters that do not count for its environment
 * (staging, a standby's copies, a cluster no longer in config), kept apart
 * so that nobody reads them as production recovery points.
 */
export function OtherEnvironmentsCard(props: {
  environments: EntityOtherEnvironment[];
}) {
  return (
    <InfoCard
      title="Other environments"
      subheader="Not counted towards this entity's checks"
    >
      <List dense aria-label="Other environments">
        {props.environments.map(environment => (
          <ListItem key={environment.cluster}>
            <ListItemText
              primary={`${environment.cluster} (${
                environment.role ?? 'no longer configured'
              })`}
              secondary={
                <>
                  {describe(environment)}
                  {environment.lastCleanBackupAt ? (
                    <>
                      {'; last clean backup '}
                      <RelativeTime time={environment.lastCleanBackupAt} />
                    </>
                  ) : (
                    '; no clean backup'
                  )}
                </>
              }
            />
          </ListItem>
        ))}
      </List>
    </InfoCard>
  );
}
