import type { Entity } from '@backstage/catalog-model';
import { startSimulator } from '@dr-posture/cluster-simulator';
import { builtInResourceKinds, finishedRecord } from '../backendInternals';
import {
  evaluateEntityPosture,
  postureRecordsOf,
  readTierPolicies,
  type ClusterFacts,
} from '@dr-posture/plugin-disaster-recovery-common';
import { scaleServiceEntities } from '../infra/scaleEntities';
import type { BenchProfile } from '../profile';
import { formatCount } from '../report/format';
import type { SuiteResult } from '../report/suiteResult';

/**
 * The records the evaluator hands the rules, built from the simulator's
 * objects by the collector's own row mapping.
 */
async function estateRecords(estate: BenchProfile['postureRules']['estate']) {
  const simulator = await startSimulator({
    scenario: 'scale',
    speed: 0,
    scale: {
      clusters: estate.clusters,
      namespacesPerCluster: estate.namespaces,
      days: estate.days,
      ...(estate.cron ? { cron: estate.cron } : {}),
    },
  });
  try {
    const now = simulator.now();
    const lastSeenAt = now.toISOString();
    const records = postureRecordsOf(
      builtInResourceKinds().map(kind => ({
        kind,
        records: simulator.clusters.flatMap(cluster =>
          simulator
            .objects(cluster.name, kind.apiVersion, kind.kind)
            .map(object =>
              finishedRecord(cluster.name, kind.toRow(object), { lastSeenAt }),
            ),
        ),
      })),
    );
    const clusterHealth = simulator.clusters.map(cluster => ({
      name: cluster.name,
      configured: true,
      lastSuccessAt: lastSeenAt,
    }));
    return { records, clusterHealth, clusters: simulator.clusters, now };
  } finally {
    await simulator.stop();
  }
}

/** Issue 8, item 5: the -common rules alone, entities per second. */
export async function benchPostureRules(
  profile: BenchProfile['postureRules'],
): Promise<SuiteResult> {
  const { records, clusterHealth, clusters, now } = await estateRecords(
    profile.estate,
  );
  const entities = scaleServiceEntities(clusters, profile.estate.namespaces);
  const policies = readTierPolicies(undefined);
  // As the backend passes its configured clusters: every record is split by
  // environment (once per estate) before the rules read it.
  const clusterFacts: ClusterFacts[] = clusters.map(cluster => ({
    name: cluster.name,
    role: 'production',
  }));
  const evaluate = (entity: Entity) =>
    evaluateEntityPosture({
      entity,
      policies,
      records,
      clusterHealth,
      clusters: clusterFacts,
      now,
    });
  // Warm-up: let the JIT compile the rules before timing.
  entities.slice(0, 20).forEach(evaluate);
  let evaluated = 0;
  const started = process.hrtime.bigint();
  const budgetNs = BigInt(Math.round(profile.seconds * 1e9));
  let elapsed = 0n;
  while (elapsed < budgetNs) {
    evaluate(entities[evaluated % entities.length]);
    evaluated += 1;
    elapsed = process.hrtime.bigint() - started;
  }
  const perSecond = evaluated / (Number(elapsed) / 1e9);
  const backups = records.backups?.length ?? 0;
  const schedules = records.schedules?.length ?? 0;
  return {
    id: 'postureRules',
    title: '5. Posture evaluation throughput',
    method: `\`evaluateEntityPosture\` from \`-common\` on one core, in a loop for ${profile.seconds} s, over entities that each name one Velero schedule, given the whole estate's records as the backend's evaluator does (the simulator's \`scale\` scenario: ${profile.estate.clusters} clusters × ${profile.estate.namespaces} namespaces, ${profile.estate.days} days of hourly Backups).`,
    table: {
      headers: [
        'entities',
        'Backups in the estate',
        'Schedules',
        'evaluations',
        'entities/s',
        'per entity',
      ],
      rows: [
        [
          formatCount(entities.length),
          formatCount(backups),
          formatCount(schedules),
          formatCount(evaluated),
          formatCount(perSecond),
          `${(1000 / perSecond).toFixed(2)} ms`,
        ],
      ],
      numeric: [0, 1, 2, 3, 4, 5],
    },
    notes: [],
    metrics: {
      'postureRules.perSecond': perSecond,
      'postureRules.backups': backups,
    },
  };
}
