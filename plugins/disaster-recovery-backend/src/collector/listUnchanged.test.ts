import { RECORD_KINDS } from '@dr-posture/plugin-disaster-recovery-common';
import type { ResourceStore } from '../database/ResourceStore';
import { builtInResourceKinds } from '../sources/builtInSources';
import type { ListPageFn } from './clusterApi';
import { listUnchanged } from './listUnchanged';

const kind = builtInResourceKinds().find(
  k => k.id === RECORD_KINDS.veleroBackup.id,
)!;

/** The store holds a at 1 and b at 2. */
const store = {
  storedVersions: async (_cluster: string, uids: string[]) =>
    new Map(
      Object.entries({ a: '1', b: '2' }).filter(([uid]) => uids.includes(uid)),
    ),
} as unknown as ResourceStore;

const item = (uid?: string, resourceVersion?: string) => ({
  metadata: {
    name: `backup-${uid}`,
    namespace: 'velero',
    uid,
    resourceVersion,
  },
});

/** Serves `pages` in order, with the list's resourceVersion on the first. */
function lister(pages: unknown[][]): ListPageFn {
  return async (_kind, _limit, token) => {
    const index = token ? Number(token) : 0;
    return {
      items: pages[index],
      continueToken: index + 1 < pages.length ? String(index + 1) : undefined,
      resourceVersion: index === 0 ? '42' : undefined,
    };
  };
}

const list = (pages: unknown[][]) =>
  listUnchanged({
    listMetadataPage: lister(pages),
    kind,
    cluster: 'prod-eu',
    store,
    pageSize: 1,
    deadline: Date.now() + 10_000,
    requestTimeoutMs: 1_000,
  });

describe('listUnchanged', () => {
  it.each<[string, unknown[][], string[] | undefined]>([
    [
      'every object at its stored version',
      [[item('a', '1')], [item('b', '2')]],
      ['a', 'b'],
    ],
    [
      'a stored object gone (a deletion, for the run to mark)',
      [[item('a', '1')]],
      ['a'],
    ],
    ['nothing listed', [[]], []],
    [
      'an object at a newer version',
      [[item('a', '1')], [item('b', '3')]],
      undefined,
    ],
    ['a new object', [[item('a', '1'), item('c', '1')]], undefined],
    ['an object without a resourceVersion', [[item('a')]], undefined],
    ['an object without a uid', [[item(undefined, '1')]], undefined],
  ])('%s', async (_case, pages, seen) => {
    expect(await list(pages)).toEqual(
      seen && { seen: new Set(seen), restarts: 0, resourceVersion: '42' },
    );
  });

  it('reads full objects alike when the server ignores the metadata request', async () => {
    const full = { ...item('a', '1'), spec: { ttl: '720h0m0s' }, status: {} };
    expect((await list([[full]]))?.seen).toEqual(new Set(['a']));
  });
});
