import { stringifyEntityRef } from '@backstage/catalog-model';
import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { restorePlan } from '../service/routes/restorePlan';
import type { ActionContext } from './actionContext';
import { answeringSafely } from './answeringSafely';
import { checkStatusSchema, entityRefSchema, readEntityRef } from './schemas';

/** `get-restore-plan`: what to bring back first after a disaster. */
export function registerGetRestorePlanAction(
  registry: ActionsRegistryService,
  context: ActionContext,
) {
  registry.register({
    name: 'get-restore-plan',
    title: 'Get the disaster-recovery restore plan',
    description: [
      'Answers the order in which to restore services after a disaster, for the whole estate or one system:',
      'by tier (tier 1 first), but never before what a service depends on; a dependency of a more critical',
      'service is pulled forward into its turn. Each step says why it is there. Dependency cycles',
      '(restored together) and dependencies on entities outside the plan are listed apart.',
      'Every entity in the plan comes with its title and current DR status.',
      'Only entities the caller may read in the catalog are planned.',
    ].join(' '),
    attributes: { readOnly: true, destructive: false, idempotent: true },
    schema: {
      input: z =>
        z.object({
          system: entityRefSchema(z, 'system')
            .optional()
            .describe(
              'A system to plan for (`system:default/commerce`; kind defaults to system); the whole estate without it.',
            ),
        }),
      output: z =>
        z.object({
          steps: z.array(
            z.object({
              position: z.number().describe('1-based.'),
              entityRef: z.string(),
              tier: z.string().optional(),
              restoredWithTier: z
                .string()
                .optional()
                .describe(
                  'The tier whose turn it is restored in: earlier than its own when something more critical needs it.',
                ),
              reason: z.string().describe('Why it is here.'),
            }),
          ),
          cycles: z
            .array(z.array(z.string()))
            .describe(
              'Groups of entities that depend on each other in a circle; restored together, in tier order.',
            ),
          unknownDependencies: z
            .array(z.object({ entityRef: z.string(), dependsOn: z.string() }))
            .describe(
              'Dependencies on entities not in the plan; they are not ordered.',
            ),
          system: z
            .string()
            .optional()
            .describe('The system planned for; absent for the whole estate.'),
          entities: z
            .record(
              z.object({
                title: z.string().optional(),
                status: checkStatusSchema(z).optional(),
              }),
            )
            .describe(
              'Title and DR status of every entity in the plan, by entity ref.',
            ),
        }),
    },
    examples: [
      { title: 'The whole estate', input: {} },
      { title: 'One system', input: { system: 'system:default/commerce' } },
    ],
    action: async ({ input, credentials }) =>
      answeringSafely(context.logger, async () => ({
        output: await restorePlan(
          context,
          credentials,
          input.system === undefined
            ? undefined
            : stringifyEntityRef(readEntityRef(input.system, 'system')!),
        ),
      })),
  });
}
