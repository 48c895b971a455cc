import {
  GENERATED_END,
  GENERATED_START,
  renderReport,
  spliceGenerated,
  type RunInfo,
} from './renderReport';
import type { SuiteResult } from './suiteResult';
import { judgeTargets, type Target } from './targets';

const info: RunInfo = {
  command: 'yarn bench --quick',
  mode: 'quick',
  startedAt: new Date('2026-11-22T10:00:00.123Z'),
  wallSeconds: 201.6,
  cores: 2,
  cpuModel: 'Test CPU',
  memoryGiB: 24,
  nodeVersion: 'v22.23.3',
  postgresVersion: '15.8',
  loadBefore: [1.5, 1.25, 1],
  loadAfter: [3, 2, 1.5],
  remarks: ['Two other engineers were working on the machine.'],
};

const suite: SuiteResult = {
  id: 'rules',
  title: '5. Posture rules',
  method: 'Evaluates entities in a loop.',
  table: { headers: ['entities/s'], rows: [['12,000']], numeric: [0] },
  notes: ['One core.'],
  metrics: { 'rules.perSecond': 12000 },
};

const target: Target = {
  description: 'fast enough',
  metric: 'rules.perSecond',
  comparator: '>=',
  threshold: 10000,
  format: v => `${v}/s`,
};

describe('renderReport', () => {
  it('states the command, the machine, the targets and each suite', () => {
    const report = renderReport(
      info,
      [suite],
      judgeTargets(suite.metrics, [target]),
    );
    expect(report).toContain(
      'Command: `yarn bench --quick` (quick run), 2026-11-22T10:00:00Z, 202 s in all.',
    );
    expect(report).toContain('| CPU cores');
    expect(report).toContain(
      '| load average (1/5/15 min) before | 1.50 / 1.25 / 1.00 |',
    );
    expect(report).toContain(
      'Two other engineers were working on the machine.',
    );
    expect(report).toContain('| fast enough | 12000/s  | met     |');
    expect(report).toContain(
      '### 5. Posture rules\n\nEvaluates entities in a loop.',
    );
    expect(report).toContain('|     12,000 |');
    expect(report.endsWith('One core.\n')).toBe(true);
  });

  it('gives the reason of a target it could not judge', () => {
    const report = renderReport(info, [], judgeTargets({}, [target]));
    expect(report).toContain('not measured (this run did not measure it)');
  });
});

describe('spliceGenerated', () => {
  it('starts a document when there is none', () => {
    expect(spliceGenerated(undefined, 'figures\n')).toBe(
      `# Benchmarks\n\n${GENERATED_START}\n\nfigures\n\n${GENERATED_END}\n`,
    );
  });

  it('replaces only what lies between the markers', () => {
    const existing = `# Benchmarks\n\nIntro.\n\n${GENERATED_START}\nold\n${GENERATED_END}\n\n## Why\n\nAnalysis.\n`;
    expect(spliceGenerated(existing, 'new')).toBe(
      `# Benchmarks\n\nIntro.\n\n${GENERATED_START}\n\nnew\n\n${GENERATED_END}\n\n## Why\n\nAnalysis.\n`,
    );
  });

  it('appends to a document without markers', () => {
    expect(spliceGenerated('# Notes\n', 'new')).toBe(
      `# Notes\n\n${GENERATED_START}\n\nnew\n\n${GENERATED_END}\n`,
    );
  });
});
