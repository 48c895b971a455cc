import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readLockfile, singletonProblem } from './lockfile.mjs';

const LOCK = `
__metadata:
  version: 8

"@backstage/plugin-catalog-node@npm:^2.2.4":
  version: 2.2.5
  resolution: "@backstage/plugin-catalog-node@npm:2.2.5"

"@backstage/plugin-catalog-node@npm:^3.0.0, @backstage/plugin-catalog-node@npm:^3.0.1":
  version: 3.0.1
  resolution: "@backstage/plugin-catalog-node@npm:3.0.1"

"@backstage/plugin-catalog-backend@npm:^4.0.0":
  version: 4.0.5
  resolution: "@backstage/plugin-catalog-backend@npm:4.0.5"
  dependencies:
    "@backstage/plugin-catalog-node": "npm:^3.0.1"

"@backstage-community/plugin-x@npm:^0.10.0":
  version: 0.10.0
  resolution: "@backstage-community/plugin-x@npm:0.10.0"
  dependencies:
    "@backstage/plugin-catalog-node": "npm:^2.2.4"

"@dr-posture/plugin-y@npm:^0.1.0":
  version: 0.1.0
  resolution: "@dr-posture/plugin-y@npm:0.1.0"
  dependencies:
    "@backstage/plugin-catalog-node": "npm:^3.0.0"

"backend@workspace:packages/backend":
  version: 0.0.0-use.local
  resolution: "backend@workspace:packages/backend"
  dependencies:
    "@backstage/plugin-catalog-backend": "npm:^4.0.0"
    "@dr-posture/plugin-y": "npm:^0.1.0"
`;

const roles = {
  isOurs: dependent => dependent.startsWith('@dr-posture/'),
  isBackstage: dependent =>
    dependent.startsWith('@backstage/') || !dependent.includes('@'),
};

describe('readLockfile', () => {
  it('gives each version of a package with the packages depending on it', () => {
    assert.deepEqual(
      readLockfile(LOCK).copiesOf('@backstage/plugin-catalog-node'),
      [
        {
          version: '2.2.5',
          dependents: ['@backstage-community/plugin-x@0.10.0'],
        },
        {
          version: '3.0.1',
          dependents: [
            '@backstage/plugin-catalog-backend@4.0.5',
            '@dr-posture/plugin-y@0.1.0',
          ],
        },
      ],
    );
    assert.deepEqual(readLockfile(LOCK).copiesOf('@dr-posture/plugin-y'), [
      { version: '0.1.0', dependents: ['backend'] },
    ]);
  });
});

describe('singletonProblem', () => {
  const copy = (version, ...dependents) => ({ version, dependents });
  const cases = [
    [
      'one version for everyone',
      [copy('3.0.1', '@backstage/a@1', '@dr-posture/y@0.1.0')],
      undefined,
    ],
    [
      'a second copy only a third-party plugin wants',
      [
        copy('2.2.5', '@backstage-community/x@0.10.0'),
        copy('3.0.1', '@backstage/a@1', '@dr-posture/y@0.1.0'),
      ],
      undefined,
    ],
    [
      'our packages on another version than Backstage',
      [copy('2.2.5', '@dr-posture/y@0.1.0'), copy('3.0.1', '@backstage/a@1')],
      "n: our packages use 2.2.5, the app's Backstage packages 3.0.1",
    ],
    [
      "Backstage's own packages split, ours on the newest",
      [
        copy('0.18.1', '@backstage/app-defaults@1.7.12'),
        copy('1.0.0', '@backstage/a@1', '@dr-posture/y@0.1.0'),
      ],
      undefined,
    ],
    [
      "ours on the older of Backstage's two",
      [
        copy('0.18.1', '@backstage/app-defaults@1.7.12', '@dr-posture/y@0.1.0'),
        copy('1.0.0', '@backstage/a@1'),
      ],
      "n: our packages use 0.18.1, the app's Backstage packages 1.0.0",
    ],
    [
      'versions compared by their numbers, not as text',
      [
        copy('0.9.0', '@backstage/b@1'),
        copy('0.10.0', '@backstage/a@1', '@dr-posture/y@0.1.0'),
      ],
      undefined,
    ],
    ['nothing installed', [], 'n is not installed'],
  ];
  for (const [title, copies, problem] of cases) {
    it(title, () => {
      assert.equal(singletonProblem('n', copies, roles), problem);
    });
  }
});
