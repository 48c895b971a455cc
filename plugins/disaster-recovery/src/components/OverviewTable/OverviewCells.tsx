import { useRouteRef } from '@backstage/core-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { Link } from '@backstage/ui';
import {
  builtInCheck,
  findCheck,
  formatDuration,
  type EntityPostureSummary,
} from '@dr-posture/plugin-disaster-recovery-common';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { useState, type ReactNode } from 'react';
import { DRILL_OUTCOME_STATUS, RelativeTime } from '../../format';
import type { OverviewSort } from '../../overview/overviewView';
import { DisclosureButton } from '../DisclosureButton';
import { PostureStatus } from '../PostureStatus';

const useStyles = makeStyles(theme => ({
  nowrap: { whiteSpace: 'nowrap' },
  checkList: { margin: theme.spacing(0.5, 0, 0), paddingLeft: 0 },
  checkItem: { listStyle: 'none' },
}));

/** A value on one line with a short explanation under it. */
export function TwoLines(props: { main: ReactNode; caption?: ReactNode }) {
  const classes = useStyles();
  return (
    <>
      <div className={classes.nowrap}>{props.main}</div>
      {props.caption && (
        <Typography variant="caption" component="div" color="textSecondary">
          {props.caption}
        </Typography>
      )}
    </>
  );
}

/** An objective as a duration; `unknown` when the policy could not be read. */
export function objectiveText(ms: number | undefined): string {
  return ms === undefined ? 'unknown' : formatDuration(ms);
}

/** The last clean backup's age, coloured as backup-freshness judged it. */
export function LastBackup(props: { row: EntityPostureSummary; now: number }) {
  const { row, now } = props;
  const age = row.lastCleanBackupAt ? (
    <RelativeTime time={row.lastCleanBackupAt} now={now} />
  ) : (
    'never'
  );
  const verdict = findCheck(
    builtInCheck('backup-freshness'),
    row.failingChecks,
  );
  let main: ReactNode = age;
  if (verdict)
    main = <PostureStatus status={verdict.status}>{age}</PostureStatus>;
  // No clean backup is never shown as fine, whatever the checks found.
  else if (!row.lastCleanBackupAt)
    main = <PostureStatus status="unknown">{age}</PostureStatus>;
  return <>{main}</>;
}

export function LastDrill(props: { row: EntityPostureSummary; now: number }) {
  const { row, now } = props;
  if (!row.lastDrillAt) return <>never</>;
  const age = <RelativeTime time={row.lastDrillAt} now={now} />;
  if (!row.lastDrillOutcome) return age;
  return (
    <TwoLines
      main={
        <PostureStatus status={DRILL_OUTCOME_STATUS[row.lastDrillOutcome]}>
          {age}
        </PostureStatus>
      }
      caption={row.lastDrillOutcome}
    />
  );
}

/**
 * The checks that fail or warn: the count and the worst one, the rest
 * behind a disclosure so that a row stays one or two lines high.
 */
export function FailingChecks(props: { row: EntityPostureSummary }) {
  const { failingChecks, entityRef } = props.row;
  const [expanded, setExpanded] = useState(false);
  const classes = useStyles();
  if (failingChecks.length === 0) return <>none</>;
  const listId = `failing-checks-${entityRef.replace(/[^a-zA-Z0-9-]/g, '-')}`;
  const [worst, ...rest] = failingChecks;
  return (
    <>
      <PostureStatus status={worst.status}>{worst.title}</PostureStatus>
      {rest.length > 0 && (
        <>
          <DisclosureButton
            expanded={expanded}
            onToggle={() => setExpanded(!expanded)}
            controls={listId}
            label={`${expanded ? 'Hide' : 'Show'} ${rest.length} more ${
              rest.length === 1 ? 'check' : 'checks'
            } of ${props.row.title ?? props.row.name}`}
          >
            {`${rest.length} more`}
          </DisclosureButton>
          <ul id={listId} hidden={!expanded} className={classes.checkList}>
            {rest.map(check => (
              <li key={check.id} className={classes.checkItem}>
                <PostureStatus status={check.status}>
                  {check.title}
                </PostureStatus>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/** The props of both the table and the cards. */
export interface OverviewRowsProps {
  rows: EntityPostureSummary[];
  sort: OverviewSort;
  order: 'asc' | 'desc';
  loading: boolean;
  onSort: (sort: OverviewSort) => void;
  empty: ReactNode;
  footer: ReactNode;
  now?: number;
}

/** The link to an entity's DR tab, named by its title. */
export function EntityLink(props: { row: EntityPostureSummary }) {
  const { row } = props;
  const entityRoute = useRouteRef(entityRouteRef);
  return (
    <Link
      href={`${entityRoute({
        kind: row.kind.toLocaleLowerCase('en-US'),
        namespace: row.namespace.toLocaleLowerCase('en-US'),
        name: row.name,
      })}/disaster-recovery`}
      title={row.entityRef}
    >
      {row.title ?? row.name}
    </Link>
  );
}

/** The RPO and RTO on one line, for layouts without their own columns. */
export function objectivesLine(row: EntityPostureSummary): string {
  return `RPO ${objectiveText(row.rpoMs)} · RTO ${objectiveText(row.rtoMs)}`;
}
