import type { SignalsService } from '@backstage/plugin-signals-node';
import {
  entityPostureSignalChannel,
  POSTURE_SIGNAL_CHANNEL,
} from '@dr-posture/plugin-disaster-recovery-common';
import type { RecordedPostureChange } from '../../database/DatabasePostureHistoryStore';

/**
 * Tells open pages that postures changed, so they refetch without a
 * reload: the overview on one channel, each entity's page on its own. The
 * signals carry no posture, only that it changed: readers fetch it through
 * the API, which checks what they may see.
 */
export async function publishPostureSignals(
  signals: SignalsService,
  changes: readonly RecordedPostureChange[],
): Promise<void> {
  await signals.publish({
    recipients: { type: 'broadcast' },
    channel: POSTURE_SIGNAL_CHANNEL,
    message: { entities: changes.length },
  });
  for (const change of changes) {
    await signals.publish({
      recipients: { type: 'broadcast' },
      channel: entityPostureSignalChannel(change.entityRef),
      message: { at: new Date(change.at).toISOString() },
    });
  }
}
