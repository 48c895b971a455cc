import { parseDateTime, readTimeRange } from './timeRange';

describe('parseDateTime', () => {
  it.each([
    ['2026-11-20T10:00:00Z', Date.UTC(2026, 10, 20, 10)],
    ['2026-11-20t10:00:00z', Date.UTC(2026, 10, 20, 10)],
    ['2026-11-20 10:00:00Z', Date.UTC(2026, 10, 20, 10)],
    ['2026-11-20T10:00:00.250Z', Date.UTC(2026, 10, 20, 10, 0, 0, 250)],
    ['2026-11-20T10:00:00.123456789Z', Date.UTC(2026, 10, 20, 10, 0, 0, 123)],
    ['2026-11-20T12:00:00+02:00', Date.UTC(2026, 10, 20, 10)],
    ['2026-11-20T05:30:00-0430', Date.UTC(2026, 10, 20, 10)],
    ['2026-11-20T10:00:00+00', Date.UTC(2026, 10, 20, 10)],
    ['2028-02-29T00:00:00Z', Date.UTC(2028, 1, 29)],
    ['0000-01-01T00:00:00Z', -62167219200000],
    ['0099-06-01T00:00:00Z', Date.parse('0099-06-01T00:00:00Z')],
    ['2026-11-20T23:59:59Z', Date.UTC(2026, 10, 20, 23, 59, 59)],
  ])('reads %s', (value, expected) => {
    expect(parseDateTime(value)).toBe(expected);
  });

  it.each([
    // Days that do not exist: Date.parse rolls them into the next month.
    '2026-02-29T00:00:00Z',
    '2026-02-30T00:00:00Z',
    '2026-04-31T00:00:00Z',
    '2026-13-01T00:00:00Z',
    '2026-00-10T00:00:00Z',
    '2026-11-00T00:00:00Z',
    '2026-11-20T24:00:00Z',
    '2026-11-20T23:60:00Z',
    // A leap second: ajv's format takes it, Date.parse cannot read it.
    '2026-12-31T23:59:60Z',
    '2026-11-20T10:00:00+24:00',
    '2026-11-20T10:00:00',
    'yesterday',
  ])('refuses %s', value => {
    expect(parseDateTime(value)).toBeUndefined();
  });
});

describe('readTimeRange', () => {
  it('reads an open or closed range; from equal to to is an empty range', () => {
    expect(readTimeRange({})).toEqual({});
    expect(readTimeRange({ to: '2026-11-20T10:00:00Z' })).toEqual({
      to: Date.UTC(2026, 10, 20, 10),
    });
    const at = '2026-11-20T10:00:00Z';
    expect(readTimeRange({ from: at, to: at })).toEqual({
      from: Date.UTC(2026, 10, 20, 10),
      to: Date.UTC(2026, 10, 20, 10),
    });
  });

  it('answers 400 naming the field', () => {
    expect(() =>
      readTimeRange({
        from: '2026-11-20T10:00:00.001Z',
        to: '2026-11-20T10:00:00Z',
      }),
    ).toThrow('Invalid request: from: is later than to');
    expect(() =>
      readTimeRange({
        from: '2026-02-30T00:00:00Z',
        to: '2026-12-31T23:59:60Z',
      }),
    ).toThrow(
      'Invalid request: from: is not a valid date-time; to: is not a valid date-time',
    );
  });
});
