import { markdownTable } from './markdownTable';
import type { SuiteResult } from './suiteResult';
import type { TargetVerdict } from './targets';

/** The machine and the run, printed above the figures. */
export interface RunInfo {
  command: string;
  mode: 'quick' | 'full';
  startedAt: Date;
  wallSeconds: number;
  cores: number;
  cpuModel: string;
  memoryGiB: number;
  nodeVersion: string;
  postgresVersion: string;
  loadBefore: number[];
  loadAfter: number[];
  /** What a user should know about the run's circumstances. */
  remarks: string[];
}

export const GENERATED_START = '<!-- bench:generated:start -->';
export const GENERATED_END = '<!-- bench:generated:end -->';

const load = (averages: number[]) =>
  averages.map(a => a.toFixed(2)).join(' / ');

function verdictLine(verdict: TargetVerdict): string[] {
  const { target, outcome, value, reason } = verdict;
  return [
    target.description,
    value === undefined ? '—' : target.format(value),
    reason ? `${outcome} (${reason})` : outcome,
  ];
}

/** The generated part of `docs/benchmarks.md`, also printed to the terminal. */
export function renderReport(
  info: RunInfo,
  suites: readonly SuiteResult[],
  verdicts: readonly TargetVerdict[],
): string {
  const lines = [
    `Command: \`${info.command}\` (${info.mode} run), ${info.startedAt
      .toISOString()
      .replace(/\.\d+Z$/, 'Z')}, ${Math.round(info.wallSeconds)} s in all.`,
    '',
    markdownTable({
      headers: ['machine', ''],
      rows: [
        ['CPU cores', String(info.cores)],
        ['CPU', info.cpuModel],
        ['memory', `${info.memoryGiB.toFixed(0)} GiB`],
        ['Node.js', info.nodeVersion],
        ['PostgreSQL', info.postgresVersion],
        ['load average (1/5/15 min) before', load(info.loadBefore)],
        ['load average (1/5/15 min) after', load(info.loadAfter)],
      ],
    }),
    ...info.remarks.flatMap(remark => ['', remark]),
    '',
    '### Targets',
    '',
    markdownTable({
      headers: ['target', 'this run', 'outcome'],
      rows: verdicts.map(verdictLine),
    }),
  ];
  for (const suite of suites) {
    lines.push('', `### ${suite.title}`, '', suite.method, '');
    lines.push(markdownTable(suite.table));
    for (const note of suite.notes) {
      lines.push('', note);
    }
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Puts a run's report between the generated markers of an existing
 * document, keeping everything around them (the hand-written explanation
 * of the figures); without markers, the report is appended.
 */
export function spliceGenerated(
  existing: string | undefined,
  generated: string,
): string {
  const block = `${GENERATED_START}\n\n${generated.trimEnd()}\n\n${GENERATED_END}`;
  if (existing === undefined || existing.trim() === '') {
    return `# Benchmarks\n\n${block}\n`;
  }
  const start = existing.indexOf(GENERATED_START);
  const end = existing.indexOf(GENERATED_END);
  if (start === -1 || end === -1 || end < start) {
    return `${existing.trimEnd()}\n\n${block}\n`;
  }
  return `${existing.slice(0, start)}${block}${existing.slice(
    end + GENERATED_END.length,
  )}`;
}
