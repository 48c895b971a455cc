import { useSignal } from '@backstage/plugin-signals-react';
import {
  entityPostureSignalChannel,
  POSTURE_SIGNAL_CHANNEL,
} from '@dr-posture/plugin-disaster-recovery-common';

/**
 * The backend's latest signal that a posture changed: the entity's when an
 * entity ref is given, any entity's otherwise. A new object at each
 * signal, so that a data hook listing it among its dependencies refetches
 * without a reload; `null` until the first, and for good in an app
 * without the signals plugin.
 */
export function usePostureSignal(entityRef?: string): object | null {
  return useSignal(
    entityRef ? entityPostureSignalChannel(entityRef) : POSTURE_SIGNAL_CHANNEL,
  ).lastSignal;
}
