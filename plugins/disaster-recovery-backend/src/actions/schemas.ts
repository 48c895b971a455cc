import {
  parseEntityRef,
  type CompoundEntityRef,
} from '@backstage/catalog-model';
import type { z as zod } from 'zod/v3';
import { spec } from '../schema/openapi/generated';

/** The zod the actions registry hands each schema function. */
export type Zod = typeof zod;

/** What the REST API allows in each part of an entity path. */
// eslint-disable-next-line no-control-regex -- refusing control characters is its point
const REF_PART = /^[^:/\x00-\x1f\x7f]+$/;

/**
 * An entity ref as an action takes it, `[kind:][namespace/]name`, with the
 * REST API's rule for each part; undefined when it is not one.
 */
export function readEntityRef(
  value: string,
  defaultKind: string,
): CompoundEntityRef | undefined {
  try {
    const ref = parseEntityRef(value, {
      defaultKind,
      defaultNamespace: 'default',
    });
    return [ref.kind, ref.namespace, ref.name].every(part =>
      REF_PART.test(part),
    )
      ? ref
      : undefined;
  } catch {
    return undefined;
  }
}

/** An entity ref input; the registry's 400 names the field and says why. */
export const entityRefSchema = (z: Zod, defaultKind: string) =>
  z.string().refine(value => readEntityRef(value, defaultKind) !== undefined, {
    message: `must be an entity ref, [kind:][namespace/]name, such as ${defaultKind}:default/name (kind defaults to ${defaultKind}, namespace to default)`,
  });

const { CheckStatus, EntityPostureSummary, OverviewSort } =
  spec.components.schemas;

export const checkStatusSchema = (z: Zod) =>
  z.enum(CheckStatus.enum).describe(CheckStatus.description);

const { lastDrillOutcome } = EntityPostureSummary.properties;

export const drillOutcomeSchema = (z: Zod) =>
  z.enum(lastDrillOutcome.enum).describe(lastDrillOutcome.description);

/** How `list-findings` may sort, as `GET /overview`. */
export const overviewSortSchema = (z: Zod) => z.enum(OverviewSort.enum);

export const statusCountsSchema = (z: Zod) =>
  z.object({
    pass: z.number(),
    warn: z.number(),
    fail: z.number(),
    unknown: z.number(),
  });

/** `EntityPostureSummary` of the REST API. */
export const postureSummarySchema = (z: Zod) =>
  z.object({
    entityRef: z.string(),
    kind: z.string(),
    namespace: z.string(),
    name: z.string(),
    title: z.string().optional(),
    owner: z.string().optional().describe('Entity ref of the owner.'),
    system: z.string().optional().describe('Entity ref of the system.'),
    tier: z
      .string()
      .optional()
      .describe('Declared tier id; absent when none is declared.'),
    status: checkStatusSchema(z).describe(
      'The worst check status of the entity.',
    ),
    failingChecks: z
      .array(
        z.object({
          id: z.string(),
          status: checkStatusSchema(z),
          title: z.string(),
        }),
      )
      .describe('Checks that fail, then those that warn.'),
    rpoMs: z.number().optional(),
    rtoMs: z.number().optional(),
    lastCleanBackupAt: z
      .string()
      .optional()
      .describe('Completion time of the last clean (Completed) backup.'),
    lastDrillAt: z.string().optional(),
    lastDrillOutcome: drillOutcomeSchema(z).optional(),
    evaluatedAt: z.string().describe('When the posture was worked out.'),
  });
