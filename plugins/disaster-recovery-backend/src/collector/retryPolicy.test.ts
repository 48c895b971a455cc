import { ApiException } from '@kubernetes/client-node';
import {
  isRetryable,
  retryAfterMs,
  retryDelayMs,
  withRetries,
} from './retryPolicy';

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

  const NOW = Date.parse('2026-12-01T10:00:00Z');

  it.each([
    ['0', 0],
    ['2', 2000],
    [' 120 ', 120_000],
    ['Tue, 01 Dec 2026 10:00:30 GMT', 30_000],
    // A date in the past asks for no wait.
    ['Tue, 01 Dec 2026 09:00:00 GMT', 0],
    ['-1', undefined],
    ['1.5', undefined],
    ['soon', undefined],
    ['2026-12-01', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('reads Retry-After %p as %p ms', (value, expected) => {
    expect(retryAfterMs(value, NOW)).toBe(expected);
  });

  const noJitter = { now: NOW, random: () => 0 };
  const fullJitter = { now: NOW, random: () => 0.999999 };

  it.each([
    // Never a tight loop: Retry-After 0 waits a second.
    ['0', noJitter, 1000],
    ['0', fullJitter, 1200],
    ['2', noJitter, 2000],
    ['2', fullJitter, 2400],
    // What the server asks is honoured up to the maximum, no further.
    ['45', noJitter, 45_000],
    ['59', fullJitter, 60_000],
    ['3600', noJitter, 60_000],
    ['3600', { ...noJitter, maxDelayMs: 120_000 }, 120_000],
    ['Tue, 01 Dec 2026 10:00:30 GMT', noJitter, 30_000],
    ['Tue, 01 Dec 2026 09:00:00 GMT', noJitter, 1000],
  ])('waits for Retry-After %p (%o) %d ms', (value, options, expected) => {
    expect(
      retryDelayMs(apiError(429, { 'Retry-After': value }), 0, options),
    ).toBe(expected);
  });

  it('backs off exponentially with full jitter without Retry-After', () => {
    expect(retryDelayMs(apiError(503), 0, fullJitter)).toBe(250);
    expect(retryDelayMs(apiError(503), 3, fullJitter)).toBe(2000);
    expect(
      retryDelayMs(apiError(503), 3, { now: NOW, random: () => 0.5 }),
    ).toBe(1000);
    expect(retryDelayMs(apiError(503), 3, noJitter)).toBe(250);
    expect(retryDelayMs(apiError(503), 30, fullJitter)).toBe(60_000);
  });

  it('retries until the deadline and then gives the last error', async () => {
    const sleep = jest.fn(async () => {});
    let calls = 0;
    const flaky = async () => {
      calls += 1;
      if (calls < 3) throw apiError(503);
      return 'listed';
    };
    await expect(
      withRetries(flaky, { deadline: Date.now() + 60_000, sleep }),
    ).resolves.toBe('listed');
    expect(sleep).toHaveBeenCalledTimes(2);

    await expect(
      withRetries(async () => Promise.reject(apiError(503)), {
        deadline: Date.now() + 100,
        sleep,
      }),
    ).rejects.toThrow('HTTP 503');
    await expect(
      withRetries(async () => Promise.reject(apiError(403)), {
        deadline: Date.now() + 60_000,
        sleep,
      }),
    ).rejects.toThrow('HTTP 403');
  });

  it('gives the error before an attempt the deadline cut short', async () => {
    const deadline = Date.now() + 1_000;
    let calls = 0;
    const request = async () => {
      calls += 1;
      if (calls === 1) throw apiError(500);
      // The second attempt had only what was left of the budget.
      jest.spyOn(Date, 'now').mockReturnValue(deadline);
      throw new Error('Kubernetes API request timed out after 1 ms');
    };
    try {
      await expect(
        withRetries(request, { deadline, sleep: async () => {} }),
      ).rejects.toThrow('HTTP 500');
      expect(calls).toBe(2);
    } finally {
      jest.restoreAllMocks();
    }
  });

  it('gives up when the wait Retry-After asks for would pass the deadline', async () => {
    const sleep = jest.fn(async () => {});
    await expect(
      withRetries(
        async () => Promise.reject(apiError(429, { 'retry-after': '30' })),
        { deadline: Date.now() + 10_000, sleep },
      ),
    ).rejects.toThrow('HTTP 429');
    expect(sleep).not.toHaveBeenCalled();
  });
});
