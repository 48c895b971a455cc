import {
  entityVerdictOf,
  formatDuration,
  verdictInputOf,
  type CheckStatus,
  type EntityPostureResponse,
  type RecoveryPointVerdict,
  type RecoveryTimeVerdict,
  type VerdictAnswer,
} from '@dr-posture/plugin-disaster-recovery-common';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { useMemo } from 'react';
import { DRILL_KIND_TITLES } from '../../drills';
import { RelativeTime, TextWithTimes } from '../../format';
import { PostureStatus } from '../PostureStatus';
import { UrlLink } from '../UrlLink';

const ANSWER_STATUS: Record<VerdictAnswer, CheckStatus> = {
  yes: 'pass',
  no: 'fail',
  unknown: 'unknown',
};

const useStyles = makeStyles(theme => ({
  answers: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(260px, 1fr))',
    gap: theme.spacing(2, 4),
    margin: 0,
  },
  answer: {
    fontSize: theme.typography.h5.fontSize,
    fontWeight: theme.typography.fontWeightMedium as number,
    margin: 0,
  },
  reason: {
    marginTop: theme.spacing(2),
    paddingTop: theme.spacing(2),
    borderTop: `1px solid ${theme.palette.divider}`,
  },
}));

function target(label: string, ms: number | undefined): string {
  return `${label} ${ms === undefined ? 'unknown' : formatDuration(ms)}`;
}

function RecoveryPointEvidence(props: { verdict: RecoveryPointVerdict }) {
  const { answer, lastCleanPointAt, rpoMs, reason } = props.verdict;
  return (
    <>
      <Typography variant="body2">
        {lastCleanPointAt ? (
          <>
            Last clean recovery point <RelativeTime time={lastCleanPointAt} />
          </>
        ) : (
          'No clean recovery point'
        )}
        {` · ${target('RPO', rpoMs)}`}
      </Typography>
      {answer !== 'yes' && (
        <Typography variant="body2" color="textSecondary">
          <TextWithTimes text={reason} />
        </Typography>
      )}
    </>
  );
}

const RTO_ANSWERS: Record<RecoveryTimeVerdict['proof'], string> = {
  met: 'Yes',
  missed: 'No: a drill missed it',
  'not-measured': 'Not proven',
  unknown: 'Unknown',
};

function RecoveryTimeEvidence(props: { verdict: RecoveryTimeVerdict }) {
  const { proof, drill, rtoMs, reason } = props.verdict;
  return (
    <>
      <Typography variant="body2">
        {drill ? (
          <>
            {DRILL_KIND_TITLES[drill.kind]}{' '}
            <RelativeTime time={drill.endedAt} />: achieved{' '}
            {formatDuration(drill.achievedRtoMs)}
            {` against ${target('RTO', rtoMs)}`}
          </>
        ) : (
          target('RTO', rtoMs)
        )}
      </Typography>
      {proof !== 'met' && (
        <Typography variant="body2" color="textSecondary">
          <TextWithTimes text={reason} />
        </Typography>
      )}
    </>
  );
}

/**
 * An entity's verdict at a glance: recoverable within the RPO and RTO
 * proven, each with its evidence, then the top reason and the next action.
 * The verdict is -common's `entityVerdictOf`; nothing is judged here.
 */
export function VerdictSummary(props: { posture: EntityPostureResponse }) {
  const { posture } = props;
  const verdict = useMemo(
    () => entityVerdictOf(verdictInputOf(posture)),
    [posture],
  );
  const { recoveryPoint, recoveryTime, topReason, nextAction, counts } =
    verdict;
  const classes = useStyles();
  // A reason the answers above already give in full is not repeated.
  let explainedAbove: string | undefined;
  if (
    recoveryPoint.answer !== 'yes' &&
    topReason?.summary === recoveryPoint.reason
  ) {
    explainedAbove = 'Recoverable within RPO';
  } else if (
    recoveryTime.proof !== 'met' &&
    topReason?.summary === recoveryTime.reason
  ) {
    explainedAbove = 'RTO proven';
  }
  return (
    <>
      <dl className={classes.answers}>
        <div>
          <Typography variant="overline" color="textSecondary" component="dt">
            Recoverable within RPO
          </Typography>
          <dd style={{ margin: 0 }}>
            <p className={classes.answer}>
              <PostureStatus status={ANSWER_STATUS[recoveryPoint.answer]}>
                {recoveryPoint.answer === 'yes' && 'Yes'}
                {recoveryPoint.answer === 'no' && 'No'}
                {recoveryPoint.answer === 'unknown' && 'Unknown'}
              </PostureStatus>
            </p>
            <RecoveryPointEvidence verdict={recoveryPoint} />
          </dd>
        </div>
        <div>
          <Typography variant="overline" color="textSecondary" component="dt">
            RTO proven
          </Typography>
          <dd style={{ margin: 0 }}>
            <p className={classes.answer}>
              <PostureStatus status={ANSWER_STATUS[recoveryTime.answer]}>
                {RTO_ANSWERS[recoveryTime.proof]}
              </PostureStatus>
            </p>
            <RecoveryTimeEvidence verdict={recoveryTime} />
          </dd>
        </div>
      </dl>
      {topReason ? (
        <dl className={`${classes.answers} ${classes.reason}`}>
          <div>
            <Typography variant="overline" color="textSecondary" component="dt">
              Top reason
            </Typography>
            <dd style={{ margin: 0 }}>
              <Typography variant="subtitle2" component="p">
                <PostureStatus status={topReason.status}>
                  {topReason.title}
                </PostureStatus>
              </Typography>
              <Typography variant="body2">
                {explainedAbove ? (
                  `Explained under ${explainedAbove}.`
                ) : (
                  <TextWithTimes text={topReason.summary} />
                )}
              </Typography>
            </dd>
          </div>
          {nextAction && (
            <div>
              <Typography
                variant="overline"
                color="textSecondary"
                component="dt"
              >
                Next action
              </Typography>
              <dd style={{ margin: 0 }}>
                <Typography variant="body2">
                  {nextAction.text}
                  {nextAction.runbookUrl && (
                    <>
                      {' '}
                      <UrlLink url={nextAction.runbookUrl}>
                        Open runbook
                      </UrlLink>
                    </>
                  )}
                </Typography>
              </dd>
            </div>
          )}
        </dl>
      ) : (
        <Typography variant="body2" className={classes.reason}>
          {`All ${counts.pass} checks pass.`}
        </Typography>
      )}
    </>
  );
}
