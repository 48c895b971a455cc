/**
 * kubectl conformance: real kubectl commands against a running simulator,
 * compared with what a real cluster prints (golden files in `golden/`,
 * reviewed against kube-apiserver and kubectl behaviour). Volatile parts
 * (uids, resourceVersions) are normalised; ages are stable because the
 * simulated clock is frozen. `--update` rewrites the golden files.
 *
 * Without kubectl on PATH it skips with a notice, except under CI (`CI` set),
 * where a missing kubectl is a failure.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startSimulator } from '../src/simulator.ts';

// Run through Backstage's node transform (CommonJS), so no import.meta and
// no top-level await: a top-level await there ends the process silently.
const here = __dirname;
const goldenDir = path.join(here, 'golden');
const update = process.argv.includes('--update');

if (spawnSync('kubectl', ['version', '--client'], { stdio: 'ignore' }).error) {
  const message = 'kubectl conformance skipped: kubectl is not on PATH';
  if (process.env.CI) {
    process.stderr.write(`${message} (required in CI)\n`);
    process.exit(1);
  }
  process.stdout.write(`${message}\n`);
  process.exit(0);
}

async function main() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kubectl-conformance-'));
  const simulator = await startSimulator({
    scenario: 'demo',
    startTime: Date.parse('2026-11-30T12:00:00Z'),
    speed: 0,
    caDir: work,
  });
  const cluster = simulator.clusters.find(c => c.name === 'prod-eu-active')!;
  simulator.grantToken(cluster.name, {
    token: 'conformance-writer',
    user: 'system:serviceaccount:dr-posture:conformance',
    resources: '*',
    verbs: '*',
  });
  const kubeconfig = path.join(work, 'kubeconfig');
  fs.writeFileSync(
    kubeconfig,
    JSON.stringify({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [
        {
          name: 'sim',
          cluster: {
            server: cluster.url,
            'certificate-authority-data': cluster.caData,
          },
        },
      ],
      users: [
        { name: 'reader', user: { token: cluster.token } },
        { name: 'writer', user: { token: 'conformance-writer' } },
      ],
      contexts: [
        { name: 'reader', context: { cluster: 'sim', user: 'reader' } },
        { name: 'writer', context: { cluster: 'sim', user: 'writer' } },
      ],
      'current-context': 'reader',
    }),
  );
  const env = {
    ...process.env,
    KUBECONFIG: kubeconfig,
    HOME: work,
    KUBECACHEDIR: path.join(work, 'cache'),
  };

  function manifest(name: string, body: string): string {
    const file = path.join(work, name);
    fs.writeFileSync(file, body);
    return file;
  }

  const backup = (extra = '') => `apiVersion: velero.io/v1
kind: Backup
metadata:
  name: conformance-backup
  namespace: velero
  uid: set-by-the-client
  resourceVersion: ""
spec:
  ttl: 720h0m0s
  includedNamespaces:
  - checkout-web
${extra}`;
  const valid = manifest('backup.yaml', backup());
  const unknownField = manifest(
    'unknown-field.yaml',
    backup('  snapshotVolumez: true\n'),
  );
  const invalid = manifest(
    'invalid.yaml',
    backup().replace('ttl: 720h0m0s', 'ttl: 30'),
  );
  const missingNamespace = manifest(
    'missing-namespace.yaml',
    backup().replace('namespace: velero', 'namespace: no-such-namespace'),
  );
  const relabelled = manifest(
    'relabelled.yaml',
    backup().replace(
      '  uid: set-by-the-client\n',
      '  labels:\n    conformance: applied\n',
    ),
  );

  /** One kubectl invocation and the golden file it is compared with. */
  const steps: [string, string[]][] = [
    ['api-resources', ['api-resources']],
    ['get-namespaces', ['get', 'namespaces']],
    ['get-schedules-all-namespaces', ['get', 'schedules.velero.io', '-A']],
    ['get-storage-locations', ['get', 'bsl', '-n', 'velero']],
    ['get-cnpg-clusters', ['get', 'clusters.postgresql.cnpg.io', '-A']],
    ['get-deployments', ['get', 'deployments', '-n', 'checkout-web']],
    ['get-statefulsets', ['get', 'sts', '-A']],
    ['get-pdbs', ['get', 'pdb', '-A']],
    ['get-hpa', ['get', 'hpa', '-n', 'checkout-web']],
    [
      'get-nodes-by-zone',
      ['get', 'nodes', '-L', 'topology.kubernetes.io/zone'],
    ],
    ['get-certificates', ['get', 'certificates.cert-manager.io', '-A']],
    [
      'get-scheduledbackups',
      ['get', 'scheduledbackups.postgresql.cnpg.io', '-A'],
    ],
    [
      'get-chunked-label-selector',
      [
        'get',
        'backups.velero.io',
        '-n',
        'velero',
        '--chunk-size=3',
        '-l',
        'velero.io/schedule-name=ledger-api-hourly',
        '-o',
        'name',
      ],
    ],
    [
      'get-field-selector',
      [
        'get',
        'schedules.velero.io',
        '-A',
        '--field-selector',
        'metadata.name=ledger-api-hourly',
      ],
    ],
    [
      'get-jsonpath',
      [
        'get',
        'bsl',
        '-n',
        'velero',
        '-o',
        'jsonpath={range .items[*]}{.metadata.name}={.status.phase}{"\\n"}{end}',
      ],
    ],
    ['get-json', ['get', 'bsl', 'default', '-n', 'velero', '-o', 'json']],
    [
      'get-missing',
      ['get', 'backups.velero.io', 'no-such-backup', '-n', 'velero'],
    ],
    ['explain', ['explain', 'schedules.velero.io.spec.paused']],
    [
      'can-i-reader-list',
      ['auth', 'can-i', 'list', 'backups.velero.io', '-n', 'velero'],
    ],
    [
      'can-i-reader-create',
      ['auth', 'can-i', 'create', 'backups.velero.io', '-n', 'velero'],
    ],
    ['create-forbidden', ['create', '-f', valid]],
    [
      'create-unknown-field',
      ['--context', 'writer', 'create', '-f', unknownField],
    ],
    ['create-invalid', ['--context', 'writer', 'create', '-f', invalid]],
    [
      'create-missing-namespace',
      ['--context', 'writer', 'create', '-f', missingNamespace],
    ],
    ['create', ['--context', 'writer', 'create', '-f', valid]],
    ['create-again', ['--context', 'writer', 'create', '-f', valid]],
    [
      'get-created-yaml',
      [
        'get',
        'backups.velero.io',
        'conformance-backup',
        '-n',
        'velero',
        '-o',
        'yaml',
      ],
    ],
    ['apply', ['--context', 'writer', 'apply', '-f', relabelled]],
    [
      'get-applied-labels',
      ['get', 'backups.velero.io', '-n', 'velero', '-l', 'conformance=applied'],
    ],
  ];

  /** Runs kubectl without blocking: the simulator answers in this process. */
  function kubectl(args: string[]): Promise<string> {
    return new Promise(resolve => {
      const child = spawn('kubectl', args, { env });
      let output = '';
      child.stdout.on('data', chunk => {
        output += chunk;
      });
      child.stderr.on('data', chunk => {
        output += chunk;
      });
      child.on('close', code => resolve(`${output}exit ${code}\n`));
    });
  }

  /** Watches the created backup, deletes it, and returns what the watch saw. */
  async function watchDeletion(): Promise<string> {
    const watcher = spawn(
      'kubectl',
      [
        'get',
        'backups.velero.io',
        '-n',
        'velero',
        '-w',
        '--field-selector',
        'metadata.name=conformance-backup',
      ],
      { env },
    );
    let seen = '';
    watcher.stdout.on('data', chunk => {
      seen += chunk;
    });
    watcher.stderr.on('data', chunk => {
      seen += chunk;
    });
    const lines = (n: number) =>
      new Promise<void>((resolve, reject) => {
        const deadline = setTimeout(
          () => reject(new Error(`watch saw: ${seen}`)),
          15_000,
        );
        const poll = setInterval(() => {
          if (seen.split('\n').length > n) {
            clearTimeout(deadline);
            clearInterval(poll);
            resolve();
          }
        }, 50);
      });
    await lines(2);
    const deleted = await kubectl([
      '--context',
      'writer',
      'delete',
      '-f',
      valid,
    ]);
    await lines(3);
    watcher.kill();
    return `${seen}--- kubectl delete:\n${deleted}`;
  }

  /** Volatile parts a real cluster changes on every run. */
  function normalise(output: string): string {
    return output
      .replaceAll(work, '<WORK>')
      .replace(
        /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g,
        '<UID>',
      )
      .replace(/("?resourceVersion"?: )"\d+"/g, '$1"<RV>"');
  }

  let failures = 0;
  async function check(name: string, output: string) {
    const file = path.join(goldenDir, `${name}.txt`);
    const actual = normalise(output);
    if (update) {
      fs.writeFileSync(file, actual);
      return;
    }
    const expected = fs.existsSync(file)
      ? fs.readFileSync(file, 'utf8')
      : '<missing golden file>';
    if (actual !== expected) {
      failures++;
      process.stdout.write(
        `FAIL ${name}\n--- expected\n${expected}--- actual\n${actual}\n`,
      );
    } else {
      process.stdout.write(`ok   ${name}\n`);
    }
  }

  try {
    for (const [name, args] of steps) {
      await check(name, await kubectl(args));
    }
    await check('watch-sees-delete', await watchDeletion());
  } finally {
    await simulator.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
  if (failures > 0) {
    process.stdout.write(
      `${failures} of ${
        steps.length + 1
      } kubectl checks differ from a real cluster\n`,
    );
    process.exit(1);
  }
  process.stdout.write(
    `kubectl conformance: ${steps.length + 1} checks ${
      update ? 'recorded' : 'passed'
    }\n`,
  );
}

main().catch(error => {
  process.stderr.write(
    `${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
