#!/usr/bin/env node
/*
 * Entry point of `npm start` / `npm test` / `npm run bench` / `npm run check`
 * / `npm run conformance` / `npm run faults` / `npm run adoption` (and
 * `yarn start`, `yarn test`, `yarn bench`).
 *
 * A fresh machine may have only Node 20 and npm, while Backstage needs Node 22
 * or newer and Yarn 4. So this script, written for any Node >= 18:
 *   1. uses the running Node when it is new enough; otherwise installs Node 22
 *      from the npm registry into `.toolchain/` (git-ignored) and re-runs itself
 *      under it;
 *   2. runs Yarn from the release committed in `.yarn/releases`;
 *   3. runs `yarn install --immutable` only when `node_modules` is missing or
 *      was installed from another `yarn.lock` or Node ABI;
 *   4. runs the task's workspace script.
 */
'use strict';

const { spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const MIN_NODE_MAJOR = 22;
const TOOLCHAIN_NODE_VERSION = '22.23.3';
const TASKS = {
  start: { script: 'portal:start', env: {} },
  test: {
    script: 'portal:test',
    // Database tests run against the servers named by the
    // BACKSTAGE_TEST_DATABASE_* variables and skip the engines without one;
    // they never try to start Docker containers (CI sets CI=true, which would).
    env: { BACKSTAGE_TEST_DISABLE_DOCKER: '1' },
  },
  // Playwright starts the portal with `npm start` (or uses a running one).
  e2e: { script: 'portal:e2e', env: {} },
  // Types, lint, formatting, API reports and generated code, as CI checks them.
  check: { script: 'portal:check', env: {} },
  // Debian's kubectl against the cluster simulator, compared with golden files.
  conformance: { script: 'portal:conformance', env: {} },
  // Every fault kind against the collector and the simulator (issue 16).
  faults: { script: 'portal:faults', env: {} },
  // The packed packages in a new create-app app, wired as the READMEs say.
  adoption: { script: 'portal:adoption', env: {} },
  bench: { workspace: '@dr-posture/bench', script: 'bench', env: {} },
};

const root = path.resolve(__dirname, '..');
const toolchainDir = path.join(root, '.toolchain');
const installStamp = path.join(root, 'node_modules', '.bootstrap-stamp');

function log(message) {
  process.stderr.write(`[bootstrap] ${message}\n`);
}

function fail(message) {
  log(message);
  process.exit(1);
}

/** Exits with the child's status, re-raising a signal that ended it. */
function exitLike(result) {
  if (result.error) {
    fail(
      `could not run ${result.error.path ?? 'command'}: ${
        result.error.message
      }`,
    );
  }
  if (result.signal) {
    process.kill(process.pid, result.signal);
  }
  process.exit(result.status ?? 1);
}

function nodeMajor() {
  return Number(process.versions.node.split('.')[0]);
}

function npmCommand() {
  // Under `npm start` npm tells us which npm runs us; reuse it.
  const npmCli = process.env.npm_execpath;
  if (npmCli && /npm-cli\.js$/.test(npmCli)) {
    return { command: process.execPath, prefixArgs: [npmCli] };
  }
  return {
    command: process.platform === 'win32' ? 'npm.cmd' : 'npm',
    prefixArgs: [],
  };
}

function runNpm(args, options = {}) {
  const { command, prefixArgs } = npmCommand();
  return spawnSync(command, [...prefixArgs, ...args], {
    cwd: root,
    encoding: 'utf8',
    ...options,
  });
}

/** Installs Node 22 into .toolchain (once) and re-runs this script under it. */
function reexecUnderToolchainNode() {
  const platform = process.platform === 'win32' ? 'win' : process.platform;
  if (!['linux', 'darwin'].includes(platform)) {
    fail(
      `Node ${process.versions.node} is too old and no Node ${MIN_NODE_MAJOR} can be installed automatically on ${platform}; install Node ${MIN_NODE_MAJOR} or newer.`,
    );
  }
  const packageName = `node-${platform}-${process.arch}`;
  const nodeHome = path.join(toolchainDir, 'node_modules', packageName);
  const nodeBin = path.join(nodeHome, 'bin', 'node');

  if (!fs.existsSync(nodeBin)) {
    log(
      `Node ${process.versions.node} is older than ${MIN_NODE_MAJOR}; installing Node ${TOOLCHAIN_NODE_VERSION} into .toolchain/ (once)...`,
    );
    const result = runNpm(
      [
        'install',
        '--no-save',
        '--no-package-lock',
        '--no-audit',
        '--no-fund',
        '--prefix',
        toolchainDir,
        `${packageName}@${TOOLCHAIN_NODE_VERSION}`,
      ],
      { stdio: 'inherit' },
    );
    if (result.status !== 0 || !fs.existsSync(nodeBin)) {
      fail(
        `installing ${packageName}@${TOOLCHAIN_NODE_VERSION} failed; install Node ${MIN_NODE_MAJOR} or newer yourself and retry.`,
      );
    }
  }

  const env = {
    ...process.env,
    PATH: `${path.dirname(nodeBin)}${path.delimiter}${process.env.PATH}`,
    // Native addons (better-sqlite3) must compile against these headers, not
    // the machine's older Node ones, and node-gyp cannot download any offline.
    npm_config_nodedir: nodeHome,
  };
  exitLike(
    spawnSync(nodeBin, [__filename, ...process.argv.slice(2)], {
      stdio: 'inherit',
      env,
    }),
  );
}

/** Points node-gyp at the running Node's own headers when they ship with it. */
function useOwnNodeHeaders() {
  const nodeHome = path.resolve(process.execPath, '..', '..');
  if (fs.existsSync(path.join(nodeHome, 'include', 'node', 'node_version.h'))) {
    process.env.npm_config_nodedir = nodeHome;
  }
}

function yarnRelease() {
  const yarnrc = fs.readFileSync(path.join(root, '.yarnrc.yml'), 'utf8');
  const match = yarnrc.match(/^yarnPath:\s*(\S+)\s*$/m);
  if (!match) {
    fail('.yarnrc.yml has no yarnPath; the Yarn release must be committed.');
  }
  return path.join(root, match[1]);
}

function runYarn(args) {
  return spawnSync(process.execPath, [yarnRelease(), ...args], {
    cwd: root,
    stdio: 'inherit',
    env: process.env,
  });
}

function expectedInstallStamp() {
  const lockfile = fs.readFileSync(path.join(root, 'yarn.lock'));
  return crypto
    .createHash('sha256')
    .update(lockfile)
    .update(
      `\0node-abi-${process.versions.modules}-${process.platform}-${process.arch}`,
    )
    .digest('hex');
}

/** Yarn does not read npm's config; reuse the registry npm is set up for. */
function inheritNpmRegistry() {
  if (process.env.YARN_NPM_REGISTRY_SERVER) {
    return;
  }
  const result = runNpm(['config', 'get', 'registry'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const registry = (result.stdout || '').trim().replace(/\/+$/, '');
  if (result.status === 0 && /^https?:\/\//.test(registry)) {
    process.env.YARN_NPM_REGISTRY_SERVER = registry;
  }
}

function installDependenciesIfNeeded() {
  const expected = expectedInstallStamp();
  const current = fs.existsSync(installStamp)
    ? fs.readFileSync(installStamp, 'utf8').trim()
    : undefined;
  if (current === expected) {
    return;
  }
  log(
    current
      ? 'yarn.lock or Node changed since the last install; running yarn install --immutable...'
      : 'dependencies are not installed; running yarn install --immutable (first run takes a few minutes)...',
  );
  inheritNpmRegistry();
  const result = runYarn(['install', '--immutable']);
  if (result.status !== 0) {
    exitLike(result);
  }
  fs.writeFileSync(installStamp, `${expected}\n`);
}

function main() {
  const [task, ...taskArgs] = process.argv.slice(2);
  const spec = TASKS[task];
  if (!spec) {
    fail(
      `usage: node scripts/bootstrap.js <${Object.keys(TASKS).join(
        '|',
      )}> [args...]`,
    );
  }
  if (nodeMajor() < MIN_NODE_MAJOR) {
    reexecUnderToolchainNode();
    return;
  }
  useOwnNodeHeaders();
  process.env.YARN_ENABLE_TELEMETRY = '0';
  installDependenciesIfNeeded();
  for (const [name, value] of Object.entries(spec.env)) {
    process.env[name] ??= value;
  }
  const scriptArgs = spec.workspace
    ? ['workspace', spec.workspace, 'run', spec.script]
    : ['run', spec.script];
  exitLike(runYarn([...scriptArgs, ...taskArgs]));
}

main();
