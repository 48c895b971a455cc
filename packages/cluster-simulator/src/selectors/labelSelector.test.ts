import { parseLabelSelector, SelectorSyntaxError } from './labelSelector.ts';

const web = { app: 'web', tier: 'frontend', replicas: '3' };
const db = { app: 'db', tier: 'backend' };
const bare = {};

function matching(selector: string): string[] {
  const parsed = parseLabelSelector(selector);
  return Object.entries({ web, db, bare })
    .filter(([, labels]) => parsed.matches(labels))
    .map(([name]) => name);
}

describe('parseLabelSelector semantics', () => {
  it.each([
    ['', ['web', 'db', 'bare']],
    ['app=web', ['web']],
    ['app==web', ['web']],
    ['app!=web', ['db', 'bare']],
    ['app in (web,db)', ['web', 'db']],
    ['app in (web, other)', ['web']],
    ['app notin (web)', ['db', 'bare']],
    ['tier', ['web', 'db']],
    ['!tier', ['bare']],
    ['app=web,tier=frontend', ['web']],
    ['app=web,tier=backend', []],
    ['!missing,app', ['web', 'db']],
    ['replicas>2', ['web']],
    ['replicas<2', []],
    ['app=', []],
    ['app in (in, notin)', []],
    ['  app  =  web  ', ['web']],
  ])('%p selects %p', (selector, expected) => {
    expect(matching(selector)).toEqual(expected);
  });

  it('matches the empty value for `key=` and `key in ()`', () => {
    expect(parseLabelSelector('a=').matches({ a: '' })).toBe(true);
    expect(parseLabelSelector('a==').matches({ a: '' })).toBe(true);
    expect(parseLabelSelector('a in ()').matches({ a: '' })).toBe(true);
    expect(parseLabelSelector('a in ()').matches({ a: 'x' })).toBe(false);
  });

  it('accepts prefixed keys', () => {
    const selector = parseLabelSelector(
      'velero.io/schedule-name in (daily),app.kubernetes.io/name=x',
    );
    expect(
      selector.matches({
        'velero.io/schedule-name': 'daily',
        'app.kubernetes.io/name': 'x',
      }),
    ).toBe(true);
  });
});

describe('parseLabelSelector errors', () => {
  it.each([
    ['app in', "unable to parse requirement: found '' expected: '('"],
    [
      'app in (web',
      "unable to parse requirement: found '', expected: ',' or ')'",
    ],
    [
      'app IN (web)',
      "unable to parse requirement: found 'IN', expected: in, notin, =, ==, !=, gt, lt",
    ],
    [
      'app=web,',
      "unable to parse requirement: found '', expected: identifier after ','",
    ],
    [
      'app=a=b',
      "unable to parse requirement: found '=', expected: ',' or 'end of string'",
    ],
    [
      '=web',
      "unable to parse requirement: found '=', expected: !, identifier, or 'end of string'",
    ],
    [
      'app=a b',
      "unable to parse requirement: found 'b', expected: ',' or 'end of string'",
    ],
    [
      '!app=web',
      "unable to parse requirement: found '=', expected: ',' or 'end of string'",
    ],
    [
      'app=web)',
      "unable to parse requirement: found ')', expected: ',' or 'end of string'",
    ],
    ['-app=web', 'invalid label key "-app"'],
    ['a/b/c', 'invalid label key "a/b/c"'],
    ['app=-web', 'invalid label value: "-web": at key: "app"'],
    [`app=${'x'.repeat(64)}`, 'must be no more than 63 characters'],
    ['replicas>two', "for 'Gt', 'Lt' operators, the value must be an integer"],
    [
      'app in (a b)',
      "unable to parse requirement: found 'b', expected: ',' or ')'",
    ],
  ])('%p fails with %p', (selector, message) => {
    expect(() => parseLabelSelector(selector)).toThrow(SelectorSyntaxError);
    expect(() => parseLabelSelector(selector)).toThrow(message);
  });
});
