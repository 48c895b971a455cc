const CNPG_RETENTION = /^([1-9][0-9]*)([dwm])$/;

/**
 * Reads a CloudNativePG retention policy (`30d`, `4w`, `3m` — `m` is months,
 * as barman's recovery window counts them) into milliseconds before `now`.
 * Months are counted back on the calendar, so `1m` in March is 28 or 29
 * days. Returns `undefined` for anything else.
 */
export function postgresRetentionMs(
  policy: string,
  now: Date,
): number | undefined {
  const match = CNPG_RETENTION.exec(policy.trim());
  if (!match) return undefined;
  const count = Number(match[1]);
  switch (match[2]) {
    case 'd':
      return count * 86_400_000;
    case 'w':
      return count * 7 * 86_400_000;
    default: {
      const start = new Date(now.getTime());
      start.setUTCMonth(start.getUTCMonth() - count);
      return now.getTime() - start.getTime();
    }
  }
}
