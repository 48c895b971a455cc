import { backupFreshness } from './backupFreshness';
import { certificateExpiry } from './certificateExpiry';
import { copies321 } from './copies321';
import { databaseHa } from './databaseHa';
import type { CheckDefinition } from './definition';
import { disruptionBudget } from './disruptionBudget';
import { drDrill } from './drDrill';
import { drillObjectives } from './drillObjectives';
import { failoverDrill } from './failoverDrill';
import { fullDrTest } from './fullDrTest';
import { haPattern } from './haPattern';
import { placement } from './placement';
import { podStability } from './podStability';
import { postgresBaseBackup } from './postgresBaseBackup';
import { postgresRecoveryWindow } from './postgresRecoveryWindow';
import { postgresWalAge } from './postgresWalAge';
import { postgresWalArchiving } from './postgresWalArchiving';
import { probesAndResources } from './probesAndResources';
import { replicas } from './replicas';
import { restoreTest } from './restoreTest';
import { retention } from './retention';
import { runbook } from './runbook';
import { scheduleActive } from './scheduleActive';
import { scheduleCadence } from './scheduleCadence';
import { scheduleOnTime } from './scheduleOnTime';
import { standbyReadiness } from './standbyReadiness';
import { storageLocation } from './storageLocation';
import { tierDeclared } from './tierDeclared';
import { workloadCoverage } from './workloadCoverage';

/**
 * The built-in checks of an entity's posture, in the order they are
 * reported. Ids, titles and the scorecard checks are derived from this list.
 *
 * @public
 */
export const CHECK_DEFINITIONS = [
  tierDeclared,
  backupFreshness,
  scheduleActive,
  scheduleCadence,
  scheduleOnTime,
  retention,
  storageLocation,
  copies321,
  postgresWalArchiving,
  postgresWalAge,
  postgresRecoveryWindow,
  postgresBaseBackup,
  restoreTest,
  drDrill,
  fullDrTest,
  failoverDrill,
  drillObjectives,
  replicas,
  placement,
  probesAndResources,
  disruptionBudget,
  podStability,
  databaseHa,
  certificateExpiry,
  standbyReadiness,
  haPattern,
  runbook,
  workloadCoverage,
] as const;

/**
 * The id of a built-in check.
 *
 * @public
 */
export type CheckId = (typeof CHECK_DEFINITIONS)[number]['id'];

/**
 * The definition of the built-in check `Id`, with its evidence type.
 *
 * @public
 */
export type BuiltInCheck<Id extends CheckId> = Extract<
  (typeof CHECK_DEFINITIONS)[number],
  { id: Id }
>;

const BY_ID = new Map<string, CheckDefinition<CheckId>>(
  CHECK_DEFINITIONS.map(definition => [definition.id, definition]),
);

/**
 * The definition of a built-in check, e.g. to read its evidence with
 * `evidenceOf`.
 *
 * @public
 */
export function builtInCheck<Id extends CheckId>(id: Id): BuiltInCheck<Id> {
  return BY_ID.get(id) as BuiltInCheck<Id>;
}

/**
 * The ids of the built-in checks, in the order they are reported.
 *
 * @public
 */
export const CHECK_IDS: readonly CheckId[] = CHECK_DEFINITIONS.map(
  definition => definition.id,
);

/**
 * The title of each built-in check, as the UI shows it.
 *
 * @public
 */
export const CHECK_TITLES = Object.fromEntries(
  CHECK_DEFINITIONS.map(definition => [definition.id, definition.title]),
) as Readonly<Record<CheckId, string>>;
