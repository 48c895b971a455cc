/**
 * Characters refused in any text of a drill: C0 controls other than tab and
 * newline (NUL among them), DEL, C1 controls, and the bidirectional
 * embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), which
 * make text display in another order than it is stored.
 */
/* eslint-disable no-control-regex -- matching control characters is its point */
const CONTROL =
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;
/* eslint-enable no-control-regex */

/**
 * A text field holding a refused character.
 *
 * @public
 */
export interface InputProblem {
  /** The field's path, dot-separated (`evidence.healthChecks.0.name`). */
  field: string;
  message: string;
}

function codePointName(character: string): string {
  return `U+${character
    .codePointAt(0)!
    .toString(16)
    .toUpperCase()
    .padStart(4, '0')}`;
}

/**
 * Every string in `value` (walked through objects and arrays) that holds a
 * control or bidirectional-override character, named by its path.
 *
 * @public
 */
export function controlCharacterProblems(
  value: unknown,
  path: string[] = [],
): InputProblem[] {
  if (typeof value === 'string') {
    const found = CONTROL.exec(value);
    return found
      ? [
          {
            field: path.join('.') || '(root)',
            message: `contains the control character ${codePointName(
              found[0],
            )}, which is not allowed`,
          },
        ]
      : [];
  }
  if (Array.isArray(value)) {
    return value.flatMap((item, index) =>
      controlCharacterProblems(item, [...path, String(index)]),
    );
  }
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) =>
      controlCharacterProblems(item, [...path, key]),
    );
  }
  return [];
}
