import {
  derivedRpoOf,
  drillStateOf,
  effectiveDrillOutcome,
  type DrillEvidenceRequirements,
  type RecordedDrill,
} from '@dr-posture/plugin-disaster-recovery-common';
import type { StoredDrill } from '../../database/DatabaseDrillStore';

/**
 * A stored drill as the API answers it, judged with today's required
 * evidence. `readable` keeps the entity refs the caller may read.
 */
export function recordedDrillResponse(
  drill: StoredDrill,
  requirements: DrillEvidenceRequirements,
  readable: (entityRef: string) => boolean = () => true,
): RecordedDrill {
  const derivedRpo = derivedRpoOf(drill);
  return {
    ...drill,
    entityRefs: drill.entityRefs.filter(readable),
    state: drillStateOf(drill),
    effectiveOutcome: effectiveDrillOutcome(drill, requirements),
    ...(derivedRpo ? { derivedRpo } : {}),
  };
}
