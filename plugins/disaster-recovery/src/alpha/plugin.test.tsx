import { coreApis } from '@backstage/frontend-plugin-api';
import { renderTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { disasterRecoveryApiRef } from '../api';
import { emptyRestorePlan, overviewPage } from '../__testUtils__/fixtures';
import { mockDisasterRecoveryApi } from '../__testUtils__/renderWithApi';
import plugin from './plugin';

// The app loads the page and each sub-page lazily, and slowly in jsdom.
const LAZY = { timeout: 10_000 };

describe('the New Frontend System plugin', () => {
  it('shows the DR page under the framework header, one tab per sub-page', async () => {
    const rendered = renderTestApp({
      features: [plugin],
      initialRouteEntries: ['/disaster-recovery'],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      apis: [
        [
          disasterRecoveryApiRef,
          mockDisasterRecoveryApi({
            getOverview: async () => overviewPage(2),
            getRestorePlan: async () => emptyRestorePlan,
          }),
        ],
        [catalogApiRef, catalogApiMock()],
      ],
    });

    expect(await screen.findByText('1–2 of 2', undefined, LAZY)).toBeVisible();
    // Visually hidden behind the breadcrumbs, but the page's heading.
    expect(
      screen.getByRole('heading', { name: 'Disaster Recovery' }),
    ).toBeInTheDocument();
    const history = rendered.apis.get(coreApis.appHistory)!;
    const pathname = () => history.getSnapshot().location.pathname;
    // The page's own path goes to its first sub-page.
    await waitFor(() => expect(pathname()).toBe('/disaster-recovery/overview'));
    expect(screen.getAllByRole('tab').map(tab => tab.textContent)).toEqual([
      'Overview',
      'Restore plan',
      'Collection health',
    ]);

    await userEvent.click(screen.getByRole('tab', { name: 'Restore plan' }));
    expect(
      await screen.findByText('Restore order of the estate', undefined, LAZY),
    ).toBeVisible();
    expect(pathname()).toBe('/disaster-recovery/restore-plan');
  }, 30_000);
});
