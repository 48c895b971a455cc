import { mockServices } from '@backstage/backend-test-utils';
import type { EntityPostureResponse } from '@dr-posture/plugin-disaster-recovery-common';
import { readPostures } from './readPostures';

const BASE = 'http://backstage:7007/api/disaster-recovery';

function posture(entityRef: string) {
  return { summary: { entityRef } } as unknown as EntityPostureResponse;
}

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

function reader(answers: Response[]) {
  const fetch = jest.fn(
    async (_url: RequestInfo | URL, _init?: RequestInit) => {
      const answer = answers.shift();
      if (!answer) throw new Error('asked for more pages than there are');
      return answer;
    },
  );
  const postures = readPostures({
    discovery: mockServices.discovery.mock({
      getBaseUrl: async pluginId => `http://backstage:7007/api/${pluginId}`,
    }),
    auth: mockServices.auth(),
    fetchApi: { fetch },
  });
  return { postures, fetch };
}

async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const result: T[] = [];
  for await (const item of items) result.push(item);
  return result;
}

describe('readPostures', () => {
  it('reads every page with a service token until there is no next cursor', async () => {
    const { postures, fetch } = reader([
      json({ items: [posture('component:default/a')], nextCursor: 'next=' }),
      json({ items: [posture('component:default/b')] }),
    ]);

    const refs = (await all(postures)).map(p => p.summary.entityRef);

    expect(refs).toEqual(['component:default/a', 'component:default/b']);
    expect(fetch.mock.calls.map(([url]) => url)).toEqual([
      `${BASE}/postures?limit=100`,
      `${BASE}/postures?limit=100&cursor=next%3D`,
    ]);
    const headers = fetch.mock.calls[0][1]?.headers as Record<string, string>;
    expect(headers.Authorization).toMatch(/^Bearer .+/);
  });

  it('turns an error answer into a ResponseError', async () => {
    const { postures } = reader([
      json(
        {
          error: { name: 'NotAllowedError', message: 'no' },
          request: { method: 'GET', url: '/postures' },
          response: { statusCode: 403 },
        },
        403,
      ),
    ]);

    await expect(all(postures)).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 403,
    });
  });
});
