import { InfoCard } from '@backstage/core-components';
import {
  builtInCheck,
  findCheck,
  formatDuration,
  type CheckStatus,
  type EntityPostureResponse,
} from '@dr-posture/plugin-disaster-recovery-common';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { TextWithTimes } from '../../format';
import { PostureStatus } from '../PostureStatus';

/**
 * A passing age this far into the RPO is shown as close to it. Presentation
 * only: whether the backup is fresh enough is the check's verdict.
 */
const CLOSE_TO_RPO = 0.75;

const useStyles = makeStyles(theme => ({
  figures: {
    display: 'flex',
    alignItems: 'baseline',
    gap: theme.spacing(1),
    flexWrap: 'wrap',
  },
  bar: { height: 10, borderRadius: 5, margin: theme.spacing(1.5, 0) },
  pass: { backgroundColor: theme.palette.status.ok },
  warn: { backgroundColor: theme.palette.status.warning },
  fail: { backgroundColor: theme.palette.status.error },
  unknown: { backgroundColor: theme.palette.status.aborted },
}));

function verdictOf(status: CheckStatus, fraction: number | undefined): string {
  if (status === 'fail') return 'Past RPO or no clean recovery point';
  if (status === 'unknown') return 'Unknown';
  if (fraction !== undefined && fraction >= CLOSE_TO_RPO) return 'Close to RPO';
  return status === 'warn' ? 'Within RPO, with a warning' : 'Within RPO';
}

/**
 * Time since the last clean recovery point against the RPO: a bar that fills
 * towards the RPO, the verdict of the `backup-freshness` check in words, and
 * its sentence.
 */
export function BackupFreshnessCard(props: {
  posture: EntityPostureResponse;
  now?: number;
}) {
  const { posture, now = Date.now() } = props;
  const classes = useStyles();
  const check = findCheck(
    builtInCheck('backup-freshness'),
    posture.posture.checks,
  );
  const { lastCleanBackupAt } = posture.summary;
  const rpoMs = posture.policy.rpoMs.ok
    ? posture.policy.rpoMs.value
    : undefined;

  if (!check) {
    return (
      <InfoCard title="Backup freshness">
        <Typography variant="body2">
          No Velero backup applies to this entity, so there is no recovery point
          to age. Map its workloads with the Kubernetes annotations, or list its
          schedules in <code>disaster-recovery/velero-schedules</code>.
        </Typography>
      </InfoCard>
    );
  }

  const ageMs = lastCleanBackupAt
    ? Math.max(0, now - Date.parse(lastCleanBackupAt))
    : undefined;
  const fraction = ageMs !== undefined && rpoMs ? ageMs / rpoMs : undefined;
  const verdict = verdictOf(check.status, fraction);
  return (
    <InfoCard title="Backup freshness">
      <div className={classes.figures}>
        <Typography variant="h4" component="p">
          {ageMs === undefined ? 'No clean backup' : formatDuration(ageMs)}
        </Typography>
        <Typography variant="body1" color="textSecondary">
          {ageMs === undefined ? '' : 'since the last clean backup, '}
          RPO {rpoMs === undefined ? 'unknown' : formatDuration(rpoMs)}
        </Typography>
      </div>
      <LinearProgress
        variant="determinate"
        value={Math.min(
          100,
          (fraction ?? (check.status === 'fail' ? 1 : 0)) * 100,
        )}
        className={classes.bar}
        classes={{ bar: classes[check.status] }}
        aria-label={`Backup age against RPO: ${verdict}`}
      />
      <PostureStatus status={check.status}>{verdict}</PostureStatus>
      <Typography variant="body2">
        <TextWithTimes text={check.summary} />
      </Typography>
    </InfoCard>
  );
}
