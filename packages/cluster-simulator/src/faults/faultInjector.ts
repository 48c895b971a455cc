import type { ServerResponse } from 'node:http';
import {
  internalError,
  resourceNotFound,
  serviceUnavailable,
  tooManyRequests,
  unauthorized,
  ApiError,
} from '../kube/apiStatus.ts';
import type { TokenGrant } from '../server/accessControl.ts';
import { createRandom, hashString } from '../random/seededRandom.ts';
import {
  INJECTABLE_STATUS_CODES,
  type FaultSettings,
  type InjectableStatusCode,
} from './faultSettings.ts';

/** How a response body is damaged on its way out. */
export type BodyFault = 'drop' | 'truncate' | 'malformed' | 'stall';

/** Counts of what the injector saw since the cluster's faults were set. */
export interface FaultStats {
  /** API requests answered or held. */
  requests: number;
  /** Hung or stalled requests whose connection the client has not closed. */
  openHungRequests: number;
}

function throttled(
  settings: FaultSettings,
  retryAfterSeconds: number,
): ApiError {
  const error = tooManyRequests(retryAfterSeconds);
  if (settings.retryAfterForm !== 'date') {
    return error;
  }
  return new ApiError({
    code: 429,
    reason: 'TooManyRequests',
    message: error.message,
    details: { retryAfterSeconds },
    headers: {
      'Retry-After': new Date(
        Date.now() + retryAfterSeconds * 1000,
      ).toUTCString(),
    },
  });
}

function injectedError(
  code: InjectableStatusCode,
  settings: FaultSettings,
  retryAfterSeconds: number,
): ApiError {
  switch (code) {
    case '404':
      return resourceNotFound();
    case '429':
      return throttled(settings, retryAfterSeconds);
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
  private requests = 0;
  private openHungRequests = 0;

  constructor(seed: string, settings: () => FaultSettings) {
    this.settings = settings;
    this.random = createRandom(hashString(`faults\u0000${seed}`));
  }

  /** Starts counting afresh, for new settings. */
  reset(): void {
    this.requests = 0;
  }

  /** Counts one API request; the fault draws below are for it. */
  startRequest(): void {
    this.requests += 1;
  }

  /** What was seen since the settings were set. */
  stats(): FaultStats {
    return {
      requests: this.requests,
      openHungRequests: this.openHungRequests,
    };
  }

  /** Whether faults apply to the current request (`faultsAfterRequests`). */
  active(): boolean {
    return this.requests > (this.settings().faultsAfterRequests ?? 0);
  }

  /** The added latency for this request, in milliseconds. */
  delayMs(): number {
    if (!this.active()) return 0;
    const { latencyMs = 0, latencyJitterMs = 0 } = this.settings();
    return (
      latencyMs +
      (latencyJitterMs > 0 ? Math.floor(this.random() * latencyJitterMs) : 0)
    );
  }

  /** An error to answer with instead of the real answer, if one is drawn. */
  error(): ApiError | undefined {
    if (!this.active()) return undefined;
    const settings = this.settings();
    const { errorRates = {}, retryAfterSeconds = 1 } = settings;
    for (const code of INJECTABLE_STATUS_CODES) {
      const rate = errorRates[code] ?? 0;
      if (rate > 0 && this.random() < rate) {
        return injectedError(code, settings, retryAfterSeconds);
      }
    }
    return undefined;
  }

  /**
   * The grant a request's token still has: a revoked token gets 401, one
   * whose role was removed keeps its identity and no permission (so that
   * RBAC answers 403 with the real message).
   */
  grantAfterRevocation(grant: TokenGrant): TokenGrant {
    const { tokenRevoked } = this.settings();
    if (!tokenRevoked || !this.active()) return grant;
    if (tokenRevoked === 'unauthorized') throw unauthorized();
    return { ...grant, resources: [], verbs: [] };
  }

  /** Whether this request hangs: no answer, the connection held open. */
  hangs(): boolean {
    if (!this.active()) return false;
    const { hangRate = 0 } = this.settings();
    return hangRate > 0 && this.random() < hangRate;
  }

  /** Counts a hung or stalled answer as open until its connection closes. */
  holdOpen(res: ServerResponse): void {
    this.openHungRequests += 1;
    res.once('close', () => {
      this.openHungRequests -= 1;
    });
  }

  /** A body fault for this response, if one is drawn. */
  bodyFault(): BodyFault | undefined {
    if (!this.active()) return undefined;
    const {
      dropConnectionRate = 0,
      truncatedJsonRate = 0,
      malformedJsonRate = 0,
      stallBodyRate = 0,
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
    if (stallBodyRate > 0 && this.random() < stallBodyRate) {
      return 'stall';
    }
    return undefined;
  }
}
