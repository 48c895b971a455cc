import { parseEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import {
  entityVerdictOf,
  verdictInputOf,
  type EntityVerdict,
} from '@dr-posture/plugin-disaster-recovery-common';
import useAsync from 'react-use/esm/useAsync';
import { disasterRecoveryApiRef } from '../api';

/** An entity's verdict, or why it could not be read. */
export type VerdictOrError =
  | { verdict: EntityVerdict; error?: undefined }
  | { verdict?: undefined; error: Error };

/**
 * The verdicts of these entities from their postures, read side by side;
 * one unreadable posture leaves only its own verdict out.
 */
export function useEntityVerdicts(entityRefs: string[] | undefined) {
  const api = useApi(disasterRecoveryApiRef);
  const key = entityRefs?.join('\n');
  return useAsync(async () => {
    const verdicts = new Map<string, VerdictOrError>();
    if (!key) return verdicts;
    await Promise.all(
      key.split('\n').map(async ref => {
        try {
          const posture = await api.getEntityPosture(parseEntityRef(ref));
          verdicts.set(ref, {
            verdict: entityVerdictOf(verdictInputOf(posture)),
          });
        } catch (error) {
          verdicts.set(ref, { error: error as Error });
        }
      }),
    );
    return verdicts;
  }, [api, key]);
}
