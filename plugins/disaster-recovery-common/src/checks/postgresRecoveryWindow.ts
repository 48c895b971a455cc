import { formatDuration } from '../durations';
import type { PostgresClusterRecord, RecoveryWindow } from '../records';
import {
  describeRef,
  millisecondsSince,
  refOf,
  type PostureContext,
} from './context';
import { defineCheck, verdict } from './definition';
import { worstFindings } from './worstFindings';
import { postgresClustersToJudge } from './postgresScope';
import type { EvidenceRef } from './types';

/**
 * The point-in-time-recovery window of a cluster: from the barman-cloud
 * plugin's ObjectStore (serverRecoveryWindows[serverName]) when the cluster
 * backs up through it, else the Cluster's deprecated status fields.
 */
export function recoveryWindowOf(
  context: PostureContext,
  cluster: PostgresClusterRecord,
): { window?: RecoveryWindow; ref: EvidenceRef; source: string } {
  const plugin = cluster.pluginObjectStore;
  if (!plugin) {
    return {
      window: cluster.statusRecoveryWindow,
      ref: refOf('Cluster', cluster),
      source: 'Cluster status',
    };
  }
  const store = context.postgres.objectStores.find(
    s =>
      s.cluster === cluster.cluster &&
      s.namespace === cluster.namespace &&
      s.name === plugin.name,
  );
  const ref = refOf('ObjectStore', { ...cluster, name: plugin.name });
  return {
    window: store?.serverRecoveryWindows[plugin.serverName],
    ref,
    source: `ObjectStore ${plugin.name}, server ${plugin.serverName}`,
  };
}

export const postgresRecoveryWindow = defineCheck<
  'postgres-recovery-window',
  { requiredMs: number; windows: string[] }
>({
  id: 'postgres-recovery-window',
  title: 'PostgreSQL recovery window covers retention',
  appliesTo: 'Entities with CloudNativePG clusters.',
  docs: "The PITR window (first recoverability point to now) must cover the tier's retention. A cluster younger than the retention cannot have the full window yet; that is a warning, not a failure.",
  scorecard: {
    omitted:
      'A window shorter than retention is a finding for the platform team rather than a per-service scorecard statement.',
  },
  evaluate: context => {
    const scope = postgresClustersToJudge(context);
    if ('result' in scope) return scope.result;
    const { tier } = context.policy;
    if (!tier.ok)
      return verdict('unknown', `No retention policy: ${tier.reason}`);
    const required = tier.value.retentionMs;
    const policy = formatDuration(required);
    const refs: EvidenceRef[] = [];
    const judged = scope.clusters.map(cluster => {
      const { window, ref, source } = recoveryWindowOf(context, cluster);
      refs.push(
        refOf('Cluster', cluster),
        ...(ref.kind === 'ObjectStore' ? [ref] : []),
      );
      const name = describeRef(cluster);
      if (!window?.firstRecoverabilityPoint) {
        return {
          status: 'unknown' as const,
          text: `${name} reports no first recoverability point (${source})`,
        };
      }
      const windowMs = millisecondsSince(
        context.now,
        window.firstRecoverabilityPoint,
      );
      const text = `${name} can be recovered to any point of the last ${formatDuration(
        windowMs,
      )} (${source})`;
      if (windowMs >= required) return { status: 'pass' as const, text };
      const ageMs = cluster.createdAt
        ? millisecondsSince(context.now, cluster.createdAt)
        : undefined;
      if (ageMs !== undefined && ageMs < required) {
        return {
          status: 'warn' as const,
          text: `${text}; the cluster is only ${formatDuration(
            ageMs,
          )} old, so the window is still growing towards ${policy}`,
        };
      }
      return {
        status: 'fail' as const,
        text: `${text}, ${formatDuration(
          required - windowMs,
        )} short of the ${policy} retention`,
      };
    });
    const values = { requiredMs: required, windows: judged.map(j => j.text) };
    const worst = worstFindings(judged);
    if (worst) {
      return verdict(
        worst.status,
        `${worst.findings.map(j => j.text).join('; ')}.`,
        refs,
        values,
      );
    }
    return verdict(
      'pass',
      `${judged
        .map(j => j.text)
        .join('; ')}, covering the ${policy} retention.`,
      refs,
      values,
    );
  },
});
