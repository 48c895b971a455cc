import type { CheckStatus } from '../checks/types';
import { evaluateSystemPosture } from './evaluateSystemPosture';
import { worstStatus } from './worstStatus';

describe('worstStatus', () => {
  it.each<[CheckStatus[], CheckStatus]>([
    [[], 'unknown'],
    [['pass'], 'pass'],
    [['pass', 'unknown'], 'unknown'],
    [['unknown', 'warn'], 'warn'],
    [['warn', 'fail', 'pass'], 'fail'],
  ])('%j → %s', (statuses, expected) => {
    expect(worstStatus(statuses)).toBe(expected);
  });
});

describe('evaluateSystemPosture', () => {
  it.each<[CheckStatus[], CheckStatus]>([
    [[], 'unknown'],
    [['pass', 'pass'], 'pass'],
    [['pass', 'unknown'], 'unknown'],
    [['pass', 'fail', 'warn'], 'fail'],
  ])('components %j → %s', (statuses, expected) => {
    const system = evaluateSystemPosture(
      statuses.map((status, i) => ({
        entityRef: `component:default/c${i}`,
        status,
        checks: [],
      })),
    );
    expect(system.status).toBe(expected);
    expect(system.counts.pass).toBe(statuses.filter(s => s === 'pass').length);
  });
});
