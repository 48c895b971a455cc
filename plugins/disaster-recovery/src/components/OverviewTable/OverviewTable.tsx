import type { EntityPostureSummary } from '@dr-posture/plugin-disaster-recovery-common';
import LinearProgress from '@material-ui/core/LinearProgress';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableContainer from '@material-ui/core/TableContainer';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TableSortLabel from '@material-ui/core/TableSortLabel';
import { makeStyles, useTheme, type Theme } from '@material-ui/core/styles';
import useMediaQuery from '@material-ui/core/useMediaQuery';
import type { ReactNode } from 'react';
import type { OverviewSort } from '../../overview/overviewView';
import { shortEntityRef } from '../../overview/shortEntityRef';
import { PostureStatus } from '../PostureStatus';
import {
  EntityLink,
  FailingChecks,
  LastBackup,
  LastDrill,
  objectivesLine,
  objectiveText,
  TwoLines,
  type OverviewRowsProps,
} from './OverviewCells';
import { OverviewCards } from './OverviewCards';

/**
 * How much room the table has beside the sidebar: every column (`full`,
 * from 1920 px), owner and system under the entity (`wide`, e.g. at
 * 1440 px, where ten columns overflow the card), tier and objectives under
 * the status too, in narrower cells (`compact`, e.g. at 1024 px), or one
 * card per entity on a phone.
 */
export type OverviewLayout = 'full' | 'wide' | 'compact' | 'cards';

/** The layout for the viewport, from the theme's breakpoints. */
export function useOverviewLayout(): OverviewLayout {
  const theme = useTheme<Theme>();
  const full = useMediaQuery(theme.breakpoints.up('xl'));
  const wide = useMediaQuery(theme.breakpoints.up('lg'));
  const phone = useMediaQuery(theme.breakpoints.down('xs'));
  if (phone) return 'cards';
  if (full) return 'full';
  return wide ? 'wide' : 'compact';
}

const useStyles = makeStyles(theme => ({
  nowrap: { whiteSpace: 'nowrap' },
  checks: { minWidth: 160 },
  narrow: { padding: theme.spacing(0.75, 1), '&$checks': { minWidth: 120 } },
}));

interface Column {
  title: string;
  sort?: OverviewSort;
  layouts: OverviewLayout[];
  cell: (row: EntityPostureSummary, now: number) => ReactNode;
  /** A class of `useStyles` for the column's cells. */
  style?: 'nowrap' | 'checks';
}

const COLUMNS: Column[] = [
  {
    title: 'Entity',
    sort: 'name',
    layouts: ['full'],
    style: 'nowrap',
    cell: row => <EntityLink row={row} />,
  },
  {
    title: 'Entity',
    sort: 'name',
    layouts: ['wide', 'compact'],
    cell: row => (
      <TwoLines
        main={<EntityLink row={row} />}
        caption={`${shortEntityRef(row.owner)} · ${shortEntityRef(row.system)}`}
      />
    ),
  },
  {
    title: 'Status',
    sort: 'status',
    layouts: ['full', 'wide'],
    style: 'nowrap',
    cell: row => <PostureStatus status={row.status} />,
  },
  {
    title: 'Status',
    sort: 'status',
    layouts: ['compact'],
    cell: row => (
      <TwoLines
        main={<PostureStatus status={row.status} />}
        caption={`${
          row.tier ? `Tier ${row.tier}` : 'No tier'
        } · ${objectivesLine(row)}`}
      />
    ),
  },
  {
    title: 'Owner',
    sort: 'owner',
    layouts: ['full'],
    cell: row => shortEntityRef(row.owner),
  },
  {
    title: 'System',
    sort: 'system',
    layouts: ['full'],
    cell: row => shortEntityRef(row.system),
  },
  {
    title: 'Tier',
    sort: 'tier',
    layouts: ['full', 'wide'],
    cell: row => row.tier ?? 'none',
  },
  {
    title: 'RPO',
    layouts: ['full', 'wide'],
    style: 'nowrap',
    cell: row => objectiveText(row.rpoMs),
  },
  {
    title: 'RTO',
    layouts: ['full', 'wide'],
    style: 'nowrap',
    cell: row => objectiveText(row.rtoMs),
  },
  {
    title: 'Last clean backup',
    sort: 'lastCleanBackupAt',
    layouts: ['full', 'wide', 'compact'],
    cell: (row, now) => <LastBackup row={row} now={now} />,
  },
  {
    title: 'Last drill',
    sort: 'lastDrillAt',
    layouts: ['full', 'wide', 'compact'],
    cell: (row, now) => <LastDrill row={row} now={now} />,
  },
  {
    title: 'Failing checks',
    layouts: ['full', 'wide', 'compact'],
    style: 'checks',
    cell: row => <FailingChecks row={row} />,
  },
];

/**
 * One page of the overview: a row per entity, sortable by its headers, or
 * a card per entity on a phone.
 */
export function OverviewTable(props: OverviewRowsProps) {
  const layout = useOverviewLayout();
  const { rows, sort, order, loading, onSort, now = Date.now() } = props;
  const classes = useStyles();
  if (layout === 'cards') return <OverviewCards {...props} />;
  const columns = COLUMNS.filter(c => c.layouts.includes(layout));
  // Small cells pad 40 px across; beside the sidebar at 1024 px that is a column.
  const cellClass = layout === 'compact' ? classes.narrow : '';
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
            {columns.map(column => (
              <TableCell
                key={column.title}
                className={`${classes.nowrap} ${cellClass}`}
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
              <TableCell colSpan={columns.length}>{props.empty}</TableCell>
            </TableRow>
          )}
          {rows.map(row => (
            <TableRow key={row.entityRef} hover>
              {columns.map(column => (
                <TableCell
                  key={column.title}
                  className={`${
                    column.style ? classes[column.style] : ''
                  } ${cellClass}`}
                >
                  {column.cell(row, now)}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {props.footer}
    </TableContainer>
  );
}
