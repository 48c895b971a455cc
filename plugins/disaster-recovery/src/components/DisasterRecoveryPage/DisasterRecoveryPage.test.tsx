import { ResponseError } from '@backstage/errors';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { disasterRecoveryApiRef, type DisasterRecoveryApi } from '../../api';
import { DisasterRecoveryPage } from './DisasterRecoveryPage';

async function renderWith(api: DisasterRecoveryApi) {
  await renderInTestApp(
    <TestApiProvider apis={[[disasterRecoveryApiRef, api]]}>
      <DisasterRecoveryPage />
    </TestApiProvider>,
  );
}

describe('DisasterRecoveryPage', () => {
  it('reports a reachable backend', async () => {
    await renderWith({
      getHealth: async () => ({ status: 'ok', sources: [] }),
    });

    expect(
      await screen.findByText('Backend reachable (ok)'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { name: 'Disaster Recovery' }),
    ).toBeInTheDocument();
  });

  it('shows the backend error when it is unreachable', async () => {
    const response = new Response(
      JSON.stringify({
        error: {
          name: 'ServiceUnavailableError',
          message: 'The plugin database is unreachable',
        },
        request: { method: 'GET', url: '/api/disaster-recovery/health' },
        response: { statusCode: 503 },
      }),
      { status: 503, headers: { 'Content-Type': 'application/json' } },
    );
    const error = await ResponseError.fromResponse(response);
    await renderWith({ getHealth: async () => Promise.reject(error) });

    expect(
      await screen.findByText(/Request failed with 503/),
    ).toBeInTheDocument();
  });
});
