import { stringifyEntityRef } from '@backstage/catalog-model';
import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { overviewPage } from '../service/routes/overviewPage';
import type { ActionContext } from './actionContext';
import { answeringSafely } from './answeringSafely';
import {
  checkStatusSchema,
  entityRefSchema,
  overviewSortSchema,
  postureSummarySchema,
  readEntityRef,
  statusCountsSchema,
} from './schemas';

/** Refs as the posture store keeps them: full and lower-case. */
const normalised = (refs: string[] | undefined, defaultKind: string) =>
  refs?.map(ref => stringifyEntityRef(readEntityRef(ref, defaultKind)!));

/** `list-findings`: the estate overview, filtered. */
export function registerListFindingsAction(
  registry: ActionsRegistryService,
  context: ActionContext,
) {
  registry.register({
    name: 'list-findings',
    title: 'List disaster-recovery findings across the estate',
    description: [
      'Lists the evaluated entities of the estate with their disaster-recovery status, tier, owner, system,',
      'RPO/RTO, last clean backup, last drill and the titles of their failing and warning checks,',
      'filtered by tier, status, owner, system or text; with counts per tier and status over every page.',
      'Use it for "what is failing, where and whose?": e.g. status [fail] for what is broken,',
      'status [fail, warn, unknown] for everything needing attention. Lists match any of their values.',
      "Call get-entity-posture for the sentences of one entity's checks.",
      'Only entities the caller may read in the catalog are listed or counted.',
      'Pages: pass nextCursor back as cursor with the same filters.',
    ].join(' '),
    attributes: { readOnly: true, destructive: false, idempotent: true },
    schema: {
      input: z =>
        z.object({
          tier: z
            .array(z.string().min(1))
            .optional()
            .describe(
              'Tier ids (e.g. `1`); `none` for entities without a declared tier.',
            ),
          status: z.array(checkStatusSchema(z)).optional(),
          owner: z
            .array(entityRefSchema(z, 'group'))
            .optional()
            .describe(
              'Owner entity refs; kind defaults to group (`team-a` is `group:default/team-a`).',
            ),
          system: z
            .array(entityRefSchema(z, 'system'))
            .optional()
            .describe('System entity refs; kind defaults to system.'),
          q: z
            .string()
            .max(200)
            .optional()
            .describe('Text searched in name, title, owner and system.'),
          sort: overviewSortSchema(z)
            .optional()
            .describe('Default name; `status` desc puts failures first.'),
          order: z.enum(['asc', 'desc']).optional(),
          limit: z
            .number()
            .int()
            .min(1)
            .max(500)
            .optional()
            .describe('Page size; default 50.'),
          cursor: z
            .string()
            .optional()
            .describe(
              'nextCursor of the previous page, with the same filters.',
            ),
        }),
      output: z =>
        z.object({
          items: z.array(postureSummarySchema(z)),
          nextCursor: z
            .string()
            .optional()
            .describe('Absent on the last page.'),
          totalItems: z
            .number()
            .describe('Entities matching the filters, all pages.'),
          summary: z
            .record(statusCountsSchema(z))
            .describe(
              'Counts of the matching entities per tier (`none` when undeclared) and status.',
            ),
        }),
    },
    examples: [
      {
        title: 'Everything failing, worst first',
        input: { status: ['fail'], sort: 'status', order: 'desc' },
      },
      {
        title: "What needs a team's attention in tier 1",
        input: {
          tier: ['1'],
          status: ['fail', 'warn', 'unknown'],
          owner: ['group:default/team-payments'],
        },
      },
    ],
    action: async ({ input, credentials }) =>
      answeringSafely(context.logger, async () => ({
        output: await overviewPage(context, credentials, {
          ...input,
          owner: normalised(input.owner, 'group'),
          system: normalised(input.system, 'system'),
        }),
      })),
  });
}
