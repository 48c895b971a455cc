import { ApiException } from '@kubernetes/client-node';
import { isRetryable, retryDelayMs, withRetries } from './retryPolicy';

const apiError = (code: number, headers: Record<string, string> = {}) =>
  new ApiException(code, `HTTP ${code}`, {}, headers);

describe('retryPolicy', () => {
  it.each([
    ['429 Too Many Requests', true, apiError(429)],
    ['503 Service Unavailable', true, apiError(503)],
    ['500 Internal Server Error', true, apiError(500)],
    ['401 Unauthorized', false, apiError(401)],
    ['403 Forbidden', false, apiError(403)],
    ['404 Not Found', false, apiError(404)],
    ['410 Expired', false, apiError(410)],
    [
      'a body that is not JSON',
      true,
      new SyntaxError('Unexpected token < in JSON'),
    ],
    [
      'a refused connection',
      true,
      Object.assign(new Error('connect ECONNREFUSED'), {
        code: 'ECONNREFUSED',
      }),
    ],
    ['a dropped body', true, new Error('Premature close')],
    [
      'our request timeout',
      true,
      new Error('Kubernetes API request timed out after 300 ms'),
    ],
    [
      'plain HTTP without skipTLSVerify',
      false,
      new Error(
        'HTTP protocol is not allowed when skipTLSVerify is not set or false',
      ),
    ],
  ])('%s → retryable: %s', (_case, expected, error) => {
    expect(isRetryable(error)).toBe(expected);
  });

  it('honours Retry-After and otherwise backs off exponentially', () => {
    expect(retryDelayMs(apiError(429, { 'retry-after': '2' }), 0)).toBe(2000);
    expect(retryDelayMs(apiError(503), 0)).toBe(250);
    expect(retryDelayMs(apiError(503), 3)).toBe(2000);
    expect(retryDelayMs(apiError(503), 20)).toBe(10_000);
  });

  it('retries until the deadline and then gives the last error', async () => {
    const sleep = jest.fn(async () => {});
    let calls = 0;
    const flaky = async () => {
      calls += 1;
      if (calls < 3) throw apiError(503);
      return 'listed';
    };
    await expect(withRetries(flaky, Date.now() + 60_000, sleep)).resolves.toBe(
      'listed',
    );
    expect(sleep).toHaveBeenCalledTimes(2);

    await expect(
      withRetries(
        async () => Promise.reject(apiError(503)),
        Date.now() + 100,
        sleep,
      ),
    ).rejects.toThrow('HTTP 503');
    await expect(
      withRetries(
        async () => Promise.reject(apiError(403)),
        Date.now() + 60_000,
        sleep,
      ),
    ).rejects.toThrow('HTTP 403');
  });
});
