import { parseEntityRef } from '@backstage/catalog-model';
import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import {
  builtInCheck,
  findCheck,
  formatDuration,
  type EntityPostureSummary,
} from '@dr-posture/plugin-disaster-recovery-common';
import LinearProgress from '@material-ui/core/LinearProgress';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableContainer from '@material-ui/core/TableContainer';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TableSortLabel from '@material-ui/core/TableSortLabel';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type { ReactNode } from 'react';
import { formatDateTime } from '../../format';
import type { OverviewSort } from '../../overview/overviewView';
import { PostureStatus } from '../PostureStatus';

const MAX_CHECKS_SHOWN = 3;

function shortRef(ref?: string): string {
  if (!ref) return '—';
  const { namespace, name } = parseEntityRef(ref);
  return namespace === 'default' ? name : `${namespace}/${name}`;
}

const useStyles = makeStyles({
  nowrap: { whiteSpace: 'nowrap' },
  checks: { minWidth: 160 },
});

/** A value on one line with a short explanation under it. */
function TwoLines(props: { main: ReactNode; caption: string }) {
  const classes = useStyles();
  return (
    <>
      <div className={classes.nowrap}>{props.main}</div>
      <Typography variant="caption" component="div" color="textSecondary">
        {props.caption}
      </Typography>
    </>
  );
}

function LastBackup(props: { row: EntityPostureSummary; now: number }) {
  const { row, now } = props;
  const rpo =
    row.rpoMs === undefined
      ? 'RPO unknown'
      : `RPO ${formatDuration(row.rpoMs)}`;
  const age = row.lastCleanBackupAt
    ? `${formatDuration(now - Date.parse(row.lastCleanBackupAt))} ago`
    : 'none';
  const verdict = findCheck(
    builtInCheck('backup-freshness'),
    row.failingChecks,
  );
  let main: ReactNode = (
    <span
      title={row.lastCleanBackupAt && formatDateTime(row.lastCleanBackupAt)}
    >
      {age}
    </span>
  );
  if (verdict)
    main = <PostureStatus status={verdict.status}>{age}</PostureStatus>;
  else if (!row.lastCleanBackupAt)
    main = <PostureStatus status="unknown">{age}</PostureStatus>;
  return <TwoLines main={main} caption={rpo} />;
}

function LastDrill(props: { row: EntityPostureSummary; now: number }) {
  const { row, now } = props;
  if (!row.lastDrillAt) return <>never</>;
  const age = `${formatDuration(now - Date.parse(row.lastDrillAt))} ago`;
  if (!row.lastDrillOutcome) return <>{age}</>;
  return (
    <TwoLines
      main={
        <PostureStatus
          status={row.lastDrillOutcome === 'succeeded' ? 'pass' : 'fail'}
        >
          {age}
        </PostureStatus>
      }
      caption={row.lastDrillOutcome}
    />
  );
}

function FailingChecks(props: { row: EntityPostureSummary }) {
  const { failingChecks } = props.row;
  if (failingChecks.length === 0) return <>none</>;
  const shown = failingChecks.slice(0, MAX_CHECKS_SHOWN).map(c => c.title);
  const more = failingChecks.length - shown.length;
  return (
    <>
      <PostureStatus status={failingChecks[0].status}>
        {`${failingChecks.length} need${
          failingChecks.length === 1 ? 's' : ''
        } attention`}
      </PostureStatus>
      <Typography variant="caption" component="div" color="textSecondary">
        {shown.join(', ')}
        {more > 0 ? ` and ${more} more` : ''}
      </Typography>
    </>
  );
}

const COLUMNS: Array<{ title: string; sort?: OverviewSort }> = [
  { title: 'Entity', sort: 'name' },
  { title: 'Status', sort: 'status' },
  { title: 'Owner', sort: 'owner' },
  { title: 'System', sort: 'system' },
  { title: 'Tier', sort: 'tier' },
  { title: 'Last clean backup', sort: 'lastCleanBackupAt' },
  { title: 'Last drill', sort: 'lastDrillAt' },
  { title: 'Failing checks' },
];

/** One page of the overview: a row per entity, sortable by its headers. */
export function OverviewTable(props: {
  rows: EntityPostureSummary[];
  sort: OverviewSort;
  order: 'asc' | 'desc';
  loading: boolean;
  onSort: (sort: OverviewSort) => void;
  empty: ReactNode;
  footer: ReactNode;
  now?: number;
}) {
  const { rows, sort, order, loading, onSort, now = Date.now() } = props;
  const entityRoute = useRouteRef(entityRouteRef);
  const classes = useStyles();
  return (
    <TableContainer>
      <div style={{ height: 4 }}>
        {loading && <LinearProgress aria-label="Loading entities" />}
      </div>
      <Table
        size="small"
        aria-label="Entities by disaster-recovery posture"
        aria-busy={loading}
      >
        <TableHead>
          <TableRow>
            {COLUMNS.map(column => (
              <TableCell
                key={column.title}
                className={classes.nowrap}
                sortDirection={column.sort === sort ? order : false}
              >
                {column.sort ? (
                  <TableSortLabel
                    active={column.sort === sort}
                    direction={column.sort === sort ? order : 'asc'}
                    onClick={() => onSort(column.sort!)}
                  >
                    {column.title}
                  </TableSortLabel>
                ) : (
                  column.title
                )}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.length === 0 && !loading && (
            <TableRow>
              <TableCell colSpan={COLUMNS.length}>{props.empty}</TableCell>
            </TableRow>
          )}
          {rows.map(row => (
            <TableRow key={row.entityRef} hover>
              <TableCell className={classes.nowrap}>
                <Link
                  to={`${entityRoute({
                    kind: row.kind.toLocaleLowerCase('en-US'),
                    namespace: row.namespace.toLocaleLowerCase('en-US'),
                    name: row.name,
                  })}/disaster-recovery`}
                  title={row.entityRef}
                >
                  {row.title ?? row.name}
                </Link>
              </TableCell>
              <TableCell className={classes.nowrap}>
                <PostureStatus status={row.status} />
              </TableCell>
              <TableCell>{shortRef(row.owner)}</TableCell>
              <TableCell>{shortRef(row.system)}</TableCell>
              <TableCell>{row.tier ?? 'none'}</TableCell>
              <TableCell>
                <LastBackup row={row} now={now} />
              </TableCell>
              <TableCell>
                <LastDrill row={row} now={now} />
              </TableCell>
              <TableCell className={classes.checks}>
                <FailingChecks row={row} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {props.footer}
    </TableContainer>
  );
}
