import { browserTimeZone } from '../drills/timeZones';
import { formatDateTime } from './formatDateTime';

describe('formatDateTime', () => {
  it.each([
    ['Europe/Berlin', '11 Jun 2025, 14:05 (Europe/Berlin)'],
    ['UTC', '11 Jun 2025, 12:05 (UTC)'],
    ['America/New_York', '11 Jun 2025, 08:05 (America/New_York)'],
  ])('in %s: to the minute, with the zone', (timeZone, text) => {
    expect(
      formatDateTime('2025-06-11T12:05:42.123Z', { timeZone, locale: 'en-GB' }),
    ).toBe(text);
  });

  it("names the reader's own zone by default", () => {
    const zone = browserTimeZone();
    expect(formatDateTime('2025-06-11T12:05:00Z')).toMatch(
      new RegExp(`\\(${zone.replace('/', '\\/')}\\)$`),
    );
  });
});
