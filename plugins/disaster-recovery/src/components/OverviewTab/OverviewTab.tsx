import { InfoCard, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import type { OverviewResponse } from '@dr-posture/plugin-disaster-recovery-common';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import GetAppIcon from '@material-ui/icons/GetApp';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import useDebounce from 'react-use/esm/useDebounce';
import { disasterRecoveryApiRef } from '../../api';
import { usePostureSignal } from '../../signals';
import {
  downloadBlob,
  exportOverviewCsv,
} from '../../overview/exportOverviewCsv';
import {
  overviewLocationOf,
  overviewSearchParamsOf,
} from '../../overview/overviewSearchParams';
import {
  DEFAULT_OVERVIEW_VIEW,
  describeOverviewFilters,
  hasOverviewFilters,
  overviewQueryOf,
  type OverviewFilters,
  type OverviewSort,
  type OverviewView,
} from '../../overview/overviewView';
import { useCatalogRefOptions } from '../../overview/useCatalogRefOptions';
import { EstateRpoTrend } from '../EstateRpoTrend';
import { OverviewFilterBar } from '../OverviewFilterBar';
import { OverviewSummaryTiles } from '../OverviewSummaryTiles';
import { postureStatusLabel } from '../PostureStatus';
import { OverviewTable } from '../OverviewTable';
import { OverviewPager } from './OverviewPager';

const SEARCH_DELAY_MS = 300;

const OWNER_KINDS = ['Group', 'User'];
const SYSTEM_KINDS = ['System'];

function mergedTiers(known: string[], found: string[]): string[] {
  const all = new Set([...known, ...found]);
  return all.size === known.length ? known : [...all].sort();
}

/**
 * Every visible entity's posture, a page at a time from the server: tiles per
 * tier and status, filters, search, sorting and CSV export of the current view.
 * The view and the page live in the URL, so that a link shows what its
 * sender saw and the browser's back and forward buttons step through views.
 */
export function OverviewTab() {
  const api = useApi(disasterRecoveryApiRef);
  const [searchParams, setSearchParams] = useSearchParams();
  const { view, cursors } = overviewLocationOf(searchParams);
  const [searchText, setSearchText] = useState(view.filters.q);
  const [tiers, setTiers] = useState<string[]>([]);
  const owners = useCatalogRefOptions(OWNER_KINDS);
  const systems = useCatalogRefOptions(SYSTEM_KINDS);
  const [lastPage, setLastPage] = useState<OverviewResponse>();
  const [exporting, setExporting] = useState<string>();
  const page = cursors.length;
  const queryKey = searchParams.toString();

  const navigate = (
    next: OverviewView,
    nextCursors: string[],
    options?: { replace?: boolean },
  ) =>
    setSearchParams(
      overviewSearchParamsOf({ view: next, cursors: nextCursors }),
      options,
    );
  const changeView = (next: OverviewView) => navigate(next, []);
  const setFilters = (filters: OverviewFilters) =>
    changeView({ ...view, filters });

  // Back and forward change the URL's search under the text field.
  useEffect(() => setSearchText(view.filters.q), [view.filters.q]);

  useDebounce(
    () => {
      if (searchText !== view.filters.q) {
        // Typing replaces the entry: back goes to the view before the search.
        navigate({ ...view, filters: { ...view.filters, q: searchText } }, [], {
          replace: searchParams.has('q'),
        });
      }
    },
    SEARCH_DELAY_MS,
    [searchText],
  );

  // Refetched when the backend signals that some posture changed.
  const changed = usePostureSignal();
  const current = useAsync(
    () =>
      api.getOverview({
        ...overviewQueryOf(view),
        cursor: cursors.at(-1),
        limit: view.pageSize,
      }),
    // The URL's search stands for the view and the page.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, queryKey, changed],
  );

  useEffect(() => {
    const value = current.value;
    if (!value) return;
    setLastPage(value);
    setTiers(previous => mergedTiers(previous, Object.keys(value.summary)));
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
            filteredBy={
              filtered
                ? describeOverviewFilters(view.filters, {
                    status: postureStatusLabel,
                    ref: ref =>
                      [...owners, ...systems].find(o => o.ref === ref)?.label ??
                      ref,
                  })
                : undefined
            }
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
            tiers={tiers}
            owners={owners}
            systems={systems}
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
                    onPrevious={() => navigate(view, cursors.slice(0, -1))}
                    onNext={() =>
                      navigate(view, [...cursors, current.value!.nextCursor!])
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
      <Grid item xs={12}>
        <EstateRpoTrend />
      </Grid>
    </Grid>
  );
}
