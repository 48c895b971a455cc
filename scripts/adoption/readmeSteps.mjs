/**
 * The install and wiring steps of the package READMEs, as the adoption check
 * applies them to a fresh app. A step is a fenced code block preceded by an
 * HTML comment, which rendered markdown does not show:
 *
 *   <!-- adoption: run -->                      shell commands, run in the app root
 *   <!-- adoption: config app-config.yaml -->   YAML merged into that file
 *   <!-- adoption: patch packages/app/src/App.tsx -->   an excerpt applied to that file
 *
 * `adoption(nfs): ...` or `adoption(legacy): ...` limits a step to apps on
 * the New Frontend System or on the legacy one. docs/adoption.md describes
 * the rules; readmeSteps.test.mjs holds them.
 */
import { isMap, parse, parseDocument } from 'yaml';

const MARKER = /^<!--\s*adoption\b(.*?)-->$/;
const MARKER_BODY =
  /^(?:\((nfs|legacy)\))?:\s*(run|config|patch)(?:\s+(\S+))?\s*$/;
const FENCE = /^(\s*)(`{3,}|~{3,})(.*)$/;

/** Reads the steps of one README, in document order. */
export function extractSteps(markdown, source) {
  const lines = markdown.split('\n');
  const steps = [];
  for (let i = 0; i < lines.length; i++) {
    const marker = lines[i].trim().match(MARKER);
    if (!marker) continue;
    const where = `${source}:${i + 1}`;
    const body = marker[1].match(MARKER_BODY);
    if (!body) {
      throw new Error(
        `${where}: "${lines[
          i
        ].trim()}" is not "<!-- adoption[(nfs|legacy)]: run | config <file> | patch <file> -->"`,
      );
    }
    const [, frontend, action, target] = body;
    if ((action === 'run') !== (target === undefined)) {
      throw new Error(
        action === 'run'
          ? `${where}: a run step names no file`
          : `${where}: a ${action} step needs the file it changes`,
      );
    }
    let open = i + 1;
    while (open < lines.length && lines[open].trim() === '') open++;
    const fence = lines[open]?.match(FENCE);
    if (!fence) {
      throw new Error(`${where}: the marker is not followed by a code block`);
    }
    const [, indent, ticks] = fence;
    const code = [];
    let close = open + 1;
    for (; close < lines.length; close++) {
      if (lines[close].trim().startsWith(ticks)) break;
      code.push(
        lines[close].startsWith(indent)
          ? lines[close].slice(indent.length)
          : lines[close],
      );
    }
    if (close === lines.length) {
      throw new Error(`${where}: the code block is never closed`);
    }
    steps.push({
      source: where,
      frontend,
      action,
      target,
      code: code.join('\n'),
    });
    i = close;
  }
  return steps;
}

/** The commands of a shell block: `\` continues a line, `#` starts a comment. */
export function commandsOf(code) {
  const commands = [];
  let current = '';
  for (const raw of code.split('\n')) {
    const line = raw.trim();
    if (current === '' && (line === '' || line.startsWith('#'))) continue;
    if (line.endsWith('\\')) {
      current += `${line.slice(0, -1).trim()} `;
      continue;
    }
    commands.push(`${current}${line}`.trim());
    current = '';
  }
  if (current) commands.push(current.trim());
  return commands;
}

const isPlainObject = value =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Merges a YAML block into a config file the way Backstage merges config
 * files: maps key by key, anything else (lists included) replaced. Comments
 * and the layout of the rest of the file are kept.
 */
export function mergeConfig(fileText, blockText) {
  const block = parse(blockText);
  if (!isPlainObject(block)) {
    throw new Error('the block is not a YAML map');
  }
  const doc = parseDocument(fileText);
  if (doc.errors.length > 0) throw doc.errors[0];
  if (!isMap(doc.contents)) doc.contents = doc.createNode({});
  const mergeAt = (keyPath, value) => {
    for (const [key, child] of Object.entries(value)) {
      const at = [...keyPath, key];
      if (isPlainObject(child) && isMap(doc.getIn(at, true))) {
        mergeAt(at, child);
      } else {
        doc.setIn(at, doc.createNode(child));
      }
    }
  };
  mergeAt([], block);
  return doc.toString({
    lineWidth: 0,
    flowCollectionPadding: false,
    singleQuote: true,
  });
}

const ELISION =
  /^\s*(?:\/\/\s*\.\.\.|\/\*\s*\.\.\.\s*\*\/|\{\/\*\s*\.\.\.\s*\*\/\}|#\s*\.\.\.)\s*$/;
const IMPORT_END = /(?:\bfrom\s*['"][^'"]+['"]|^import\s*['"][^'"]+['"]);?\s*$/;

const indentOf = line => line.length - line.trimStart().length;
const normalized = statement => statement.replace(/\s+/g, ' ').trim();

/** Index after the statement starting at `start`, which begins with `import`. */
function importEnd(lines, start) {
  let end = start;
  while (end < lines.length && !IMPORT_END.test(lines[end].trim())) end++;
  if (end === lines.length) {
    throw new Error(`the import at line ${start + 1} never ends`);
  }
  return end + 1;
}

/** The file's top-level import statements, with where they end. */
function fileImports(lines) {
  const imports = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^import[\s{'"]/.test(lines[i])) continue;
    const end = importEnd(lines, i);
    imports.push({ text: normalized(lines.slice(i, end).join(' ')), end });
    i = end - 1;
  }
  return imports;
}

/**
 * Applies a code excerpt to a file (a `patch` step):
 * - import statements at the top of the excerpt are added after the file's
 *   last import, unless the file already has them;
 * - an elision comment (`// ...`, `{/* ... *\/}`) stands for what the file
 *   already holds there. The lines after it, up to a blank line or a line
 *   less indented than it, are new: they are added at the end of the elided
 *   part, right before the file's match of the line that follows them;
 * - every other line is context: it must be in the file, in this order,
 *   indented like in the excerpt (the excerpt may sit deeper or shallower as
 *   a whole; new lines are indented to match), a final `;` aside.
 */
export function applyExcerpt(fileText, excerpt) {
  const lines = excerpt.replace(/\s+$/, '').split('\n');
  const fileLines = fileText.split('\n');
  const insertions = [];

  let i = 0;
  const skipBlank = () => {
    while (i < lines.length && lines[i].trim() === '') i++;
  };
  skipBlank();
  const known = fileImports(fileLines);
  const importsAt = known.length > 0 ? known[known.length - 1].end : 0;
  while (i < lines.length && /^import[\s{'"]/.test(lines[i])) {
    const end = importEnd(lines, i);
    const statement = lines.slice(i, end);
    if (!known.some(k => k.text === normalized(statement.join(' ')))) {
      insertions.push({ at: importsAt, lines: statement });
    }
    i = end;
    skipBlank();
  }

  let cursor = 0;
  let offset;
  let pending;
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '') continue;
    if (ELISION.test(line)) {
      const depth = indentOf(line);
      const added = [];
      while (
        i + 1 < lines.length &&
        lines[i + 1].trim() !== '' &&
        !ELISION.test(lines[i + 1]) &&
        indentOf(lines[i + 1]) >= depth
      ) {
        added.push(lines[++i]);
      }
      // New lines that end at a blank line keep it before what follows.
      if (added.length > 0 && lines[i + 1]?.trim() === '') added.push('');
      if (added.length > 0) {
        pending = {
          lines: [...(pending?.lines ?? []), ...added],
          excerptLine: i + 1,
        };
      }
      continue;
    }
    const found = findContext(fileLines, cursor, line, offset);
    if (found < 0) {
      throw new Error(
        `excerpt line ${
          i + 1
        } ("${line.trim()}") is not in the file after line ${cursor}`,
      );
    }
    offset ??= indentOf(fileLines[found]) - indentOf(line);
    if (pending) {
      insertions.push({
        at: found,
        lines: pending.lines.map(l => reindent(l, offset)),
      });
      pending = undefined;
    }
    cursor = found + 1;
  }
  if (pending) {
    throw new Error(
      `the new lines ending at excerpt line ${pending.excerptLine} are followed by no line of the file to put them before`,
    );
  }

  const ordered = insertions
    .map((insertion, order) => ({ ...insertion, order }))
    .sort((a, b) => b.at - a.at || b.order - a.order);
  for (const { at, lines: added } of ordered) fileLines.splice(at, 0, ...added);
  return fileLines.join('\n');
}

// Prettier ends a JSX excerpt that stands alone with a `;` the file lacks.
const comparable = line => line.trim().replace(/;$/, '');

function findContext(fileLines, from, line, offset) {
  const text = comparable(line);
  for (let k = from; k < fileLines.length; k++) {
    if (comparable(fileLines[k]) !== text) continue;
    if (
      offset === undefined ||
      indentOf(fileLines[k]) === indentOf(line) + offset
    ) {
      return k;
    }
  }
  return -1;
}

function reindent(line, offset) {
  if (offset >= 0) return ' '.repeat(offset) + line;
  return line.slice(Math.min(-offset, indentOf(line)));
}

/** Whether a step is meant for an app on this frontend system. */
export function stepApplies(step, frontend) {
  return step.frontend === undefined || step.frontend === frontend;
}
