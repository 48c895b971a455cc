/**
 * The signal channel told whenever some entity's posture changed, with
 * `{ entities }`, how many changed: the overview refetches on it. It names
 * no entity, since every signed-in user may listen.
 *
 * @public
 */
export const POSTURE_SIGNAL_CHANNEL = 'disaster-recovery:posture';

/**
 * The signal channel told when one entity's posture changed, with `{ at }`,
 * the evaluation time: its page refetches on it (through the API, which
 * checks that the reader may see it).
 *
 * @public
 */
export function entityPostureSignalChannel(entityRef: string): string {
  return `${POSTURE_SIGNAL_CHANNEL}:${entityRef}`;
}
