import { mockApis } from '@backstage/test-utils';
import { DisasterRecoveryClient } from './DisasterRecoveryClient';

describe('DisasterRecoveryClient', () => {
  const discoveryApi = mockApis.discovery({ baseUrl: 'http://backstage:7007' });

  it('fetches /health from the plugin base URL', async () => {
    const fetch = jest.fn(
      async () =>
        new Response(JSON.stringify({ status: 'ok', sources: ['restic'] }), {
          headers: { 'Content-Type': 'application/json' },
        }),
    );
    const client = new DisasterRecoveryClient({
      discoveryApi,
      fetchApi: { fetch },
    });

    await expect(client.getHealth()).resolves.toEqual({
      status: 'ok',
      sources: ['restic'],
    });
    expect(fetch).toHaveBeenCalledWith(
      'http://backstage:7007/api/disaster-recovery/health',
    );
  });

  it('turns an error response into a ResponseError', async () => {
    const fetch = jest.fn(
      async () =>
        new Response(
          JSON.stringify({
            error: {
              name: 'ServiceUnavailableError',
              message: 'database down',
            },
            request: { method: 'GET', url: '/health' },
            response: { statusCode: 503 },
          }),
          { status: 503, headers: { 'Content-Type': 'application/json' } },
        ),
    );
    const client = new DisasterRecoveryClient({
      discoveryApi,
      fetchApi: { fetch },
    });

    await expect(client.getHealth()).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 503,
      body: { error: { message: 'database down' } },
    });
  });
});
