/** SQLite hands back epoch milliseconds, PostgreSQL and MySQL Dates. */
export function toIso(value: unknown): string | undefined {
  if (value === null || value === undefined) {
    return undefined;
  }
  const date =
    value instanceof Date ? value : new Date(value as string | number);
  return date.toISOString();
}
