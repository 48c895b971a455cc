import { disruptionBudget } from '../__testUtils__/fixtures';
import { budgetAllowance } from './disruptionBudgets';

describe('budgetAllowance', () => {
  it.each<
    [string, Parameters<typeof disruptionBudget>[0], number, object | undefined]
  >([
    [
      'minAvailable 1 of 3',
      { minAvailable: 1 },
      3,
      { minHealthy: 1, allowed: 2 },
    ],
    [
      'minAvailable equal to the replicas',
      { minAvailable: 3 },
      3,
      { minHealthy: 3, allowed: 0 },
    ],
    [
      'minAvailable 50% of 3, rounded up',
      { minAvailable: '50%' },
      3,
      { minHealthy: 2, allowed: 1 },
    ],
    [
      'maxUnavailable 1 of 2',
      { minAvailable: undefined, maxUnavailable: 1 },
      2,
      { minHealthy: 1, allowed: 1 },
    ],
    [
      'maxUnavailable 0',
      { minAvailable: undefined, maxUnavailable: 0 },
      2,
      { minHealthy: 2, allowed: 0 },
    ],
    [
      'maxUnavailable 100%',
      { minAvailable: undefined, maxUnavailable: '100%' },
      2,
      { minHealthy: 0, allowed: 2 },
    ],
    [
      'maxUnavailable 34% of 3, rounded up',
      { minAvailable: undefined, maxUnavailable: '34%' },
      3,
      { minHealthy: 1, allowed: 2 },
    ],
    [
      'an integer written as a string',
      { minAvailable: '2' },
      3,
      { minHealthy: 2, allowed: 1 },
    ],
    ['neither', { minAvailable: undefined }, 3, undefined],
    [
      'a value that is no number or percentage',
      { minAvailable: 'half' },
      3,
      undefined,
    ],
  ])('%s', (_case, overrides, replicas, expected) => {
    expect(budgetAllowance(disruptionBudget(overrides), replicas)).toEqual(
      expected,
    );
  });
});
