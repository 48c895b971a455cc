import {
  missingDrillEvidence,
  parseDrillRecord,
  parseDuration,
  type DrillEvidenceKey,
  type DrillEvidenceRequirements,
  type DrillHealthCheck,
  type DrillObjectRef,
  type DrillRecord,
  type DrillVerification,
} from '@dr-posture/plugin-disaster-recovery-common';
import { addDrillFormProblem, hasDrillFormErrors } from './drillFormErrors';
import type {
  DrillFormErrors,
  DrillFormField,
  DrillFormValues,
  HealthCheckValues,
  VerificationValues,
} from './drillFormValues';
import { wallTimeToUtc } from './timeZones';

function optionalText(text: string): string | undefined {
  const trimmed = text.trim();
  return trimmed === '' ? undefined : trimmed;
}

function lines(text: string): string[] {
  return text
    .split('\n')
    .map(line => line.trim())
    .filter(line => line !== '');
}

function withoutUndefined<T extends object>(value: T): T {
  return JSON.parse(JSON.stringify(value));
}

/** Builds the drill the form describes and notes what cannot be read at all. */
class CandidateBuilder {
  readonly errors: DrillFormErrors = { fields: {}, general: [] };
  private readonly rowOrigins = new Map<DrillFormField, number[]>();

  constructor(private readonly values: DrillFormValues) {}

  problem(path: string, message: string) {
    addDrillFormProblem(this.errors, path, message);
  }

  time(value: string, field: DrillFormField): string | undefined {
    const text = optionalText(value);
    if (text === undefined) return undefined;
    const utc = wallTimeToUtc(text, this.values.timeZone);
    if (utc === undefined) this.problem(field, 'Enter a date and time');
    return utc;
  }

  duration(text: string, field: DrillFormField): number | undefined {
    const trimmed = optionalText(text);
    if (trimmed === undefined) return undefined;
    const milliseconds = parseDuration(trimmed);
    if (milliseconds === undefined) {
      this.problem(field, 'Write a duration such as 45m, 2h or 1h30m');
    }
    return milliseconds;
  }

  objectRef(text: string, field: DrillFormField): DrillObjectRef | undefined {
    const trimmed = optionalText(text);
    if (trimmed === undefined) return undefined;
    const parts = trimmed.split('/').map(part => part.trim());
    if (parts.length !== 3 || parts.some(part => part === '')) {
      this.problem(field, 'Write it as cluster/namespace/name');
      return undefined;
    }
    const [cluster, namespace, name] = parts;
    return { cluster, namespace, name };
  }

  verification(values: VerificationValues): DrillVerification | undefined {
    if (values.result === 'not-checked') return undefined;
    return {
      passed: values.result === 'passed',
      details: optionalText(values.details),
    };
  }

  /**
   * The rows of a list worth recording, with the form row each came from,
   * so that a problem with a recorded item is shown on its row.
   */
  private rows<T, R>(
    field: DrillFormField,
    rows: T[],
    keep: (row: T) => boolean,
    item: (row: T, index: number) => R,
  ): R[] | undefined {
    const kept: R[] = [];
    const origins: number[] = [];
    rows.forEach((row, index) => {
      if (!keep(row)) return;
      kept.push(item(row, index));
      origins.push(index);
    });
    this.rowOrigins.set(field, origins);
    return kept.length > 0 ? kept : undefined;
  }

  /** A problem the drill rules found, its list index turned back into the form's row. */
  recordProblem(path: string, message: string) {
    for (const [field, origins] of this.rowOrigins) {
      if (!path.startsWith(`${field}.`)) continue;
      const [index, ...inner] = path.slice(field.length + 1).split('.');
      const row = origins[Number(index)];
      if (row !== undefined) {
        this.problem([field, row, ...inner].join('.'), message);
        return;
      }
    }
    this.problem(path, message);
  }

  /** Judged checks only: one left "not checked" is not evidence either way. */
  checks(
    rows: HealthCheckValues[],
    field: DrillFormField,
  ): DrillHealthCheck[] | undefined {
    return this.rows(
      field,
      rows,
      row => row.result !== 'not-checked',
      (row, index) => {
        const name = row.name.trim();
        if (name === '') this.problem(`${field}.${index}`, 'needs a name');
        return { name, ...this.verification(row)! };
      },
    );
  }

  inventory() {
    const field = 'evidence.namespaceInventory';
    const count = (text: string, index: number, what: string) => {
      if (!/^\d+$/.test(text.trim())) {
        this.problem(
          `${field}.${index}`,
          `objects ${what} must be a whole number`,
        );
      }
      return Number(text.trim());
    };
    return this.rows(
      field,
      this.values.namespaceInventory,
      row =>
        `${row.namespace}${row.expectedObjects}${row.restoredObjects}`.trim() !==
        '',
      (row, index) => {
        if (row.namespace.trim() === '') {
          this.problem(`${field}.${index}`, 'needs a name');
        }
        return {
          namespace: row.namespace.trim(),
          expectedObjects: count(row.expectedObjects, index, 'expected'),
          restoredObjects: count(row.restoredObjects, index, 'restored'),
        };
      },
    );
  }

  links() {
    const field = 'evidence.links';
    return this.rows(
      field,
      this.values.links,
      row => row.url.trim() !== '' || row.title.trim() !== '',
      (row, index) => {
        if (row.url.trim() === '')
          this.problem(`${field}.${index}`, 'needs a URL');
        return {
          type: row.type,
          url: row.url.trim(),
          title: optionalText(row.title),
        };
      },
    );
  }

  /** A time the drill must have. */
  requiredTime(value: string, field: DrillFormField): string {
    if (value.trim() === '') {
      this.problem(field, 'is required');
      return '';
    }
    return this.time(value, field) ?? '';
  }

  build(entityRef: string): DrillRecord {
    const v = this.values;
    const backupName = optionalText(v.backupName);
    const backupCreatedAt = this.time(
      v.backupCreatedAt,
      'evidence.backup.createdAt',
    );
    const database = {
      cluster: this.objectRef(v.databaseCluster, 'evidence.database.cluster'),
      checkpoint: optionalText(v.databaseCheckpoint),
      walEnd: optionalText(v.databaseWalEnd),
      lastArchivedWalAt: this.time(
        v.lastArchivedWalAt,
        'evidence.database.lastArchivedWalAt',
      ),
    };
    return withoutUndefined({
      kind: v.kind,
      entityRefs: [...new Set([entityRef, ...v.otherEntityRefs])],
      startedAt: this.requiredTime(v.startedAt, 'startedAt'),
      endedAt: this.requiredTime(v.endedAt, 'endedAt'),
      outcome: v.outcome,
      achievedRtoMs: this.duration(v.achievedRto, 'achievedRtoMs'),
      achievedRpoMs: this.duration(v.achievedRpo, 'achievedRpoMs'),
      // Only a restore test of one component is compared otherwise.
      coversWholeService:
        v.kind === 'restore-test' && v.coversWholeService ? true : undefined,
      runbookUrl: optionalText(v.runbookUrl),
      performedBy: optionalText(v.performedBy),
      evidence: {
        backup:
          backupName || backupCreatedAt
            ? { name: backupName ?? '', createdAt: backupCreatedAt ?? '' }
            : undefined,
        restoreTargetTime: this.time(
          v.restoreTargetTime,
          'evidence.restoreTargetTime',
        ),
        database: Object.values(database).some(Boolean) ? database : undefined,
        veleroRestore: this.objectRef(
          v.veleroRestore,
          'evidence.veleroRestore',
        ),
        namespaceInventory: this.inventory(),
        healthChecks: this.checks(v.healthChecks, 'evidence.healthChecks'),
        applicationHealthChecks: this.checks(
          v.applicationHealthChecks,
          'evidence.applicationHealthChecks',
        ),
        reconciliation: this.verification(v.reconciliation),
        objectVersionCheck: this.verification(v.objectVersionCheck),
        manualStepsNotInRunbook: lines(v.manualStepsNotInRunbook),
        links: this.links(),
        notes: optionalText(v.notes),
      },
    });
  }
}

/**
 * The required evidence the form lacks for a drill reported as succeeded
 * (a drill reported as failed counts as failed whatever it holds), by the
 * backend's requirements (the defaults when not given).
 */
export function missingEvidenceInForm(
  values: DrillFormValues,
  entityRef: string,
  requirements?: DrillEvidenceRequirements,
): DrillEvidenceKey[] {
  if (values.outcome === 'failed') return [];
  return missingDrillEvidence(
    new CandidateBuilder(values).build(entityRef),
    requirements,
  );
}

/**
 * Turns the form into a drill and checks it with `parseDrillRecord`, the
 * rule the backend applies (shape, limits, plausible dates, control
 * characters), so that mistakes are shown on their field before anything
 * is sent. Times are read in the form's time zone and sent in UTC.
 */
export function drillRecordFromForm(
  values: DrillFormValues,
  entityRef: string,
  now: Date = new Date(),
): { drill: DrillRecord } | { errors: DrillFormErrors } {
  const builder = new CandidateBuilder(values);
  const candidate = builder.build(entityRef);
  const { errors } = builder;
  const parsed = parseDrillRecord(candidate, now);
  if (!parsed.ok) {
    // A field keeps its first problem: what the form could not read at all.
    for (const problem of parsed.problems) {
      builder.recordProblem(problem.field, problem.message);
    }
  }
  if (hasDrillFormErrors(errors) || !parsed.ok) return { errors };
  return { drill: parsed.drill };
}
