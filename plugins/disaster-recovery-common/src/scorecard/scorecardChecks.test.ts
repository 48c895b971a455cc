import { CHECK_IDS } from '../checks/registry';
import {
  postureWarningCount,
  SCORECARD_CHECKS,
  SCORECARD_NO_WARNINGS_CHECK,
  scorecardFactOf,
  scorecardResultOf,
} from './scorecardChecks';

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

describe('scorecardFactOf', () => {
  it.each([
    ['pass', 'pass'],
    ['warn', 'warn'],
    ['fail', 'fail'],
    ['unknown', undefined],
    [undefined, undefined],
  ] as const)('maps %s to %s', (status, fact) => {
    expect(scorecardFactOf(status)).toBe(fact);
  });
});

describe('the no-warnings check', () => {
  it('counts the warning posture checks and uses an id and fact of its own', () => {
    expect(
      postureWarningCount([
        { status: 'warn' },
        { status: 'fail' },
        { status: 'unknown' },
        { status: 'warn' },
        { status: 'pass' },
      ]),
    ).toBe(2);
    expect(postureWarningCount([{ status: 'fail' }])).toBe(0);
    expect(SCORECARD_CHECKS.map(c => c.id)).not.toContain(
      SCORECARD_NO_WARNINGS_CHECK.id,
    );
    expect(SCORECARD_CHECKS.map(c => c.fact)).not.toContain(
      SCORECARD_NO_WARNINGS_CHECK.fact,
    );
  });
});
