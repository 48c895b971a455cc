import { InfoCard, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import type { OverviewResponse } from '@dr-posture/plugin-disaster-recovery-common';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import GetAppIcon from '@material-ui/icons/GetApp';
import { useEffect, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useDebounce from 'react-use/esm/useDebounce';
import { disasterRecoveryApiRef } from '../../api';
import {
  downloadBlob,
  exportOverviewCsv,
} from '../../overview/exportOverviewCsv';
import {
  DEFAULT_OVERVIEW_VIEW,
  hasOverviewFilters,
  overviewQueryOf,
  type OverviewFilters,
  type OverviewSort,
  type OverviewView,
} from '../../overview/overviewView';
import { OverviewFilterBar } from '../OverviewFilterBar';
import { OverviewSummaryTiles } from '../OverviewSummaryTiles';
import { OverviewTable } from '../OverviewTable';
import { OverviewPager } from './OverviewPager';

const SEARCH_DELAY_MS = 300;

function merged(known: string[], found: Array<string | undefined>): string[] {
  const all = new Set(known);
  for (const value of found) if (value) all.add(value);
  return all.size === known.length ? known : [...all].sort();
}

/**
 * Every visible entity's posture, a page at a time from the server: tiles per
 * tier and status, filters, search, sorting and CSV export of the current view.
 */
export function OverviewTab() {
  const api = useApi(disasterRecoveryApiRef);
  const [view, setView] = useState<OverviewView>(DEFAULT_OVERVIEW_VIEW);
  const [searchText, setSearchText] = useState('');
  /** The cursor of each page visited; the first page has none. */
  const [cursors, setCursors] = useState<Array<string | undefined>>([
    undefined,
  ]);
  const [known, setKnown] = useState({
    tiers: [] as string[],
    owners: [] as string[],
    systems: [] as string[],
  });
  const [lastPage, setLastPage] = useState<OverviewResponse>();
  const [exporting, setExporting] = useState<string>();
  const page = cursors.length - 1;

  const changeView = (next: OverviewView) => {
    setView(next);
    setCursors([undefined]);
  };
  const setFilters = (filters: OverviewFilters) =>
    changeView({ ...view, filters });

  useDebounce(
    () => {
      if (searchText !== view.filters.q) {
        setFilters({ ...view.filters, q: searchText });
      }
    },
    SEARCH_DELAY_MS,
    [searchText],
  );

  const current = useAsync(
    () =>
      api.getOverview({
        ...overviewQueryOf(view),
        cursor: cursors[page],
        limit: view.pageSize,
      }),
    [api, view, cursors],
  );

  useEffect(() => {
    const value = current.value;
    if (!value) return;
    setLastPage(value);
    setKnown(previous => ({
      tiers: merged(previous.tiers, Object.keys(value.summary)),
      owners: merged(
        previous.owners,
        value.items.map(i => i.owner),
      ),
      systems: merged(
        previous.systems,
        value.items.map(i => i.system),
      ),
    }));
  }, [current.value]);

  const onSort = (sort: OverviewSort) =>
    changeView({
      ...view,
      sort,
      order: view.sort === sort && view.order === 'asc' ? 'desc' : 'asc',
    });

  const onExport = async () => {
    setExporting('Exporting…');
    try {
      const blob = await exportOverviewCsv(
        api,
        overviewQueryOf(view),
        (done, total) => setExporting(`Exporting ${done} of ${total}…`),
      );
      downloadBlob(blob, 'disaster-recovery-overview.csv');
      setExporting(undefined);
    } catch (error) {
      setExporting(`Export failed: ${(error as Error).message}`);
    }
  };

  const data = current.value ?? lastPage;
  const filtered = hasOverviewFilters(view.filters);
  const empty = filtered ? (
    <Typography variant="body2">
      No entity matches these filters.{' '}
      <Button
        size="small"
        color="primary"
        onClick={() => {
          setSearchText('');
          setFilters(DEFAULT_OVERVIEW_VIEW.filters);
        }}
      >
        Clear filters
      </Button>
    </Typography>
  ) : (
    <Typography variant="body2">
      No entity has disaster-recovery data yet. Give services a{' '}
      <code>disaster-recovery/tier</code> annotation or map them to Kubernetes
      workloads, and check Collection health.
    </Typography>
  );

  return (
    <Grid container spacing={3}>
      {data && (
        <Grid item xs={12}>
          <OverviewSummaryTiles
            summary={data.summary}
            onSelect={(tier, status) =>
              setFilters({ ...view.filters, tier: [tier], status: [status] })
            }
          />
        </Grid>
      )}
      <Grid item xs={12}>
        <InfoCard
          title="Entities"
          subheader={
            data
              ? `${data.totalItems.toLocaleString('en-US')} matching`
              : undefined
          }
          action={
            <Button
              startIcon={<GetAppIcon />}
              onClick={onExport}
              disabled={!data || exporting?.startsWith('Exporting')}
            >
              Export CSV
            </Button>
          }
        >
          {exporting && (
            <Typography variant="body2" role="status" gutterBottom>
              {exporting}
            </Typography>
          )}
          <OverviewFilterBar
            filters={view.filters}
            searchText={searchText}
            tiers={known.tiers}
            owners={known.owners}
            systems={known.systems}
            onSearchTextChange={setSearchText}
            onChange={setFilters}
          />
          {current.error ? (
            <ResponseErrorPanel error={current.error} />
          ) : (
            <OverviewTable
              rows={data?.items ?? []}
              sort={view.sort}
              order={view.order}
              loading={current.loading}
              onSort={onSort}
              empty={empty}
              footer={
                data && (
                  <OverviewPager
                    page={page}
                    pageSize={view.pageSize}
                    shown={data.items.length}
                    totalItems={data.totalItems}
                    hasNext={Boolean(current.value?.nextCursor)}
                    onPrevious={() => setCursors(cursors.slice(0, -1))}
                    onNext={() =>
                      setCursors([...cursors, current.value!.nextCursor])
                    }
                    onPageSizeChange={pageSize =>
                      changeView({ ...view, pageSize })
                    }
                  />
                )
              }
            />
          )}
        </InfoCard>
      </Grid>
    </Grid>
  );
}
