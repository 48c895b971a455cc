import {
  DRILL_FORM_FIELD_LABELS,
  DRILL_FORM_FIELDS,
  type DrillFormErrors,
  type DrillFormField,
} from './drillFormValues';

/** How one item of a list field is named in a message. */
const ITEM_NAMES: Partial<Record<DrillFormField, string>> = {
  entityRefs: 'Entity',
  'evidence.namespaceInventory': 'Namespace',
  'evidence.healthChecks': 'Health check',
  'evidence.applicationHealthChecks': 'Application health check',
  'evidence.manualStepsNotInRunbook': 'Step',
  'evidence.links': 'Link',
};

/**
 * The form field a property path belongs to: the longest field that is the
 * path or a prefix of it (`evidence.healthChecks.0.name` →
 * `evidence.healthChecks`), and what is left of the path.
 */
export function drillFormFieldOf(
  path: string,
): { field: DrillFormField; rest: string[] } | undefined {
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
  if (!best) return undefined;
  const rest = normalised.slice(best.length).split('.').filter(Boolean);
  return { field: best, rest };
}

/**
 * A problem as shown on its field. Messages that start with a verb (the
 * backend's `is before startedAt`) are prefixed with what they are about;
 * one about a list item names the item (`Health check 2 name: …`).
 */
function describe(field: DrillFormField, rest: string[], message: string) {
  const [index, ...inner] = rest;
  const item = ITEM_NAMES[field];
  if (item && index !== undefined && /^\d+$/.test(index)) {
    const what = [`${item} ${Number(index) + 1}`, ...inner].join(' ');
    return `${what}: ${message}`;
  }
  if (/^[a-z]/.test(message)) {
    return `${DRILL_FORM_FIELD_LABELS[field]} ${message}`;
  }
  return message;
}

/** Adds a problem to its field (the first one a field gets stays), or to the general ones. */
export function addDrillFormProblem(
  errors: DrillFormErrors,
  path: string,
  message: string,
) {
  const found = drillFormFieldOf(path);
  if (!found) {
    errors.general.push(path ? `${path}: ${message}` : message);
    return;
  }
  errors.fields[found.field] ??= describe(found.field, found.rest, message);
}

/** No problem at all. */
export function hasDrillFormErrors(errors: DrillFormErrors): boolean {
  return Object.keys(errors.fields).length > 0 || errors.general.length > 0;
}

/**
 * Spreads the message of a rejected drill (`Invalid drill:
 * evidence.backup.createdAt: is required; endedAt: is before startedAt`)
 * over the fields it names; what names no field is kept whole.
 */
export function drillFormErrorsFromMessage(message: string): DrillFormErrors {
  const errors: DrillFormErrors = { fields: {}, general: [] };
  for (const part of message.split(/;\s*|\n/)) {
    const segment = part.trim();
    if (segment === '') continue;
    let placed = false;
    for (const match of segment.matchAll(/([A-Za-z][\w.[\]]*)\s*:\s*/g)) {
      const text = segment.slice(match.index! + match[0].length).trim();
      if (drillFormFieldOf(match[1]) && text) {
        addDrillFormProblem(errors, match[1], text);
        placed = true;
        break;
      }
    }
    if (!placed) errors.general.push(segment);
  }
  return errors;
}
