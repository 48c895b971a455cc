import { labelValueErrors, qualifiedNameErrors } from './labelSyntax.ts';

/**
 * Label selectors with the grammar and semantics of Kubernetes
 * (apimachinery `labels.Parse`), including its error messages, so that a
 * malformed selector is refused with the text a real API server would send.
 *
 *   selector    = requirement ("," requirement)*
 *   requirement = ["!"] key [ ("=" | "==" | "!=" | ">" | "<") value
 *                           | ("in" | "notin") "(" values ")" ]
 */

/** A selector operator, named as in apimachinery `selection.Operator`. */
export type SelectorOperator =
  | 'Exists'
  | 'DoesNotExist'
  | '='
  | '=='
  | '!='
  | 'in'
  | 'notin'
  | 'gt'
  | 'lt';

/** One parsed requirement of a selector. */
export interface LabelRequirement {
  key: string;
  operator: SelectorOperator;
  values: string[];
}

/** A parsed label selector; `matches` is true for every object when empty. */
export interface LabelSelector {
  requirements: readonly LabelRequirement[];
  matches(labels: Readonly<Record<string, string>> | undefined): boolean;
}

/** Thrown for a malformed selector; the message is the API server's wording. */
export class SelectorSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SelectorSyntaxError';
  }
}

type TokenKind =
  | 'identifier'
  | 'doesNotExist'
  | 'notEquals'
  | 'doubleEquals'
  | 'equals'
  | 'greaterThan'
  | 'lessThan'
  | 'in'
  | 'notin'
  | 'openPar'
  | 'closedPar'
  | 'comma'
  | 'end';

interface Token {
  kind: TokenKind;
  literal: string;
}

const SPECIAL_SYMBOLS: ReadonlyArray<[string, TokenKind]> = [
  // Two-character symbols first, so `!=` is not read as `!` then `=`.
  ['!=', 'notEquals'],
  ['==', 'doubleEquals'],
  ['!', 'doesNotExist'],
  ['=', 'equals'],
  ['>', 'greaterThan'],
  ['<', 'lessThan'],
  ['(', 'openPar'],
  [')', 'closedPar'],
  [',', 'comma'],
];

const SPECIAL_CHARACTERS = new Set(['!', '=', '>', '<', '(', ')', ',']);
const WHITESPACE = new Set([' ', '\t', '\r', '\n']);

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let position = 0;
  while (position < input.length) {
    const char = input[position];
    if (WHITESPACE.has(char)) {
      position++;
      continue;
    }
    if (SPECIAL_CHARACTERS.has(char)) {
      const at = position;
      const symbol = SPECIAL_SYMBOLS.find(([text]) =>
        input.startsWith(text, at),
      )!;
      tokens.push({ kind: symbol[1], literal: symbol[0] });
      position += symbol[0].length;
      continue;
    }
    let end = position;
    while (
      end < input.length &&
      !WHITESPACE.has(input[end]) &&
      !SPECIAL_CHARACTERS.has(input[end])
    ) {
      end++;
    }
    const literal = input.slice(position, end);
    const keyword = literal === 'in' || literal === 'notin';
    tokens.push({ kind: keyword ? literal : 'identifier', literal });
    position = end;
  }
  tokens.push({ kind: 'end', literal: '' });
  return tokens;
}

/**
 * The parser reads `in`/`notin` as keywords only where an operator is
 * expected; elsewhere (keys, values) they are plain identifiers.
 */
type LexContext = 'keyAndOperator' | 'values';

class Parser {
  private position = 0;
  private readonly tokens: Token[];

  constructor(tokens: Token[]) {
    this.tokens = tokens;
  }

  private lookahead(context: LexContext): Token {
    return this.contextual(this.tokens[this.position], context);
  }

  private consume(context: LexContext): Token {
    const token = this.tokens[this.position];
    if (this.position < this.tokens.length - 1) {
      this.position++;
    }
    return this.contextual(token, context);
  }

  private contextual(token: Token, context: LexContext): Token {
    if (
      context === 'values' &&
      (token.kind === 'in' || token.kind === 'notin')
    ) {
      return { kind: 'identifier', literal: token.literal };
    }
    return token;
  }

  parse(): LabelRequirement[] {
    const requirements: LabelRequirement[] = [];
    for (;;) {
      const next = this.lookahead('values');
      if (next.kind === 'end') {
        return requirements;
      }
      if (next.kind !== 'identifier' && next.kind !== 'doesNotExist') {
        throw fail(
          `found '${next.literal}', expected: !, identifier, or 'end of string'`,
        );
      }
      requirements.push(this.parseRequirement());
      const separator = this.consume('values');
      if (separator.kind === 'end') {
        return requirements;
      }
      if (separator.kind !== 'comma') {
        throw fail(
          `found '${separator.literal}', expected: ',' or 'end of string'`,
        );
      }
      const afterComma = this.lookahead('values');
      if (
        afterComma.kind !== 'identifier' &&
        afterComma.kind !== 'doesNotExist'
      ) {
        throw fail(
          `found '${afterComma.literal}', expected: identifier after ','`,
        );
      }
    }
  }

  private parseRequirement(): LabelRequirement {
    let token = this.consume('values');
    let operator: SelectorOperator | undefined;
    if (token.kind === 'doesNotExist') {
      operator = 'DoesNotExist';
      token = this.consume('values');
    }
    if (token.kind !== 'identifier') {
      throw fail(`found '${token.literal}', expected: identifier`);
    }
    const key = token.literal;
    const keyErrors = qualifiedNameErrors(key);
    if (keyErrors.length > 0) {
      throw fail(`invalid label key "${key}": ${keyErrors.join('; ')}`);
    }
    const next = this.lookahead('values');
    if (next.kind === 'end' || next.kind === 'comma') {
      return requirement(key, operator ?? 'Exists', []);
    }
    if (operator === 'DoesNotExist') {
      // `!key` takes no operator; what follows is a syntax error.
      throw fail(`found '${next.literal}', expected: ',' or 'end of string'`);
    }
    operator = this.parseOperator();
    const values =
      operator === 'in' || operator === 'notin'
        ? this.parseValues()
        : this.parseExactValue();
    return requirement(key, operator, values);
  }

  private parseOperator(): SelectorOperator {
    const token = this.consume('keyAndOperator');
    switch (token.kind) {
      case 'in':
        return 'in';
      case 'notin':
        return 'notin';
      case 'equals':
        return '=';
      case 'doubleEquals':
        return '==';
      case 'notEquals':
        return '!=';
      case 'greaterThan':
        return 'gt';
      case 'lessThan':
        return 'lt';
      default:
        throw fail(
          `found '${token.literal}', expected: in, notin, =, ==, !=, gt, lt`,
        );
    }
  }

  private parseValues(): string[] {
    const open = this.consume('values');
    if (open.kind !== 'openPar') {
      throw fail(`found '${open.literal}' expected: '('`);
    }
    const next = this.lookahead('values');
    if (next.kind === 'closedPar') {
      // `key in ()` selects the empty value, as in apimachinery.
      this.consume('values');
      return [''];
    }
    if (next.kind !== 'identifier' && next.kind !== 'comma') {
      throw fail(`found '${next.literal}', expected: ',', ')' or identifier`);
    }
    const values = this.parseIdentifierList();
    const close = this.consume('values');
    if (close.kind !== 'closedPar') {
      throw fail(`found '${close.literal}', expected: ')'`);
    }
    return values;
  }

  private parseIdentifierList(): string[] {
    const values = new Set<string>();
    for (;;) {
      const token = this.consume('values');
      if (token.kind === 'identifier') {
        values.add(token.literal);
        const next = this.lookahead('values');
        if (next.kind === 'comma') {
          continue;
        }
        if (next.kind === 'closedPar') {
          return [...values];
        }
        throw fail(`found '${next.literal}', expected: ',' or ')'`);
      }
      if (token.kind === 'comma') {
        // Empty entries (`(,a)`, `(a,,b)`, `(a,)`) stand for the empty value.
        if (values.size === 0) {
          values.add('');
        }
        const next = this.lookahead('values');
        if (next.kind === 'closedPar') {
          values.add('');
          return [...values];
        }
        if (next.kind === 'comma') {
          this.consume('values');
          values.add('');
        }
        continue;
      }
      throw fail(`found '${token.literal}', expected: ',', or identifier`);
    }
  }

  private parseExactValue(): string[] {
    const next = this.lookahead('values');
    if (next.kind === 'end' || next.kind === 'comma') {
      return [''];
    }
    const token = this.consume('values');
    if (token.kind !== 'identifier') {
      throw fail(`found '${token.literal}', expected: identifier`);
    }
    return [token.literal];
  }
}

function fail(message: string): SelectorSyntaxError {
  return new SelectorSyntaxError(`unable to parse requirement: ${message}`);
}

/** Builds a requirement, applying apimachinery `NewRequirement` checks. */
function requirement(
  key: string,
  operator: SelectorOperator,
  values: string[],
): LabelRequirement {
  switch (operator) {
    case 'in':
    case 'notin':
      if (values.length === 0) {
        throw fail("for 'in', 'notin' operators, values set can't be empty");
      }
      break;
    case '=':
    case '==':
    case '!=':
      if (values.length !== 1) {
        throw fail('exact-match compatibility requires one single value');
      }
      break;
    case 'Exists':
    case 'DoesNotExist':
      break;
    case 'gt':
    case 'lt':
      if (!/^[-+]?\d+$/.test(values[0])) {
        throw fail("for 'Gt', 'Lt' operators, the value must be an integer");
      }
      break;
    default:
      break;
  }
  for (const value of values) {
    const errors = labelValueErrors(value);
    if (errors.length > 0) {
      throw fail(
        `invalid label value: "${value}": at key: "${key}": ${errors.join(
          '; ',
        )}`,
      );
    }
  }
  return { key, operator, values };
}

function requirementMatches(
  req: LabelRequirement,
  labels: Readonly<Record<string, string>>,
): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, req.key);
  const value = has ? labels[req.key] : undefined;
  switch (req.operator) {
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    case '=':
    case '==':
    case 'in':
      return has && req.values.includes(value!);
    case '!=':
    case 'notin':
      // An object without the key matches `!=` and `notin`.
      return !has || !req.values.includes(value!);
    case 'gt':
    case 'lt': {
      if (!has || !/^[-+]?\d+$/.test(value!)) {
        return false;
      }
      const actual = Number(value);
      const bound = Number(req.values[0]);
      return req.operator === 'gt' ? actual > bound : actual < bound;
    }
    default:
      return false;
  }
}

const EMPTY_LABELS: Readonly<Record<string, string>> = Object.freeze({});

/**
 * Parses a label selector string; throws {@link SelectorSyntaxError} with
 * the API server's message when it is malformed.
 */
export function parseLabelSelector(text: string): LabelSelector {
  const requirements = new Parser(tokenize(text)).parse();
  return {
    requirements,
    matches: labels =>
      requirements.every(r => requirementMatches(r, labels ?? EMPTY_LABELS)),
  };
}
