import type { MetricsService } from '@backstage/backend-plugin-api/alpha';
import {
  STATUSES_WORST_FIRST,
  type EntityPostureSummary,
} from '@dr-posture/plugin-disaster-recovery-common';
import type { Knex } from 'knex';
import { METRIC_NAMES } from './metricNames';
import { singleFlight } from './singleFlight';

/** Scrapes closer together than this share one read of the postures. */
const POSTURES_TTL_MS = 10_000;

type Summary = Pick<
  EntityPostureSummary,
  | 'entityRef'
  | 'tier'
  | 'status'
  | 'rpoMs'
  | 'lastCleanBackupAt'
  | 'failingChecks'
>;

/**
 * Per-entity gauges read from the stored postures at each collection, so
 * that every replica reports the same values whichever evaluated them:
 * the age of the last clean backup, the RPO (both in seconds) and the
 * status (1 for the entity's status, 0 for the others). An entity whose
 * backup-freshness check fails with no clean backup at all reports an
 * infinite age, so that an alert on age over RPO fires for it too.
 * Labels: `entity_ref` and `tier` (`none` when undeclared).
 */
export function observePostures(
  metrics: MetricsService,
  db: Knex,
  now: () => number = Date.now,
): void {
  const read = singleFlight(POSTURES_TTL_MS, async (): Promise<Summary[]> => {
    const rows: Array<{ summary: string }> = await db('entity_postures').select(
      'summary',
    );
    return rows.map(row => JSON.parse(row.summary));
  });
  const labels = (summary: Summary) => ({
    entity_ref: summary.entityRef,
    tier: summary.tier ?? 'none',
  });

  metrics
    .createObservableGauge(METRIC_NAMES.lastCleanBackupAge, {
      description:
        'Age of the last clean backup covering the entity (+Inf when its backup freshness fails without any)',
      unit: 's',
    })
    .addCallback(async gauge => {
      for (const summary of await read()) {
        if (summary.lastCleanBackupAt) {
          gauge.observe(
            (now() - Date.parse(summary.lastCleanBackupAt)) / 1000,
            labels(summary),
          );
        } else if (
          summary.failingChecks.some(
            c => c.id === 'backup-freshness' && c.status === 'fail',
          )
        ) {
          gauge.observe(Infinity, labels(summary));
        }
      }
    });
  metrics
    .createObservableGauge(METRIC_NAMES.rpo, {
      description: "The entity's recovery point objective",
      unit: 's',
    })
    .addCallback(async gauge => {
      for (const summary of await read()) {
        if (summary.rpoMs !== undefined) {
          gauge.observe(summary.rpoMs / 1000, labels(summary));
        }
      }
    });
  metrics
    .createObservableGauge(METRIC_NAMES.entityStatus, {
      description:
        "The entity's disaster-recovery status: 1 for the status it has (label status), 0 for the others",
    })
    .addCallback(async gauge => {
      for (const summary of await read()) {
        for (const status of STATUSES_WORST_FIRST) {
          gauge.observe(summary.status === status ? 1 : 0, {
            ...labels(summary),
            status,
          });
        }
      }
    });
}
