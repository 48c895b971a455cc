import type { Entity } from '@backstage/catalog-model';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import type {
  EstateHistoryQuery,
  OverviewQuery,
} from '@dr-posture/plugin-disaster-recovery-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation, useNavigate } from 'react-router-dom';
import type { DisasterRecoveryApi } from '../../api';
import { estateHistory } from '../../__testUtils__/estateHistory';
import { overviewPage } from '../../__testUtils__/fixtures';
import {
  mockDisasterRecoveryApi,
  renderWithApi,
} from '../../__testUtils__/renderWithApi';
import { OverviewTab } from './OverviewTab';

/** The browser's back button and the address bar's search. */
function Browser() {
  const navigate = useNavigate();
  const location = useLocation();
  return (
    <>
      <button type="button" onClick={() => navigate(-1)}>
        Browser back
      </button>
      <output aria-label="Address">{location.search}</output>
    </>
  );
}

const teamA: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'team-a', namespace: 'default' },
  spec: { type: 'team', profile: { displayName: 'Payments Squad' } },
};

async function renderOverview(
  getOverview: DisasterRecoveryApi['getOverview'],
  options: { routeEntries?: string[]; catalogEntities?: Entity[] } = {},
) {
  await renderWithApi(
    <>
      <OverviewTab />
      <Browser />
    </>,
    {
      api: mockDisasterRecoveryApi({
        getOverview,
        getEstateHistory: estateHistory,
      }),
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      ...options,
    },
  );
}

function lastQuery(getOverview: jest.Mock): OverviewQuery {
  return getOverview.mock.calls.at(-1)![0];
}

/** Makes `useMediaQuery` see a viewport `width` px wide. */
function viewport(width: number) {
  window.matchMedia = jest.fn((query: string) => {
    const min = /min-width:\s*([\d.]+)px/.exec(query);
    const max = /max-width:\s*([\d.]+)px/.exec(query);
    const matches =
      (!min || width >= Number(min[1])) && (!max || width <= Number(max[1]));
    return {
      matches,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    };
  });
}

/** The table row of the entity linked as `name`. */
function rowOf(name: string) {
  return screen.getByRole('link', { name }).closest('tr')!;
}

/** The table's column headers, once it shows. */
async function columnHeaders() {
  return (await screen.findAllByRole('columnheader')).map(h => h.textContent);
}

describe('OverviewTab views', () => {
  const matchMedia = window.matchMedia;
  afterEach(() => {
    window.matchMedia = matchMedia;
  });

  it('opens the view a link names', async () => {
    const getOverview = jest.fn(async () => overviewPage(3));
    await renderOverview(getOverview, {
      routeEntries: [
        '/?tier=1&status=fail&owner=group%3Adefault%2Fteam-a&q=pay&sort=lastCleanBackupAt&order=asc&pageSize=25&cursor=c2',
      ],
      catalogEntities: [teamA],
    });

    await waitFor(() =>
      expect(getOverview).toHaveBeenCalledWith({
        tier: ['1'],
        status: ['fail'],
        owner: ['group:default/team-a'],
        system: [],
        q: 'pay',
        sort: 'lastCleanBackupAt',
        order: 'asc',
        cursor: 'c2',
        limit: 25,
      }),
    );
    expect(
      screen.getByLabelText('Search name, title, owner or system'),
    ).toHaveValue('pay');
    expect(
      await screen.findByText(
        'Filtered: counting only entities with tier 1; status Failing; owner Payments Squad (team-a); search "pay"',
      ),
    ).toBeVisible();
  });

  it('shows the share of each tier within RPO over 90 days', async () => {
    const history = jest.fn(async (_: EstateHistoryQuery) => estateHistory());
    await renderWithApi(<OverviewTab />, {
      api: mockDisasterRecoveryApi({
        getOverview: async () => overviewPage(1),
        getEstateHistory: history,
      }),
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    });

    expect(
      await screen.findByText('Within RPO over the period: Tier 1 75 %.'),
    ).toBeVisible();
    const from = Date.parse(history.mock.calls[0][0].from!);
    expect(Math.round((Date.now() - from) / 86_400_000)).toBeGreaterThanOrEqual(
      89,
    );
    expect(Math.round((Date.now() - from) / 86_400_000)).toBeLessThanOrEqual(
      90,
    );
  });

  it('keeps sort and page in the URL, and back returns to the view before', async () => {
    const getOverview = jest.fn(async ({ cursor }: OverviewQuery) =>
      cursor
        ? overviewPage(2, { offset: 25, totalItems: 27 })
        : overviewPage(2, { nextCursor: 'c2', totalItems: 27 }),
    );
    await renderOverview(getOverview, { routeEntries: ['/?pageSize=25'] });
    expect(await screen.findByText('The whole estate')).toBeVisible();

    await userEvent.click(
      await screen.findByRole('button', { name: 'Last drill' }),
    );
    await waitFor(() =>
      expect(screen.getByLabelText('Address')).toHaveTextContent(
        '?sort=lastDrillAt&order=asc&pageSize=25',
      ),
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'Next page' }),
    );
    expect(await screen.findByText('26–27 of 27')).toBeVisible();
    expect(screen.getByLabelText('Address')).toHaveTextContent(
      '?sort=lastDrillAt&order=asc&pageSize=25&cursor=c2',
    );

    await userEvent.click(screen.getByRole('button', { name: 'Browser back' }));
    expect(await screen.findByText('1–2 of 27')).toBeVisible();
    expect(lastQuery(getOverview)).toMatchObject({
      sort: 'lastDrillAt',
      cursor: undefined,
    });
    await userEvent.click(screen.getByRole('button', { name: 'Browser back' }));
    await waitFor(() =>
      expect(lastQuery(getOverview)).toMatchObject({
        sort: 'status',
        order: 'desc',
      }),
    );
    // Four navigations with their renders: slow on a busy 2-core machine.
  }, 90_000);

  it('finds an owner in the catalog by the display name', async () => {
    const getOverview = jest.fn(async () => overviewPage(3));
    await renderOverview(getOverview, { catalogEntities: [teamA] });

    await userEvent.type(await screen.findByLabelText('Owner'), 'Squad');
    await userEvent.click(
      await screen.findByRole('option', { name: 'Payments Squad (team-a)' }),
    );

    await waitFor(() =>
      expect(lastQuery(getOverview)).toMatchObject({
        owner: ['group:default/team-a'],
      }),
    );
    expect(screen.getByLabelText('Address')).toHaveTextContent(
      '?owner=group%3Adefault%2Fteam-a',
    );
  });

  it('finds an owner by the ref the table shows', async () => {
    const getOverview = jest.fn(async () => overviewPage(3));
    await renderOverview(getOverview, { catalogEntities: [teamA] });

    await userEvent.type(await screen.findByLabelText('Owner'), 'team-a');

    expect(
      await screen.findByRole('option', { name: 'Payments Squad (team-a)' }),
    ).toBeVisible();
  });

  it('shows the RPO and RTO and every failing check on request at 1440 px', async () => {
    viewport(1440);
    const page = overviewPage(1);
    page.items[0].failingChecks = [
      { id: 'backup-freshness', status: 'fail', title: 'Backup freshness' },
      { id: 'drill-recency', status: 'warn', title: 'Drill recency' },
      { id: 'storage-321', status: 'warn', title: '3-2-1 copies' },
    ];
    await renderOverview(async () => page);

    const row = rowOf('Service 0');
    expect(within(row).getByText('15 min')).toBeVisible();
    expect(within(row).getByText('4 h')).toBeVisible();
    expect(within(row).queryByText('Drill recency')).not.toBeVisible();

    await userEvent.click(
      within(row).getByRole('button', {
        name: 'Show 2 more checks of Service 0',
      }),
    );

    expect(within(row).getByText('Drill recency')).toBeVisible();
    expect(within(row).getByText('3-2-1 copies')).toBeVisible();
  });

  const WIDE = ['RPO', 'RTO', 'Last clean backup', 'Last drill'];
  it.each<[number, string[], string[]]>([
    [
      1920,
      ['Entity', 'Status', 'Owner', 'System', 'Tier', ...WIDE],
      ['team-payments', 'commerce', '15 min', '4 h'],
    ],
    // Owner and system under the entity: ten columns overflow the card.
    [
      1440,
      ['Entity', 'Status', 'Tier', ...WIDE],
      ['team-payments · commerce', '15 min', '4 h'],
    ],
    // Tier and objectives under the status too.
    [
      1024,
      ['Entity', 'Status', 'Last clean backup', 'Last drill'],
      ['team-payments · commerce', 'Tier 1 · RPO 15 min · RTO 4 h'],
    ],
  ])(
    'lays the table out in columns at %i px',
    async (width, headers, texts) => {
      viewport(width);
      await renderOverview(async () => overviewPage(1));

      expect(await columnHeaders()).toEqual([...headers, 'Failing checks']);
      for (const text of texts) {
        expect(within(rowOf('Service 0')).getByText(text)).toBeVisible();
      }
    },
  );

  it('shows a card per entity at 390 px, sorted from a menu', async () => {
    viewport(390);
    const getOverview = jest.fn(async () => overviewPage(2));
    await renderOverview(getOverview);

    const list = await screen.findByRole('list', {
      name: 'Entities by disaster-recovery posture',
    });
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(within(list).getAllByRole('heading', { level: 3 })).toHaveLength(2);
    expect(within(list).getAllByText('RPO 15 min · RTO 4 h')).toHaveLength(2);

    await userEvent.click(screen.getByLabelText('Sort by'));
    await userEvent.click(
      await screen.findByRole('option', { name: 'Last clean backup' }),
    );

    await waitFor(() =>
      expect(lastQuery(getOverview)).toMatchObject({
        sort: 'lastCleanBackupAt',
        order: 'asc',
      }),
    );
  });
});
