import { entityRouteRef } from '@backstage/plugin-catalog-react';
import type { OverviewQuery } from '@dr-posture/plugin-disaster-recovery-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { DisasterRecoveryApi } from '../../api';
import { estateHistory } from '../../__testUtils__/estateHistory';
import { overviewPage } from '../../__testUtils__/fixtures';
import {
  mockDisasterRecoveryApi,
  renderWithApi,
  responseError,
} from '../../__testUtils__/renderWithApi';
import { OverviewTab } from './OverviewTab';

async function renderOverview(getOverview: DisasterRecoveryApi['getOverview']) {
  await renderWithApi(<OverviewTab />, {
    api: mockDisasterRecoveryApi({
      getOverview,
      getEstateHistory: estateHistory,
    }),
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  });
}

function lastQuery(getOverview: jest.Mock): OverviewQuery {
  return getOverview.mock.calls.at(-1)![0];
}

describe('OverviewTab', () => {
  it('shows progress before the first page arrives', async () => {
    await renderOverview(() => new Promise(() => {}));

    expect(screen.getByLabelText('Loading entities')).toBeInTheDocument();
  });

  it('shows the first page with tiles, rows and where the page is', async () => {
    const getOverview = jest.fn(async () =>
      overviewPage(50, { nextCursor: 'c2', totalItems: 5000 }),
    );
    await renderOverview(getOverview);

    expect(await screen.findByText('1–50 of 5,000')).toBeVisible();
    expect(screen.getByText('5,000 matching')).toBeVisible();
    expect(screen.getByText('Tier 1')).toBeVisible();
    expect(screen.getByText('No tier')).toBeVisible();
    expect(screen.getAllByRole('row')).toHaveLength(51);
    const link = screen.getByRole('link', { name: 'Service 0' });
    expect(link).toHaveAttribute(
      'href',
      '/catalog/default/component/service-0/disaster-recovery',
    );
    const firstRow = link.closest('tr')!;
    expect(within(firstRow).getByText('Failing')).toBeVisible();
    expect(within(firstRow).getByText('Backup freshness')).toBeVisible();
    expect(getOverview).toHaveBeenCalledWith({
      tier: [],
      status: [],
      owner: [],
      system: [],
      q: undefined,
      sort: 'status',
      order: 'desc',
      cursor: undefined,
      limit: 50,
    });
  });

  it('pages forward and back with the server cursor', async () => {
    const getOverview = jest.fn(async ({ cursor }: OverviewQuery) =>
      cursor
        ? overviewPage(50, { offset: 50, totalItems: 100 })
        : overviewPage(50, { nextCursor: 'c2', totalItems: 100 }),
    );
    await renderOverview(getOverview);

    await userEvent.click(
      await screen.findByRole('button', { name: 'Next page' }),
    );
    expect(await screen.findByText('51–100 of 100')).toBeVisible();
    expect(lastQuery(getOverview).cursor).toBe('c2');
    expect(screen.getByRole('button', { name: 'Next page' })).toBeDisabled();

    await userEvent.click(
      screen.getByRole('button', { name: 'Previous page' }),
    );
    expect(await screen.findByText('1–50 of 100')).toBeVisible();
    expect(lastQuery(getOverview).cursor).toBeUndefined();
  });

  it('sorts on the server by the clicked column', async () => {
    const getOverview = jest.fn(async () => overviewPage(3));
    await renderOverview(getOverview);

    await userEvent.click(
      await screen.findByRole('button', { name: 'Last drill' }),
    );
    await waitFor(() =>
      expect(lastQuery(getOverview)).toMatchObject({
        sort: 'lastDrillAt',
        order: 'asc',
      }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Last drill' }));
    await waitFor(() =>
      expect(lastQuery(getOverview)).toMatchObject({
        sort: 'lastDrillAt',
        order: 'desc',
      }),
    );
  });

  it('filters by tier and status from a tile', async () => {
    const getOverview = jest.fn(async () => overviewPage(3));
    await renderOverview(getOverview);

    await userEvent.click(
      await screen.findByRole('button', {
        name: '3 failing in Tier 1: show them',
      }),
    );

    await waitFor(() =>
      expect(lastQuery(getOverview)).toMatchObject({
        tier: ['1'],
        status: ['fail'],
        cursor: undefined,
      }),
    );
  });

  it('filters by tier from the tier filter', async () => {
    const getOverview = jest.fn(async () => overviewPage(3));
    await renderOverview(getOverview);

    await userEvent.click(await screen.findByLabelText('Tier'));
    await userEvent.click(
      await screen.findByRole('option', { name: 'Tier 2' }),
    );

    await waitFor(() =>
      expect(lastQuery(getOverview)).toMatchObject({ tier: ['2'] }),
    );
  });

  it('searches on the server after typing stops', async () => {
    const getOverview = jest.fn(async (_: OverviewQuery) => overviewPage(3));
    await renderOverview(getOverview);

    await userEvent.type(
      await screen.findByLabelText('Search name, title, owner or system'),
      'pay',
    );

    await waitFor(() => expect(lastQuery(getOverview).q).toBe('pay'));
    expect(
      getOverview.mock.calls.filter(([query]) => query.q === 'p'),
    ).toHaveLength(0);
  });

  it('offers to clear filters when nothing matches', async () => {
    const getOverview = jest.fn(async ({ status }: OverviewQuery) =>
      status?.length ? overviewPage(0) : overviewPage(3),
    );
    await renderOverview(getOverview);

    await userEvent.click(
      await screen.findByRole('button', {
        name: '3 failing in Tier 1: show them',
      }),
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'Clear filters' }),
    );

    await waitFor(() => expect(lastQuery(getOverview).status).toEqual([]));
  });

  it('explains an empty estate', async () => {
    await renderOverview(async () => ({ ...overviewPage(0), summary: {} }));

    expect(
      await screen.findByText(/No entity has disaster-recovery data yet/),
    ).toBeVisible();
  });

  it('shows errors', async () => {
    await renderOverview(async () => {
      throw await responseError(500, 'query failed');
    });

    expect(await screen.findByText(/Request failed with 500/)).toBeVisible();
  });

  it('exports every page of the current view as CSV', async () => {
    const getOverview = jest.fn(async ({ cursor, limit }: OverviewQuery) => {
      if (limit === 500) {
        return cursor
          ? overviewPage(1, { offset: 500, totalItems: 501 })
          : overviewPage(500, { nextCursor: 'e2', totalItems: 501 });
      }
      return overviewPage(50, { nextCursor: 'c2', totalItems: 501 });
    });
    const createObjectURL = jest.fn((_: Blob) => 'blob:csv');
    URL.createObjectURL = createObjectURL;
    URL.revokeObjectURL = jest.fn();
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => {});
    await renderOverview(getOverview);

    await userEvent.click(
      await screen.findByRole('button', { name: 'Export CSV' }),
    );

    await waitFor(() => expect(click).toHaveBeenCalled());
    const csv = await createObjectURL.mock.calls[0][0].text();
    expect(csv.trim().split('\r\n')).toHaveLength(502);
    expect(getOverview).toHaveBeenCalledWith(
      expect.objectContaining({ cursor: 'e2', limit: 500, sort: 'status' }),
    );
  });
});
