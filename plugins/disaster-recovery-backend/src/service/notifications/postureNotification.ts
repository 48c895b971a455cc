import { parseEntityRef } from '@backstage/catalog-model';
import type { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import {
  postureAlertOf,
  type PostureAlertKind,
  type TierPolicy,
} from '@dr-posture/plugin-disaster-recovery-common';
import type {
  CheckStatusChange,
  RecordedPostureChange,
} from '../../database/DatabasePostureHistoryStore';

type NotificationSeverity = NonNullable<
  NotificationSendOptions['payload']['severity']
>;

/** Which posture changes notify, from `disasterRecovery.notifications`. */
export interface NotificationOptions {
  enabled: boolean;
  /** Tier ids that notify (`none` for entities without a tier); all when absent. */
  tiers?: string[];
  /** Check ids that notify; all when absent. */
  checks?: string[];
}

const SEVERITY_RANK: Record<NotificationSeverity, number> = {
  low: 0,
  normal: 1,
  high: 2,
  critical: 3,
};

/**
 * Severity per alert kind by the tier's place in the restore order (first,
 * second, any later); entities without a known tier as a later one.
 */
const SEVERITY: Record<PostureAlertKind, NotificationSeverity[]> = {
  failed: ['critical', 'high', 'normal'],
  'rpo-at-risk': ['high', 'normal', 'normal'],
  recovered: ['low', 'low', 'low'],
};

const VERB: Record<PostureAlertKind, string> = {
  failed: 'fails',
  'rpo-at-risk': 'warns: the RPO is about to be breached',
  recovered: 'recovered',
};

/** How a title counts several alerts of a kind. */
const COUNTED: Record<PostureAlertKind, string> = {
  failed: 'failing',
  'rpo-at-risk': 'near the RPO',
  recovered: 'recovered',
};

/** `2 checks failing, 1 recovered`: the kinds in the order of the alerts. */
function countsOf(kinds: readonly PostureAlertKind[]): string {
  const distinct = [...new Set(kinds)];
  return distinct
    .map((kind, i) => {
      const n = kinds.filter(k => k === kind).length;
      const noun = i === 0 ? ` check${n === 1 ? '' : 's'}` : '';
      return `${n}${noun} ${COUNTED[kind]}`;
    })
    .join(', ');
}

/** The topic of every notification of this plugin. */
export const NOTIFICATION_TOPIC = 'Disaster recovery';

/**
 * The notification to the owner of an entity whose posture changed, or
 * none: the entity left, has no owner, its tier or no check that changed
 * is configured to notify, or no change is an alert (`postureAlertOf`:
 * first verdicts and repeats never are). All the alerts of one change make
 * one notification, whose scope is the entity's, so that its next one
 * replaces it in the owner's list rather than piling up.
 */
export function postureNotification(
  change: RecordedPostureChange,
  policies: readonly TierPolicy[],
  options: NotificationOptions,
): NotificationSendOptions | undefined {
  const summary = change.summary;
  if (!options.enabled || !summary?.owner) return undefined;
  if (options.tiers && !options.tiers.includes(summary.tier ?? 'none')) {
    return undefined;
  }
  const alerts = change.checks
    .filter(check => !options.checks || options.checks.includes(check.id))
    .map(check => ({
      check,
      kind: postureAlertOf(check.id, check.previousStatus, check.status),
    }))
    .filter(
      (alert): alert is { check: CheckStatusChange; kind: PostureAlertKind } =>
        alert.kind !== undefined,
    );
  if (alerts.length === 0) return undefined;

  const place = policies.findIndex(policy => policy.id === summary.tier);
  const column = place < 0 ? 2 : Math.min(place, 2);
  const severity = alerts
    .map(alert => SEVERITY[alert.kind][column])
    .reduce((a, b) => (SEVERITY_RANK[b] > SEVERITY_RANK[a] ? b : a));
  const name = summary.title ?? summary.name;
  const title =
    alerts.length === 1
      ? `${name}: ${alerts[0].check.title} ${VERB[alerts[0].kind]}`
      : `${name}: ${countsOf(alerts.map(alert => alert.kind))}`;
  const {
    kind,
    namespace,
    name: entityName,
  } = parseEntityRef(summary.entityRef);
  return {
    recipients: { type: 'entity', entityRef: summary.owner },
    payload: {
      title,
      description: alerts
        .map(
          ({ check, kind: alertKind }) =>
            `${check.title} ${VERB[alertKind]}${
              check.summary ? `: ${check.summary}` : '.'
            }`,
        )
        .join('\n'),
      link: `/catalog/${namespace}/${kind}/${entityName}/disaster-recovery`,
      severity,
      topic: NOTIFICATION_TOPIC,
      scope: `disaster-recovery:${summary.entityRef}`,
      metadata: {
        entityRef: summary.entityRef,
        checks: alerts.map(alert => `${alert.check.id}:${alert.kind}`),
      },
    },
  };
}
