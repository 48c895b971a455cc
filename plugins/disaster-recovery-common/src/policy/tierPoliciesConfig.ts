import { z } from 'zod';
import { parseDuration } from '../durations';
import {
  DEFAULT_RETENTION_AND_COPIES,
  DEFAULT_TIER_POLICIES,
} from './defaultTierPolicies';
import type { TierPolicy } from './types';

/** The config key the tier list is read from; error messages start with it. */
const CONFIG_KEY = 'disasterRecovery.tiers';

const duration = z.string().transform((text, context) => {
  const milliseconds = parseDuration(text);
  if (milliseconds === undefined || milliseconds <= 0) {
    context.addIssue({
      code: 'custom',
      message: `"${text}" is not a positive duration such as 15m, 2h or 1d`,
    });
    return z.NEVER;
  }
  return milliseconds;
});

const tierConfigSchema = z.strictObject({
  // YAML reads `id: 1` as a number; annotations are strings.
  id: z.union([z.string().trim().min(1), z.number()]).transform(String),
  title: z.string().optional(),
  rpo: duration.optional(),
  rto: duration.optional(),
  restoreTestEvery: duration.optional(),
  drillEvery: duration.optional(),
  fullDrTestEvery: duration.optional(),
  failoverDrillEvery: duration.optional(),
  retention: z
    .union([
      // One duration, the form before retention was per component: how far
      // back restores must reach, so the weekly and PostgreSQL retention.
      duration.transform(
        (
          ms,
        ): {
          hourly?: number;
          daily?: number;
          weekly: number;
          postgres: number;
        } => ({
          weekly: ms,
          postgres: ms,
        }),
      ),
      z.strictObject({
        hourly: duration.optional(),
        daily: duration.optional(),
        weekly: duration.optional(),
        postgres: duration.optional(),
      }),
    ])
    .optional(),
  baseBackupEvery: duration.optional(),
  copies: z.number().int().min(1).optional(),
  offsiteCopies: z.number().int().min(0).optional(),
});

/**
 * The zod schema of the `disasterRecovery.tiers` config: a list of tiers in
 * restore order, durations written like `15m`, `2h` or `30d`.
 *
 * ```yaml
 * disasterRecovery:
 *   tiers:
 *     - id: '1'
 *       rpo: 15m
 *       rto: 2h
 *       restoreTestEvery: 7d
 *       drillEvery: 90d
 *       fullDrTestEvery: 365d
 *       failoverDrillEvery: 90d  # hot-warm entities only
 *       retention:
 *         hourly: 48h    # Velero backups of schedules that run at least hourly
 *         daily: 7d      # ... at least daily
 *         weekly: 30d    # ... less often
 *         postgres: 30d  # CloudNativePG retention and recovery window
 *       # or one duration for weekly and postgres: `retention: 30d`
 *       baseBackupEvery: 1d
 *       copies: 3
 *       offsiteCopies: 1
 * ```
 *
 * The list replaces the default tiers. A tier whose id is a default one
 * (`1`, `2`, `3`) takes the default for any field it leaves out; any other
 * tier must give `rpo` and `rto`. Use {@link readTierPolicies} rather than
 * this schema directly to get the merged policies and errors that name the
 * config key.
 *
 * @public
 */
export const tierPoliciesConfigSchema = z
  .array(tierConfigSchema)
  .superRefine((tiers, context) => {
    const seen = new Set<string>();
    tiers.forEach((tier, index) => {
      if (seen.has(tier.id)) {
        context.addIssue({
          code: 'custom',
          path: [index, 'id'],
          message: `tier "${tier.id}" is configured more than once`,
        });
      }
      seen.add(tier.id);
      const isDefault = DEFAULT_TIER_POLICIES.some(d => d.id === tier.id);
      for (const key of ['rpo', 'rto'] as const) {
        if (!isDefault && tier[key] === undefined) {
          context.addIssue({
            code: 'custom',
            path: [index, key],
            message: `is required for tier "${tier.id}", which has no default`,
          });
        }
      }
    });
  });

function configPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>(
    (text, part) =>
      typeof part === 'number' ? `${text}[${part}]` : `${text}.${String(part)}`,
    CONFIG_KEY,
  );
}

/**
 * Reads the `disasterRecovery.tiers` config value (as returned by
 * `config.getOptional('disasterRecovery.tiers')`) into tier policies, in
 * restore order. Without a value the {@link DEFAULT_TIER_POLICIES} apply.
 *
 * @throws Error naming every invalid key, e.g.
 *   `disasterRecovery.tiers[0].rpo: "15x" is not a positive duration such as 15m, 2h or 1d`.
 * @public
 */
export function readTierPolicies(value: unknown): TierPolicy[] {
  if (value === undefined || value === null) {
    return DEFAULT_TIER_POLICIES.map(tier => ({ ...tier }));
  }
  const parsed = tierPoliciesConfigSchema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      issue => `${configPath(issue.path)}: ${issue.message}`,
    );
    throw new Error(`Invalid ${CONFIG_KEY} config: ${problems.join('; ')}`);
  }
  return parsed.data.map(tier => {
    const base: Partial<TierPolicy> & typeof DEFAULT_RETENTION_AND_COPIES =
      DEFAULT_TIER_POLICIES.find(d => d.id === tier.id) ??
      DEFAULT_RETENTION_AND_COPIES;
    // The schema has already required rpo and rto of tiers without a default,
    // so `?? 0` is only there for the type checker.
    return {
      id: tier.id,
      title: tier.title ?? base.title ?? `Tier ${tier.id}`,
      rpoMs: tier.rpo ?? base.rpoMs ?? 0,
      rtoMs: tier.rto ?? base.rtoMs ?? 0,
      restoreTestIntervalMs:
        tier.restoreTestEvery ?? base.restoreTestIntervalMs,
      drillIntervalMs: tier.drillEvery ?? base.drillIntervalMs,
      fullDrTestIntervalMs: tier.fullDrTestEvery ?? base.fullDrTestIntervalMs,
      failoverDrillIntervalMs:
        tier.failoverDrillEvery ?? base.failoverDrillIntervalMs,
      retentionMs: tier.retention?.postgres ?? base.retentionMs,
      kubernetesRetentionMs: {
        hourlyMs: tier.retention?.hourly ?? base.kubernetesRetentionMs.hourlyMs,
        dailyMs: tier.retention?.daily ?? base.kubernetesRetentionMs.dailyMs,
        weeklyMs: tier.retention?.weekly ?? base.kubernetesRetentionMs.weeklyMs,
      },
      baseBackupIntervalMs: tier.baseBackupEvery ?? base.baseBackupIntervalMs,
      minimumCopies: tier.copies ?? base.minimumCopies,
      minimumOffsiteCopies: tier.offsiteCopies ?? base.minimumOffsiteCopies,
    };
  });
}
