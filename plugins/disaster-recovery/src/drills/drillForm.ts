import {
  drillRecordSchema,
  parseDuration,
  type DrillKind,
  type DrillRecord,
  type DrillVerification,
} from '@dr-posture/plugin-disaster-recovery-common';

/** A yes/no verification as the form holds it. */
export interface VerificationValues {
  result: 'not-checked' | 'passed' | 'failed';
  details: string;
}

/** What the "Record drill" form holds: text as typed, times as `datetime-local` values. */
export interface DrillFormValues {
  kind: DrillKind;
  /** Other entities exercised, one ref per line; the entity of the page is always included. */
  otherEntityRefs: string;
  startedAt: string;
  endedAt: string;
  outcome: 'succeeded' | 'failed';
  /** Durations as people write them: `45m`, `2h30m`. */
  achievedRto: string;
  achievedRpo: string;
  runbookUrl: string;
  performedBy: string;
  backupName: string;
  backupCreatedAt: string;
  restoreTargetTime: string;
  databaseCheckpoint: string;
  databaseWalEnd: string;
  namespaceInventory: Array<{
    namespace: string;
    expectedObjects: string;
    restoredObjects: string;
  }>;
  healthChecks: Array<{ name: string; passed: boolean; details: string }>;
  reconciliation: VerificationValues;
  objectVersionCheck: VerificationValues;
  /** One step per line. */
  manualStepsNotInRunbook: string;
  notes: string;
}

/**
 * The fields of the form, named by the path of the {@link DrillRecord}
 * property they fill, so that schema issues and API messages land on them.
 */
export const DRILL_FORM_FIELDS = [
  'kind',
  'entityRefs',
  'startedAt',
  'endedAt',
  'outcome',
  'achievedRtoMs',
  'achievedRpoMs',
  'runbookUrl',
  'performedBy',
  'evidence.backup.name',
  'evidence.backup.createdAt',
  'evidence.restoreTargetTime',
  'evidence.database.checkpoint',
  'evidence.database.walEnd',
  'evidence.namespaceInventory',
  'evidence.healthChecks',
  'evidence.reconciliation',
  'evidence.objectVersionCheck',
  'evidence.manualStepsNotInRunbook',
  'evidence.notes',
] as const;

/** A field of the drill form. */
export type DrillFormField = (typeof DRILL_FORM_FIELDS)[number];

/** Problems per field, and those that belong to no field. */
export interface DrillFormErrors {
  fields: Partial<Record<DrillFormField, string>>;
  general: string[];
}

/** An empty form for a drill that ended just now. */
export function emptyDrillForm(): DrillFormValues {
  const unchecked: VerificationValues = { result: 'not-checked', details: '' };
  return {
    kind: 'restore-test',
    otherEntityRefs: '',
    startedAt: '',
    endedAt: '',
    outcome: 'succeeded',
    achievedRto: '',
    achievedRpo: '',
    runbookUrl: '',
    performedBy: '',
    backupName: '',
    backupCreatedAt: '',
    restoreTargetTime: '',
    databaseCheckpoint: '',
    databaseWalEnd: '',
    namespaceInventory: [],
    healthChecks: [],
    reconciliation: unchecked,
    objectVersionCheck: { ...unchecked },
    manualStepsNotInRunbook: '',
    notes: '',
  };
}

/**
 * The form field a property path belongs to: the longest field that is the
 * path or a prefix of it (`evidence.healthChecks.0.name` → `evidence.healthChecks`).
 */
export function drillFormFieldOf(path: string): DrillFormField | undefined {
  const normalised = path.replace(/\[(\d+)\]/g, '.$1');
  let best: DrillFormField | undefined;
  for (const field of DRILL_FORM_FIELDS) {
    if (
      (normalised === field || normalised.startsWith(`${field}.`)) &&
      (!best || field.length > best.length)
    ) {
      best = field;
    }
  }
  return best;
}

function optionalText(text: string): string | undefined {
  const trimmed = text.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** A `datetime-local` value (reader's zone) as ISO 8601; unreadable text is kept for the schema to reject. */
function isoTime(value: string): string | undefined {
  const text = optionalText(value);
  if (text === undefined) return undefined;
  const time = new Date(text);
  return Number.isNaN(time.getTime()) ? text : time.toISOString();
}

function lines(text: string): string[] {
  return text
    .split('\n')
    .map(line => line.trim())
    .filter(line => line !== '');
}

function verification(
  values: VerificationValues,
): DrillVerification | undefined {
  if (values.result === 'not-checked') return undefined;
  return {
    passed: values.result === 'passed',
    details: optionalText(values.details),
  };
}

function count(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
}

function withoutUndefined<T extends object>(value: T): T {
  return JSON.parse(JSON.stringify(value));
}

/**
 * Turns the form into a {@link DrillRecord} and checks it with
 * `drillRecordSchema`, the schema the backend applies, so that mistakes are
 * shown on their field before anything is sent.
 */
export function drillRecordFromForm(
  values: DrillFormValues,
  entityRef: string,
): { drill: DrillRecord } | { errors: DrillFormErrors } {
  const errors: DrillFormErrors = { fields: {}, general: [] };
  const duration = (text: string, field: DrillFormField) => {
    const trimmed = optionalText(text);
    if (trimmed === undefined) return undefined;
    const milliseconds = parseDuration(trimmed);
    if (milliseconds === undefined) {
      errors.fields[field] = 'Write a duration such as 45m, 2h or 1h30m';
    }
    return milliseconds;
  };
  const backupName = optionalText(values.backupName);
  const backupCreatedAt = isoTime(values.backupCreatedAt);
  const checkpoint = optionalText(values.databaseCheckpoint);
  const walEnd = optionalText(values.databaseWalEnd);
  const candidate = withoutUndefined({
    kind: values.kind,
    entityRefs: [entityRef, ...lines(values.otherEntityRefs)],
    startedAt: isoTime(values.startedAt) ?? '',
    endedAt: isoTime(values.endedAt) ?? '',
    outcome: values.outcome,
    achievedRtoMs: duration(values.achievedRto, 'achievedRtoMs'),
    achievedRpoMs: duration(values.achievedRpo, 'achievedRpoMs'),
    runbookUrl: optionalText(values.runbookUrl),
    performedBy: optionalText(values.performedBy),
    evidence: {
      backup:
        backupName || backupCreatedAt
          ? { name: backupName ?? '', createdAt: backupCreatedAt ?? '' }
          : undefined,
      restoreTargetTime: isoTime(values.restoreTargetTime),
      database: checkpoint || walEnd ? { checkpoint, walEnd } : undefined,
      namespaceInventory: values.namespaceInventory.length
        ? values.namespaceInventory.map(row => ({
            namespace: row.namespace.trim(),
            expectedObjects: count(row.expectedObjects),
            restoredObjects: count(row.restoredObjects),
          }))
        : undefined,
      healthChecks: values.healthChecks.length
        ? values.healthChecks.map(row => ({
            name: row.name.trim(),
            passed: row.passed,
            details: optionalText(row.details),
          }))
        : undefined,
      reconciliation: verification(values.reconciliation),
      objectVersionCheck: verification(values.objectVersionCheck),
      manualStepsNotInRunbook: lines(values.manualStepsNotInRunbook),
      notes: optionalText(values.notes),
    },
  });
  const parsed = drillRecordSchema.safeParse(candidate);
  if (!parsed.success) {
    const unreadableStart = parsed.error.issues.some(
      issue => issue.path.join('.') === 'startedAt',
    );
    for (const issue of parsed.error.issues) {
      const field = drillFormFieldOf(issue.path.map(String).join('.'));
      // An unreadable start makes every end look early; say only the first.
      if (issue.code === 'custom' && field === 'endedAt' && unreadableStart) {
        continue;
      }
      if (field && !errors.fields[field]) errors.fields[field] = issue.message;
      else if (!field) errors.general.push(issue.message);
    }
  }
  if (Object.keys(errors.fields).length > 0 || errors.general.length > 0) {
    return { errors };
  }
  return { drill: parsed.success ? parsed.data : (candidate as DrillRecord) };
}

/**
 * Spreads the message of a rejected drill (`evidence.backup.createdAt: Invalid
 * ISO datetime; endedAt: endedAt is before startedAt`) over the fields it
 * names; what names no field is kept whole.
 */
export function drillFormErrorsFromMessage(message: string): DrillFormErrors {
  const errors: DrillFormErrors = { fields: {}, general: [] };
  for (const part of message.split(/;\s*|\n/)) {
    const segment = part.trim();
    if (segment === '') continue;
    let placed = false;
    for (const match of segment.matchAll(/([A-Za-z][\w.[\]]*)\s*:\s*/g)) {
      const field = drillFormFieldOf(match[1]);
      const text = segment.slice(match.index! + match[0].length).trim();
      if (field && text) {
        errors.fields[field] ??= text;
        placed = true;
        break;
      }
    }
    if (!placed) errors.general.push(segment);
  }
  return errors;
}
