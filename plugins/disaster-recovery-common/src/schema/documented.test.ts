import type {
  Check,
  DrillEvidence,
  DrillRecord,
  DrillVerification,
  EffectiveDrillOutcome,
  EntityPostureSummary,
  EvidenceRef,
  KubernetesRetention,
  RestoreStep,
  SystemPosture,
  TierPolicy,
  VeleroRestoreTest,
} from '../index';
import type { components } from './openapi/generated/types';

type Schemas = components['schemas'];

/**
 * Compiles only when every field of the domain type is in the spec's
 * schema; otherwise the argument's type names the undocumented fields.
 * (The backend's handlers already check the other direction: a field the
 * spec requires that the domain does not give fails to compile there.)
 */
function documented<Domain, Api>(
  fields: [Exclude<keyof Domain, keyof Api>] extends [never]
    ? (keyof Domain)[]
    : Exclude<keyof Domain, keyof Api>,
): (keyof Domain)[] {
  return fields as (keyof Domain)[];
}

describe('the OpenAPI spec', () => {
  it('documents every field of the domain types the API answers with', () => {
    const checked = [
      documented<TierPolicy, Schemas['TierPolicy']>(['id']),
      documented<
        KubernetesRetention,
        Schemas['TierPolicy']['kubernetesRetentionMs']
      >(['hourlyMs']),
      documented<Check, Schemas['Check']>(['id']),
      documented<Check['evidence'], Schemas['Check']['evidence']>(['refs']),
      documented<EvidenceRef, Schemas['EvidenceRef']>(['kind']),
      documented<VeleroRestoreTest, Schemas['VeleroRestoreTest']>(['restore']),
      documented<RestoreStep, Schemas['RestoreStep']>(['entityRef']),
      documented<SystemPosture, Schemas['SystemPostureResponse']>(['status']),
      documented<DrillRecord, Schemas['DrillRecord']>(['kind']),
      documented<
        DrillEvidence,
        NonNullable<Schemas['DrillRecord']['evidence']>
      >(['backup']),
      documented<DrillVerification, Schemas['DrillVerification']>(['passed']),
      documented<
        EffectiveDrillOutcome,
        Schemas['RecordedDrill']['effectiveOutcome']
      >(['outcome']),
      documented<EntityPostureSummary, Schemas['EntityPostureSummary']>([
        'entityRef',
      ]),
    ];
    expect(checked.flat()).toHaveLength(13);
  });
});
