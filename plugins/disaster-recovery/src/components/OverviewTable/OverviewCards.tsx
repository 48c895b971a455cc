import type { EntityPostureSummary } from '@dr-posture/plugin-disaster-recovery-common';
import FormControl from '@material-ui/core/FormControl';
import InputLabel from '@material-ui/core/InputLabel';
import LinearProgress from '@material-ui/core/LinearProgress';
import MenuItem from '@material-ui/core/MenuItem';
import Paper from '@material-ui/core/Paper';
import Select from '@material-ui/core/Select';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
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
  type OverviewRowsProps,
} from './OverviewCells';

const SORT_TITLES: Record<OverviewSort, string> = {
  status: 'Status',
  name: 'Name',
  tier: 'Tier',
  owner: 'Owner',
  system: 'System',
  lastCleanBackupAt: 'Last clean backup',
  lastDrillAt: 'Last drill',
};

const useStyles = makeStyles(theme => ({
  controls: {
    display: 'flex',
    gap: theme.spacing(2),
    margin: theme.spacing(2, 0),
  },
  list: { listStyle: 'none', margin: 0, padding: 0 },
  card: { padding: theme.spacing(1.5, 2), marginBottom: theme.spacing(1.5) },
  heading: {
    display: 'flex',
    justifyContent: 'space-between',
    gap: theme.spacing(1),
    margin: 0,
    fontSize: theme.typography.subtitle1.fontSize,
  },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr',
    gap: theme.spacing(0.5, 2),
    margin: theme.spacing(1, 0, 0),
    '& dd': { margin: 0, minWidth: 0, overflowWrap: 'anywhere' },
  },
}));

function Fact(props: { term: string; children: ReactNode }) {
  return (
    <>
      <Typography component="dt" variant="body2" color="textSecondary">
        {props.term}
      </Typography>
      <Typography component="dd" variant="body2">
        {props.children}
      </Typography>
    </>
  );
}

function EntityCard(props: { row: EntityPostureSummary; now: number }) {
  const { row, now } = props;
  const classes = useStyles();
  return (
    <Paper component="li" variant="outlined" className={classes.card}>
      <h3 className={classes.heading}>
        <EntityLink row={row} />
        <PostureStatus status={row.status} />
      </h3>
      <dl className={classes.facts}>
        <Fact term="Tier">{row.tier ?? 'none'}</Fact>
        <Fact term="Objectives">{objectivesLine(row)}</Fact>
        <Fact term="Owner">{shortEntityRef(row.owner)}</Fact>
        <Fact term="System">{shortEntityRef(row.system)}</Fact>
        <Fact term="Last clean backup">
          <LastBackup row={row} now={now} />
        </Fact>
        <Fact term="Last drill">
          <LastDrill row={row} now={now} />
        </Fact>
        <Fact term="Failing checks">
          <FailingChecks row={row} />
        </Fact>
      </dl>
    </Paper>
  );
}

/** The overview on a phone: a card per entity, sorted with a menu. */
export function OverviewCards(props: OverviewRowsProps) {
  const { rows, sort, order, loading, onSort, now = Date.now() } = props;
  const classes = useStyles();
  return (
    <>
      <div className={classes.controls}>
        <FormControl variant="outlined" size="small">
          <InputLabel id="overview-sort-label">Sort by</InputLabel>
          <Select
            labelId="overview-sort-label"
            id="overview-sort"
            label="Sort by"
            value={sort}
            onChange={event => onSort(event.target.value as OverviewSort)}
          >
            {Object.entries(SORT_TITLES).map(([value, title]) => (
              <MenuItem key={value} value={value}>
                {title}
              </MenuItem>
            ))}
          </Select>
        </FormControl>
        <FormControl variant="outlined" size="small">
          <InputLabel id="overview-order-label">Order</InputLabel>
          <Select
            labelId="overview-order-label"
            id="overview-order"
            label="Order"
            value={order}
            // Choosing the current sort again turns the order, as a header does.
            onChange={event => {
              if (event.target.value !== order) onSort(sort);
            }}
          >
            <MenuItem value="asc">Ascending</MenuItem>
            <MenuItem value="desc">Descending</MenuItem>
          </Select>
        </FormControl>
      </div>
      <div style={{ height: 4 }}>
        {loading && <LinearProgress aria-label="Loading entities" />}
      </div>
      {rows.length === 0 && !loading ? (
        props.empty
      ) : (
        <ul
          className={classes.list}
          aria-label="Entities by disaster-recovery posture"
          aria-busy={loading}
        >
          {rows.map(row => (
            <EntityCard key={row.entityRef} row={row} now={now} />
          ))}
        </ul>
      )}
      {props.footer}
    </>
  );
}
