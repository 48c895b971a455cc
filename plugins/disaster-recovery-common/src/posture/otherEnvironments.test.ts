import {
  backup,
  component,
  minutesAgo,
  NOW,
  schedule,
  storageLocation,
  workload,
} from '../__testUtils__/fixtures';
import type { CheckId, CheckStatus } from '../checks/types';
import { recordsForEnvironment, type ClusterFacts } from '../environments';
import { DEFAULT_TIER_POLICIES } from '../policy';
import type { PostureRecords } from '../recordKinds';
import { evaluateEntityPosture } from './evaluateEntityPosture';

const CLUSTERS: ClusterFacts[] = [
  { name: 'prod', role: 'production', region: 'eu-west-1', provider: 'aws' },
  {
    name: 'standby',
    role: 'standby',
    region: 'eu-central-1',
    provider: 'aws',
    standbyFor: 'prod',
  },
  { name: 'staging', role: 'staging', region: 'eu-west-1', provider: 'aws' },
];

/** The same service on one cluster: pod, schedule, a fresh backup, its location. */
function estateOn(cluster: string, backupMinutesAgo = 10): PostureRecords {
  return {
    workloads: [workload({ cluster })],
    schedules: [schedule({ cluster })],
    backups: [
      backup({
        cluster,
        completedAt: minutesAgo(backupMinutesAgo),
        startedAt: minutesAgo(backupMinutesAgo + 2),
      }),
    ],
    storageLocations: [storageLocation({ cluster })],
  };
}

function merged(...estates: PostureRecords[]): PostureRecords {
  const result: Record<string, unknown[]> = {};
  for (const estate of estates) {
    for (const [key, items] of Object.entries(estate)) {
      result[key] = [...(result[key] ?? []), ...(items as unknown[])];
    }
  }
  return result as PostureRecords;
}

function evaluate(
  records: PostureRecords,
  options: {
    annotations?: Record<string, string>;
    lifecycle?: string;
    clusters?: ClusterFacts[] | null;
  } = {},
) {
  const entity = component(options.annotations);
  if (options.lifecycle)
    entity.spec = { ...entity.spec, lifecycle: options.lifecycle };
  return evaluateEntityPosture({
    entity,
    policies: DEFAULT_TIER_POLICIES,
    records,
    clusters:
      options.clusters === null ? undefined : options.clusters ?? CLUSTERS,
    now: NOW,
  });
}

function statusOf(posture: ReturnType<typeof evaluate>, id: CheckId) {
  const check = posture.checks.find(c => c.id === id);
  if (!check) throw new Error(`no ${id} check`);
  return check;
}

describe('production recovery points only', () => {
  it.each<
    [string, PostureRecords, Parameters<typeof evaluate>[1], CheckStatus]
  >([
    ['a production backup, production service', estateOn('prod'), {}, 'pass'],
    // No workload of the entity on a counting cluster: nothing to match.
    [
      'only a staging backup, production service',
      estateOn('staging'),
      {},
      'unknown',
    ],
    [
      'only a staging backup, staging service',
      estateOn('staging'),
      { lifecycle: 'staging' },
      'pass',
    ],
    [
      'a production backup, staging service',
      estateOn('prod'),
      { lifecycle: 'staging' },
      'unknown',
    ],
    [
      "only a standby's synced copy, production service",
      estateOn('standby'),
      {},
      'unknown',
    ],
    [
      'only a removed cluster, production service',
      estateOn('gone'),
      {},
      'unknown',
    ],
    [
      'a staging backup without cluster facts (every record counts)',
      estateOn('staging'),
      { clusters: null },
      'pass',
    ],
  ])('backup freshness with %s', (_case, records, options, status) => {
    expect(
      statusOf(evaluate(records, options), 'backup-freshness').status,
    ).toBe(status);
  });

  it('never lets a fresher staging backup hide a stale production one', () => {
    const posture = evaluate(
      merged(estateOn('prod', 3 * 60), estateOn('staging')),
    );
    expect(statusOf(posture, 'backup-freshness').status).toBe('fail');
    expect(posture.protection.lastCleanBackupAt).toBe(minutesAgo(3 * 60));
  });

  it('shows the other environments apart, per cluster', () => {
    const posture = evaluate(
      merged(estateOn('prod'), estateOn('staging', 30), estateOn('gone', 90)),
    );
    expect(posture.protection.otherEnvironments).toEqual([
      {
        cluster: 'gone',
        schedules: 1,
        backups: 1,
        postgresClusters: 0,
        workloads: 1,
        lastCleanBackupAt: minutesAgo(90),
      },
      {
        cluster: 'staging',
        role: 'staging',
        schedules: 1,
        backups: 1,
        postgresClusters: 0,
        workloads: 1,
        lastCleanBackupAt: minutesAgo(30),
      },
    ]);
    expect(posture.protection.schedules.map(s => s.ref.cluster)).toEqual([
      'prod',
    ]);
  });

  it('leaves a failed staging backup out of the production verdicts', () => {
    const staging = estateOn('staging');
    staging.backups = [backup({ cluster: 'staging', phase: 'Failed' })];
    const posture = evaluate(merged(estateOn('prod'), staging));
    expect(statusOf(posture, 'backup-freshness').status).toBe('pass');
    expect(posture.protection.otherEnvironments).toEqual([
      expect.objectContaining({ cluster: 'staging', backups: 1 }),
    ]);
    expect(
      posture.protection.otherEnvironments[0].lastCleanBackupAt,
    ).toBeUndefined();
  });

  it('tells the owner when its workloads run only where they do not count', () => {
    const coverage = statusOf(
      evaluate(estateOn('staging')),
      'workload-coverage',
    );
    expect(coverage.status).toBe('unknown');
    expect(coverage.summary).toBe(
      'Pods or PVCs of this entity were found only on clusters that do not count for its production environment (staging); if it runs there, set its spec.lifecycle or the disaster-recovery/environment annotation.',
    );
  });

  it('makes the environment-dependent checks unknown for an unreadable environment', () => {
    const posture = evaluate(estateOn('prod'), {
      annotations: { 'disaster-recovery/environment': 'prod' },
    });
    const freshness = statusOf(posture, 'backup-freshness');
    expect(freshness.status).toBe('unknown');
    expect(freshness.summary).toContain(
      'The disaster-recovery/environment annotation is "prod"',
    );
    expect(statusOf(posture, 'tier-declared').status).toBe('pass');
    expect(statusOf(posture, 'workload-coverage').status).toBe('unknown');
  });

  it('splits the estate once for every entity of one environment', () => {
    const records = merged(estateOn('prod'), estateOn('staging'));
    const first = recordsForEnvironment(records, CLUSTERS, 'production');
    expect(recordsForEnvironment(records, CLUSTERS, 'production')).toBe(first);
    expect(first.counting.backups?.map(b => b.cluster)).toEqual(['prod']);
    expect(recordsForEnvironment(records, CLUSTERS, 'staging')).not.toBe(first);
  });
});
