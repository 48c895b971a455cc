import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { emptyRestorePlan, overviewPage } from '../../__testUtils__/fixtures';
import {
  mockDisasterRecoveryApi,
  renderWithApi,
} from '../../__testUtils__/renderWithApi';
import { DisasterRecoveryPage } from './DisasterRecoveryPage';

describe('DisasterRecoveryPage', () => {
  it('opens on the overview and switches to the other views', async () => {
    await renderWithApi(<DisasterRecoveryPage />, {
      api: mockDisasterRecoveryApi({
        getOverview: async () => overviewPage(2),
        getRestorePlan: async () => emptyRestorePlan,
        getClusters: async () => ({ items: [] }),
      }),
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    });

    expect(
      screen.getByRole('heading', { name: 'Disaster Recovery' }),
    ).toBeVisible();
    expect(await screen.findByText('1–2 of 2')).toBeVisible();
    // The page's own path goes to the first tab, as in the New Frontend System.
    expect(screen.getByRole('tab', { name: 'Overview' })).toHaveAttribute(
      'aria-selected',
      'true',
    );

    await userEvent.click(screen.getByRole('tab', { name: 'Restore plan' }));
    expect(
      await screen.findByText('Restore order of the estate'),
    ).toBeVisible();
    expect(screen.getByRole('tab', { name: 'Restore plan' })).toHaveAttribute(
      'aria-selected',
      'true',
    );

    await userEvent.click(
      screen.getByRole('tab', { name: 'Collection health' }),
    );
    expect(
      await screen.findByText(/No cluster has been collected yet/),
    ).toBeVisible();
  });
});
