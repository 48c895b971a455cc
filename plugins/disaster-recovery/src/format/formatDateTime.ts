/** An ISO 8601 time in the reader's locale and time zone, to the minute. */
export function formatDateTime(time: string): string {
  return new Date(time).toLocaleString(undefined, {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
}
