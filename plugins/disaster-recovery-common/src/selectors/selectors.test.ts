import { matchesLabelSelector } from './matchesLabelSelector';
import { parseLabelSelector } from './parseLabelSelector';

const labels = {
  app: 'payments',
  tier: 'backend',
  'app.kubernetes.io/part-of': 'shop',
};

describe('parseLabelSelector', () => {
  it('parses every requirement form', () => {
    expect(
      parseLabelSelector(
        'a=b, c==d,e!=f, g in (x, y),h notin (z),i,!j, k.io/l=m',
      ),
    ).toEqual({
      ok: true,
      selector: {
        matchExpressions: [
          { key: 'a', operator: 'In', values: ['b'] },
          { key: 'c', operator: 'In', values: ['d'] },
          { key: 'e', operator: 'NotIn', values: ['f'] },
          { key: 'g', operator: 'In', values: ['x', 'y'] },
          { key: 'h', operator: 'NotIn', values: ['z'] },
          { key: 'i', operator: 'Exists' },
          { key: 'j', operator: 'DoesNotExist' },
          { key: 'k.io/l', operator: 'In', values: ['m'] },
        ],
      },
    });
  });

  it.each(['a>1', 'a=b=c', 'in (x)', 'a in (x', '-bad=x', 'a=b,'])(
    'rejects %p',
    text => {
      expect(parseLabelSelector(text)).toEqual({
        ok: false,
        reason: expect.stringContaining(text),
      });
    },
  );

  it.each([
    ['app=payments', true],
    ['app=payments,tier=frontend', false],
    ['app!=payments', false],
    ['missing!=x', true],
    ['tier in (backend, db)', true],
    ['tier notin (backend)', false],
    ['missing notin (x)', true],
    ['app.kubernetes.io/part-of', true],
    ['!app.kubernetes.io/part-of', false],
    ['!missing', true],
    ['', true],
  ])('"%s" matches the payments pod: %s', (text, expected) => {
    const parsed = parseLabelSelector(text);
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(matchesLabelSelector(parsed.selector, labels)).toBe(expected);
  });
});

describe('matchesLabelSelector', () => {
  it.each([
    ['matchLabels that hold', { matchLabels: { app: 'payments' } }, true],
    ['matchLabels that do not', { matchLabels: { app: 'orders' } }, false],
    [
      'matchLabels and an expression that fails',
      {
        matchLabels: { app: 'payments' },
        matchExpressions: [
          { key: 'tier', operator: 'In' as const, values: ['db'] },
        ],
      },
      false,
    ],
    ['an empty selector', {}, true],
  ])('%s → %s', (_case, selector, expected) => {
    expect(matchesLabelSelector(selector, labels)).toBe(expected);
  });
});
