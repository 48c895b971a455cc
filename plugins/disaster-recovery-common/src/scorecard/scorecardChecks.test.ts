import { CHECK_IDS } from '../checks/registry';
import { SCORECARD_CHECKS, scorecardResultOf } from './scorecardChecks';

describe('SCORECARD_CHECKS', () => {
  it('gives each scorecard check its own id, fact and posture check', () => {
    for (const key of ['id', 'fact', 'postureCheckId'] as const) {
      const values = SCORECARD_CHECKS.map(check => check[key]);
      expect(new Set(values).size).toBe(values.length);
    }
    for (const check of SCORECARD_CHECKS) {
      expect(CHECK_IDS).toContain(check.postureCheckId);
    }
  });
});

describe('scorecardResultOf', () => {
  it.each([
    ['pass', true],
    ['warn', true],
    ['fail', false],
    ['unknown', undefined],
    [undefined, undefined],
  ] as const)('maps %s to %s', (status, result) => {
    expect(scorecardResultOf(status)).toBe(result);
  });
});
