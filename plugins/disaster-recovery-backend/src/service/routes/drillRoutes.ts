import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
  toError,
} from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  controlCharacterProblems,
  disasterRecoveryDrillAdminPermission,
  drillStateOf,
  effectiveDrillOutcome,
  restoreTargetWarnings,
  type DrillEvidenceKey,
  type DrillEvidenceRequirements,
  type DrillKind,
  type DrillRecord,
} from '@dr-posture/plugin-disaster-recovery-common';
import type { Request } from 'express';
import crypto from 'node:crypto';
import type { StoredDrill } from '../../database/DatabaseDrillStore';
import { invalidCursor } from '../cursors';
import { visibleEntity, type ApiRouter, type RouteContext } from './context';
import { admitDrill } from './drillAdmission';
import { recordedDrillResponse } from './drillResponse';
import { storedPosture } from './storedPosture';

const ENTITY_PATH = '/entities/:kind/:namespace/:name';

const keyOf = (ref: string) => ref.toLocaleLowerCase('en-US');

/** The keys whose values differ between two objects, sorted. */
function differingKeys(before: object, after: object): string[] {
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  return [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter(key => JSON.stringify(a[key]) !== JSON.stringify(b[key]))
    .sort();
}

/** The drill fields a correction changed, for the audit log. */
function changedFields(before: DrillRecord, after: DrillRecord): string[] {
  const { evidence: oldEvidence, ...oldFields } = before;
  const { evidence: newEvidence, ...newFields } = after;
  const bookkeeping = [
    'id',
    'recordedBy',
    'recordedAt',
    'warnings',
    'supersedes',
    'supersededBy',
    'voided',
  ];
  return [
    ...differingKeys(oldFields, newFields).filter(
      key => !bookkeeping.includes(key),
    ),
    ...differingKeys(oldEvidence, newEvidence).map(key => `evidence.${key}`),
  ];
}

/** Recording, listing, voiding and superseding an entity's drills. */
/** The configured evidence requirements, one list per drill kind. */
function requiredEvidenceBody(
  requirements: DrillEvidenceRequirements,
): Record<DrillKind, DrillEvidenceKey[]> {
  return {
    'restore-test': [...requirements['restore-test']],
    'dr-drill': [...requirements['dr-drill']],
    'full-dr-test': [...requirements['full-dr-test']],
    'failover-drill': [...requirements['failover-drill']],
  };
}

export function drillRoutes(router: ApiRouter, context: RouteContext) {
  const { auth, auditor, drills } = context;

  /** Who is acting, as the drill history names them. */
  function actorOf(credentials: BackstageCredentials): string {
    if (auth.isPrincipal(credentials, 'user')) {
      return credentials.principal.userEntityRef;
    }
    return `service:${
      auth.isPrincipal(credentials, 'service')
        ? credentials.principal.subject
        : 'unknown'
    }`;
  }

  /** A drill changes the posture of every entity it exercised. */
  async function reevaluate(entityRefs: string[]) {
    const { items } = await context.catalog.getEntitiesByRefs(
      { entityRefs },
      { credentials: await auth.getOwnServiceCredentials() },
    );
    await context.evaluator.evaluateEntities(
      items.filter((e): e is NonNullable<typeof e> => Boolean(e)),
    );
  }

  /** Runs a write as an audit event that records its outcome. */
  async function audited<T>(
    req: Request,
    eventId: string,
    meta: Record<string, string>,
    write: () => Promise<{ result: T; meta: Record<string, unknown> }>,
  ): Promise<T> {
    const event = await auditor.createEvent({
      eventId,
      severityLevel: 'medium',
      request: req,
      meta,
    });
    try {
      const { result, meta: outcome } = await write();
      await event.success({ meta: JSON.parse(JSON.stringify(outcome)) });
      return result;
    } catch (error) {
      await event.fail({ error: toError(error) });
      throw error;
    }
  }

  /** The PostgreSQL recovery windows of the entity, as last evaluated. */
  async function recoveryWindows(entityRef: string) {
    const detail = await context.postures.get(entityRef);
    return (detail?.postgresClusters ?? []).map(cluster => ({
      ref: cluster.ref,
      firstRecoverabilityPoint: cluster.firstRecoverabilityPoint,
    }));
  }

  /** A posted drill, checked and authorized, ready to store. */
  async function newDrill(
    credentials: BackstageCredentials,
    entityRef: string,
    body: Record<string, unknown>,
  ): Promise<StoredDrill> {
    const now = new Date();
    const drill = await admitDrill(context, credentials, entityRef, body, now);
    return {
      ...drill,
      id: crypto.randomUUID(),
      recordedBy: actorOf(credentials),
      recordedAt: now.toISOString(),
      warnings: restoreTargetWarnings(drill, await recoveryWindows(entityRef)),
    };
  }

  /**
   * The active drill of the path's entity that the caller may correct: the
   * recorder may, others need `disaster-recovery.drill.admin`.
   */
  async function correctable(
    credentials: BackstageCredentials,
    entityRef: string,
    drillId: string,
    verb: 'void' | 'supersede',
  ): Promise<StoredDrill> {
    const drill = await drills.get(drillId);
    if (
      !drill ||
      !drill.entityRefs.some(ref => keyOf(ref) === keyOf(entityRef))
    ) {
      throw new NotFoundError(`No drill ${drillId} of ${entityRef}`);
    }
    if (actorOf(credentials) !== drill.recordedBy) {
      const [decision] = await context.permissions.authorize(
        [{ permission: disasterRecoveryDrillAdminPermission }],
        { credentials },
      );
      if (decision.result !== AuthorizeResult.ALLOW) {
        throw new NotAllowedError(
          `Only whoever recorded drill ${drillId} (${drill.recordedBy}) or a holder of the ${disasterRecoveryDrillAdminPermission.name} permission may ${verb} it`,
        );
      }
    }
    const state = drillStateOf(drill);
    if (state !== 'active') {
      throw new ConflictError(`Drill ${drillId} is already ${state}`);
    }
    return drill;
  }

  router.get(`${ENTITY_PATH}/drills`, async (req, res) => {
    const credentials = await context.httpAuth.credentials(req);
    const visible = await visibleEntity(context, credentials, req.params);
    const detail = await storedPosture(context, visible);
    const boundTo = ['drills', keyOf(visible.entityRef)];
    const position = context.cursors.open(req.query.cursor, boundTo) as
      | { endedAtMs?: unknown; id?: unknown }
      | undefined;
    if (
      position !== undefined &&
      !(
        Number.isSafeInteger(position.endedAtMs) &&
        typeof position.id === 'string'
      )
    ) {
      throw invalidCursor();
    }
    const page = await drills.page(visible.entityRef, {
      after: position as { endedAtMs: number; id: string } | undefined,
      limit: req.query.limit ?? 50,
    });
    // Each drill shows only the entities the caller may read.
    const refs = [...new Set(page.items.flatMap(d => d.entityRefs))];
    const { items: entities } = await context.catalog.getEntitiesByRefs(
      {
        entityRefs: refs,
        fields: ['kind', 'metadata.namespace', 'metadata.name'],
      },
      { credentials },
    );
    const readable = new Set(refs.filter((_, i) => entities[i]).map(keyOf));
    res.json({
      items: page.items.map(drill =>
        recordedDrillResponse(drill, context.drillRequirements, ref =>
          readable.has(keyOf(ref)),
        ),
      ),
      nextCursor: page.next
        ? context.cursors.seal(page.next, boundTo)
        : undefined,
      restoreTests: detail.restoreTests,
      requiredEvidence: requiredEvidenceBody(context.drillRequirements),
    });
  });

  router.post(`${ENTITY_PATH}/drills`, async (req, res) => {
    const recorded = await audited(
      req,
      'drill-record',
      {
        entityRef: `${req.params.kind}:${req.params.namespace}/${req.params.name}`,
      },
      async () => {
        const credentials = await context.httpAuth.credentials(req);
        const { entityRef } = await visibleEntity(
          context,
          credentials,
          req.params,
        );
        const drill = await newDrill(credentials, entityRef, req.body);
        const judged = effectiveDrillOutcome(drill, context.drillRequirements);
        await drills.add({ drill, judged: judged.outcome });
        return {
          result: drill,
          meta: {
            drillId: drill.id,
            actor: drill.recordedBy,
            entityRefs: drill.entityRefs,
            kind: drill.kind,
            startedAt: drill.startedAt,
            endedAt: drill.endedAt,
            effectiveOutcome: judged.outcome,
          },
        };
      },
    );
    await reevaluate(recorded.entityRefs);
    res
      .status(201)
      .json(recordedDrillResponse(recorded, context.drillRequirements));
  });

  router.post(`${ENTITY_PATH}/drills/:drillId/void`, async (req, res) => {
    const { drillId } = req.params;
    const voided = await audited(req, 'drill-void', { drillId }, async () => {
      const credentials = await context.httpAuth.credentials(req);
      const { entityRef } = await visibleEntity(
        context,
        credentials,
        req.params,
      );
      const problems = controlCharacterProblems(req.body.reason, ['reason']);
      if (problems.length > 0) {
        throw new InputError(
          `Invalid request: ${problems
            .map(p => `${p.field}: ${p.message}`)
            .join('; ')}`,
        );
      }
      const drill = await correctable(credentials, entityRef, drillId, 'void');
      const correction = {
        at: new Date(),
        by: actorOf(credentials),
        reason: req.body.reason,
      };
      if (!(await drills.void(drillId, correction))) {
        throw new ConflictError(`Drill ${drillId} was corrected meanwhile`);
      }
      return {
        result: (await drills.get(drillId))!,
        meta: {
          drillId,
          actor: correction.by,
          entityRefs: drill.entityRefs,
          change: 'state active -> voided',
          reason: correction.reason,
        },
      };
    });
    await reevaluate(voided.entityRefs);
    res.json(recordedDrillResponse(voided, context.drillRequirements));
  });

  router.post(`${ENTITY_PATH}/drills/:drillId/supersede`, async (req, res) => {
    const { drillId } = req.params;
    const { old, corrected } = await audited(
      req,
      'drill-supersede',
      { drillId },
      async () => {
        const credentials = await context.httpAuth.credentials(req);
        const { entityRef } = await visibleEntity(
          context,
          credentials,
          req.params,
        );
        const previous = await correctable(
          credentials,
          entityRef,
          drillId,
          'supersede',
        );
        const drill = await newDrill(credentials, entityRef, req.body);
        const judged = effectiveDrillOutcome(drill, context.drillRequirements);
        const stored = await drills.supersede(
          drillId,
          { drill, judged: judged.outcome },
          { at: new Date(), by: drill.recordedBy },
        );
        if (!stored) {
          throw new ConflictError(`Drill ${drillId} was corrected meanwhile`);
        }
        return {
          result: {
            old: previous,
            corrected: { ...drill, supersedes: drillId },
          },
          meta: {
            drillId: drill.id,
            supersedes: drillId,
            actor: drill.recordedBy,
            entityRefs: drill.entityRefs,
            changedFields: changedFields(previous, drill),
            effectiveOutcome: judged.outcome,
          },
        };
      },
    );
    await reevaluate([
      ...new Set([...old.entityRefs, ...corrected.entityRefs]),
    ]);
    res
      .status(201)
      .json(recordedDrillResponse(corrected, context.drillRequirements));
  });
}
