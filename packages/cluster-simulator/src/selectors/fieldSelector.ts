import { SelectorSyntaxError } from './labelSelector.ts';

/**
 * Field selectors as the API server accepts them for custom resources and the
 * core types served here: `metadata.name` and `metadata.namespace` with `=`,
 * `==` or `!=`, terms joined by `,`, and `\` escaping `,`, `=` and `\`
 * (apimachinery `fields.ParseSelector`).
 */

/** A field an object can be selected by. */
export type SelectableField = 'metadata.name' | 'metadata.namespace';

/** One term of a field selector. */
export interface FieldRequirement {
  field: SelectableField;
  operator: '=' | '!=';
  value: string;
}

/** The object fields a field selector reads. */
export interface FieldSelectorSubject {
  name: string;
  namespace: string;
}

/** A parsed field selector. */
export interface FieldSelector {
  requirements: readonly FieldRequirement[];
  matches(subject: FieldSelectorSubject): boolean;
}

const SUPPORTED_FIELDS: ReadonlySet<string> = new Set([
  'metadata.name',
  'metadata.namespace',
]);

/** Splits on unescaped `,`. */
function splitTerms(text: string): string[] {
  const terms: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '\\' && i + 1 < text.length) {
      current += char + text[i + 1];
      i++;
    } else if (char === ',') {
      terms.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  terms.push(current);
  return terms;
}

function unescapeValue(raw: string): string {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const char = raw[i];
    if (char === '\\') {
      const next = raw[i + 1];
      if (next === '\\' || next === ',' || next === '=') {
        out += next;
        i++;
        continue;
      }
      throw new SelectorSyntaxError(
        `invalid field selector: invalid escape sequence: \\${next ?? ''}`,
      );
    }
    if (char === '=' || char === ',') {
      throw new SelectorSyntaxError(
        `invalid field selector: unescaped ${char} in value: ${raw}`,
      );
    }
    out += char;
  }
  return out;
}

function parseTerm(term: string): FieldRequirement {
  for (const [symbol, operator] of [
    ['!=', '!='],
    ['==', '='],
    ['=', '='],
  ] as const) {
    const index = term.indexOf(symbol);
    if (index >= 0) {
      const field = term.slice(0, index).trim();
      if (!SUPPORTED_FIELDS.has(field)) {
        throw new SelectorSyntaxError(`field label not supported: ${field}`);
      }
      return {
        field: field as SelectableField,
        operator,
        value: unescapeValue(term.slice(index + symbol.length)),
      };
    }
  }
  throw new SelectorSyntaxError(
    `invalid selector: '${term}'; can't understand '${term}'`,
  );
}

/**
 * Parses a field selector; throws {@link SelectorSyntaxError} for bad syntax
 * or for a field this resource cannot be selected by.
 */
export function parseFieldSelector(text: string): FieldSelector {
  const requirements =
    text.trim() === '' ? [] : splitTerms(text).map(t => parseTerm(t));
  return {
    requirements,
    matches: subject =>
      requirements.every(r => {
        const actual =
          r.field === 'metadata.name' ? subject.name : subject.namespace;
        return r.operator === '=' ? actual === r.value : actual !== r.value;
      }),
  };
}
