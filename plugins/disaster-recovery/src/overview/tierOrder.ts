/** Tier ids in reading order: numbers ascending, `none` (no tier declared) last. */
export function tierOrder(a: string, b: string): number {
  if (a === 'none') return 1;
  if (b === 'none') return -1;
  return a.localeCompare(b, undefined, { numeric: true });
}
