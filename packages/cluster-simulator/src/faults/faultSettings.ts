import Ajv from 'ajv';

/** HTTP status codes the error-rate fault can answer with. */
export const INJECTABLE_STATUS_CODES = [
  '404',
  '429',
  '500',
  '502',
  '503',
  '504',
] as const;

/** An HTTP status code the error-rate fault can answer with. */
export type InjectableStatusCode = (typeof INJECTABLE_STATUS_CODES)[number];

/**
 * Faults injected into one simulated cluster's API answers. Rates are
 * probabilities in [0, 1] drawn per request (per list page for paging
 * faults); admin requests are never affected.
 */
export interface FaultSettings {
  /**
   * The faults start after this many API requests of the cluster (counted
   * from when the settings were set), so that they hit a client midway;
   * the watch faults do not wait.
   */
  faultsAfterRequests?: number;
  /** Added delay before every answer, in milliseconds. */
  latencyMs?: number;
  /** Extra random delay in [0, latencyJitterMs) added to `latencyMs`. */
  latencyJitterMs?: number;
  /**
   * Probability per request of answering with each status code instead;
   * `404` answers every path as a server that serves none of them does (a
   * mistyped URL, discovery included).
   */
  errorRates?: Partial<Record<InjectableStatusCode, number>>;
  /** `Retry-After` seconds sent with an injected 429 (default 1). */
  retryAfterSeconds?: number;
  /**
   * How an injected 429's `Retry-After` is written: delay-seconds (`7`, the
   * default) or the HTTP-date that many seconds from now.
   */
  retryAfterForm?: 'seconds' | 'date';
  /**
   * The cluster's bearer tokens stop working: `unauthorized` as a revoked
   * token (401 on every request), `forbidden` as a token whose RBAC role
   * was removed (403 on every list and get; discovery still answers).
   */
  tokenRevoked?: 'unauthorized' | 'forbidden';
  /**
   * Probability of a hung request: no answer at all, the connection held
   * open until the client gives up (or the simulator stops).
   */
  hangRate?: number;
  /**
   * Probability of a stalled body: the headers (with Content-Length) and
   * half the body are sent, then nothing, the connection held open.
   */
  stallBodyRate?: number;
  /** Probability of closing the connection half-way through the body. */
  dropConnectionRate?: number;
  /** Probability of ending the body early (a clean end, a cut-off JSON). */
  truncatedJsonRate?: number;
  /** Probability of a body that is not valid JSON. */
  malformedJsonRate?: number;
  /**
   * Continue tokens expire after this many pages of one list: the request for
   * page N+1 gets 410 Expired.
   */
  continueExpiryAfterPages?: number;
  /**
   * Watch streams are cut (connection reset) this long after they open;
   * one already open when this is set, this long after it next sends.
   */
  watchDropAfterMs?: number;
  /**
   * Watch streams stay open but send nothing, neither events nor bookmarks,
   * as a stuck API server or proxy does.
   */
  watchStall?: boolean;
}

const rate = { type: 'number', minimum: 0, maximum: 1 };

const faultSettingsSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    faultsAfterRequests: { type: 'integer', minimum: 0 },
    latencyMs: { type: 'integer', minimum: 0, maximum: 600_000 },
    latencyJitterMs: { type: 'integer', minimum: 0, maximum: 600_000 },
    errorRates: {
      type: 'object',
      additionalProperties: false,
      properties: Object.fromEntries(
        INJECTABLE_STATUS_CODES.map(c => [c, rate]),
      ),
    },
    retryAfterSeconds: { type: 'integer', minimum: 0, maximum: 3600 },
    retryAfterForm: { enum: ['seconds', 'date'] },
    tokenRevoked: { enum: ['unauthorized', 'forbidden'] },
    hangRate: rate,
    stallBodyRate: rate,
    dropConnectionRate: rate,
    truncatedJsonRate: rate,
    malformedJsonRate: rate,
    continueExpiryAfterPages: { type: 'integer', minimum: 1 },
    watchDropAfterMs: { type: 'integer', minimum: 0, maximum: 3_600_000 },
    watchStall: { type: 'boolean' },
  },
};

const validateSettings = new Ajv({ allErrors: true }).compile<FaultSettings>(
  faultSettingsSchema,
);

/**
 * Checks fault settings from the CLI or the admin API; returns the problems
 * found, empty when the settings are usable.
 */
export function faultSettingsErrors(settings: unknown): string[] {
  if (validateSettings(settings)) {
    return [];
  }
  return (validateSettings.errors ?? []).map(
    e => `${e.instancePath || '(root)'} ${e.message}`,
  );
}
