import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import {
  formatDuration,
  STATUSES_WORST_FIRST,
  type EntityPostureResponse,
} from '@dr-posture/plugin-disaster-recovery-common';
import { visibleEntity } from '../service/routes/context';
import { storedPosture } from '../service/routes/storedPosture';
import type { ActionContext } from './actionContext';
import { answeringSafely } from './answeringSafely';
import {
  checkStatusSchema,
  drillOutcomeSchema,
  entityRefSchema,
  readEntityRef,
  statusCountsSchema,
} from './schemas';

/** The stored posture cut to what an agent reasons about. */
function postureDigest({
  summary,
  policy,
  posture,
  staleClusters,
}: EntityPostureResponse) {
  const counts = { pass: 0, warn: 0, fail: 0, unknown: 0 };
  for (const check of posture.checks) counts[check.status] += 1;
  return {
    entityRef: summary.entityRef,
    title: summary.title,
    owner: summary.owner,
    system: summary.system,
    status: posture.status,
    tier: summary.tier,
    rpoMs: summary.rpoMs,
    rpo:
      summary.rpoMs === undefined ? undefined : formatDuration(summary.rpoMs),
    rtoMs: summary.rtoMs,
    rto:
      summary.rtoMs === undefined ? undefined : formatDuration(summary.rtoMs),
    pattern: policy.pattern.ok ? policy.pattern.value : undefined,
    runbookUrl: policy.runbookUrl.ok ? policy.runbookUrl.value : undefined,
    lastCleanBackupAt: summary.lastCleanBackupAt,
    lastDrillAt: summary.lastDrillAt,
    lastDrillOutcome: summary.lastDrillOutcome,
    evaluatedAt: summary.evaluatedAt,
    checkCounts: counts,
    findings: STATUSES_WORST_FIRST.filter(status => status !== 'pass').flatMap(
      status =>
        posture.checks
          .filter(check => check.status === status)
          .map(({ id, title, summary: sentence }) => ({
            id,
            title,
            status,
            summary: sentence,
          })),
    ),
    unresolvedPolicy: Object.entries(policy).flatMap(([field, value]) =>
      value.ok ? [] : [{ field, problem: value.problem, reason: value.reason }],
    ),
    staleClusters: staleClusters.map(
      ({ name, staleSince, lastSuccessAt, lastError }) => ({
        name,
        staleSince,
        lastSuccessAt,
        lastError,
      }),
    ),
  };
}

/** `get-entity-posture`: one entity's posture and what is wrong with it. */
export function registerGetEntityPostureAction(
  registry: ActionsRegistryService,
  context: ActionContext,
) {
  registry.register({
    name: 'get-entity-posture',
    title: 'Get the disaster-recovery posture of an entity',
    description: [
      "Answers a catalog entity's disaster-recovery posture as last evaluated (every minute by default):",
      'its overall status (the worst of its checks), DR tier, RPO and RTO targets,',
      'the last clean backup (the newest recovery point that counts), the last drill,',
      'and every check that did not pass (fail, then warn, then unknown), each with a sentence',
      'that gives the numbers behind it. Status `unknown` means data was missing or stale, never healthy.',
      'Use it to answer "is this service recoverable?" or "why is its DR status red?".',
      'An entity the caller may not read in the catalog is answered as not found, like one that does not exist.',
    ].join(' '),
    attributes: { readOnly: true, destructive: false, idempotent: true },
    schema: {
      input: z =>
        z.object({
          entityRef: entityRefSchema(z, 'component').describe(
            'The entity, `kind:namespace/name` (e.g. `component:default/payments-api`); kind defaults to component, namespace to default.',
          ),
        }),
      output: z =>
        z.object({
          entityRef: z.string(),
          title: z.string().optional(),
          owner: z.string().optional().describe('Entity ref of the owner.'),
          system: z.string().optional().describe('Entity ref of the system.'),
          status: checkStatusSchema(z).describe(
            'The worst check status: fail, warn, unknown or pass.',
          ),
          tier: z
            .string()
            .optional()
            .describe(
              'Declared tier id; absent when none is declared or it is not a configured tier (see unresolvedPolicy).',
            ),
          rpoMs: z
            .number()
            .optional()
            .describe('Recovery point objective in milliseconds.'),
          rpo: z
            .string()
            .optional()
            .describe('The RPO for people, e.g. `15 min`.'),
          rtoMs: z
            .number()
            .optional()
            .describe('Recovery time objective in milliseconds.'),
          rto: z
            .string()
            .optional()
            .describe('The RTO for people, e.g. `2 h`.'),
          pattern: z
            .string()
            .optional()
            .describe(
              'Declared HA pattern: cloud-native, hot-warm, hot-cold or hot-hot.',
            ),
          runbookUrl: z.string().optional(),
          lastCleanBackupAt: z
            .string()
            .optional()
            .describe(
              'Completion time of the last clean (Completed) backup covering the entity: its last recovery point.',
            ),
          lastDrillAt: z
            .string()
            .optional()
            .describe('End of the last drill or detected restore test.'),
          lastDrillOutcome: drillOutcomeSchema(z).optional(),
          evaluatedAt: z.string().describe('When the posture was worked out.'),
          checkCounts: statusCountsSchema(z).describe(
            'How many checks have each status.',
          ),
          findings: z
            .array(
              z.object({
                id: z.string(),
                title: z.string(),
                status: checkStatusSchema(z),
                summary: z
                  .string()
                  .describe(
                    'What was found, with the numbers that decided it.',
                  ),
              }),
            )
            .describe(
              'Every check that did not pass, fail first, then warn, then unknown.',
            ),
          unresolvedPolicy: z
            .array(
              z.object({
                field: z.string(),
                problem: z.enum(['missing', 'invalid']),
                reason: z.string(),
              }),
            )
            .describe(
              'Policy values (tier, rpoMs, rtoMs, pattern, runbookUrl) that could not be worked out, and why.',
            ),
          staleClusters: z
            .array(
              z.object({
                name: z.string(),
                staleSince: z.string(),
                lastSuccessAt: z.string().optional(),
                lastError: z.string().optional(),
              }),
            )
            .describe(
              'Clusters whose data is stale: checks relying on them are unknown.',
            ),
        }),
    },
    examples: [
      {
        title: 'A service by its full entity ref',
        input: { entityRef: 'component:default/payments-api' },
      },
      {
        title: 'A component in the default namespace by name',
        input: { entityRef: 'orders-db' },
      },
    ],
    action: async ({ input, credentials }) =>
      answeringSafely(context.logger, async () => {
        // The input schema has checked that it reads.
        const ref = readEntityRef(input.entityRef, 'component')!;
        const visible = await visibleEntity(context, credentials, ref);
        return { output: postureDigest(await storedPosture(context, visible)) };
      }),
  });
}
