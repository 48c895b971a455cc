import IconButton from '@material-ui/core/IconButton';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import ChevronLeft from '@material-ui/icons/ChevronLeft';
import ChevronRight from '@material-ui/icons/ChevronRight';

import { OVERVIEW_PAGE_SIZES as PAGE_SIZES } from '../../overview/overviewSearchParams';

const useStyles = makeStyles(theme => ({
  pager: {
    display: 'flex',
    justifyContent: 'flex-end',
    alignItems: 'center',
    gap: theme.spacing(2),
    padding: theme.spacing(1, 0),
  },
}));

/** Cursor paging: rows per page, where the page is, previous and next. */
export function OverviewPager(props: {
  page: number;
  pageSize: number;
  shown: number;
  totalItems: number;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
  onPageSizeChange: (size: number) => void;
}) {
  const classes = useStyles();
  const { page, pageSize, shown, totalItems } = props;
  const first = shown === 0 ? 0 : page * pageSize + 1;
  return (
    <div className={classes.pager}>
      <Typography
        variant="body2"
        component="label"
        id="overview-page-size-label"
      >
        Rows per page
      </Typography>
      <Select
        value={pageSize}
        onChange={event => props.onPageSizeChange(Number(event.target.value))}
        labelId="overview-page-size-label"
        // Named by its label and the size it shows, as the eye reads it.
        SelectDisplayProps={{ id: 'overview-page-size' }}
        disableUnderline
      >
        {PAGE_SIZES.map(size => (
          <MenuItem key={size} value={size}>
            {size}
          </MenuItem>
        ))}
      </Select>
      <Typography variant="body2" aria-live="polite">
        {first}–{page * pageSize + shown} of{' '}
        {totalItems.toLocaleString('en-US')}
      </Typography>
      <IconButton
        aria-label="Previous page"
        disabled={page === 0}
        onClick={props.onPrevious}
      >
        <ChevronLeft />
      </IconButton>
      <IconButton
        aria-label="Next page"
        disabled={!props.hasNext}
        onClick={props.onNext}
      >
        <ChevronRight />
      </IconButton>
    </div>
  );
}
