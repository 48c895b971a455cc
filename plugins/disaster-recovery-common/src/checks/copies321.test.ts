import {
  backup,
  component,
  minutesAgo,
  NOW,
  postgresBackup,
  postgresCluster,
  schedule,
  secondsAgo,
  storageLocation,
  workload,
} from '../__testUtils__/fixtures';
import type { ClusterFacts } from '../environments';
import {
  evaluateEntityPosture,
  type EntityPostureInput,
} from '../posture/evaluateEntityPosture';
import { DEFAULT_TIER_POLICIES } from '../policy';
import type { BuiltInPostureRecords } from '../recordKinds';
import type { CheckStatus } from './types';

const PROD: ClusterFacts = {
  name: 'prod',
  role: 'production',
  provider: 'aws',
  region: 'eu-west-1',
  account: '111111111111',
};

const offsiteSchedule = schedule({
  name: 'payments-offsite',
  template: {
    includedNamespaces: ['payments'],
    excludedNamespaces: [],
    storageLocation: 'offsite',
  },
});

function offsiteBackup(completedAt = minutesAgo(10)) {
  return backup({
    name: 'payments-offsite-1',
    scheduleName: 'payments-offsite',
    storageLocation: 'offsite',
    completedAt,
    startedAt: completedAt,
  });
}

const offsiteLocation = (overrides = {}) =>
  storageLocation({
    name: 'offsite',
    provider: 'velero.io/gcp',
    bucket: 'dr-copies',
    region: undefined,
    isDefault: false,
    ...overrides,
  });

type Input = EntityPostureInput & { records: BuiltInPostureRecords };
type Change = (input: Input) => void;

/**
 * A tier 2 service (RPO 1 h, 3 copies, 1 off-site) without volumes, so every
 * clean backup holds all of its data: one bucket beside the cluster, one
 * in another provider.
 */
function input(change: Change): Input {
  const result: Input = {
    entity: component(),
    policies: DEFAULT_TIER_POLICIES,
    records: {
      workloads: [workload()],
      schedules: [schedule(), offsiteSchedule],
      backups: [backup(), offsiteBackup()],
      storageLocations: [storageLocation(), offsiteLocation()],
    },
    clusters: [PROD],
    now: NOW,
  };
  change(result);
  return result;
}

function copiesCheck(change: Change) {
  const check = evaluateEntityPosture(input(change)).checks.find(
    c => c.id === 'copies-3-2-1',
  );
  if (!check) throw new Error('no copies-3-2-1 check');
  return check;
}

function outcomeOf(change: Change) {
  const { status, summary } = copiesCheck(change);
  return { status, summary };
}

const outcome = (status: CheckStatus, summary: string) => ({
  status,
  summary: expect.stringContaining(summary),
});

const withLocations =
  (...locations: ReturnType<typeof storageLocation>[]): Change =>
  i => {
    i.records.storageLocations = [storageLocation(), ...locations];
  };

// The off-site schedule runs every 30 minutes: a copy stays current for the
// larger of the 1 h RPO and 30 min + 1 h grace, 90 minutes.
const LIMIT_SECONDS = 90 * 60;

describe('3-2-1 copies', () => {
  it.each<[string, Change, CheckStatus, string]>([
    [
      'a bucket in another provider',
      () => {},
      'pass',
      "the workloads' data has 3 copies on 3 storage systems, 1 current off-site (prod/velero/offsite).",
    ],
    [
      'one bucket only',
      i => {
        i.records.backups = [backup()];
      },
      'fail',
      "the workloads' data has 2 copies on 2 storage systems (the live data and prod/velero/default); Tier 2 needs 3 on 2: add a backup to another storage system.",
    ],
    [
      'two locations on one bucket',
      withLocations(
        offsiteLocation({
          provider: 'aws',
          bucket: 'backups-eu-west-1',
          region: 'eu-west-1',
        }),
      ),
      'fail',
      'has 2 copies on 2 storage systems',
    ],
    [
      'a second bucket in the same account and region',
      withLocations(offsiteLocation({ provider: 'aws', region: 'eu-west-1' })),
      'fail',
      'has 0 current off-site copies; Tier 2 needs 1: every copy is in the same provider, account and region as the cluster holding the data',
    ],
    [
      'a second bucket in another region',
      withLocations(
        offsiteLocation({ provider: 'aws', region: 'eu-central-1' }),
      ),
      'pass',
      '1 current off-site',
    ],
    [
      'a second bucket of the same provider without a region',
      withLocations(offsiteLocation({ provider: 'aws' })),
      'unknown',
      'the provider or region of prod/velero/offsite or of its cluster is not known',
    ],
    [
      'an S3-compatible endpoint',
      withLocations(
        offsiteLocation({
          provider: 'aws',
          region: 'minio',
          endpoint: 'https://minio.backup.internal:9000',
        }),
      ),
      'unknown',
      'is a current off-site copy cannot be told',
    ],
    [
      "AWS's regional endpoint of another region",
      withLocations(
        offsiteLocation({
          provider: 'aws',
          region: undefined,
          endpoint: 'https://s3.us-east-1.amazonaws.com',
        }),
      ),
      'pass',
      '1 current off-site',
    ],
    [
      'a cluster whose placement is not configured',
      i => {
        i.clusters = [{ name: 'prod', role: 'production', provider: 'gcp' }];
        i.records.storageLocations = [
          storageLocation({ provider: 'gcp' }),
          offsiteLocation(),
        ];
      },
      'unknown',
      'cannot be told',
    ],
    [
      'no cluster facts at all',
      i => {
        i.clusters = undefined;
      },
      'unknown',
      'cannot be told',
    ],
    [
      'the off-site copy exactly at its currency limit',
      i => {
        i.records.backups = [
          backup(),
          offsiteBackup(secondsAgo(LIMIT_SECONDS)),
        ];
      },
      'pass',
      '1 current off-site',
    ],
    [
      'the off-site copy one second past its currency limit',
      i => {
        i.records.backups = [
          backup(),
          offsiteBackup(secondsAgo(LIMIT_SECONDS + 1)),
        ];
      },
      'fail',
      'its newest clean copy in prod/velero/offsite is 1 h 30 min old, more than 1 h 30 min',
    ],
    [
      'an Unavailable off-site location',
      withLocations(offsiteLocation({ phase: 'Unavailable' })),
      'fail',
      'prod/velero/offsite is Unavailable',
    ],
    [
      'an off-site location without status',
      withLocations(offsiteLocation({ phase: undefined })),
      'unknown',
      'prod/velero/offsite reports no status',
    ],
    [
      'only a failed off-site backup',
      i => {
        i.records.backups = [backup(), { ...offsiteBackup(), phase: 'Failed' }];
      },
      'fail',
      'has 2 copies',
    ],
  ])('%s', (_case, change, status, summary) => {
    expect(outcomeOf(change)).toEqual(outcome(status, summary));
  });

  it('reports the counts it judged', () => {
    expect(copiesCheck(() => {}).evidence.values).toEqual({
      copies: 3,
      media: 3,
      places: ['prod/velero/default', 'prod/velero/offsite'],
      requiredCopies: 3,
      requiredOffsiteCopies: 1,
      offsiteCopies: 1,
      immutableCopies: 0,
    });
    expect(
      copiesCheck(withLocations(offsiteLocation({ provider: 'aws' }))).evidence
        .values,
    ).toMatchObject({ offsiteCopies: null });
  });

  describe('volume data', () => {
    const pvc = workload({
      kind: 'PersistentVolumeClaim',
      name: 'payments-data',
    });
    const snapshotsOnly: Change = i => {
      i.records.workloads = [workload(), pvc];
    };

    it('counts an unmoved snapshot as a copy on the live medium, never off-site', () => {
      const check = copiesCheck(snapshotsOnly);
      expect(check.status).toBe('fail');
      expect(check.summary).toBe(
        "the workloads' data has 2 copies on 1 storage system (the live data and volume snapshots in prod); Tier 2 needs 3 on 2: add a backup to another storage system.",
      );
    });

    it('counts the bucket the data mover uploaded the volume to', () => {
      const check = copiesCheck(i => {
        snapshotsOnly(i);
        i.records.dataUploads = [
          {
            cluster: 'prod',
            namespace: 'velero',
            name: 'du',
            uid: 'du',
            labels: {},
            lastSeenAt: NOW.toISOString(),
            backupName: 'payments-offsite-1',
            sourceNamespace: 'payments',
            sourcePVC: 'payments-data',
            phase: 'Completed',
          },
        ];
      });
      expect(check.status).toBe('pass');
      expect(check.summary).toContain(
        '3 copies on 2 storage systems, 1 current off-site (prod/velero/offsite)',
      );
    });

    it('does not take a manifests-only backup as a copy of the data', () => {
      const check = copiesCheck(i => {
        i.records.workloads = [workload(), pvc];
        i.records.backups = [
          backup({ volumeSnapshots: { attempted: 0, completed: 0 } }),
        ];
      });
      expect(check.status).toBe('fail');
      expect(check.summary).toContain(
        'only backups that hold its manifests but not its volume data',
      );
    });
  });

  describe('immutability', () => {
    const tier1: Change = i => {
      i.entity = component({ 'disaster-recovery/tier': '1' });
    };

    it.each<[string, Change, CheckStatus]>([
      ['tier 1 without an immutable copy', tier1, 'warn'],
      [
        'tier 1 with an immutable off-site copy',
        i => {
          tier1(i);
          withLocations(offsiteLocation({ immutable: true }))(i);
        },
        'pass',
      ],
      [
        'tier 1 when the option asks no tier for one',
        i => {
          tier1(i);
          i.options = { immutableCopyTiers: [] };
        },
        'pass',
      ],
      ['tier 2, which does not ask for one', () => {}, 'pass'],
    ])('%s', (_case, change, status) => {
      expect(copiesCheck(change).status).toBe(status);
    });
  });

  describe('databases', () => {
    const database = (overrides: Parameters<typeof postgresCluster>[0] = {}) =>
      postgresCluster({
        backupConfiguration: {
          barmanObjectStoreDestination: 's3://pg-backups/payments-db',
          barmanObjectStoreEndpoint: 'https://s3.eu-central-1.amazonaws.com',
          volumeSnapshot: true,
        },
        ...overrides,
      });
    const withDatabase =
      (
        cluster = database(),
        backups = [postgresBackup({ method: 'volumeSnapshot' })],
      ): Change =>
      i => {
        i.records.postgresClusters = [cluster];
        i.records.postgresBackups = backups;
      };

    it.each<[string, Change, CheckStatus, string]>([
      [
        'a barman store in another region and volume snapshots',
        withDatabase(),
        'pass',
        'database prod/payments/payments-db has 3 copies on 2 storage systems, 1 current off-site (s3://pg-backups/payments-db).',
      ],
      [
        'a barman store only',
        withDatabase(database(), []),
        'fail',
        'database prod/payments/payments-db has 2 copies',
      ],
      [
        'WAL archiving failing',
        withDatabase(
          database({
            conditions: [{ type: 'ContinuousArchiving', status: 'False' }],
          }),
        ),
        'fail',
        'WAL archiving of database prod/payments/payments-db is failing',
      ],
      [
        'a store whose region the destination does not name',
        withDatabase(
          database({
            backupConfiguration: {
              barmanObjectStoreDestination: 's3://pg-backups/payments-db',
              volumeSnapshot: true,
            },
          }),
        ),
        'unknown',
        'the provider or region of s3://pg-backups/payments-db or of its cluster is not known',
      ],
      [
        'a cluster collected before its backup setup was kept',
        withDatabase(database({ backupConfiguration: undefined })),
        'unknown',
        'database prod/payments/payments-db: where it is backed up to was not collected.',
      ],
      [
        'a barman-cloud ObjectStore not collected',
        withDatabase(
          database({
            backupConfiguration: { volumeSnapshot: false },
            pluginObjectStore: { name: 'store', serverName: 'payments-db' },
          }),
        ),
        'unknown',
        'the destination of its barman-cloud ObjectStore store was not collected',
      ],
    ])('%s', (_case, change, status, summary) => {
      expect(outcomeOf(change)).toEqual(outcome(status, summary));
    });

    it("does not ask Velero for the database's volumes, which barman copies", () => {
      const dbPvc = workload({
        kind: 'PersistentVolumeClaim',
        name: 'payments-db-1',
        labels: {
          'backstage.io/kubernetes-id': 'payments',
          'cnpg.io/cluster': 'payments-db',
        },
      });
      const noSnapshots = { attempted: 0, completed: 0 };
      const check = copiesCheck(i => {
        withDatabase()(i);
        i.records.workloads = [workload(), dbPvc];
        i.records.backups = [
          backup({ volumeSnapshots: noSnapshots }),
          { ...offsiteBackup(), volumeSnapshots: noSnapshots },
        ];
      });
      expect(check.status).toBe('pass');
      expect(check.summary).toContain(
        "the workloads' data has 3 copies on 3 storage systems, 1 current off-site (prod/velero/offsite).",
      );
    });

    it('still takes a backup that leaves out other volumes as manifests only', () => {
      const check = copiesCheck(i => {
        withDatabase()(i);
        i.records.workloads = [
          workload(),
          workload({ kind: 'PersistentVolumeClaim', name: 'uploads' }),
        ];
        i.records.backups = [
          backup({ volumeSnapshots: { attempted: 0, completed: 0 } }),
        ];
      });
      expect(check.status).toBe('fail');
      expect(check.summary).toContain(
        'only backups that hold its manifests but not its volume data',
      );
    });

    it('judges the database apart from the workloads: one short data set fails', () => {
      const check = copiesCheck(withDatabase(database(), []));
      expect(check.summary).not.toContain("the workloads' data");
      expect(check.evidence.values).toMatchObject({ copies: 2 });
    });
  });
});
