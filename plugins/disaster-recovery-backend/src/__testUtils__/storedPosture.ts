import type {
  CheckStatus,
  EntityPostureResponse,
} from '@dr-posture/plugin-disaster-recovery-common';
import type { StoredPosture } from '../database/DatabasePostureStore';

/**
 * A stored posture of `component:default/<name>` owned by team-a, with
 * these checks (overall status: the worst of them unless given), judged
 * against a tier with a 15 min RPO.
 */
export function storedPosture(options: {
  name: string;
  checks?: Record<string, CheckStatus>;
  status?: CheckStatus;
  tier?: string;
  evaluatedAt?: string;
  lastCleanBackupAt?: string;
}): StoredPosture {
  const { name, checks = {}, tier, lastCleanBackupAt } = options;
  const statuses = Object.values(checks);
  const status: CheckStatus =
    options.status ??
    (['fail', 'warn', 'unknown', 'pass'] as const).find(s =>
      statuses.includes(s),
    ) ??
    'unknown';
  const entityRef = `component:default/${name}`;
  const detail = {
    summary: {
      entityRef,
      kind: 'Component',
      namespace: 'default',
      name,
      owner: 'group:default/team-a',
      tier,
      status,
      failingChecks: [],
      lastCleanBackupAt,
      evaluatedAt: options.evaluatedAt ?? '2026-11-20T12:00:00.000Z',
    },
    policy: {
      tier: { ok: true, value: { id: tier ?? '1' }, source: 'annotation' },
      rpoMs: { ok: true, value: 900_000, source: 'tier' },
      rtoMs: { ok: true, value: 7_200_000, source: 'tier' },
      runbookUrl: { ok: false, problem: 'missing', reason: 'No runbook' },
    },
    posture: {
      entityRef,
      status,
      checks: Object.entries(checks).map(([id, checkStatus]) => ({
        id,
        title: `Title of ${id}`,
        status: checkStatus,
        summary: `${id} is ${checkStatus}`,
        evidence: { refs: [], values: {} },
      })),
    },
  } as unknown as EntityPostureResponse;
  return { detail, dependsOn: [] };
}
