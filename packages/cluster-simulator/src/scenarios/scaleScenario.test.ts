import { kubeClients } from '../__testUtils__/kubeClients.ts';
import { startSimulator } from '../simulator.ts';

const START = Date.parse('2024-05-01T12:00:00Z');
const scale = {
  clusters: 3,
  namespacesPerCluster: 4,
  schedulesPerNamespace: 2,
  days: 2,
  failureRate: 0.1,
  partialFailureRate: 0.2,
};

describe('scale scenario', () => {
  it('holds clusters × namespaces × schedules × runs of history, and serves them paginated', async () => {
    const simulator = await startSimulator({
      scenario: 'scale',
      scale,
      startTime: START,
      speed: 0,
    });
    expect(simulator.clusters.map(c => c.name)).toEqual([
      'scale-01',
      'scale-02',
      'scale-03',
    ]);
    // Two days of hourly runs per schedule, plus the backup Velero takes when
    // a schedule is created.
    const perCluster = 4 * 2 * (24 * 2 + 1);
    for (const cluster of simulator.clusters) {
      const backups = simulator.objects(cluster.name, 'velero.io/v1', 'Backup');
      expect(backups).toHaveLength(perCluster);
      const phases = backups.map(b => (b.status as any).phase);
      // The latest run of each schedule (START is on the hour) is in progress.
      expect(phases.filter(p => p === 'InProgress')).toHaveLength(8);
      const failed = phases.filter(p => p === 'Failed').length / perCluster;
      expect(failed).toBeGreaterThan(0.03);
      expect(failed).toBeLessThan(0.2);
      expect(
        phases.filter(p => p === 'PartiallyFailed').length,
      ).toBeGreaterThan(0);
    }
    const { custom } = kubeClients(
      simulator.clusters[0].url,
      simulator.clusters[0].token,
    );
    const seen = new Set<string>();
    let token: string | undefined;
    do {
      const page = await custom.listClusterCustomObject({
        group: 'velero.io',
        version: 'v1',
        plural: 'backups',
        limit: 50,
        _continue: token,
      });
      page.items.forEach((b: any) => seen.add(b.metadata.name));
      token = page.metadata.continue;
    } while (token);
    expect(seen.size).toBe(perCluster);
    expect(simulator.refusedWrites()).toEqual([]);
    await simulator.stop();
  });

  it('draws different outcomes for a different seed', async () => {
    const phases = async (seed: string) => {
      const simulator = await startSimulator({
        scenario: 'scale',
        scale: { ...scale, clusters: 1 },
        startTime: START,
        speed: 0,
        seed,
      });
      const result = simulator
        .objects('scale-01', 'velero.io/v1', 'Backup')
        .map(b => (b.status as any).phase)
        .join();
      await simulator.stop();
      return result;
    };
    expect(await phases('a')).toBe(await phases('a'));
    expect(await phases('a')).not.toBe(await phases('b'));
  });
});
