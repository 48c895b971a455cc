import type { Entity } from '@backstage/catalog-model';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { screen, waitFor, within } from '@testing-library/react';
import { healthyPosture, overviewPage } from '../../__testUtils__/fixtures';
import {
  mockDisasterRecoveryApi,
  renderWithApi,
} from '../../__testUtils__/renderWithApi';
import {
  EntityTeamDisasterRecoveryCard,
  teamOwnerRefsOf,
} from './EntityTeamDisasterRecoveryCard';

const team: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'team-a', namespace: 'default' },
  spec: { type: 'team', children: [] },
};

const user: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name: 'jane', namespace: 'default' },
  spec: {},
  relations: [
    { type: 'memberOf', targetRef: 'group:default/team-a' },
    { type: 'ownerOf', targetRef: 'component:default/x' },
  ],
};

describe('teamOwnerRefsOf', () => {
  it.each([
    [team, ['group:default/team-a']],
    [user, ['user:default/jane', 'group:default/team-a']],
  ])('%#: the refs whose services the page lists', (entity, refs) => {
    expect(teamOwnerRefsOf(entity)).toEqual(refs);
  });
});

describe('EntityTeamDisasterRecoveryCard', () => {
  it("lists the team's services worst first with their verdicts", async () => {
    const getOverview = jest.fn(async () =>
      overviewPage(2, { totalItems: 30 }),
    );
    const getEntityPosture = jest.fn(async () => healthyPosture);
    await renderWithApi(<EntityTeamDisasterRecoveryCard />, {
      api: mockDisasterRecoveryApi({ getOverview, getEntityPosture }),
      entity: team,
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    });

    const table = await screen.findByRole('table', {
      name: 'Services of the team by verdict',
    });
    expect(getOverview).toHaveBeenCalledWith({
      owner: ['group:default/team-a'],
      sort: 'status',
      order: 'desc',
      limit: 20,
    });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map(r => within(r).getByRole('link').textContent)).toEqual([
      'Service 0',
      'Service 1',
    ]);
    await waitFor(() =>
      expect(within(rows[0]).getAllByText('Yes').length).toBeGreaterThan(0),
    );
    expect(screen.getByText(/The 2 worst of 30 services/)).toBeVisible();
  });

  it('says when the team owns nothing with DR data', async () => {
    await renderWithApi(<EntityTeamDisasterRecoveryCard />, {
      api: mockDisasterRecoveryApi({
        getOverview: async () => overviewPage(0),
      }),
      entity: team,
    });

    expect(
      await screen.findByText(
        'The team owns no service with disaster-recovery data.',
      ),
    ).toBeVisible();
  });
});
