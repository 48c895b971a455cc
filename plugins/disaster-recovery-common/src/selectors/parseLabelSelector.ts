import type { LabelSelector } from '../records';

type Requirement = NonNullable<LabelSelector['matchExpressions']>[number];

const NAME = /^(?:[A-Za-z0-9](?:[-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)$/;
const PREFIX = /^[a-z0-9](?:[-a-z0-9.]{0,251}[a-z0-9])?$/;

function isKey(key: string): boolean {
  const slash = key.indexOf('/');
  if (slash === -1) {
    return NAME.test(key);
  }
  return PREFIX.test(key.slice(0, slash)) && NAME.test(key.slice(slash + 1));
}

function isValue(value: string): boolean {
  return value === '' || NAME.test(value);
}

/** Splits on commas that are not inside a `(…)` value set. */
function splitRequirements(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const character of text) {
    if (character === '(') depth++;
    if (character === ')') depth--;
    if (character === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += character;
    }
  }
  parts.push(current);
  return parts.map(part => part.trim());
}

const SET = /^(\S+)\s+(in|notin)\s*\(([^()]*)\)$/;
const EQUALITY = /^([^=!\s]+)\s*(==|=|!=)\s*(\S*)$/;

function parseRequirement(text: string): Requirement | string {
  const set = SET.exec(text);
  if (set) {
    const [, key, operator, list] = set;
    const values = list.split(',').map(value => value.trim());
    if (!isKey(key)) return `"${key}" is not a label key`;
    const bad = values.find(value => !isValue(value));
    if (bad !== undefined) return `"${bad}" is not a label value`;
    return { key, operator: operator === 'in' ? 'In' : 'NotIn', values };
  }
  const equality = EQUALITY.exec(text);
  if (equality) {
    const [, key, operator, value] = equality;
    if (!isKey(key)) return `"${key}" is not a label key`;
    if (!isValue(value)) return `"${value}" is not a label value`;
    // `a!=b` also matches objects without label a, exactly like NotIn.
    return {
      key,
      operator: operator === '!=' ? 'NotIn' : 'In',
      values: [value],
    };
  }
  if (text.startsWith('!')) {
    const key = text.slice(1).trim();
    return isKey(key)
      ? { key, operator: 'DoesNotExist' }
      : `"${key}" is not a label key`;
  }
  return isKey(text)
    ? { key: text, operator: 'Exists' }
    : `"${text}" is not a label requirement`;
}

/**
 * Parses a label selector in the string form `kubectl -l` and the
 * `backstage.io/kubernetes-label-selector` annotation use —
 * `a=b,c!=d,e in (x,y),f notin (z),g,!h` — into a {@link LabelSelector}.
 * The numeric `>`/`<` operators have no `LabelSelector` form and are
 * rejected. An empty string selects everything, as in Kubernetes.
 *
 * @public
 */
export function parseLabelSelector(
  text: string,
): { ok: true; selector: LabelSelector } | { ok: false; reason: string } {
  if (text.trim() === '') {
    return { ok: true, selector: {} };
  }
  const matchExpressions: Requirement[] = [];
  for (const part of splitRequirements(text)) {
    const requirement = parseRequirement(part);
    if (typeof requirement === 'string') {
      return {
        ok: false,
        reason: `"${text}" is not a label selector: ${requirement}.`,
      };
    }
    matchExpressions.push(requirement);
  }
  return { ok: true, selector: { matchExpressions } };
}
