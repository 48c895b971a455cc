import type { LoggerService } from '@backstage/backend-plugin-api';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import type { TierPolicy } from '@dr-posture/plugin-disaster-recovery-common';
import type { RecordedPostureChange } from '../../database/DatabasePostureHistoryStore';
import {
  postureNotification,
  type NotificationOptions,
} from './postureNotification';

/**
 * Tells entity owners of their checks' failures, recoveries and RPO
 * warnings through Backstage notifications. It is told only of changes the
 * posture store recorded, which it records once whichever replica
 * evaluates, so a change is never notified twice; one that could not be
 * sent is logged, not retried (the entity page still shows it).
 */
export class PostureNotifier {
  constructor(
    private readonly options: {
      notifications: NotificationService;
      policies: readonly TierPolicy[];
      config: NotificationOptions;
      logger: LoggerService;
    },
  ) {}

  async notify(changes: readonly RecordedPostureChange[]): Promise<void> {
    const { notifications, policies, config, logger } = this.options;
    for (const change of changes) {
      const notification = postureNotification(change, policies, config);
      if (!notification) continue;
      try {
        await notifications.send(notification);
      } catch (error) {
        logger.warn(
          `Could not notify the owner of ${change.entityRef} of its posture change: ${error}`,
        );
      }
    }
  }
}
