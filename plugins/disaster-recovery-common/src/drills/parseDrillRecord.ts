import {
  controlCharacterProblems,
  type InputProblem,
} from './controlCharacters';
import { DRILL_LIMITS } from './drillLimits';
import { drillRecordSchema, type DrillRecord } from './drillRecord';

/**
 * A drill as posted, checked: the drill, or every problem named by field.
 *
 * @public
 */
export type ParsedDrillRecord =
  | { ok: true; drill: DrillRecord }
  | { ok: false; problems: InputProblem[] };

const EARLIEST = Date.parse(DRILL_LIMITS.earliestTime);

/** The times of a drill that must be plausible, by field. */
function timesOf(drill: DrillRecord): Array<[string, string | undefined]> {
  return [
    ['startedAt', drill.startedAt],
    ['endedAt', drill.endedAt],
    ['evidence.backup.createdAt', drill.evidence.backup?.createdAt],
    ['evidence.restoreTargetTime', drill.evidence.restoreTargetTime],
    [
      'evidence.database.lastArchivedWalAt',
      drill.evidence.database?.lastArchivedWalAt,
    ],
  ];
}

function timeProblems(drill: DrillRecord, now: Date): InputProblem[] {
  const latest = now.getTime() + DRILL_LIMITS.futureToleranceMs;
  const problems: InputProblem[] = [];
  for (const [field, time] of timesOf(drill)) {
    if (time === undefined) continue;
    const at = Date.parse(time);
    if (at < EARLIEST) {
      problems.push({ field, message: 'is before the year 2000' });
    } else if (at > latest) {
      problems.push({
        field,
        message: 'is more than 5 minutes in the future',
      });
    }
  }
  if (Date.parse(drill.endedAt) < Date.parse(drill.startedAt)) {
    problems.push({ field: 'endedAt', message: 'is before startedAt' });
  }
  return problems;
}

/**
 * Checks a drill as posted, at `now`: its shape and limits
 * ({@link drillRecordSchema}), no control characters in any text, no time
 * before the year 2000 or more than 5 minutes after `now`, and `endedAt` not
 * before `startedAt`. Messages name the field:
 * `endedAt: is more than 5 minutes in the future`.
 *
 * @public
 */
export function parseDrillRecord(input: unknown, now: Date): ParsedDrillRecord {
  const control = controlCharacterProblems(input);
  const parsed = drillRecordSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      problems: [
        ...control,
        ...parsed.error.issues.map(issue => ({
          field: issue.path.join('.') || '(root)',
          message: issue.message,
        })),
      ],
    };
  }
  const problems = [...control, ...timeProblems(parsed.data, now)];
  return problems.length > 0
    ? { ok: false, problems }
    : { ok: true, drill: parsed.data };
}
