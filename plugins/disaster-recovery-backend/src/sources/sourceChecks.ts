import {
  CHECK_IDS,
  type CheckDefinition,
} from '@dr-posture/plugin-disaster-recovery-common';
import type { DisasterRecoverySource } from '@dr-posture/plugin-disaster-recovery-node';

/**
 * The checks the sources contribute; a check id that is built in or claimed
 * twice is a start-up error, since posture checks are found by id.
 */
export function sourceChecksOf(
  sources: DisasterRecoverySource[],
): CheckDefinition[] {
  const owners = new Map<string, string>(CHECK_IDS.map(id => [id, 'built-in']));
  return sources.flatMap(source =>
    (source.checks ?? []).map(check => {
      const owner = owners.get(check.id);
      if (owner) {
        throw new Error(
          `Check '${check.id}' of the '${
            source.id
          }' disaster-recovery source is already defined by ${
            owner === 'built-in' ? 'the plugin' : `the '${owner}' source`
          }`,
        );
      }
      owners.set(check.id, source.id);
      return check;
    }),
  );
}
