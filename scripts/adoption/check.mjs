#!/usr/bin/env node
/**
 * The adoption check (`npm run adoption`, docs/adoption.md): builds and packs
 * every published package, makes a new app with @backstage/create-app in a
 * temporary folder outside the repository, installs the packed tarballs and
 * wires them exactly as the package READMEs' marked steps say, starts the app
 * against the cluster simulator, and checks in Chromium that the DR tab and
 * the DR overview show data.
 *
 *   --frontends nfs,legacy   which create-app templates to check (default: both)
 *   --dry-run                scaffold the apps and apply the READMEs' file
 *                            steps only: no build, install or start
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse, parseAllDocuments, parseDocument } from 'yaml';
import { checkInBrowser } from './browser.mjs';
import { PACKAGE_READMES, publishablePackages } from './packages.mjs';
import { run, start, stop, stopAll, tail } from './processes.mjs';
import {
  applyExcerpt,
  commandsOf,
  extractSteps,
  mergeConfig,
  stepApplies,
} from './readmeSteps.mjs';
import { readLockfile, singletonProblem } from './lockfile.mjs';
import { manifestOfTarball, startRegistry } from './registry.mjs';

const root = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../..',
);

/*
 * Machine facts, not product facts: the registry copy on the machines this
 * runs on lacks some platform builds of these packages' newest versions, and
 * @yarnpkg/core 4.9.2's manifest names a yarn patch that does not resolve.
 * A fresh create-app tree installs only with these root `resolutions`
 * (toolchain notes, "The npm registry copy here is partial").
 */
const REGISTRY_PINS = {
  '@swc/core': '1.16.18',
  'unrs-resolver': '1.12.2',
  rollup: '4.67.4',
  '@yarnpkg/core': '4.9.1',
};

/** The @backstage packages whose versions the check prints before and after the bump. */
const CORE_PACKAGES = [
  '@backstage/cli',
  '@backstage/backend-defaults',
  '@backstage/backend-plugin-api',
  '@backstage/frontend-defaults',
  '@backstage/frontend-plugin-api',
  '@backstage/app-defaults',
  '@backstage/core-plugin-api',
  '@backstage/core-components',
  '@backstage/plugin-catalog',
  '@backstage/plugin-catalog-react',
  '@backstage/plugin-catalog-backend',
  '@backstage/plugin-catalog-node',
];

/**
 * Packages of which two copies break a Backstage app (API and service refs
 * are compared by identity): the fresh app must hold one version of each.
 */
const SINGLETONS = [
  '@backstage/plugin-catalog-react',
  '@backstage/plugin-catalog-node',
  '@backstage/frontend-plugin-api',
  '@backstage/core-plugin-api',
  '@backstage/backend-plugin-api',
];

/** Demo components whose DR tab is opened: a service and a database. */
const TAB_ENTITIES = ['payments-api', 'orders-db'];
/** The demo System whose DR tab is opened. */
const TAB_SYSTEM = 'commerce';

/**
 * The cluster the backend README's configuration block names, which the
 * check points at the simulator's cluster of the same name.
 */
const README_CLUSTER = 'prod-eu-active';

const { values: options } = parseArgs({
  options: {
    frontends: { type: 'string', default: 'nfs,legacy' },
    'dry-run': { type: 'boolean', default: false },
  },
});
const frontends = options.frontends.split(',').map(f => f.trim());
for (const frontend of frontends) {
  if (!['nfs', 'legacy'].includes(frontend)) {
    fail(`--frontends takes nfs and/or legacy, not "${frontend}"`);
  }
}

const base = path.join(os.tmpdir(), 'dr-posture-adoption');
const runDir = path.join(
  base,
  `run-${new Date().toISOString().replace(/[:.]/g, '-')}`,
);
const dirs = {
  packages: path.join(runDir, 'packages'),
  logs: path.join(runDir, 'logs'),
  screenshots: path.join(runDir, 'screenshots'),
  simulatorCa: path.join(runDir, 'simulator-ca'),
  bin: path.join(runDir, 'bin'),
  // Kept across runs (it only speeds up fetching); our own packages are
  // dropped from it before each install, since a packed tarball keeps its
  // version and Yarn would reuse the stale copy.
  yarnCache: path.join(base, 'yarn-cache'),
  yarnGlobal: path.join(base, 'yarn-global'),
};
const appDir = frontend => path.join(runDir, `app-${frontend}`);
const lockFile = path.join(base, 'check.pid');

const timings = [];
const versionReport = [];

function log(message) {
  process.stderr.write(`[adoption] ${message}\n`);
}

function fail(message) {
  log(`FAILED: ${message}`);
  process.exit(1);
}

async function phase(name, fn) {
  const started = Date.now();
  log(`${name}...`);
  const result = await fn();
  const seconds = (Date.now() - started) / 1000;
  timings.push({ name, seconds });
  log(`${name}: done in ${seconds.toFixed(1)} s`);
  return result;
}

/** The Yarn release the repository commits (`yarnPath` of .yarnrc.yml). */
function yarnRelease() {
  const yarnrc = parse(fs.readFileSync(path.join(root, '.yarnrc.yml'), 'utf8'));
  return path.join(root, yarnrc.yarnPath);
}

/** The environment of commands run in the monorepo. */
function repoEnv() {
  return { ...process.env, YARN_ENABLE_TELEMETRY: '0' };
}

/**
 * The environment of commands run in the fresh app: the same Node first on
 * PATH, a `yarn` that create-app and the READMEs' commands find, and Yarn's
 * cache in the check's folder. None of the monorepo's `yarn run` variables.
 */
function appEnv(extra = {}) {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^npm_(package|lifecycle)_/.test(key)) continue;
    if (['INIT_CWD', 'PROJECT_CWD', 'BERRY_BIN_FOLDER'].includes(key)) continue;
    env[key] = value;
  }
  return {
    ...env,
    PATH: [dirs.bin, path.dirname(process.execPath), process.env.PATH].join(
      path.delimiter,
    ),
    // Native modules (better-sqlite3) compile against this Node's headers;
    // node-gyp cannot download any offline. bootstrap.js sets it already
    // when this Node ships them.
    npm_config_nodedir: env.npm_config_nodedir ?? nodeHeaders(),
    YARN_ENABLE_TELEMETRY: '0',
    YARN_ENABLE_GLOBAL_CACHE: 'false',
    YARN_CACHE_FOLDER: dirs.yarnCache,
    YARN_GLOBAL_FOLDER: dirs.yarnGlobal,
    // CI=true makes Yarn refuse to change a lockfile, which `yarn add` does.
    YARN_ENABLE_IMMUTABLE_INSTALLS: 'false',
    BROWSER: 'none',
    ...extra,
  };
}

function nodeHeaders() {
  const home = path.resolve(process.execPath, '..', '..');
  return fs.existsSync(path.join(home, 'include', 'node', 'node_version.h'))
    ? home
    : undefined;
}

function inRepo(args, logName) {
  return run(process.execPath, [yarnRelease(), ...args], {
    cwd: root,
    env: repoEnv(),
    logFile: path.join(dirs.logs, `${logName}.log`),
  });
}

function inApp(frontend, command, logName, extraEnv) {
  return run('sh', ['-c', command], {
    cwd: appDir(frontend),
    env: appEnv(extraEnv),
    logFile: path.join(dirs.logs, `${frontend}-${logName}.log`),
  });
}

/** One check at a time: they share the cache folder and would race on it. */
function takeLock() {
  fs.mkdirSync(base, { recursive: true });
  if (fs.existsSync(lockFile)) {
    const pid = Number(fs.readFileSync(lockFile, 'utf8'));
    try {
      process.kill(pid, 0);
      fail(`another adoption check (pid ${pid}) is running`);
    } catch (error) {
      if (error.code !== 'ESRCH') throw error;
    }
  }
  fs.writeFileSync(lockFile, String(process.pid));
}

function releaseLock() {
  if (
    fs.existsSync(lockFile) &&
    fs.readFileSync(lockFile, 'utf8') === String(process.pid)
  ) {
    fs.rmSync(lockFile);
  }
}

/**
 * Deletes earlier runs' folders (their apps hold ~2 GB of small files each,
 * which takes minutes on a busy disk) in the background while this run
 * builds; what is left when this run ends goes with the next one.
 */
function pruneEarlierRuns() {
  const earlier = fs
    .readdirSync(base)
    .filter(entry => entry.startsWith('run-'))
    .map(entry => path.join(base, entry))
    .filter(dir => dir !== runDir);
  if (earlier.length === 0) return;
  start('rm', ['-rf', ...earlier], {
    cwd: base,
    env: process.env,
    logFile: path.join(dirs.logs, 'prune-earlier-runs.log'),
  });
}

/** A `yarn` for create-app's prerequisite check and the READMEs' commands. */
function writeYarnShim() {
  fs.mkdirSync(dirs.bin, { recursive: true });
  const shim = path.join(dirs.bin, 'yarn');
  fs.writeFileSync(
    shim,
    `#!/bin/sh\nexec "${process.execPath}" "${yarnRelease()}" "$@"\n`,
  );
  fs.chmodSync(shim, 0o755);
}

// ---------------------------------------------------------------- build, pack

async function buildPackages(packages) {
  // Package builds bundle the declarations `tsc` writes to dist-types/, as in
  // Backstage's own CI ("type checking and declarations", then "build").
  // tsc writes them even when a file has a type error, and then exits with 2
  // ("errors, outputs generated"). Type errors are `npm run check`'s to
  // report (CI runs it first); here only declarations not written fail.
  try {
    await inRepo(['tsc'], 'tsc');
  } catch (error) {
    if (error.exitCode !== 2) throw error;
    const errors = fs
      .readFileSync(path.join(dirs.logs, 'tsc.log'), 'utf8')
      .match(/\bTS\d+:/g)?.length;
    log(
      `  yarn tsc reported ${
        errors ?? 'some'
      } type error(s), which npm run check fails on; it wrote the declarations`,
    );
  }
  await inRepo(
    ['backstage-cli', 'repo', 'fix', '--publish', '--check'],
    'repo-fix',
  );
  for (const pkg of packages) {
    await inRepo(
      ['workspace', pkg.name, 'run', 'build'],
      `build-${path.basename(pkg.dir)}`,
    );
  }
}

async function packPackages(packages) {
  fs.mkdirSync(dirs.packages, { recursive: true });
  const tarballs = [];
  for (const pkg of packages) {
    // `yarn pack` runs prepack (backstage-cli: dist entry points) and
    // rewrites workspace: ranges to the versions they stand for.
    await inRepo(
      [
        'workspace',
        pkg.name,
        'pack',
        '--out',
        path.join(dirs.packages, '%s-%v.tgz'),
      ],
      `pack-${path.basename(pkg.dir)}`,
    );
  }
  for (const file of fs.readdirSync(dirs.packages)) {
    const tarball = path.join(dirs.packages, file);
    const manifest = manifestOfTarball(tarball);
    const fields = ['dependencies', 'peerDependencies', 'optionalDependencies'];
    for (const field of fields) {
      for (const [name, range] of Object.entries(manifest[field] ?? {})) {
        if (/^(workspace|link|file|portal):/.test(range)) {
          throw new Error(`${file} keeps ${field} ${name}@${range}`);
        }
      }
    }
    const listed = execFileSync('tar', ['-tzf', tarball], {
      encoding: 'utf8',
    }).split('\n');
    for (const entry of [manifest.main, manifest.types].filter(Boolean)) {
      if (!listed.includes(`package/${entry.replace(/^\.\//, '')}`)) {
        throw new Error(`${file} names ${entry} but does not contain it`);
      }
    }
    log(`  ${file} (${Math.round(fs.statSync(tarball).size / 1024)} KiB)`);
    tarballs.push(tarball);
  }
  return tarballs;
}

/** Puts back the package.json of a package whose prepack ran without its postpack. */
function restoreInterruptedPacks(packages) {
  for (const pkg of packages) {
    if (fs.existsSync(path.join(pkg.dir, 'package.json-prepack'))) {
      execFileSync(
        process.execPath,
        [yarnRelease(), 'backstage-cli', 'package', 'postpack'],
        {
          cwd: pkg.dir,
          stdio: 'ignore',
        },
      );
    }
  }
}

// ----------------------------------------------------------------- simulator

async function startSimulator() {
  let output = '';
  let ready;
  const isReady = new Promise(resolve => {
    ready = resolve;
  });
  const handle = start(
    process.execPath,
    [
      yarnRelease(),
      'workspace',
      '@dr-posture/cluster-simulator',
      'start',
      '--scenario',
      'demo',
      '--port',
      '0',
      '--ca-dir',
      dirs.simulatorCa,
    ],
    {
      cwd: root,
      env: repoEnv(),
      logFile: path.join(dirs.logs, 'simulator.log'),
      onOutput: chunk => {
        output += chunk;
        if (/admin API:/.test(output)) ready();
      },
    },
  );
  await Promise.race([
    isReady,
    handle.exited.then(() => {
      throw new Error(
        `the cluster simulator stopped:\n${tail(handle.logFile)}`,
      );
    }),
    timeout(120_000, 'the cluster simulator did not start in 2 minutes'),
  ]);
  const clusters = Object.fromEntries(
    [...output.matchAll(/^\s+(\S+)\s+(https:\/\/\S+)\s+(\S+)\s*$/gm)].map(
      ([, name, url, token]) => [name, { url, token }],
    ),
  );
  if (!clusters[README_CLUSTER]) {
    throw new Error(
      `the simulator printed no ${README_CLUSTER} cluster:\n${output}`,
    );
  }
  return { handle, clusters, caFile: path.join(dirs.simulatorCa, 'ca.crt') };
}

// ------------------------------------------------------------------ fresh app

async function createApp(frontend) {
  const dir = appDir(frontend);
  fs.mkdirSync(dir, { recursive: true });
  await run(
    'npx',
    [
      '-y',
      '@backstage/create-app@latest',
      '--skip-install',
      '--path',
      dir,
      ...(frontend === 'legacy' ? ['--legacy'] : []),
    ],
    {
      cwd: runDir,
      env: appEnv({ BACKSTAGE_APP_NAME: `dr-adoption-${frontend}` }),
      logFile: path.join(dirs.logs, `${frontend}-create-app.log`),
    },
  );
  const created = fs.readFileSync(
    path.join(dirs.logs, `${frontend}-create-app.log`),
    'utf8',
  );
  if (
    !fs.existsSync(path.join(dir, 'packages', 'backend', 'src', 'index.ts'))
  ) {
    throw new Error(
      `create-app made no app in ${dir}:\n${created.slice(-2000)}`,
    );
  }
}

/**
 * What this machine needs and the published packages would not: the registry
 * pins, and the @dr-posture scope served from the packed tarballs.
 */
function prepareApp(frontend, registry) {
  const dir = appDir(frontend);
  const rootManifestFile = path.join(dir, 'package.json');
  const rootManifest = JSON.parse(fs.readFileSync(rootManifestFile, 'utf8'));
  rootManifest.resolutions = { ...rootManifest.resolutions, ...REGISTRY_PINS };
  fs.writeFileSync(
    rootManifestFile,
    `${JSON.stringify(rootManifest, null, 2)}\n`,
  );

  const yarnrcFile = path.join(dir, '.yarnrc.yml');
  const yarnrc = parseDocument(fs.readFileSync(yarnrcFile, 'utf8'));
  yarnrc.setIn(['npmScopes', 'dr-posture', 'npmRegistryServer'], registry.url);
  yarnrc.setIn(['unsafeHttpWhitelist'], ['127.0.0.1']);
  // The tarballs were packed a minute ago, and create-app's
  // npmMinimalAgeGate (3 days) would refuse a release that young.
  const preapproved = yarnrc.get('npmPreapprovedPackages')?.toJSON() ?? [];
  yarnrc.setIn(['npmPreapprovedPackages'], [...preapproved, '@dr-posture/*']);
  fs.writeFileSync(yarnrcFile, yarnrc.toString());
}

function workspaceManifests(dir) {
  const files = [path.join(dir, 'package.json')];
  const packagesDir = path.join(dir, 'packages');
  for (const entry of fs.readdirSync(packagesDir)) {
    const file = path.join(packagesDir, entry, 'package.json');
    if (fs.existsSync(file)) files.push(file);
  }
  return files.map(file => JSON.parse(fs.readFileSync(file, 'utf8')));
}

/** The ranges create-app wrote for the core packages. */
function templateRanges(dir) {
  const ranges = {};
  for (const manifest of workspaceManifests(dir)) {
    for (const field of ['dependencies', 'devDependencies']) {
      for (const name of CORE_PACKAGES) {
        if (manifest[field]?.[name]) ranges[name] ??= manifest[field][name];
      }
    }
  }
  return ranges;
}

/**
 * Moves the app's @backstage packages to the versions our packages are built
 * against. `versions:bump` reads the release manifest from the internet;
 * without it the ranges go to the registry's newest with `yarn up`, which
 * resolves but installs nothing (the READMEs' first `yarn add` installs).
 */
async function bumpBackstage(frontend) {
  const cli = path.join(
    root,
    'node_modules',
    '@backstage',
    'cli',
    'bin',
    'backstage-cli',
  );
  try {
    await run(process.execPath, [cli, 'versions:bump', '--skip-install'], {
      cwd: appDir(frontend),
      env: appEnv(),
      logFile: path.join(dirs.logs, `${frontend}-versions-bump.log`),
    });
    return 'backstage-cli versions:bump';
  } catch (error) {
    const reason = error.message
      .split('\n')
      .find(line => /Error|ENOTFOUND|fetch/.test(line));
    log(
      `  versions:bump failed (${
        reason?.trim() ?? 'see its log'
      }); bumping with yarn up instead`,
    );
  }
  await inApp(
    frontend,
    "yarn up --mode=update-lockfile '@backstage/*'",
    'yarn-up',
  );
  return "yarn up --mode=update-lockfile '@backstage/*'";
}

/** Every README step for this frontend, in order; commands run only when `runCommands`. */
async function applyReadmeSteps(frontend, { runCommands }) {
  const applied = [];
  for (const readme of PACKAGE_READMES) {
    const markdown = fs.readFileSync(path.join(root, readme), 'utf8');
    for (const step of extractSteps(markdown, readme)) {
      if (!stepApplies(step, frontend)) continue;
      const label = `${step.source} ${step.action}${
        step.target ? ` ${step.target}` : ''
      }`;
      applied.push(label);
      if (step.action === 'run') {
        for (const command of commandsOf(step.code)) {
          if (!runCommands) {
            log(`  ${label}: would run ${command}`);
            continue;
          }
          log(`  ${label}: ${command}`);
          // Our packages come fresh from the tarballs every time.
          for (const cached of fs.existsSync(dirs.yarnCache)
            ? fs.readdirSync(dirs.yarnCache)
            : []) {
            if (cached.startsWith('@dr-posture-'))
              fs.rmSync(path.join(dirs.yarnCache, cached));
          }
          await inApp(frontend, command, `step-${applied.length}`);
        }
        continue;
      }
      const file = path.join(appDir(frontend), step.target);
      try {
        if (step.action === 'config') {
          const current = fs.existsSync(file)
            ? fs.readFileSync(file, 'utf8')
            : '';
          fs.writeFileSync(file, mergeConfig(current, step.code));
        } else {
          fs.writeFileSync(
            file,
            applyExcerpt(fs.readFileSync(file, 'utf8'), step.code),
          );
        }
      } catch (error) {
        throw new Error(`${label} cannot be applied: ${error.message}`);
      }
      log(`  ${label}: applied`);
    }
  }
  return applied;
}

const isOurs = dependent => dependent.startsWith('@dr-posture/');
// Backstage's own packages and the app's workspaces (which have no version).
const isBackstage = dependent =>
  dependent.startsWith('@backstage/') || !dependent.slice(1).includes('@');

function reportVersions(frontend, before, bumpedWith) {
  const dir = appDir(frontend);
  const lock = readLockfile(
    fs.readFileSync(path.join(dir, 'yarn.lock'), 'utf8'),
  );
  const backstageJson = JSON.parse(
    fs.readFileSync(path.join(dir, 'backstage.json'), 'utf8'),
  );
  log(`  backstage.json ${backstageJson.version}; bumped with ${bumpedWith}`);
  const ourPackages = lock
    .packageNames()
    .filter(name => name.startsWith('@dr-posture/'));
  for (const name of [...CORE_PACKAGES, ...ourPackages]) {
    const copies = lock.copiesOf(name);
    if (!before[name] && copies.length === 0) continue;
    const installed = copies.map(c => c.version).join(', ') || '-';
    versionReport.push({
      frontend,
      name,
      before: before[name] ?? '-',
      installed,
    });
    log(`  ${name}: ${before[name] ?? '-'} -> ${installed}`);
  }
  const problems = [];
  for (const name of SINGLETONS) {
    const copies = lock.copiesOf(name);
    const problem = singletonProblem(name, copies, { isOurs, isBackstage });
    if (problem) problems.push(problem);
    for (const copy of copies.length > 1 ? copies : []) {
      if (copy.dependents.some(isOurs)) continue;
      log(
        `  note: ${name} ${
          copy.version
        } is there too, for ${copy.dependents.join(
          ', ',
        )} (not on this Backstage release yet; not ours)`,
      );
    }
  }
  if (problems.length > 0) {
    throw new Error(
      `two copies of a package that must be one: ${problems.join('; ')}`,
    );
  }
}

// ------------------------------------------------------------ start and look

function freePort() {
  return new Promise((resolve, reject) => {
    const server = http.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function timeout(ms, message) {
  return new Promise((_, reject) =>
    setTimeout(() => reject(new Error(message)), ms).unref(),
  );
}

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

function request(url, { method = 'GET', token, body } = {}) {
  const client = url.startsWith('https:') ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      url,
      {
        method,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        timeout: 30_000,
      },
      res => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', chunk => {
          text += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode, text }));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${url} timed out`)));
    req.on('error', reject);
    req.end(body ? JSON.stringify(body) : undefined);
  });
}

async function getJson(url, token) {
  const { status, text } = await request(url, { token });
  if (status !== 200)
    throw new Error(`GET ${url} answered ${status}: ${text.slice(0, 300)}`);
  return JSON.parse(text);
}

/** An error that waiting longer cannot fix. */
class Hopeless extends Error {}

/**
 * Polls `probe` (undefined when done, else why not; errors are retried but
 * `Hopeless` ones) until `ms` have passed.
 */
async function waitUntil(ms, what, probe) {
  const deadline = Date.now() + ms;
  let why = 'no answer yet';
  while (Date.now() < deadline) {
    try {
      why = await probe();
      if (why === undefined) return;
    } catch (error) {
      if (error instanceof Hopeless) throw error;
      why = error.message;
    }
    await sleep(3_000);
  }
  throw new Error(
    `${what} did not happen in ${Math.round(ms / 60_000)} min: ${why}`,
  );
}

async function startApp(frontend, simulator) {
  const [frontendPort, backendPort] = [await freePort(), await freePort()];
  const frontendUrl = `http://localhost:${frontendPort}`;
  const backendUrl = `http://localhost:${backendPort}`;
  const cluster = simulator.clusters[README_CLUSTER];
  const handle = start('sh', ['-c', 'yarn start'], {
    cwd: appDir(frontend),
    env: appEnv({
      // Ports away from the demo portal's (3000, 7007, 7100), so that both run.
      APP_CONFIG_app_baseUrl: frontendUrl,
      APP_CONFIG_backend_baseUrl: backendUrl,
      APP_CONFIG_backend_listen_port: String(backendPort),
      APP_CONFIG_backend_cors_origin: frontendUrl,
      // The README's environment for its cluster and demo catalog.
      DR_CLUSTER_URL: cluster.url,
      DR_CLUSTER_TOKEN: cluster.token,
      DR_CLUSTER_CA_FILE: simulator.caFile,
      DR_POSTURE_REPO: root,
    }),
    logFile: path.join(dirs.logs, `${frontend}-app.log`),
  });
  const started = Promise.race([
    handle.exited.then(() => {
      throw new Error(`yarn start stopped:\n${tail(handle.logFile)}`);
    }),
    waitUntil(10 * 60_000, 'the app starting', async () => {
      const health = await request(
        `${backendUrl}/.backstage/health/v1/readiness`,
      );
      if (health.status !== 200)
        return `backend readiness answered ${health.status}`;
      const page = await request(frontendUrl);
      return page.status === 200
        ? undefined
        : `frontend answered ${page.status}`;
    }),
  ]);
  try {
    await started;
  } catch (error) {
    await stop(handle);
    throw error;
  }
  return { handle, frontendUrl, backendUrl };
}

/** The demo entities the plugin evaluates: those with a tier or Kubernetes mapping. */
function demoEntityCount() {
  const mapping =
    /^(disaster-recovery\/(tier|velero-schedules|postgres-clusters)|backstage\.io\/kubernetes-(id|label-selector))$/;
  return parseAllDocuments(
    fs.readFileSync(path.join(root, 'examples', 'entities.yaml'), 'utf8'),
  )
    .map(doc => doc.toJS())
    .filter(entity =>
      Object.keys(entity?.metadata?.annotations ?? {}).some(key =>
        mapping.test(key),
      ),
    ).length;
}

/** Waits until the backend collected the cluster and evaluated the demo. */
async function waitForPosture(backendUrl) {
  const api = `${backendUrl}/api`;
  const token = async () => {
    const { status, text } = await request(`${api}/auth/guest/refresh`);
    if (status !== 200) throw new Error(`guest sign-in answered ${status}`);
    return JSON.parse(text).backstageIdentity.token;
  };
  const expected = demoEntityCount();
  let collectedAt;
  await waitUntil(
    8 * 60_000,
    'collecting and evaluating the demo estate',
    async () => {
      const bearer = await token();
      // The Domain is in the catalog only if the README's catalog.rules apply.
      await getJson(
        `${api}/catalog/entities/by-name/domain/default/retail`,
        bearer,
      );
      const clusters = await getJson(
        `${api}/disaster-recovery/clusters`,
        bearer,
      );
      const cluster = clusters.items.find(c => c.name === README_CLUSTER);
      if (!cluster) {
        throw new Hopeless(`the backend reads no cluster ${README_CLUSTER}`);
      }
      if (!cluster.lastSuccessAt) {
        if (cluster.lastRun?.status === 'failed') {
          throw new Hopeless(
            `collecting ${README_CLUSTER} failed: ${cluster.lastError}`,
          );
        }
        return `${README_CLUSTER} is not collected yet`;
      }
      collectedAt ??= Date.parse(cluster.lastSuccessAt);
      const overview = await getJson(
        `${api}/disaster-recovery/overview?limit=100`,
        bearer,
      );
      if (overview.totalItems < expected) {
        return `${overview.totalItems} of ${expected} entities evaluated`;
      }
      const stale = overview.items.filter(
        item => Date.parse(item.evaluatedAt) < collectedAt,
      );
      return stale.length > 0
        ? `${stale.length} entities not evaluated since the collection`
        : undefined;
    },
  );
  const bearer = await token();
  const schemas = await getJson(`${api}/tech-insights/fact-schemas`, bearer);
  if (!schemas.some(schema => schema.id === 'disasterRecoveryFactRetriever')) {
    throw new Error(
      'Tech Insights has no disasterRecoveryFactRetriever fact schema',
    );
  }
  const checks = await getJson(`${api}/tech-insights/checks`, bearer);
  if (!checks.some(check => check.id === 'disasterRecoveryTierDeclared')) {
    throw new Error('Tech Insights has no disasterRecoveryTierDeclared check');
  }
  const tabs = [];
  for (const name of TAB_ENTITIES) {
    const posture = await getJson(
      `${api}/disaster-recovery/entities/component/default/${name}/posture`,
      bearer,
    );
    const [schedule] = posture.schedules;
    if (!schedule) {
      throw new Error(`no backup schedule of ${name} was collected`);
    }
    tabs.push({ name, schedule: schedule.ref.name });
  }
  return { entityCount: expected, tabs };
}

// ---------------------------------------------------------------------- main

async function checkFrontend(frontend, registry, simulator) {
  await phase(`${frontend}: create-app`, () => createApp(frontend));
  const before = templateRanges(appDir(frontend));
  if (options['dry-run']) {
    await phase(`${frontend}: README steps (files only)`, () =>
      applyReadmeSteps(frontend, { runCommands: false }),
    );
    return [];
  }
  prepareApp(frontend, registry);
  const bumpedWith = await phase(`${frontend}: bump @backstage/*`, () =>
    bumpBackstage(frontend),
  );
  await phase(`${frontend}: README steps (installs included)`, () =>
    applyReadmeSteps(frontend, { runCommands: true }),
  );
  await phase(`${frontend}: versions`, () =>
    reportVersions(frontend, before, bumpedWith),
  );
  await phase(`${frontend}: yarn tsc`, () =>
    inApp(frontend, 'yarn tsc', 'tsc'),
  );
  const app = await phase(`${frontend}: yarn start`, () =>
    startApp(frontend, simulator),
  );
  try {
    const { entityCount, tabs } = await phase(
      `${frontend}: collection and posture`,
      () => waitForPosture(app.backendUrl),
    );
    const { screenshots, statuses } = await phase(`${frontend}: Chromium`, () =>
      checkInBrowser({
        baseUrl: app.frontendUrl,
        frontend,
        entities: tabs,
        system: TAB_SYSTEM,
        overviewRows: entityCount,
        screenshotDir: dirs.screenshots,
      }),
    );
    for (const [name, status] of Object.entries(statuses)) {
      log(`  ${name}'s DR tab: ${status}`);
    }
    return screenshots;
  } finally {
    await stop(app.handle);
  }
}

async function main() {
  const started = Date.now();
  takeLock();
  for (const dir of Object.values(dirs)) fs.mkdirSync(dir, { recursive: true });
  pruneEarlierRuns();
  writeYarnShim();
  log(`working in ${runDir} (logs in ${dirs.logs})`);
  const packages = publishablePackages(root);
  let registry;
  let simulator;
  const screenshots = [];
  try {
    if (!options['dry-run']) {
      await phase('build', () => buildPackages(packages));
      const tarballs = await phase('pack', () => packPackages(packages));
      registry = await startRegistry(tarballs);
      log(`  the packed @dr-posture packages are served at ${registry.url}`);
      simulator = await phase('cluster simulator', () => startSimulator());
    }
    for (const frontend of frontends) {
      screenshots.push(...(await checkFrontend(frontend, registry, simulator)));
    }
  } finally {
    await stopAll();
    await registry?.stop();
    restoreInterruptedPacks(packages);
    log('time per phase:');
    for (const { name, seconds } of timings)
      log(`  ${name.padEnd(40)} ${seconds.toFixed(1).padStart(7)} s`);
    log(
      `  ${'total'.padEnd(40)} ${((Date.now() - started) / 1000)
        .toFixed(1)
        .padStart(7)} s`,
    );
    if (versionReport.length > 0) {
      log('versions (create-app template range -> installed):');
      for (const { frontend, name, before, installed } of versionReport) {
        log(
          `  ${frontend.padEnd(7)} ${name.padEnd(36)} ${before.padEnd(
            10,
          )} -> ${installed}`,
        );
      }
    }
    for (const file of screenshots) log(`screenshot: ${file}`);
    releaseLock();
  }
  log(
    options['dry-run']
      ? `dry run passed: every README step applies to a new ${frontends.join(
          ' and ',
        )} app`
      : `passed: ${frontends.join(' and ')} app${
          frontends.length > 1 ? 's' : ''
        } show the DR tab and overview with data`,
  );
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    log(`${signal}: stopping what the check started`);
    stopAll().finally(() => {
      restoreInterruptedPacks(publishablePackages(root));
      releaseLock();
      process.exit(1);
    });
  });
}

main().catch(error => {
  log(`FAILED: ${error.stack ?? error}`);
  process.exitCode = 1;
});
