import { readDurationFromConfig, type Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import type { PostureOptions } from '@dr-posture/plugin-disaster-recovery-common';
import { durationMs } from '../collector/readCollectionOptions';

const KEYS = {
  scheduleGraceMs: 'scheduleGrace',
  storageValidationMaxAgeMs: 'storageValidationWarnAfter',
  storageValidationFailAgeMs: 'storageValidationFailAfter',
  notReadyWarnMs: 'notReadyWarnAfter',
  notReadyFailMs: 'notReadyFailAfter',
  certificateWarnMs: 'certificateWarnWithin',
} as const;

/** Pairs of thresholds where the failing one must not come first. */
const ORDERED = [
  ['storageValidationMaxAgeMs', 'storageValidationFailAgeMs'],
  ['notReadyWarnMs', 'notReadyFailMs'],
] as const;

/**
 * Reads the rule tunables under `disasterRecovery.posture`; what is left out
 * takes the rules' defaults (1 h grace, warn after 1 h, fail after 24 h,
 * freshness warns past 75 % of the RPO; tiers 1 and 2 highly available,
 * more than 5 restarts an hour, not ready 5 min warns and 30 min fails, a
 * certificate expiring within 14 days).
 */
export function readPostureOptions(rootConfig: Config): PostureOptions {
  const config = rootConfig.getOptionalConfig('disasterRecovery.posture');
  const options: PostureOptions = {};
  if (!config) return options;
  for (const [option, key] of Object.entries(KEYS) as Array<
    [keyof typeof KEYS, string]
  >) {
    if (config.has(key)) {
      const ms = durationMs(readDurationFromConfig(config, { key }));
      if (!(ms > 0)) {
        throw new InputError(
          `disasterRecovery.posture.${key} must be a positive duration`,
        );
      }
      options[option] = ms;
    }
  }
  if (config.has('freshnessWarnShare')) {
    const share = config.getNumber('freshnessWarnShare');
    if (!(share > 0 && share <= 1)) {
      throw new InputError(
        'disasterRecovery.posture.freshnessWarnShare must be a number above 0 and at most 1',
      );
    }
    options.freshnessWarnShare = share;
  }
  if (config.has('immutableCopyTiers')) {
    options.immutableCopyTiers = config.getStringArray('immutableCopyTiers');
  }
  if (config.has('highAvailabilityTiers')) {
    options.highAvailabilityTiers = config.getStringArray(
      'highAvailabilityTiers',
    );
  }
  if (config.has('maxRestartsPerHour')) {
    const restarts = config.getNumber('maxRestartsPerHour');
    if (!(Number.isInteger(restarts) && restarts >= 0)) {
      throw new InputError(
        'disasterRecovery.posture.maxRestartsPerHour must be a whole number, 0 or more',
      );
    }
    options.maxRestartsPerHour = restarts;
  }
  for (const [warnOption, failOption] of ORDERED) {
    const warn = options[warnOption];
    const fail = options[failOption];
    if (warn !== undefined && fail !== undefined && fail < warn) {
      throw new InputError(
        `disasterRecovery.posture.${KEYS[failOption]} must not be shorter than ${KEYS[warnOption]}`,
      );
    }
  }
  return options;
}
