import type { PostureCheck } from '@dr-posture/plugin-disaster-recovery-common';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { useState } from 'react';
import { TextWithTimes } from '../../format';
import { DisclosureButton } from '../DisclosureButton';
import { PostureStatus } from '../PostureStatus';
import { CheckEvidence } from './CheckEvidence';
import { ScorecardBadge } from './ScorecardBadge';

const useStyles = makeStyles(theme => ({
  item: {
    listStyle: 'none',
    padding: theme.spacing(1, 2),
    borderBottom: `1px solid ${theme.palette.divider}`,
  },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(0.5, 1.5),
  },
  title: { flexGrow: 1 },
  details: { padding: theme.spacing(1, 0, 0.5, 1) },
}));

/**
 * One check in a few lines: status and title, its scorecard result and its
 * sentence; what to do about it and its evidence a click away.
 */
export function CheckItem(props: { check: PostureCheck; action?: string }) {
  const { check, action } = props;
  const classes = useStyles();
  const [showDetails, setShowDetails] = useState(false);
  const detailsId = `check-${check.id}-details`;
  return (
    <li
      id={`check-${check.id}`}
      data-check-status={check.status}
      className={classes.item}
    >
      <div className={classes.header}>
        <Typography
          variant="subtitle2"
          component="span"
          className={classes.title}
        >
          <PostureStatus status={check.status}>{check.title}</PostureStatus>
        </Typography>
        <ScorecardBadge check={check} />
        <DisclosureButton
          expanded={showDetails}
          onToggle={() => setShowDetails(shown => !shown)}
          controls={detailsId}
          label={`Details of ${check.title}`}
        >
          Details
        </DisclosureButton>
      </div>
      <Typography variant="body2">
        <TextWithTimes text={check.summary} />
      </Typography>
      <div id={detailsId} className={classes.details} hidden={!showDetails}>
        {action && (
          <Typography variant="body2" paragraph>
            <strong>What to do: </strong>
            {action}
          </Typography>
        )}
        <CheckEvidence check={check} />
      </div>
    </li>
  );
}
