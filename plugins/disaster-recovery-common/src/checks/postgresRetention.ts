const CNPG_RETENTION = /^([1-9][0-9]*)([dwm])$/;
const DAY = 86_400_000;

/**
 * Reads a CloudNativePG retention policy (`30d`, `4w`, `3m`) into
 * milliseconds, exactly as CloudNativePG admits it (the CRD's pattern
 * `^[1-9][0-9]*[dwm]$`, no spaces) and as barman applies it: a month is 31
 * days (barman's recovery window). Returns `undefined` for anything else.
 */
export function postgresRetentionMs(policy: string): number | undefined {
  const match = CNPG_RETENTION.exec(policy);
  if (!match) return undefined;
  const count = Number(match[1]);
  const unitDays = { d: 1, w: 7, m: 31 }[match[2] as 'd' | 'w' | 'm'];
  return count * unitDays * DAY;
}
