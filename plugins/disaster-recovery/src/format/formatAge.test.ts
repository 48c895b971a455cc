import { formatAge } from './formatAge';

describe('formatAge', () => {
  const now = Date.parse('2025-06-11T12:00:00Z');

  it('says how long ago a past time was', () => {
    expect(formatAge('2025-06-11T09:55:00Z', now)).toBe('2 h 5 min ago');
  });

  it('says how far away a future time is', () => {
    expect(formatAge('2025-06-12T13:00:00Z', now)).toBe('in 1 day 1 h');
  });
});
