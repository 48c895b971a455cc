import { Millis } from '../../time/timestamps.ts';

interface Check {
  name: string;
  passed: boolean;
  details?: string;
}

/**
 * A drill as the disaster-recovery backend records it (its `DrillRecord`),
 * plus `voidReason`: the demo voids that drill right after recording it.
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
  coversWholeService?: boolean;
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
    healthChecks?: Check[];
    applicationHealthChecks?: Check[];
    reconciliation?: { passed: boolean; details?: string };
    manualStepsNotInRunbook: string[];
    links?: Array<{
      type: 'runbook-change' | 'logs' | 'ticket' | 'other';
      url: string;
      title?: string;
    }>;
    notes?: string;
  };
  /** Not part of the record: why the demo voids it once recorded. */
  voidReason?: string;
}

/** The drill as the API takes it: without the demo's `voidReason`. */
export function demoDrillRecord(
  drill: DemoDrill,
): Omit<DemoDrill, 'voidReason'> {
  const { voidReason, ...record } = drill;
  return record;
}

const ref = (service: string) => `component:default/${service}`;
const runbook = (service: string) =>
  `https://runbooks.example.com/dr/${service}`;
const minutes = (n: number) => n * Millis.minute;
const healthy = (name: string): Check => ({ name, passed: true });

/**
 * The drills recorded in the demo, relative to `now` (epoch ms): each ended
 * `daysAgo` days before it and took its achieved RTO. A drill that proves
 * recovery carries the evidence its kind needs (the backup restored, the
 * restore target, the restored inventory, health checks, and for drills
 * application checks and the reconciliation).
 *
 * - successful and within policy for the healthy services, and an annual
 *   full DR test of the retail estate;
 * - customer-profile's drill yesterday failed (its off-site location is down);
 * - ledger-db's drill needed a step missing from the runbook, so it counts as
 *   failed (and meets no target), and ledger-db joined after the last full
 *   DR test;
 * - checkout-web's full DR test rerun 10 days ago failed after the one that
 *   passed 140 days ago;
 * - orders-db's restore test yesterday failed after the one of 2 days ago;
 * - catalog-search's DR drill 3 days ago failed on the 5-day-old index it
 *   restored;
 * - notifications-worker's drill succeeded but took 5 h against its 4 h RTO;
 * - docs-portal's restore test 10 days ago is incomplete: nobody recorded the
 *   restore target or checked the restored site;
 * - a restore test recorded for payments-api that belonged to another
 *   service was voided;
 * - analytics-etl's last drill is older than tier 3's quarterly interval,
 *   and it took part in no full DR test.
 */
export function demoDrills(now: number): DemoDrill[] {
  const at = (daysAgo: number, offsetMs = 0) =>
    new Date(now - daysAgo * Millis.day + offsetMs).toISOString();
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
  /**
   * What a drill that proves recovery records: the backup restored (taken
   * `rpoMs` before the restore target, an hour before the drill), the
   * restored inventory of each service and its health checks.
   */
  const proven = (
    services: readonly string[],
    daysAgo: number,
    durationMs: number,
    rpoMs: number,
  ): Partial<DemoDrill['evidence']> => {
    const target = now - daysAgo * Millis.day - durationMs - Millis.hour;
    return {
      backup: {
        name: `${services[0]}-restore-point`,
        createdAt: new Date(target - rpoMs).toISOString(),
      },
      restoreTargetTime: new Date(target).toISOString(),
      namespaceInventory: services.map(service => ({
        namespace: `${service}-drill`,
        expectedObjects: 64,
        restoredObjects: 64,
      })),
      healthChecks: services.map(service => healthy(`${service} readiness`)),
      applicationHealthChecks: services.map(service =>
        healthy(`${service} smoke test`),
      ),
      reconciliation: {
        passed: true,
        details: 'row counts and checksums matched the source',
      },
    };
  };
  /** A succeeded drill of one service with all its evidence. */
  const provenDrill = (
    kind: DemoDrill['kind'],
    service: string,
    daysAgo: number,
    rtoMs: number,
    rpoMs: number,
    extra: Partial<Omit<DemoDrill, 'evidence'>> & {
      evidence?: Partial<DemoDrill['evidence']>;
    } = {},
  ) =>
    drill({
      kind,
      entityRefs: [ref(service)],
      daysAgo,
      durationMs: rtoMs,
      outcome: 'succeeded',
      achievedRtoMs: rtoMs,
      achievedRpoMs: rpoMs,
      runbookUrl: runbook(service),
      evidence: proven([service], daysAgo, rtoMs, rpoMs),
      ...extra,
    });

  const commerce = ['payments-api', 'orders-db', 'checkout-web'];
  const retail = [
    'inventory-service',
    'catalog-search',
    'notifications-worker',
    'reporting-batch',
    'docs-portal',
    'feature-flags',
  ];
  return [
    drill({
      kind: 'full-dr-test',
      entityRefs: commerce.map(ref),
      daysAgo: 140,
      durationMs: minutes(100),
      outcome: 'succeeded',
      achievedRtoMs: minutes(100),
      achievedRpoMs: minutes(4),
      performedBy: 'group:default/team-payments',
      evidence: {
        ...proven(commerce, 140, minutes(100), minutes(4)),
        reconciliation: {
          passed: true,
          details: 'orders and ledger totals matched the source',
        },
        links: [
          {
            type: 'ticket',
            url: 'https://tickets.example.com/DR-140',
            title: 'Annual commerce DR test',
          },
        ],
        notes:
          'Annual rehearsal of losing prod-eu-active: commerce rebuilt on prod-us-standby.',
      },
    }),
    drill({
      kind: 'full-dr-test',
      entityRefs: retail.map(ref),
      daysAgo: 200,
      durationMs: minutes(180),
      outcome: 'succeeded',
      achievedRtoMs: minutes(180),
      achievedRpoMs: minutes(30),
      performedBy: 'group:default/team-platform',
      evidence: {
        ...proven(retail, 200, minutes(180), minutes(30)),
        notes:
          'Annual rehearsal for the retail services: rebuilt on prod-us-standby from the off-site copies.',
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
        applicationHealthChecks: [
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
    provenDrill('failover-drill', 'payments-api', 21, minutes(70), minutes(6), {
      entityRefs: ['payments-api', 'checkout-web'].map(ref),
      performedBy: 'group:default/team-payments',
      evidence: (({ backup, restoreTargetTime, ...rest }) => rest)(
        proven(['payments-api', 'checkout-web'], 21, minutes(70), minutes(6)),
      ),
    }),
    // Recorded against payments-api by mistake, then voided: it stays in
    // the history, struck out, and counts for nothing.
    {
      ...provenDrill(
        'restore-test',
        'payments-api',
        4,
        minutes(30),
        minutes(5),
      ),
      voidReason:
        'Recorded for the wrong service: this was the orders-db restore test.',
    },
    provenDrill('restore-test', 'orders-db', 2, minutes(35), minutes(2), {
      // The database is the whole service.
      coversWholeService: true,
      evidence: {
        ...proven(['orders-db'], 2, minutes(35), minutes(2)),
        database: { walEnd: '0/9A000060' },
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
    provenDrill('dr-drill', 'orders-db', 45, minutes(80), minutes(5)),
    provenDrill('dr-drill', 'ledger-db', 12, minutes(110), minutes(10), {
      evidence: {
        ...proven(['ledger-db'], 12, minutes(110), minutes(10)),
        manualStepsNotInRunbook: [
          're-created the barman object-store credentials secret by hand',
        ],
      },
    }),
    provenDrill('dr-drill', 'inventory-service', 50, minutes(90), minutes(20)),
    provenDrill('dr-drill', 'catalog-search', 30, minutes(120), minutes(20)),
    // Everything came back, but an hour later than the 4 h RTO allows.
    provenDrill(
      'dr-drill',
      'notifications-worker',
      65,
      minutes(300),
      minutes(20),
      {
        evidence: {
          ...proven(['notifications-worker'], 65, minutes(300), minutes(20)),
          links: [
            {
              type: 'runbook-change',
              url: 'https://git.example.com/runbooks/pull/88',
              title: 'Restore the queue before the workers',
            },
          ],
        },
      },
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
    provenDrill(
      'dr-drill',
      'reporting-batch',
      60,
      20 * Millis.hour,
      6 * Millis.hour,
    ),
    provenDrill(
      'restore-test',
      'reporting-batch',
      20,
      minutes(90),
      6 * Millis.hour,
    ),
    provenDrill('dr-drill', 'docs-portal', 80, minutes(180), 6 * Millis.hour),
    // Restored, but nobody wrote down the restore target or checked the site.
    drill({
      kind: 'restore-test',
      entityRefs: [ref('docs-portal')],
      daysAgo: 10,
      durationMs: minutes(40),
      outcome: 'succeeded',
      achievedRtoMs: minutes(40),
      runbookUrl: runbook('docs-portal'),
      evidence: {
        backup: {
          name: 'docs-portal-every-24h-restore-point',
          createdAt: at(10, -3 * Millis.hour),
        },
        namespaceInventory: [
          {
            namespace: 'docs-portal-drill',
            expectedObjects: 12,
            restoredObjects: 12,
          },
        ],
      },
    }),
    // The team drilled it but never wrote the runbook down.
    {
      ...provenDrill(
        'dr-drill',
        'feature-flags',
        60,
        minutes(40),
        6 * Millis.hour,
      ),
      runbookUrl: undefined,
    },
    provenDrill(
      'restore-test',
      'feature-flags',
      40,
      minutes(30),
      6 * Millis.hour,
      {
        runbookUrl: undefined,
      },
    ),
    // Older than tier 3's quarterly drill interval.
    provenDrill(
      'dr-drill',
      'analytics-etl',
      400,
      20 * Millis.hour,
      6 * Millis.hour,
      {
        runbookUrl: undefined,
      },
    ),
  ];
}
