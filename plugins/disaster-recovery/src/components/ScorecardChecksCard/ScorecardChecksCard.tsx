import {
  InfoCard,
  StatusAborted,
  StatusError,
  StatusOK,
  StatusWarning,
} from '@backstage/core-components';
import {
  CHECK_TITLES,
  postureWarningCount,
  SCORECARD_CHECKS,
  SCORECARD_NO_WARNINGS_CHECK,
  scorecardFactOf,
  type PostureCheck,
} from '@dr-posture/plugin-disaster-recovery-common';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';

const useStyles = makeStyles(theme => ({
  table: {
    width: '100%',
    borderCollapse: 'collapse',
    '& th, & td': {
      textAlign: 'left',
      padding: theme.spacing(1, 2),
      borderBottom: `1px solid ${theme.palette.divider}`,
    },
  },
}));

/** A warning is shown as one, never as "Passed", though the default check only fails on a failure. */
function Result(props: { fact: 'pass' | 'warn' | 'fail' | undefined }) {
  if (props.fact === 'pass') return <StatusOK>Passed</StatusOK>;
  if (props.fact === 'warn') return <StatusWarning>Warning</StatusWarning>;
  if (props.fact === 'fail') return <StatusError>Failed</StatusError>;
  return <StatusAborted>No result</StatusAborted>;
}

/**
 * The default scorecard (Tech Insights) checks and their results, worked out
 * from the same posture checks with the shared mapping in -common, so that a
 * portal without a scorecard frontend still sees what scorecards show.
 */
export function ScorecardChecksCard(props: { checks: PostureCheck[] }) {
  const classes = useStyles();
  const statusOf = new Map(props.checks.map(c => [c.id, c.status]));
  const warnings = postureWarningCount(props.checks);
  return (
    <InfoCard
      title="Scorecard checks"
      subheader="What the disaster-recovery checks in Tech Insights scorecards report for this entity"
    >
      <table className={classes.table}>
        <thead>
          <tr>
            <th scope="col">Scorecard check</th>
            <th scope="col">Result</th>
            <th scope="col">From posture check</th>
          </tr>
        </thead>
        <tbody>
          {SCORECARD_CHECKS.map(check => (
            <tr key={check.id}>
              <th scope="row">
                <Typography variant="body2">{check.name}</Typography>
                <Typography variant="caption" color="textSecondary">
                  <code>{check.id}</code>
                </Typography>
              </th>
              <td>
                <Result
                  fact={scorecardFactOf(statusOf.get(check.postureCheckId))}
                />
              </td>
              <td>{CHECK_TITLES[check.postureCheckId]}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">
              <Typography variant="body2">
                {SCORECARD_NO_WARNINGS_CHECK.name}
              </Typography>
              <Typography variant="caption" color="textSecondary">
                <code>{SCORECARD_NO_WARNINGS_CHECK.id}</code>
              </Typography>
            </th>
            <td>
              <Result fact={warnings === 0 ? 'pass' : 'fail'} />
            </td>
            <td>
              {warnings === 0
                ? 'No posture check warns'
                : `${warnings} posture ${
                    warnings === 1 ? 'check warns' : 'checks warn'
                  }`}
            </td>
          </tr>
        </tbody>
      </table>
    </InfoCard>
  );
}
