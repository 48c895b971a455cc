import type { Config } from '@backstage/config';
import type { NotificationOptions } from './postureNotification';

/** `disasterRecovery.notifications`: on by default, for every tier and check. */
export function readNotificationOptions(
  rootConfig: Config,
): NotificationOptions {
  const config = rootConfig.getOptionalConfig('disasterRecovery.notifications');
  return {
    enabled: config?.getOptionalBoolean('enabled') ?? true,
    tiers: config?.getOptionalStringArray('tiers'),
    checks: config?.getOptionalStringArray('checks'),
  };
}
