import { ConfigReader } from '@backstage/config';
import type { JsonObject } from '@backstage/types';
import { readPostureOptions } from './readPostureOptions';

const posture = (values: JsonObject) =>
  new ConfigReader({ disasterRecovery: { posture: values } });

describe('readPostureOptions', () => {
  it('leaves everything to the rules without config', () => {
    expect(readPostureOptions(new ConfigReader({}))).toEqual({});
    expect(readPostureOptions(posture({ evaluationFrequency: '1m' }))).toEqual(
      {},
    );
  });

  it('reads the storage validation thresholds and the schedule grace', () => {
    expect(
      readPostureOptions(
        posture({
          scheduleGrace: { minutes: 30 },
          storageValidationWarnAfter: { hours: 2 },
          storageValidationFailAfter: { hours: 48 },
          freshnessWarnShare: 0.9,
          immutableCopyTiers: ['1', '2'],
        }),
      ),
    ).toEqual({
      freshnessWarnShare: 0.9,
      immutableCopyTiers: ['1', '2'],
      scheduleGraceMs: 30 * 60_000,
      storageValidationMaxAgeMs: 2 * 3_600_000,
      storageValidationFailAgeMs: 48 * 3_600_000,
    });
  });

  it('reads the availability thresholds', () => {
    expect(
      readPostureOptions(
        posture({
          highAvailabilityTiers: ['1'],
          maxRestartsPerHour: 0,
          notReadyWarnAfter: { minutes: 2 },
          notReadyFailAfter: { minutes: 10 },
          certificateWarnWithin: { days: 21 },
        }),
      ),
    ).toEqual({
      highAvailabilityTiers: ['1'],
      maxRestartsPerHour: 0,
      notReadyWarnMs: 2 * 60_000,
      notReadyFailMs: 10 * 60_000,
      certificateWarnMs: 21 * 86_400_000,
    });
  });

  it.each([
    [
      {
        storageValidationWarnAfter: { hours: 2 },
        storageValidationFailAfter: { hours: 1 },
      },
      'must not be shorter than storageValidationWarnAfter',
    ],
    [
      { scheduleGrace: { minutes: 0 } },
      'scheduleGrace must be a positive duration',
    ],
    [{ storageValidationWarnAfter: 'soon' }, 'storageValidationWarnAfter'],
    [{ freshnessWarnShare: 0 }, 'freshnessWarnShare must be a number above 0'],
    [
      { freshnessWarnShare: 1.5 },
      'freshnessWarnShare must be a number above 0',
    ],
    [{ freshnessWarnShare: 'most' }, 'freshnessWarnShare'],
    [{ immutableCopyTiers: '1' }, 'immutableCopyTiers'],
    [
      { notReadyWarnAfter: { minutes: 30 }, notReadyFailAfter: { minutes: 5 } },
      'notReadyFailAfter must not be shorter than notReadyWarnAfter',
    ],
    [
      { maxRestartsPerHour: -1 },
      'maxRestartsPerHour must be a whole number, 0 or more',
    ],
    [
      { maxRestartsPerHour: 2.5 },
      'maxRestartsPerHour must be a whole number, 0 or more',
    ],
    [
      { certificateWarnWithin: { days: 0 } },
      'certificateWarnWithin must be a positive duration',
    ],
    [{ highAvailabilityTiers: '1' }, 'highAvailabilityTiers'],
  ])('rejects %j naming the key', (values, message) => {
    expect(() => readPostureOptions(posture(values))).toThrow(message);
  });
});
