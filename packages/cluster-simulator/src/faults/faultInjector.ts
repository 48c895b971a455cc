import {
  internalError,
  serviceUnavailable,
  tooManyRequests,
  ApiError,
} from '../kube/apiStatus.ts';
import { createRandom, hashString } from '../random/seededRandom.ts';
import {
  INJECTABLE_STATUS_CODES,
  type FaultSettings,
  type InjectableStatusCode,
} from './faultSettings.ts';

/** How a response body is damaged on its way out. */
export type BodyFault = 'drop' | 'truncate' | 'malformed';

function injectedError(
  code: InjectableStatusCode,
  retryAfterSeconds: number,
): ApiError {
  switch (code) {
    case '429':
      return tooManyRequests(retryAfterSeconds);
    case '500':
      return internalError('injected fault');
    case '503':
      return serviceUnavailable();
    case '502':
      return new ApiError({
        code: 502,
        reason: 'InternalError',
        message: 'Bad Gateway',
      });
    case '504':
      return new ApiError({
        code: 504,
        reason: 'Timeout',
        message:
          'Timeout: request did not complete within the allotted timeout',
      });
    default:
      throw new Error(`unknown injectable code ${code as string}`);
  }
}

/**
 * Draws the faults for each request of one cluster from its
 * {@link FaultSettings}. Draws come from a seeded generator so that a run
 * with the same seed and request order injects the same faults.
 */
export class FaultInjector {
  private readonly random: () => number;
  private readonly settings: () => FaultSettings;

  constructor(seed: string, settings: () => FaultSettings) {
    this.settings = settings;
    this.random = createRandom(hashString(`faults\u0000${seed}`));
  }

  /** The added latency for this request, in milliseconds. */
  delayMs(): number {
    const { latencyMs = 0, latencyJitterMs = 0 } = this.settings();
    return (
      latencyMs +
      (latencyJitterMs > 0 ? Math.floor(this.random() * latencyJitterMs) : 0)
    );
  }

  /** An error to answer with instead of the real answer, if one is drawn. */
  error(): ApiError | undefined {
    const { errorRates = {}, retryAfterSeconds = 1 } = this.settings();
    for (const code of INJECTABLE_STATUS_CODES) {
      const rate = errorRates[code] ?? 0;
      if (rate > 0 && this.random() < rate) {
        return injectedError(code, retryAfterSeconds);
      }
    }
    return undefined;
  }

  /** A body fault for this response, if one is drawn. */
  bodyFault(): BodyFault | undefined {
    const {
      dropConnectionRate = 0,
      truncatedJsonRate = 0,
      malformedJsonRate = 0,
    } = this.settings();
    if (dropConnectionRate > 0 && this.random() < dropConnectionRate) {
      return 'drop';
    }
    if (truncatedJsonRate > 0 && this.random() < truncatedJsonRate) {
      return 'truncate';
    }
    if (malformedJsonRate > 0 && this.random() < malformedJsonRate) {
      return 'malformed';
    }
    return undefined;
  }
}
