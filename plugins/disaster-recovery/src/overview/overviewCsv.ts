import type { EntityPostureSummary } from '@dr-posture/plugin-disaster-recovery-common';

/** The columns of the CSV export, in order. */
const COLUMNS: Array<
  [string, (row: EntityPostureSummary) => string | number | undefined]
> = [
  ['entityRef', row => row.entityRef],
  ['title', row => row.title],
  ['owner', row => row.owner],
  ['system', row => row.system],
  ['tier', row => row.tier],
  ['status', row => row.status],
  ['rpoMs', row => row.rpoMs],
  ['rtoMs', row => row.rtoMs],
  ['lastCleanBackupAt', row => row.lastCleanBackupAt],
  ['lastDrillAt', row => row.lastDrillAt],
  ['lastDrillOutcome', row => row.lastDrillOutcome],
  [
    'failingChecks',
    row => row.failingChecks.map(c => `${c.id}=${c.status}`).join(' '),
  ],
  ['evaluatedAt', row => row.evaluatedAt],
];

function cell(value: string | number | undefined): string {
  if (value === undefined) return '';
  const text = String(value);
  // Quote when needed; neutralise formulas so spreadsheets show the text.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The header line of the overview CSV, with its line break. */
export function overviewCsvHeader(): string {
  return `${COLUMNS.map(([name]) => name).join(',')}\r\n`;
}

/** Overview rows as CSV lines (RFC 4180, CRLF), each with its line break. */
export function overviewCsvRows(rows: EntityPostureSummary[]): string {
  return rows
    .map(row => `${COLUMNS.map(([, value]) => cell(value(row))).join(',')}\r\n`)
    .join('');
}
