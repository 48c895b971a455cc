import { formatDuration } from '../durations';
import { describeRef, millisecondsSince, refOf } from './context';
import { defineCheck, verdict } from './definition';
import { worstFindings } from './worstFindings';
import { CONTINUOUS_ARCHIVING, postgresClustersToJudge } from './postgresScope';

export const postgresWalAge = defineCheck<
  'postgres-wal-age',
  { rpoMs: number; minimumWalAgeMs: number }
>({
  id: 'postgres-wal-age',
  title: 'PostgreSQL WAL age within RPO',
  appliesTo: 'Entities with CloudNativePG clusters.',
  docs: 'The age of the last archived WAL against the RPO. The Cluster status has no last-archived-WAL time, so the age is derived from the ContinuousArchiving condition: True means archiving is current; False since its last transition means WAL has not been archived for at least that long. The sentence says so, because it is an estimate.',
  scorecard: {
    omitted:
      'WAL archiving health is the scorecard statement; the age is evidence for the entity page.',
  },
  evaluate: context => {
    const scope = postgresClustersToJudge(context);
    if ('result' in scope) return scope.result;
    const { rpoMs } = context.policy;
    if (!rpoMs.ok) return verdict('unknown', rpoMs.reason);
    const rpo = formatDuration(rpoMs.value);
    const refs = scope.clusters.map(c => refOf('Cluster', c));
    const judged = scope.clusters.map(cluster => {
      const condition = cluster.conditions.find(
        c => c.type === CONTINUOUS_ARCHIVING,
      );
      const name = describeRef(cluster);
      if (condition?.status === 'True') {
        return {
          status: 'pass' as const,
          ageMs: 0,
          text: `${name}: ContinuousArchiving is True, so WAL archiving is taken as current (the status has no last-archived-WAL time)`,
        };
      }
      if (condition?.status === 'False' && condition.lastTransitionTime) {
        const ageMs = millisecondsSince(
          context.now,
          condition.lastTransitionTime,
        );
        const text = `${name}: ContinuousArchiving has been False since ${
          condition.lastTransitionTime
        }, so the last archived WAL is at least ${formatDuration(ageMs)} old`;
        return ageMs > rpoMs.value
          ? {
              status: 'fail' as const,
              ageMs,
              text: `${text}, ${formatDuration(
                ageMs - rpoMs.value,
              )} over the ${rpo} RPO`,
            }
          : {
              status: 'warn' as const,
              ageMs,
              text: `${text}, still within the ${rpo} RPO but growing`,
            };
      }
      return {
        status: 'unknown' as const,
        ageMs: undefined,
        text: `${name}: no ContinuousArchiving status with a transition time, so the WAL age cannot be estimated`,
      };
    });
    const values = {
      rpoMs: rpoMs.value,
      minimumWalAgeMs: Math.max(...judged.map(j => j.ageMs ?? 0)),
    };
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
      `${judged.map(j => j.text).join('; ')}; within the ${rpo} RPO.`,
      refs,
      values,
    );
  },
});
