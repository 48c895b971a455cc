import type { OverviewResponse } from '@dr-posture/plugin-disaster-recovery-common';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startBackend } from '../infra/backendProcess';
import { fetchJson, waitFor } from '../infra/http';
import { scaleServiceEntities } from '../infra/scaleEntities';
import { REPO_ROOT, yarnRelease } from '../infra/repository';
import { startSimulatorProcess } from '../infra/simulatorProcess';
import type { BenchProfile } from '../profile';
import {
  formatCount,
  formatMiB,
  formatMs,
  formatSeconds,
} from '../report/format';
import type { SuiteResult } from '../report/suiteResult';
import { summarizeLatency } from '../stats/latency';

const CHROMIUM = process.env.DR_BENCH_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** What marks "the table shows its first page": a loaded row with a link. */
const FIRST_ROWS =
  'table[aria-label="Entities by disaster-recovery posture"][aria-busy="false"] tbody tr a';
const APP_DIST = path.join(REPO_ROOT, 'packages/app/dist');
const SCREENSHOT = path.join(REPO_ROOT, 'docs/screenshots/overview-5000.png');

/** The production build the backend's app plugin serves. */
function buildApp(rebuild: boolean): { seconds?: number } {
  if (!rebuild && fs.existsSync(path.join(APP_DIST, 'index.html'))) {
    return {};
  }
  const started = Date.now();
  const result = spawnSync(
    process.execPath,
    [yarnRelease(), 'workspace', 'app', 'build'],
    { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  if (result.status !== 0) {
    throw new Error(`building the app failed with ${result.status}`);
  }
  return { seconds: (Date.now() - started) / 1000 };
}

interface PageLoad {
  firstTableMs: number;
  jsHeapUsedMiB: number;
}

/** Issue 8, item 4: the overview page in headless Chromium. */
export async function benchOverviewPage(
  profile: BenchProfile['overviewPage'],
  workDir: string,
): Promise<SuiteResult> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `no Chromium at ${CHROMIUM}: install it (apt-get install -y chromium) or set DR_BENCH_CHROMIUM`,
    );
  }
  const build = buildApp(profile.rebuildApp);
  const simulator = await startSimulatorProcess(
    profile.estate,
    path.join(workDir, 'page-simulator.log'),
  );
  const entities = scaleServiceEntities(
    simulator.clusters,
    profile.estate.namespaces,
  );
  const loads: PageLoad[] = [];
  let coldLoad: PageLoad | undefined;
  let readySeconds: number;
  try {
    const started = Date.now();
    const backend = await startBackend({
      label: 'page',
      workDir,
      clusters: simulator.clusters,
      entities,
    });
    try {
      const token = await backend.userToken();
      await waitFor(
        `postures of all ${entities.length} entities`,
        async () => {
          const overview = await fetchJson<OverviewResponse>(
            `${backend.baseUrl}/api/disaster-recovery/overview?limit=1`,
            { headers: { authorization: `Bearer ${token}` } },
          );
          return overview.totalItems >= entities.length ? true : undefined;
        },
        { timeoutMs: 600_000, intervalMs: 2000 },
      );
      readySeconds = (Date.now() - started) / 1000;
      const browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: CHROMIUM_ARGS,
      });
      try {
        // Load 0 is the first after start-up and is reported on its own.
        for (let load = 0; load <= profile.loads; load++) {
          // A new context each time: no cache, no session, like a first visit.
          const context = await browser.newContext({
            viewport: { width: 1400, height: 900 },
          });
          const page = await context.newPage();
          await page.addInitScript(selector => {
            const observer = new MutationObserver(() => {
              if (document.querySelector(selector)) {
                (window as { firstTableAt?: number }).firstTableAt =
                  performance.now();
                observer.disconnect();
              }
            });
            observer.observe(document, {
              subtree: true,
              childList: true,
              attributes: true,
            });
          }, FIRST_ROWS);
          const cdp = await context.newCDPSession(page);
          await cdp.send('Performance.enable');
          await page.goto(`${backend.baseUrl}/disaster-recovery`);
          const handle = await page.waitForFunction(
            () => (window as { firstTableAt?: number }).firstTableAt,
            undefined,
            { timeout: 60_000 },
          );
          const firstTableMs = Number(await handle.jsonValue());
          const { metrics } = await cdp.send('Performance.getMetrics');
          const heap =
            metrics.find(m => m.name === 'JSHeapUsedSize')?.value ?? 0;
          const measured = { firstTableMs, jsHeapUsedMiB: heap / 2 ** 20 };
          process.stderr.write(
            `[bench] overview page load ${load}: first table ${formatMs(
              firstTableMs,
            )}, JS heap ${formatMiB(measured.jsHeapUsedMiB)}\n`,
          );
          if (load === 0) {
            coldLoad = measured;
          } else {
            loads.push(measured);
          }
          if (profile.screenshot && load === profile.loads) {
            fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
            await page.screenshot({ path: SCREENSHOT });
          }
          await context.close();
        }
      } finally {
        await browser.close();
      }
    } finally {
      await backend.stop();
    }
  } finally {
    await simulator.stop();
  }
  const firstTable = summarizeLatency(loads.map(l => l.firstTableMs));
  const heap = summarizeLatency(loads.map(l => l.jsHeapUsedMiB));
  return {
    id: 'overviewPage',
    title: '4. Overview page in headless Chromium',
    method: `The production build of packages/app served by packages/backend (PostgreSQL) with ${formatCount(
      entities.length,
    )} catalog entities whose postures come from ${
      simulator.clusters.length
    } simulated clusters. ${
      profile.loads
    } loads of \`/disaster-recovery\` after a first one, each in a fresh browser context (empty cache, guest sign-in included); first table = from navigation start until the table holds a loaded row; JS heap = Chromium's JSHeapUsedSize at that moment.`,
    table: {
      headers: [
        'entities',
        'first load after start',
        'first table p50',
        'slowest',
        'JS heap p50',
        'largest',
      ],
      rows: [
        [
          formatCount(entities.length),
          formatMs(coldLoad!.firstTableMs),
          formatMs(firstTable.p50),
          formatMs(firstTable.max),
          formatMiB(heap.p50),
          formatMiB(heap.max),
        ],
      ],
      numeric: [0, 1, 2, 3, 4, 5],
    },
    notes: [
      `Setting up took ${formatSeconds(
        readySeconds,
      )} (backend start, catalog ingestion, collection and evaluation of every entity)${
        build.seconds === undefined
          ? ', with the existing production build of the app'
          : `, after building the app in ${formatSeconds(build.seconds)}`
      }.`,
    ],
    metrics: {
      'overviewPage.firstTableMs': firstTable.p50,
      'overviewPage.jsHeapMiB': heap.p50,
      'overviewPage.entities': entities.length,
    },
  };
}
