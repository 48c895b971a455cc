import type { CheckStatus } from '@dr-posture/plugin-disaster-recovery-common';
import Checkbox from '@material-ui/core/Checkbox';
import FormControl from '@material-ui/core/FormControl';
import InputAdornment from '@material-ui/core/InputAdornment';
import InputLabel from '@material-ui/core/InputLabel';
import ListItemText from '@material-ui/core/ListItemText';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import TextField from '@material-ui/core/TextField';
import { makeStyles } from '@material-ui/core/styles';
import SearchIcon from '@material-ui/icons/Search';
import Autocomplete from '@material-ui/lab/Autocomplete';
import { shortEntityRef } from '../../overview/shortEntityRef';
import type { CatalogRefOption } from '../../overview/useCatalogRefOptions';
import type { OverviewFilters } from '../../overview/overviewView';
import { postureStatusLabel } from '../PostureStatus';

const STATUSES: CheckStatus[] = ['fail', 'warn', 'unknown', 'pass'];

const useStyles = makeStyles(theme => ({
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(2),
    alignItems: 'flex-start',
  },
  select: { minWidth: 140 },
  refs: { minWidth: 240 },
  search: { minWidth: 260, flexGrow: 1 },
}));

function MultiSelect(props: {
  id: string;
  label: string;
  options: Array<{ value: string; label: string }>;
  selected: string[];
  onChange: (selected: string[]) => void;
}) {
  const classes = useStyles();
  const { id, label, options, selected, onChange } = props;
  const labelOf = (value: string) =>
    options.find(o => o.value === value)?.label ?? value;
  return (
    <FormControl variant="outlined" size="small" className={classes.select}>
      <InputLabel id={`${id}-label`}>{label}</InputLabel>
      <Select
        labelId={`${id}-label`}
        id={id}
        multiple
        value={selected}
        label={label}
        onChange={event => onChange(event.target.value as string[])}
        renderValue={value => (value as string[]).map(labelOf).join(', ')}
      >
        {options.map(option => (
          <MenuItem key={option.value} value={option.value}>
            <Checkbox checked={selected.includes(option.value)} />
            <ListItemText primary={option.label} />
          </MenuItem>
        ))}
      </Select>
    </FormControl>
  );
}

function RefFilter(props: {
  id: string;
  label: string;
  options: CatalogRefOption[];
  selected: string[];
  onChange: (selected: string[]) => void;
}) {
  const classes = useStyles();
  const labels = new Map(props.options.map(o => [o.ref, o.label]));
  return (
    <Autocomplete
      id={props.id}
      className={classes.refs}
      multiple
      // A ref the catalog does not hold (an owner that was removed) can still be typed.
      freeSolo
      size="small"
      options={props.options.map(o => o.ref)}
      getOptionLabel={ref => labels.get(ref) ?? shortEntityRef(ref)}
      value={props.selected}
      onChange={(_, value) => props.onChange(value as string[])}
      renderInput={params => (
        <TextField
          {...params}
          variant="outlined"
          label={props.label}
          placeholder="name or ref"
        />
      )}
    />
  );
}

/** The filters of the overview table: tier, status, owner, system and search. */
export function OverviewFilterBar(props: {
  filters: OverviewFilters;
  /** The search text as typed; it reaches the filters after a pause. */
  searchText: string;
  tiers: string[];
  /** Owners (groups and users) to offer, from the catalog. */
  owners: CatalogRefOption[];
  /** Systems to offer, from the catalog. */
  systems: CatalogRefOption[];
  onSearchTextChange: (text: string) => void;
  onChange: (filters: OverviewFilters) => void;
}) {
  const classes = useStyles();
  const { filters, onChange } = props;
  return (
    <div className={classes.bar} role="search" aria-label="Filter entities">
      <TextField
        id="overview-search"
        className={classes.search}
        variant="outlined"
        size="small"
        label="Search name, title, owner or system"
        value={props.searchText}
        onChange={event => props.onSearchTextChange(event.target.value)}
        InputProps={{
          startAdornment: (
            <InputAdornment position="start">
              <SearchIcon />
            </InputAdornment>
          ),
        }}
      />
      <MultiSelect
        id="overview-tier"
        label="Tier"
        options={props.tiers.map(tier => ({
          value: tier,
          label: tier === 'none' ? 'No tier' : `Tier ${tier}`,
        }))}
        selected={filters.tier}
        onChange={tier => onChange({ ...filters, tier })}
      />
      <MultiSelect
        id="overview-status"
        label="Status"
        options={STATUSES.map(status => ({
          value: status,
          label: postureStatusLabel(status),
        }))}
        selected={filters.status}
        onChange={status =>
          onChange({ ...filters, status: status as CheckStatus[] })
        }
      />
      <RefFilter
        id="overview-owner"
        label="Owner"
        options={props.owners}
        selected={filters.owner}
        onChange={owner => onChange({ ...filters, owner })}
      />
      <RefFilter
        id="overview-system"
        label="System"
        options={props.systems}
        selected={filters.system}
        onChange={system => onChange({ ...filters, system })}
      />
    </div>
  );
}
