import { cnpgCadence, veleroCadence } from './scheduleCadence.ts';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

describe('veleroCadence', () => {
  it('reads a five-field cron in UTC', () => {
    const next = veleroCadence('*/15 * * * *');
    expect(iso(next(at('2024-05-01T10:07:00Z')))).toBe(
      '2024-05-01T10:15:00.000Z',
    );
    expect(iso(next(at('2024-05-01T10:15:00Z')))).toBe(
      '2024-05-01T10:30:00.000Z',
    );
  });

  it('honours a CRON_TZ prefix', () => {
    const next = veleroCadence('CRON_TZ=Europe/Berlin 0 2 * * *');
    // 02:00 in Berlin summer time is 00:00 UTC.
    expect(iso(next(at('2024-07-01T12:00:00Z')))).toBe(
      '2024-07-02T00:00:00.000Z',
    );
  });

  it('counts @every from the previous run', () => {
    const next = veleroCadence('@every 6h');
    expect(iso(next(at('2024-05-01T10:00:30Z')))).toBe(
      '2024-05-01T16:00:30.000Z',
    );
  });

  it('accepts descriptors', () => {
    const next = veleroCadence('@daily');
    expect(iso(next(at('2024-05-01T10:00:00Z')))).toBe(
      '2024-05-02T00:00:00.000Z',
    );
  });

  it.each([
    '0 0 2 * * *',
    '61 * * * *',
    '@every 5',
    'CRON_TZ=Nowhere/City 0 * * * *',
    '@fortnightly',
  ])('rejects %p', schedule => {
    expect(() => veleroCadence(schedule)).toThrow();
  });
});

describe('cnpgCadence', () => {
  it('reads six fields with seconds first', () => {
    const next = cnpgCadence('0 30 1 * * *');
    expect(iso(next(at('2024-05-01T10:00:00Z')))).toBe(
      '2024-05-02T01:30:00.000Z',
    );
  });

  it('reads five fields seconds-first with any day of week, as robfig/cron v1', () => {
    // Second 0, minute 0, every hour: hourly, not daily at midnight.
    const next = cnpgCadence('0 0 * * *');
    expect(iso(next(at('2024-05-01T10:00:00Z')))).toBe(
      '2024-05-01T11:00:00.000Z',
    );
    expect(iso(cnpgCadence('0 30 1 * *')(at('2024-05-01T10:00:00Z')))).toBe(
      '2024-05-02T01:30:00.000Z',
    );
  });

  it.each([
    'CRON_TZ=Europe/Berlin 0 0 2 * * *',
    '0 0 0 0 * * *',
    '0 0 61 * * *',
  ])('rejects %p', schedule => {
    expect(() => cnpgCadence(schedule)).toThrow();
  });
});
