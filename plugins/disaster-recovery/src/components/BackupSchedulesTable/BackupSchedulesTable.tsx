import type { CompoundEntityRef } from '@backstage/catalog-model';
import { Table, type TableColumn } from '@backstage/core-components';
import {
  formatDuration,
  parseGoDuration,
  scheduleRunStateOf,
  type BackupHistoryItem,
  type EntitySchedule,
  type ScheduleRunState,
} from '@dr-posture/plugin-disaster-recovery-common';
import Typography from '@material-ui/core/Typography';
import { RelativeTime } from '../../format';
import { describeSchedule } from '../../schedules/describeSchedule';
import { useRecentRuns } from '../../schedules/useRecentRuns';
import { PostureStatus } from '../PostureStatus';

/** A schedule's row: the schedule and how it is doing. */
interface ScheduleRow {
  id: string;
  schedule: EntitySchedule;
  state: ScheduleRunState;
}

function runsText(count: number): string {
  return count === 1 ? 'last run failed' : `last ${count} runs failed`;
}

/** Green only for a schedule whose latest finished run succeeded. */
function ScheduleState(props: {
  state: ScheduleRunState;
  runsKnown: boolean;
  pausedSince?: string;
}) {
  const { state, runsKnown, pausedSince } = props;
  switch (state.state) {
    case 'paused':
      return (
        <PostureStatus status="fail">
          {pausedSince ? (
            <>
              Paused since <RelativeTime time={pausedSince} />
            </>
          ) : (
            'Paused, since before it was first collected'
          )}
        </PostureStatus>
      );
    case 'failing':
      return (
        <PostureStatus status="fail">
          {`${state.overdue ? 'Overdue' : 'Running'}, ${runsText(
            state.failedRuns,
          )}`}
        </PostureStatus>
      );
    case 'overdue':
      return <PostureStatus status="fail">Overdue</PostureStatus>;
    case 'running':
      return <PostureStatus status="pass">Running</PostureStatus>;
    default:
      return (
        <PostureStatus status="unknown">
          {runsKnown
            ? 'Running, no finished run seen'
            : 'Running, outcome of its runs not known'}
        </PostureStatus>
      );
  }
}

/** Velero's TTL in words (`30 days`, not `720h0m0s`); as written when Velero could not read it either. */
function retention(ttl: string | undefined): string {
  if (ttl === undefined) return 'Velero default (30 days)';
  const duration = parseGoDuration(ttl);
  return duration.ok ? formatDuration(duration.milliseconds) : ttl;
}

function columns(runsKnown: boolean): TableColumn<ScheduleRow>[] {
  return [
    {
      title: 'Schedule',
      render: ({ schedule: s }) => (
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
      render: ({ schedule: s }) => (
        <>
          <Typography variant="body2">{describeSchedule(s).inWords}</Typography>
          <Typography variant="caption" color="textSecondary">
            <code>{s.schedule}</code>
          </Typography>
        </>
      ),
    },
    {
      title: 'State',
      render: row => (
        <ScheduleState
          state={row.state}
          runsKnown={runsKnown}
          pausedSince={row.schedule.pausedSince}
        />
      ),
    },
    {
      title: 'Last run',
      render: ({ schedule: s }) =>
        s.lastBackupAt ? <RelativeTime time={s.lastBackupAt} /> : 'never',
    },
    {
      title: 'Next run',
      render: ({ schedule: s }) => {
        const next = describeSchedule(s).nextRunAt;
        if (next) return <RelativeTime time={next} />;
        return s.paused ? 'none while paused' : 'unknown';
      },
    },
    {
      title: 'Storage location',
      render: ({ schedule: s }) => s.storageLocation ?? 'default',
    },
    {
      title: 'Keeps backups for',
      render: ({ schedule: s }) =>
        s.ref.kind === 'Schedule'
          ? retention(s.ttl)
          : 'cluster retention policy',
    },
  ];
}

/**
 * The schedules that back an entity up: cron in words, how they are doing
 * (running only while their latest finished run succeeded), last and next
 * run, where they write and how long they keep backups.
 */
export function BackupSchedulesTable(props: {
  entity: CompoundEntityRef;
  schedules: EntitySchedule[];
}) {
  const runs = useRecentRuns(props.entity);
  const history: BackupHistoryItem[] = runs.value?.items ?? [];
  const rows = props.schedules.map(schedule => ({
    id: `${schedule.ref.kind}/${schedule.ref.cluster}/${schedule.ref.namespace}/${schedule.ref.name}`,
    schedule,
    state: scheduleRunStateOf(schedule, history),
  }));
  return (
    <Table<ScheduleRow>
      title="Backup schedules"
      subtitle={
        runs.error
          ? `The outcome of recent runs could not be read: ${runs.error.message}`
          : undefined
      }
      columns={columns(runs.value !== undefined)}
      data={rows}
      isLoading={runs.loading}
      options={{
        paging: false,
        search: false,
        padding: 'dense',
        // Backstage's sort labels nest a focusable element in a button.
        sorting: false,
      }}
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
