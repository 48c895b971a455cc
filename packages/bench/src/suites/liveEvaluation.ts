import { startSimulator, type KubeObject } from '@dr-posture/cluster-simulator';
import knexFactory from 'knex';
import {
  applyDatabaseMigrations,
  builtInResourceKinds,
  collectCluster,
  DatabaseResourceStore,
  simulatedClusterConfig,
} from '../backendInternals';
import {
  createDatabase,
  databasePrefix,
  databaseUrl,
  dropDatabases,
} from '../infra/postgres';
import { scaleServiceEntities } from '../infra/scaleEntities';
import type { ScaleEstate } from '../infra/simulatorProcess';
import { benchEvaluator } from '../infra/benchEvaluator';
import type { BenchProfile } from '../profile';
import { formatCount, formatSeconds } from '../report/format';
import type { SuiteResult } from '../report/suiteResult';
import { quietLogger } from '../workers/workerInput';

interface EvaluationSizes {
  /** Daily backups, so that one service is one namespace of one cluster. */
  estate: ScaleEstate;
  /** Rounds with one changed backup each, measured. */
  changeRounds: number;
  /** Rounds with nothing changed, measured. */
  idleRounds: number;
  /** Full evaluations measured (the old cadence ran one a minute). */
  fullRuns: number;
}

const SIZES: Record<BenchProfile['mode'], EvaluationSizes> = {
  full: {
    estate: { clusters: 5, namespaces: 1000, days: 2, cron: '0 3 * * *' },
    changeRounds: 50,
    idleRounds: 600,
    fullRuns: 5,
  },
  quick: {
    estate: { clusters: 5, namespaces: 1000, days: 2, cron: '0 3 * * *' },
    changeRounds: 10,
    idleRounds: 60,
    fullRuns: 2,
  },
};

/** The simulator's frozen clock, and the evaluations' clock. */
const START = new Date('2026-11-20T12:30:00.000Z');
/** The scheduled round of `evaluation.debounce`'s default. */
const ROUND_MS = 2_000;
const ROUNDS_AN_HOUR = 3_600_000 / ROUND_MS;
/** The old `posture.evaluationFrequency`: every entity every minute. */
const FULL_EVERY_MS = 60_000;
/** Of the entities, the share whose backups change in an hour. */
const CHANGING_SHARE = 0.01;

const cpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

/** The CPU seconds `work` took, and what it returned. */
async function cpuOf<T>(work: () => Promise<T>): Promise<[number, T]> {
  const before = cpuSeconds();
  const value = await work();
  return [cpuSeconds() - before, value];
}

const mean = (values: readonly number[]) =>
  values.reduce((sum, value) => sum + value, 0) / values.length;

/**
 * Issue 20's evaluation benchmark: evaluation CPU an hour at 5,000
 * services with 1 % of them changing an hour, incremental rounds (with
 * their hourly full evaluation) against a full evaluation every minute.
 */
export async function benchLiveEvaluation(
  mode: BenchProfile['mode'],
): Promise<SuiteResult> {
  const sizes = SIZES[mode];
  const { estate } = sizes;
  const simulator = await startSimulator({
    scenario: 'scale',
    scale: {
      clusters: estate.clusters,
      namespacesPerCluster: estate.namespaces,
      days: estate.days,
      cron: estate.cron,
    },
    startTime: START,
    speed: 0,
    tls: false,
  });
  const prefix = databasePrefix('live_evaluation');
  const knex = knexFactory({
    client: 'pg',
    connection: databaseUrl(await createDatabase(`${prefix}db`)),
    pool: { min: 0, max: 10 },
  });
  try {
    await applyDatabaseMigrations(knex);
    const store = DatabaseResourceStore.create(knex);
    const resourceKinds = builtInResourceKinds();
    for (const info of simulator.clusters) {
      const result = await collectCluster({
        cluster: simulatedClusterConfig(info),
        resourceKinds,
        store,
        logger: quietLogger,
        pageSize: 500,
        deadline: Date.now() + 30 * 60_000,
        now: () => START,
      });
      if (result.status !== 'succeeded') {
        throw new Error(`collecting ${info.name} failed: ${result.error}`);
      }
    }
    const entities = scaleServiceEntities(
      simulator.clusters,
      estate.namespaces,
    );
    const evaluator = benchEvaluator({
      knex,
      store,
      entities: entities,
      clusters: simulator.clusters,
      resourceKinds,
    });
    const backupKind = resourceKinds.find(
      kind => kind.apiVersion === 'velero.io/v1' && kind.kind === 'Backup',
    )!;

    /** A new completed backup of one service, written as a watch writes it. */
    const completeBackup = async (index: number, at: Date) => {
      const entity = entities[(index * 97) % entities.length];
      const [cluster, schedule] =
        entity.metadata.annotations![
          'disaster-recovery/velero-schedules'
        ].split('/velero/');
      const template = simulator
        .objects(cluster, 'velero.io/v1', 'Backup')
        .find(
          b => b.metadata.labels?.['velero.io/schedule-name'] === schedule,
        )!;
      const {
        uid,
        resourceVersion,
        creationTimestamp,
        generation,
        ...metadata
      } = template.metadata as KubeObject['metadata'] & Record<string, unknown>;
      const stamp = at.toISOString().replace('.000', '');
      const applied = simulator.apply(cluster, {
        ...template,
        metadata: { ...metadata, name: `${schedule}-live-${index}` },
        status: {
          ...(template.status as object),
          phase: 'Completed',
          startTimestamp: stamp,
          completionTimestamp: stamp,
        },
      });
      await store.upsertPage(
        cluster,
        backupKind.id,
        [{ row: backupKind.toRow(applied), raw: applied }],
        at,
      );
    };

    // The first full evaluation is also the incremental mode's hourly one.
    let clock = START.getTime();
    const [firstFull] = await cpuOf(() =>
      evaluator.evaluateAll(new Date(clock)),
    );

    const changeRounds: number[] = [];
    const idleRounds: number[] = [];
    const idleBetween = Math.ceil(sizes.idleRounds / sizes.changeRounds);
    let judged = 0;
    const round = async () => {
      clock += ROUND_MS;
      const at = new Date(clock);
      return cpuOf(() => evaluator.evaluateChanges(at));
    };
    for (let change = 0; change < sizes.changeRounds; change++) {
      await completeBackup(change, new Date(clock + ROUND_MS - 1_000));
      const [cpu, entitiesJudged] = await round();
      changeRounds.push(cpu);
      judged += entitiesJudged;
      for (let i = 0; i < idleBetween; i++) {
        idleRounds.push((await round())[0]);
      }
    }
    const fullRuns: number[] = [];
    const fullRun = async () => {
      clock += FULL_EVERY_MS;
      const at = new Date(clock);
      // As the evaluator did every minute before it was incremental.
      return cpuOf(() => evaluator.evaluateEntities(entities, at));
    };
    for (let i = 0; i < sizes.fullRuns; i++) {
      fullRuns.push((await fullRun())[0]);
    }

    const changesAnHour = Math.round(entities.length * CHANGING_SHARE);
    const incrementalAnHour =
      firstFull +
      changesAnHour * mean(changeRounds) +
      (ROUNDS_AN_HOUR - changesAnHour) * mean(idleRounds);
    const fullAnHour = mean(fullRuns) * (3_600_000 / FULL_EVERY_MS);
    return {
      id: 'liveEvaluation',
      title: '8. Evaluation CPU: incremental against full',
      method: `The \`scale\` scenario at ${formatCount(
        entities.length,
      )} services (${estate.clusters} clusters × ${
        estate.namespaces
      } namespaces, daily backups, frozen clock) collected into PostgreSQL; the evaluator in this process, its clock stepped by hand. Incremental: one full evaluation an hour (its safety net), and a round every ${
        ROUND_MS / 1000
      } s; ${formatCount(
        changesAnHour,
      )} of them (1 % of the services) each follow a new completed backup of one service, written through the store as a watch writes it. ${
        sizes.changeRounds
      } such rounds and ${
        idleRounds.length
      } rounds with nothing changed were measured, each mean times its count an hour. Full: every entity evaluated every minute (the cadence before it was incremental), ${
        sizes.fullRuns
      } measured, the mean times 60. CPU is this process's (user + system), the database's excluded.`,
      table: {
        headers: ['', 'CPU an hour', 'per run', 'runs an hour'],
        rows: [
          [
            'incremental, round with a change',
            formatSeconds(changesAnHour * mean(changeRounds)),
            `${(mean(changeRounds) * 1000).toFixed(1)} ms`,
            formatCount(changesAnHour),
          ],
          [
            'incremental, round with nothing changed',
            formatSeconds((ROUNDS_AN_HOUR - changesAnHour) * mean(idleRounds)),
            `${(mean(idleRounds) * 1000).toFixed(1)} ms`,
            formatCount(ROUNDS_AN_HOUR - changesAnHour),
          ],
          [
            'incremental, hourly full evaluation',
            formatSeconds(firstFull),
            formatSeconds(firstFull),
            '1',
          ],
          ['incremental, total', formatSeconds(incrementalAnHour), '', ''],
          [
            'full every minute',
            formatSeconds(fullAnHour),
            formatSeconds(mean(fullRuns)),
            '60',
          ],
        ],
        numeric: [1, 2, 3],
      },
      notes: [
        `Incremental rounds with a change judged ${(
          judged / sizes.changeRounds
        ).toFixed(
          1,
        )} entities each on average. The hourly full evaluation also works out what each entity reads and when time alone turns its statuses, which a plain full evaluation does not.`,
      ],
      metrics: {
        'liveEvaluation.incrementalCpuSecondsPerHour': incrementalAnHour,
        'liveEvaluation.fullCpuSecondsPerHour': fullAnHour,
        'liveEvaluation.incrementalShare': incrementalAnHour / fullAnHour,
      },
    };
  } finally {
    await knex.destroy();
    await simulator.stop();
    await dropDatabases(prefix);
  }
}
