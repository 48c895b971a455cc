import { clusterStaleSince } from './clusterStaleSince';

const NOW = new Date('2026-11-21T12:00:00.000Z');
const MINUTE = 60_000;
const ago = (ms: number) => new Date(NOW.getTime() - ms).toISOString();
// Three intervals of the default five-minute collection.
const STALE_AFTER = 15 * MINUTE;

describe('clusterStaleSince', () => {
  it.each<[string, string | undefined, string | undefined]>([
    ['succeeded a minute ago', ago(MINUTE), undefined],
    ['last success exactly at the limit', ago(STALE_AFTER), undefined],
    ['last success one millisecond over', ago(STALE_AFTER + 1), ago(1)],
    [
      'last success an hour ago',
      ago(60 * MINUTE),
      ago(60 * MINUTE - STALE_AFTER),
    ],
    ['never succeeded', undefined, ago(2 * MINUTE)],
  ])('%s', (_case, lastSuccessAt, expected) => {
    expect(
      clusterStaleSince({
        lastSuccessAt,
        firstSeenAt: ago(2 * MINUTE),
        now: NOW,
        staleAfterMs: STALE_AFTER,
      }),
    ).toBe(expected);
  });
});
