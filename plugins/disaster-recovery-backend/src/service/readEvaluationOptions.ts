import { readDurationFromConfig, type Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import type { HumanDuration } from '@backstage/types';
import { durationMs } from '../collector/readCollectionOptions';

/** How posture evaluation is paced (`disasterRecovery.evaluation`). */
export interface EvaluationOptions {
  /** How long changes gather before the entities they touch are evaluated. */
  debounce: HumanDuration;
  /** A full evaluation at least this often, the safety net. */
  fullFrequency: HumanDuration;
  /** How often the catalog is read for added, changed and removed entities. */
  catalogFrequency: HumanDuration;
}

const DEFAULTS: EvaluationOptions = {
  debounce: { seconds: 2 },
  fullFrequency: { hours: 1 },
  catalogFrequency: { minutes: 1 },
};

/**
 * Reads `disasterRecovery.evaluation`; `disasterRecovery.posture.evaluationFrequency`,
 * the interval of the full evaluations before they became incremental,
 * stands for `fullFrequency` when that is not set.
 */
export function readEvaluationOptions(rootConfig: Config): EvaluationOptions {
  const config = rootConfig.getOptionalConfig('disasterRecovery');
  const read = (key: string, fallback: HumanDuration): HumanDuration => {
    if (!config?.has(key)) return fallback;
    const duration = readDurationFromConfig(config, { key });
    if (!(durationMs(duration) > 0)) {
      throw new InputError(
        `disasterRecovery.${key} must be a positive duration`,
      );
    }
    return duration;
  };
  return {
    debounce: read('evaluation.debounce', DEFAULTS.debounce),
    fullFrequency: read(
      'evaluation.fullFrequency',
      read('posture.evaluationFrequency', DEFAULTS.fullFrequency),
    ),
    catalogFrequency: read(
      'evaluation.catalogFrequency',
      DEFAULTS.catalogFrequency,
    ),
  };
}
