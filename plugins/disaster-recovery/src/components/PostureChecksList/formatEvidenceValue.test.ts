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
  ])('%s = %p → %s', (key, value, expected) => {
    expect(formatEvidenceValue(key, value)).toBe(expected);
  });
});
