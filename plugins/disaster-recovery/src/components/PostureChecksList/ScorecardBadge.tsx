import {
  SCORECARD_CHECKS,
  scorecardFactOf,
  type PostureCheck,
  type ScorecardCheck,
} from '@dr-posture/plugin-disaster-recovery-common';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { PostureStatus } from '../PostureStatus';

const BY_POSTURE_CHECK = new Map<string, ScorecardCheck>(
  SCORECARD_CHECKS.map(check => [check.postureCheckId, check]),
);

/** A warning is shown as one, never as "Passed", though the default check only fails on a failure. */
const RESULTS: Record<'pass' | 'warn' | 'fail', string> = {
  pass: 'Passed',
  warn: 'Warning',
  fail: 'Failed',
};

const useStyles = makeStyles(theme => ({
  badge: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    padding: theme.spacing(0, 1),
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
    whiteSpace: 'nowrap',
  },
  // The scorecard check's name, for screen readers and as a tooltip: beside
  // the posture check it mirrors, it would only repeat its title.
  visuallyHidden: {
    position: 'absolute',
    width: 1,
    height: 1,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
}));

/**
 * The result of the scorecard (Tech Insights) check that mirrors a posture
 * check, as a badge on it; nothing for a check no scorecard carries.
 * Unknown is "No result": scorecards get no fact for it.
 */
export function ScorecardBadge(props: {
  check: Pick<PostureCheck, 'id' | 'status'>;
}) {
  const classes = useStyles();
  const scorecard = BY_POSTURE_CHECK.get(props.check.id);
  if (!scorecard) return null;
  const fact = scorecardFactOf(props.check.status);
  return (
    <Typography
      variant="caption"
      component="span"
      className={classes.badge}
      title={`Scorecard check “${scorecard.name}”`}
    >
      <span>
        Scorecard
        <span className={classes.visuallyHidden}> “{scorecard.name}”</span>:
      </span>
      <PostureStatus status={fact ?? 'unknown'}>
        {fact ? RESULTS[fact] : 'No result'}
      </PostureStatus>
    </Typography>
  );
}
