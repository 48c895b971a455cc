import { Table, type TableColumn } from '@backstage/core-components';
import type { EntitySchedule } from '@dr-posture/plugin-disaster-recovery-common';
import Typography from '@material-ui/core/Typography';
import { formatAge, formatDateTime } from '../../format';
import { describeSchedule } from '../../schedules/describeSchedule';
import { PostureStatus } from '../PostureStatus';

function Time(props: { time?: string; missing: string }) {
  if (!props.time) return <>{props.missing}</>;
  return (
    <time dateTime={props.time} title={formatDateTime(props.time)}>
      {formatAge(props.time)}
    </time>
  );
}

function ScheduleState(props: { schedule: EntitySchedule }) {
  const { schedule } = props;
  if (schedule.paused)
    return <PostureStatus status="fail">Paused</PostureStatus>;
  if (schedule.overdue) {
    return <PostureStatus status="fail">Overdue</PostureStatus>;
  }
  return <PostureStatus status="pass">Running</PostureStatus>;
}

const columns: TableColumn<EntitySchedule>[] = [
  {
    title: 'Schedule',
    render: s => (
      <>
        <Typography variant="body2">{s.ref.name}</Typography>
        <Typography variant="caption" color="textSecondary">
          {s.ref.kind} in {s.ref.cluster}/{s.ref.namespace}
        </Typography>
      </>
    ),
  },
  {
    title: 'Runs',
    render: s => (
      <>
        <Typography variant="body2">{describeSchedule(s).inWords}</Typography>
        <Typography variant="caption" color="textSecondary">
          <code>{s.schedule}</code>
        </Typography>
      </>
    ),
  },
  { title: 'State', render: s => <ScheduleState schedule={s} /> },
  {
    title: 'Last backup',
    render: s => <Time time={s.lastBackupAt} missing="never" />,
  },
  {
    title: 'Next run',
    render: s => (
      <Time
        time={describeSchedule(s).nextRunAt}
        missing={s.paused ? 'paused' : 'unknown'}
      />
    ),
  },
  { title: 'Storage location', render: s => s.storageLocation ?? 'default' },
  { title: 'Keeps backups for', render: s => s.ttl ?? 'Velero default' },
];

/** The schedules that back an entity up: cron in words, paused, last and next run, overdue. */
export function BackupSchedulesTable(props: { schedules: EntitySchedule[] }) {
  return (
    <Table<EntitySchedule>
      title="Backup schedules"
      columns={columns}
      data={props.schedules}
      options={{ paging: false, search: false, padding: 'dense' }}
      emptyContent={
        <Typography variant="body2" style={{ padding: 16 }}>
          No Velero Schedule or CloudNativePG ScheduledBackup covers this
          entity. Create one that includes its namespace, or name it in the{' '}
          <code>disaster-recovery/velero-schedules</code> annotation.
        </Typography>
      }
    />
  );
}
