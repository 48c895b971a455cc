import { formatAge } from './formatAge';

describe('formatAge', () => {
  const now = Date.parse('2025-06-11T12:00:00Z');

  it.each([
    ['2025-06-11T09:55:00Z', '2 h 5 min ago'],
    ['2025-06-11T11:57:30Z', '2 min ago'],
    ['2025-06-11T11:59:30Z', 'less than a minute ago'],
    ['2025-06-11T12:00:00Z', 'less than a minute ago'],
    ['2025-06-08T08:00:00Z', '3 days 4 h ago'],
    ['2025-06-12T13:00:00Z', 'in 1 day 1 h'],
    ['2025-06-11T14:00:45Z', 'in 2 h'],
    ['2025-06-11T12:00:20Z', 'in less than a minute'],
  ])('%s → %s, to the minute, never "ago" for a future time', (time, text) => {
    expect(formatAge(time, now)).toBe(text);
  });
});
