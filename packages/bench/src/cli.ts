/*
 * `yarn bench [--quick] [--only <suite,...>]`: runs the benchmarks of issue 8
 * and prints one report; a full run (no --quick, no --only) also writes it to
 * docs/benchmarks.md, keeping the hand-written text around it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { postgresVersion } from './infra/postgres';
import { REPO_ROOT } from './infra/repository';
import { FULL_PROFILE, QUICK_PROFILE, type BenchProfile } from './profile';
import { renderReport, spliceGenerated } from './report/renderReport';
import type { SuiteResult } from './report/suiteResult';
import { judgeTargets } from './report/targets';
import { benchBackupHistoryApi } from './suites/backupHistoryApi';
import { benchCollector } from './suites/collector';
import { benchEntityPage } from './suites/entityPage';
import { benchLiveEvaluation } from './suites/liveEvaluation';
import { benchLivePosture } from './suites/livePosture';
import { benchOverviewApi } from './suites/overviewApi';
import { benchOverviewPage } from './suites/overviewPage';
import { benchPostureRules } from './suites/postureRules';

type Suite = (profile: BenchProfile, workDir: string) => Promise<SuiteResult>;

/** In the order. */
const SUITES: Record<string, Suite> = {
  entityPage: (profile, workDir) =>
    benchEntityPage(profile.entityPage, workDir),
  collector: (profile, workDir) => benchCollector(profile.collector, workDir),
  overviewApi: profile => benchOverviewApi(profile.overviewApi),
  overviewPage: (profile, workDir) =>
    benchOverviewPage(profile.overviewPage, workDir),
  postureRules: profile => benchPostureRules(profile.postureRules),
  backupHistoryApi: profile => benchBackupHistoryApi(profile.backupHistoryApi),
  livePosture: (profile, workDir) => benchLivePosture(profile.mode, workDir),
  liveEvaluation: profile => benchLiveEvaluation(profile.mode),
};

function parseArgs(argv: string[]) {
  let quick = false;
  let only: string[] | undefined;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--quick') {
      quick = true;
    } else if (argv[i] === '--only') {
      only = (argv[++i] ?? '').split(',').filter(Boolean);
    } else {
      throw new Error(
        `unknown argument ${
          argv[i]
        }; usage: yarn bench [--quick] [--only ${Object.keys(SUITES).join(
          ',',
        )}]`,
      );
    }
  }
  for (const id of only ?? []) {
    if (!SUITES[id]) throw new Error(`unknown suite ${id}`);
  }
  return { quick, only };
}

function progress(message: string) {
  process.stderr.write(`[bench] ${message}\n`);
}

async function main() {
  const args = process.argv.slice(2);
  const { quick, only } = parseArgs(args);
  const profile = quick ? QUICK_PROFILE : FULL_PROFILE;
  const startedAt = new Date();
  const loadBefore = os.loadavg();
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dr-bench-'));
  progress(`${profile.mode} run; logs in ${workDir}`);
  const results: SuiteResult[] = [];
  for (const [id, run] of Object.entries(SUITES)) {
    if (only && !only.includes(id)) continue;
    const started = Date.now();
    progress(`${id}...`);
    results.push(await run(profile, workDir));
    progress(`${id} done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  const metrics = Object.assign({}, ...results.map(r => r.metrics));
  const cpus = os.cpus();
  const report = renderReport(
    {
      command: ['yarn bench', ...args].join(' '),
      mode: profile.mode,
      startedAt,
      wallSeconds: (Date.now() - startedAt.getTime()) / 1000,
      cores: cpus.length,
      cpuModel: cpus[0]?.model.trim() ?? 'unknown',
      memoryGiB: os.totalmem() / 2 ** 30,
      nodeVersion: process.version,
      postgresVersion: await postgresVersion(),
      loadBefore,
      loadAfter: os.loadavg(),
      remarks: [
        'Everything (simulator, backend, PostgreSQL, Chromium, this client) runs on the one machine: a load average above the core count means the figures include waiting for a core.',
      ],
    },
    results,
    judgeTargets(metrics),
  );
  process.stdout.write(`\n${report}`);
  if (profile.mode === 'full' && !only) {
    const docFile = path.join(REPO_ROOT, 'docs/benchmarks.md');
    const existing = fs.existsSync(docFile)
      ? fs.readFileSync(docFile, 'utf8')
      : undefined;
    fs.mkdirSync(path.dirname(docFile), { recursive: true });
    fs.writeFileSync(docFile, spliceGenerated(existing, report));
    progress(`written to ${path.relative(REPO_ROOT, docFile)}`);
  } else {
    progress(
      'not written to docs/benchmarks.md (only a full run of every benchmark is)',
    );
  }
  fs.rmSync(workDir, { recursive: true, force: true });
}

main().catch(error => {
  process.stderr.write(`${error instanceof Error ? error.stack : error}\n`);
  process.exit(1);
});
