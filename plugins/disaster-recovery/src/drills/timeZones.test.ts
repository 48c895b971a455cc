import {
  formatUtc,
  timeZoneChoices,
  utcToWallTime,
  wallTimeToUtc,
} from './timeZones';

describe('wallTimeToUtc', () => {
  it.each([
    ['2025-06-10T10:00', 'UTC', '2025-06-10T10:00:00.000Z'],
    ['2025-06-10T10:00', 'Europe/Berlin', '2025-06-10T08:00:00.000Z'],
    ['2025-01-10T10:00', 'Europe/Berlin', '2025-01-10T09:00:00.000Z'],
    ['2025-06-10T10:00', 'America/New_York', '2025-06-10T14:00:00.000Z'],
    ['2025-06-10T10:00:30', 'Asia/Kolkata', '2025-06-10T04:30:30.000Z'],
    // 02:30 does not exist in Berlin on 30 March 2025: clocks jump to 03:30.
    ['2025-03-30T02:30', 'Europe/Berlin', '2025-03-30T01:30:00.000Z'],
  ])('reads %s in %s as %s', (wallTime, zone, utc) => {
    expect(wallTimeToUtc(wallTime, zone)).toBe(utc);
  });

  it('reads nothing from text that is no time', () => {
    expect(wallTimeToUtc('yesterday', 'UTC')).toBeUndefined();
  });
});

describe('utcToWallTime', () => {
  it.each([
    ['2025-06-10T08:00:00.000Z', 'Europe/Berlin', '2025-06-10T10:00'],
    ['2025-06-10T04:30:30Z', 'Asia/Kolkata', '2025-06-10T10:00:30'],
  ])('shows %s in %s as %s', (utc, zone, wallTime) => {
    expect(utcToWallTime(utc, zone)).toBe(wallTime);
    expect(wallTimeToUtc(wallTime, zone)).toBe(new Date(utc).toISOString());
  });
});

describe('formatUtc', () => {
  it('says the time in UTC, seconds only when set', () => {
    expect(formatUtc('2025-06-10T10:00:00+02:00')).toBe('2025-06-10 08:00 UTC');
    expect(formatUtc('2025-06-10T08:00:05Z')).toBe('2025-06-10 08:00:05 UTC');
  });
});

describe('timeZoneChoices', () => {
  it('offers UTC first and always the zone chosen', () => {
    const choices = timeZoneChoices('Mars/Olympus_Mons');
    expect(choices[0]).toBe('UTC');
    expect(choices).toContain('Mars/Olympus_Mons');
    expect(choices).toContain('Europe/Berlin');
  });
});
