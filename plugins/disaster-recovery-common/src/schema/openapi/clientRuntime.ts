/*
 * What every method of the generated client (generated/client.ts) shares,
 * written once by hand rather than emitted into the generated file.
 */

/**
 * A fetch Response whose `json()` is typed from the spec.
 *
 * @public
 */
export type TypedResponse<T> = Omit<Response, 'json'> & {
  json: () => Promise<T>;
};

/**
 * Per-call options: a token to send, for callers without an authenticating
 * fetch (backend modules; the frontend's fetch API adds the user's token).
 *
 * @public
 */
export interface RequestOptions {
  token?: string;
}

export function headers(
  options: RequestOptions | undefined,
  json = false,
): Record<string, string> {
  return {
    ...(json ? { 'Content-Type': 'application/json' } : {}),
    ...(options?.token ? { Authorization: `Bearer ${options.token}` } : {}),
  };
}

type QueryValue =
  | string
  | number
  | boolean
  | readonly (string | number)[]
  | undefined;

/** `?a=1&tier=1&tier=2`: lists repeat their key; undefined and empty values are left out. */
export function queryString(
  query: { [key: string]: QueryValue } | undefined,
): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    const values = Array.isArray(value) ? value : [value];
    for (const item of values) {
      if (item !== undefined && item !== '') params.append(key, String(item));
    }
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
