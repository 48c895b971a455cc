import { Millis } from '../../time/timestamps.ts';

/**
 * A drill as the disaster-recovery backend records it (its `DrillRecord`).
 * Written out here because this package runs under Node's type stripping
 * and cannot import the plugin's sources; the backend's demo test parses
 * every drill with the plugin's schema, so the two cannot drift apart.
 */
export interface DemoDrill {
  kind: 'restore-test' | 'dr-drill' | 'full-dr-test' | 'failover-drill';
  entityRefs: string[];
  startedAt: string;
  endedAt: string;
  outcome: 'succeeded' | 'failed';
  achievedRtoMs?: number;
  achievedRpoMs?: number;
  runbookUrl?: string;
  performedBy?: string;
  evidence: {
    backup?: { name: string; createdAt: string };
    restoreTargetTime?: string;
    database?: { checkpoint?: string; walEnd?: string };
    namespaceInventory?: Array<{
      namespace: string;
      expectedObjects: number;
      restoredObjects: number;
    }>;
    healthChecks?: Array<{ name: string; passed: boolean; details?: string }>;
    reconciliation?: { passed: boolean; details?: string };
    manualStepsNotInRunbook: string[];
    notes?: string;
  };
}

const ref = (service: string) => `component:default/${service}`;
const runbook = (service: string) =>
  `https://runbooks.example.com/dr/${service}`;
const minutes = (n: number) => n * Millis.minute;

/**
 * The drills recorded in the demo, relative to `now` (epoch ms): each ended
 * `daysAgo` days before it and took `rtoMs` (the achieved RTO).
 *
 * - successful and within policy for the healthy services;
 * - customer-profile's drill yesterday failed (its off-site location is down);
 * - ledger-db's drill needed a step missing from the runbook, so it counts as
 *   failed, and ledger-db joined after the last full DR test;
 * - checkout-web's full DR test rerun 10 days ago failed after the one that
 *   passed 140 days ago;
 * - orders-db's restore test yesterday failed after the one of 2 days ago;
 * - catalog-search's DR drill 3 days ago failed, and missed its RTO and RPO
 *   (the index it restored was from the paused schedule);
 * - analytics-etl's last drill is older than tier 3's yearly interval.
 */
export function demoDrills(now: number): DemoDrill[] {
  const drill = (
    options: Omit<DemoDrill, 'startedAt' | 'endedAt' | 'evidence'> & {
      daysAgo: number;
      durationMs: number;
      evidence?: Partial<DemoDrill['evidence']>;
    },
  ): DemoDrill => {
    const { daysAgo, durationMs, evidence, ...rest } = options;
    const endedAt = now - daysAgo * Millis.day;
    return {
      ...rest,
      startedAt: new Date(endedAt - durationMs).toISOString(),
      endedAt: new Date(endedAt).toISOString(),
      evidence: { manualStepsNotInRunbook: [], ...evidence },
    };
  };
  const healthy = (name: string) => ({ name, passed: true });
  return [
    drill({
      kind: 'full-dr-test',
      entityRefs: ['payments-api', 'orders-db', 'checkout-web'].map(ref),
      daysAgo: 140,
      durationMs: minutes(100),
      outcome: 'succeeded',
      achievedRtoMs: minutes(100),
      achievedRpoMs: minutes(4),
      performedBy: 'group:default/team-payments',
      evidence: {
        healthChecks: [
          healthy('checkout smoke test'),
          healthy('card authorisation'),
        ],
        reconciliation: {
          passed: true,
          details: 'orders and ledger totals matched the source',
        },
        notes:
          'Annual rehearsal of losing prod-eu-active: commerce rebuilt on prod-us-standby.',
      },
    }),
    drill({
      kind: 'full-dr-test',
      entityRefs: [ref('checkout-web')],
      daysAgo: 10,
      durationMs: minutes(150),
      outcome: 'failed',
      achievedRtoMs: minutes(150),
      performedBy: 'group:default/team-payments',
      evidence: {
        healthChecks: [
          {
            name: 'checkout smoke test',
            passed: false,
            details: 'sessions lost: the session store was not in the backup',
          },
        ],
        notes:
          'Rerun after the move to hot-hot: checkout came back on prod-us-standby without its sessions.',
      },
    }),
    drill({
      kind: 'failover-drill',
      entityRefs: ['payments-api', 'checkout-web'].map(ref),
      daysAgo: 21,
      durationMs: minutes(70),
      outcome: 'succeeded',
      achievedRtoMs: minutes(70),
      achievedRpoMs: minutes(6),
      runbookUrl: runbook('payments-api'),
      performedBy: 'group:default/team-payments',
      evidence: { healthChecks: [healthy('card authorisation')] },
    }),
    drill({
      kind: 'restore-test',
      entityRefs: [ref('orders-db')],
      daysAgo: 2,
      durationMs: minutes(35),
      outcome: 'succeeded',
      achievedRtoMs: minutes(35),
      achievedRpoMs: minutes(2),
      runbookUrl: runbook('orders-db'),
      evidence: {
        restoreTargetTime: new Date(
          now - 2 * Millis.day - minutes(40),
        ).toISOString(),
        database: { walEnd: '0/9A000060' },
        reconciliation: {
          passed: true,
          details: 'row counts of orders and order_lines matched',
        },
        notes:
          'Point-in-time recovery into a scratch cluster from the barman-cloud ObjectStore.',
      },
    }),
    drill({
      kind: 'restore-test',
      entityRefs: [ref('orders-db')],
      daysAgo: 1,
      durationMs: minutes(25),
      outcome: 'failed',
      runbookUrl: runbook('orders-db'),
      evidence: {
        notes:
          'The scratch cluster ran out of disk while replaying WAL; retried tomorrow with a larger volume.',
      },
    }),
    drill({
      kind: 'dr-drill',
      entityRefs: [ref('orders-db')],
      daysAgo: 45,
      durationMs: minutes(80),
      outcome: 'succeeded',
      achievedRtoMs: minutes(80),
      achievedRpoMs: minutes(5),
      runbookUrl: runbook('orders-db'),
      evidence: { reconciliation: { passed: true } },
    }),
    drill({
      kind: 'dr-drill',
      entityRefs: [ref('ledger-db')],
      daysAgo: 12,
      durationMs: minutes(110),
      outcome: 'succeeded',
      achievedRtoMs: minutes(110),
      achievedRpoMs: minutes(10),
      runbookUrl: runbook('ledger-db'),
      evidence: {
        manualStepsNotInRunbook: [
          're-created the barman object-store credentials secret by hand',
        ],
        reconciliation: { passed: true },
      },
    }),
    ...(
      [
        ['inventory-service', 50, 90],
        ['catalog-search', 30, 120],
        ['notifications-worker', 65, 45],
      ] as const
    ).map(([service, daysAgo, rto]) =>
      drill({
        kind: 'dr-drill',
        entityRefs: [ref(service)],
        daysAgo,
        durationMs: minutes(rto),
        outcome: 'succeeded',
        achievedRtoMs: minutes(rto),
        achievedRpoMs: minutes(20),
        runbookUrl: runbook(service),
        evidence: {
          namespaceInventory: [
            {
              namespace: `${service}-drill`,
              expectedObjects: 64,
              restoredObjects: 64,
            },
          ],
          healthChecks: [healthy(`${service} readiness`)],
        },
      }),
    ),
    drill({
      kind: 'dr-drill',
      entityRefs: [ref('catalog-search')],
      daysAgo: 3,
      durationMs: 5 * Millis.hour,
      outcome: 'failed',
      achievedRtoMs: 5 * Millis.hour,
      achievedRpoMs: 5 * Millis.day,
      runbookUrl: runbook('catalog-search'),
      evidence: {
        namespaceInventory: [
          {
            namespace: 'catalog-search-drill',
            expectedObjects: 64,
            restoredObjects: 64,
          },
        ],
        healthChecks: [
          {
            name: 'catalog-search readiness',
            passed: false,
            details: 'the restored index was 5 days old and had to be rebuilt',
          },
        ],
      },
    }),
    drill({
      kind: 'dr-drill',
      entityRefs: [ref('customer-profile')],
      daysAgo: 1,
      durationMs: minutes(50),
      outcome: 'failed',
      runbookUrl: runbook('customer-profile'),
      evidence: {
        notes:
          'Restore from the customer-data location failed: AccessDenied (403).',
      },
    }),
    ...(
      [
        ['reporting-batch', 120, 20 * 60],
        ['docs-portal', 200, 180],
        // The team drilled it but never wrote the runbook down.
        ['feature-flags', 150, 40],
        // Older than tier 3's yearly interval.
        ['analytics-etl', 400, 20 * 60],
      ] as const
    ).map(([service, daysAgo, rto]) =>
      drill({
        kind: 'dr-drill',
        entityRefs: [ref(service)],
        daysAgo,
        durationMs: minutes(rto),
        outcome: 'succeeded',
        achievedRtoMs: minutes(rto),
        achievedRpoMs: 6 * Millis.hour,
      }),
    ),
  ];
}
