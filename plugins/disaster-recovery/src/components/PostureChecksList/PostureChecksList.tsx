import { InfoCard } from '@backstage/core-components';
import {
  checkNextActionOf,
  checksWorstFirst,
  postureWarningCount,
  SCORECARD_NO_WARNINGS_CHECK,
  type EntityPolicy,
  type PostureCheck,
} from '@dr-posture/plugin-disaster-recovery-common';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { useState } from 'react';
import { DisclosureButton } from '../DisclosureButton';
import { PostureStatus } from '../PostureStatus';
import { CheckItem } from './CheckItem';

const useStyles = makeStyles(theme => ({
  list: {
    margin: 0,
    padding: 0,
    // Two columns on a wide screen: a dozen open checks in one column make
    // the tab twice as tall as the first screen (worst first, row by row).
    [theme.breakpoints.up('lg')]: {
      display: 'grid',
      gridTemplateColumns: 'repeat(2, minmax(0, 1fr))',
      '& > li:nth-child(odd)': {
        borderRight: `1px solid ${theme.palette.divider}`,
      },
    },
    '&[hidden]': { display: 'none' },
  },
  scorecard: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(0.5),
    padding: theme.spacing(1.5, 2),
  },
  fold: {
    padding: theme.spacing(1, 1),
    borderBottom: `1px solid ${theme.palette.divider}`,
  },
}));

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** The scorecard check that no posture check warns, which mirrors none. */
function NoWarningsResult(props: { checks: PostureCheck[] }) {
  const classes = useStyles();
  const warnings = postureWarningCount(props.checks);
  return (
    <Typography variant="caption" component="p" className={classes.scorecard}>
      Scorecard “{SCORECARD_NO_WARNINGS_CHECK.name}”:
      <PostureStatus status={warnings === 0 ? 'pass' : 'fail'}>
        {warnings === 0
          ? 'Passed'
          : `Failed (${plural(warnings, 'check warns', 'checks warn')})`}
      </PostureStatus>
    </Typography>
  );
}

/**
 * The checks of a posture, worst first in the verdict's order: failing,
 * warning and unknown ones open with their sentence, what to do and their
 * scorecard result; passing ones folded into one line.
 */
export function PostureChecksList(props: {
  checks: PostureCheck[];
  policy: Pick<EntityPolicy, 'runbookUrl'>;
}) {
  const { checks, policy } = props;
  const classes = useStyles();
  const [showPassing, setShowPassing] = useState(false);
  const ordered = checksWorstFirst(checks);
  const open = ordered.filter(check => check.status !== 'pass');
  const passing = ordered.filter(check => check.status === 'pass');
  return (
    <InfoCard
      title="Checks"
      subheader={`${plural(open.length, 'needs', 'need')} attention, ${plural(
        passing.length,
        'passes',
        'pass',
      )}`}
      noPadding
    >
      {open.length > 0 && (
        <ul className={classes.list} aria-label="Checks that need attention">
          {open.map(check => (
            <CheckItem
              key={check.id}
              check={check}
              action={
                check.status === 'unknown'
                  ? undefined
                  : checkNextActionOf(check, policy).text
              }
            />
          ))}
        </ul>
      )}
      {passing.length > 0 && (
        <>
          <div className={classes.fold}>
            <DisclosureButton
              expanded={showPassing}
              onToggle={() => setShowPassing(shown => !shown)}
              controls="passing-checks"
            >
              <PostureStatus status="pass">
                {passing.length === checks.length
                  ? `All ${plural(
                      passing.length,
                      'check passes',
                      'checks pass',
                    )}`
                  : plural(passing.length, 'check passes', 'checks pass')}
              </PostureStatus>
            </DisclosureButton>
          </div>
          <ul
            id="passing-checks"
            className={classes.list}
            aria-label="Checks that pass"
            hidden={!showPassing}
          >
            {passing.map(check => (
              <CheckItem key={check.id} check={check} />
            ))}
          </ul>
        </>
      )}
      <NoWarningsResult checks={checks} />
    </InfoCard>
  );
}
