import { formatEvidenceValue } from './formatEvidenceValue';

describe('formatEvidenceValue', () => {
  it.each([
    ['rpoMs', 900_000, '15 min'],
    ['errors', 3, '3'],
    ['lastCleanBackupAt', null, 'none'],
    ['namespaces', ['a', 'b'], 'a, b'],
    ['namespaces', [], 'none'],
    ['paused', true, 'yes'],
    ['phase', 'Completed', 'Completed'],
    ['ttl', '720h0m0s', '30 days'],
    ['ttl', '72h', '3 days'],
    ['ttl', '1h30m', '1 h 30 min'],
    // Not Go durations: shown as written.
    ['ttl', '30d', '30d'],
    ['name', 'hourly-1h', 'hourly-1h'],
    ['count', '5', '5'],
  ])('%s = %p → %s', (key, value, expected) => {
    expect(formatEvidenceValue(key, value)).toBe(expected);
  });
});
