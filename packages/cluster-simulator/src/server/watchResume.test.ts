import { testBackup, testScenario } from '../__testUtils__/testScenario.ts';
import { startSimulator, type Simulator } from '../simulator.ts';

/** One watch stream's events, read until `count` arrived or it ended or was cut. */
async function readEvents(
  response: Response,
  count: number,
): Promise<Array<{ type: string; object: any }>> {
  const events: Array<{ type: string; object: any }> = [];
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  while (events.length < count) {
    const { done, value } = await reader.read().catch(() => ({
      done: true as const,
      value: undefined,
    }));
    if (done) break;
    buffered += decoder.decode(value, { stream: true });
    const lines = buffered.split('\n');
    buffered = lines.pop()!;
    events.push(...lines.filter(Boolean).map(line => JSON.parse(line)));
  }
  await reader.cancel().catch(() => {});
  return events;
}

describe('watch resumption', () => {
  let simulator: Simulator;
  let base: string;
  const watch = (query: string) =>
    fetch(`${base}/apis/velero.io/v1/backups?watch=true&${query}`, {
      headers: { Authorization: 'Bearer test-token' },
    });

  beforeEach(async () => {
    simulator = await startSimulator({
      tls: false,
      scenario: testScenario([testBackup('first')]),
    });
    base = simulator.clusters[0].url;
  });
  afterEach(() => simulator.stop());

  async function listVersion(): Promise<string> {
    const list = await (
      await fetch(`${base}/apis/velero.io/v1/backups`, {
        headers: { Authorization: 'Bearer test-token' },
      })
    ).json();
    return list.metadata.resourceVersion;
  }

  it('resumes from a listed resourceVersion with the changes after it', async () => {
    const listed = await listVersion();
    simulator.apply('test', testBackup('second'));
    const events = await readEvents(
      await watch(`resourceVersion=${listed}`),
      1,
    );
    expect(events.map(e => [e.type, e.object.metadata.name])).toEqual([
      ['ADDED', 'second'],
    ]);
  });

  it('answers 410 Expired to a resumption from before a compaction', async () => {
    const listed = await listVersion();
    simulator.apply('test', testBackup('second'));
    simulator.compactWatchHistory('test');
    const [event] = await readEvents(
      await watch(`resourceVersion=${listed}`),
      1,
    );
    expect(event.type).toBe('ERROR');
    expect(event.object).toMatchObject({ code: 410, reason: 'Expired' });
    // From the current version a watch starts normally.
    const current = await listVersion();
    const response = await watch(
      `resourceVersion=${current}&allowWatchBookmarks=true`,
    );
    simulator.apply('test', testBackup('third'));
    const [next] = await readEvents(response, 1);
    expect([next.type, next.object.metadata.name]).toEqual(['ADDED', 'third']);
  });

  it('counts the open watch streams of a cluster', async () => {
    const listed = await listVersion();
    expect(simulator.openWatchStreams('test')).toBe(0);
    const controller = new AbortController();
    await fetch(
      `${base}/apis/velero.io/v1/backups?watch=true&resourceVersion=${listed}`,
      {
        headers: { Authorization: 'Bearer test-token' },
        signal: controller.signal,
      },
    );
    expect(simulator.openWatchStreams('test')).toBe(1);
    controller.abort();
    for (let i = 0; i < 50 && simulator.openWatchStreams('test') > 0; i++) {
      await new Promise(resolve => setTimeout(resolve, 10));
    }
    expect(simulator.openWatchStreams('test')).toBe(0);
  });

  it('drops a stream already open when a drop is set, once it next sends', async () => {
    const listed = await listVersion();
    const response = await watch(`resourceVersion=${listed}`);
    expect(simulator.openWatchStreams('test')).toBe(1);
    simulator.setFaults('test', { watchDropAfterMs: 0 });
    simulator.apply('test', testBackup('second'));
    const events = await readEvents(response, 2);
    expect(events.map(e => e.object.metadata.name)).toEqual(['second']);
    expect(simulator.openWatchStreams('test')).toBe(0);
  });
});
