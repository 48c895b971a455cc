import { ConfigReader } from '@backstage/config';
import {
  DEFAULT_STALE_AFTER_MS,
  durationMs,
  readCollectionOptions,
  runTimeout,
  staleAfterMs,
} from './readCollectionOptions';
import { watchSettingsOf } from './scheduleCollection';

const MINUTE = 60_000;

function optionsOf(collection: object) {
  return readCollectionOptions(
    new ConfigReader({ disasterRecovery: { collection } }),
  );
}

describe('staleness limit of collection', () => {
  it.each<[string, object, number]>([
    ['defaults: 3 intervals of 5 minutes', {}, 15 * MINUTE],
    ['2 intervals', { staleAfterIntervals: 2 }, 10 * MINUTE],
    [
      'intervals of the configured frequency',
      { frequency: { minutes: 30 } },
      90 * MINUTE,
    ],
    ['exactly 1 interval', { staleAfterIntervals: 1 }, 5 * MINUTE],
  ])('%s', (_case, collection, expected) => {
    expect(staleAfterMs(optionsOf(collection))).toBe(expected);
  });

  it('is the same default without any config', () => {
    expect(staleAfterMs(readCollectionOptions(new ConfigReader({})))).toBe(
      DEFAULT_STALE_AFTER_MS,
    );
    expect(DEFAULT_STALE_AFTER_MS).toBe(15 * MINUTE);
  });

  it.each([0, 0.99, -1])('refuses %p intervals, naming the key', value => {
    expect(() => optionsOf({ staleAfterIntervals: value })).toThrow(
      `disasterRecovery.collection.staleAfterIntervals must be at least 1, got ${value}`,
    );
  });
});

describe('collection mode and watch settings', () => {
  it('watches by default, with an hourly relist and a three-minute stall timeout', () => {
    const options = readCollectionOptions(new ConfigReader({}));
    expect(options.mode).toBe('watch');
    expect(watchSettingsOf(options)).toEqual({
      relistAfterMs: 60 * MINUTE,
      stallTimeoutMs: 3 * MINUTE,
      watchTimeoutSeconds: 1_800,
      batchMaxEvents: 200,
      batchMaxDelayMs: 1_000,
      checkpointMs: 90_000,
    });
  });

  it.each<[string, object, number]>([
    ['a watch run holds its cluster for 30 minutes', {}, 30 * MINUTE],
    ['as long as configured', { watch: { holdFor: '1h' } }, 60 * MINUTE],
    [
      'a poll run lasts its timeout',
      { mode: 'poll', watch: { holdFor: '1h' } },
      4 * MINUTE,
    ],
  ])('times a run out: %s', (_case, collection, expected) => {
    expect(durationMs(runTimeout(optionsOf(collection)))).toBe(expected);
  });

  it('reads poll mode and the watch keys', () => {
    expect(optionsOf({ mode: 'poll' }).mode).toBe('poll');
    const settings = watchSettingsOf(
      optionsOf({
        watch: {
          holdFor: '10m',
          relistFrequency: '30m',
          stallTimeout: { seconds: 20 },
          batchDelay: { milliseconds: 250 },
          batchSize: 50,
        },
      }),
    );
    expect(settings).toMatchObject({
      relistAfterMs: 30 * MINUTE,
      watchTimeoutSeconds: 600,
      stallTimeoutMs: 20_000,
      batchMaxEvents: 50,
      batchMaxDelayMs: 250,
      // A healthy watch is confirmed well within its stall timeout.
      checkpointMs: 10_000,
    });
  });

  it.each<[string, object, string]>([
    [
      'an unknown mode',
      { mode: 'stream' },
      'collection.mode must be watch or poll',
    ],
    ['a zero batch', { watch: { batchSize: 0 } }, 'collection.watch.batchSize'],
    [
      'a zero hold',
      { watch: { holdFor: '0s' } },
      'collection.watch.holdFor must be a positive duration',
    ],
    [
      'a hold longer than the relist interval',
      { watch: { holdFor: '2h' } },
      'collection.watch.holdFor must not be longer than collection.watch.relistFrequency',
    ],
    [
      'a zero stall timeout',
      { watch: { stallTimeout: { seconds: 0 } } },
      'collection.watch.stallTimeout must be a positive duration',
    ],
  ])('refuses %s, naming the key', (_case, collection, message) => {
    expect(() => optionsOf(collection)).toThrow(message);
  });
});
