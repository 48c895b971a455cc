const UNITS: Array<[string, number]> = [
  ['d', 86_400_000],
  ['h', 3_600_000],
  ['m', 60_000],
  ['s', 1000],
  ['ms', 1],
];

/**
 * Milliseconds as the form's duration fields take them (`1d2h30m`), so that
 * `parseDuration` reads back exactly the same amount.
 */
export function durationText(milliseconds: number): string {
  if (milliseconds === 0) return '0';
  let rest = Math.round(milliseconds);
  let text = '';
  for (const [unit, size] of UNITS) {
    const amount = Math.floor(rest / size);
    if (amount > 0) {
      text += `${amount}${unit}`;
      rest -= amount * size;
    }
  }
  return text;
}
