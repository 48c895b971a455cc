import { judgeTargets, TARGETS, type Target } from './targets';

const speedup: Target = {
  description: 'ours at least 20× faster',
  metric: 'a.speedup',
  comparator: '>=',
  threshold: 20,
  format: v => `${v}×`,
};

const firstTable: Target = {
  description: 'first table under 2 s at 5,000 entities',
  metric: 'page.ms',
  comparator: '<',
  threshold: 2000,
  format: v => `${v} ms`,
  appliesWhen: {
    metric: 'page.entities',
    atLeast: 5000,
    what: '5,000 entities',
  },
};

describe('judgeTargets', () => {
  it('meets a lower bound inclusively and misses below it', () => {
    expect(judgeTargets({ 'a.speedup': 20 }, [speedup])[0].outcome).toBe('met');
    expect(judgeTargets({ 'a.speedup': 19.9 }, [speedup])[0]).toMatchObject({
      outcome: 'missed',
      value: 19.9,
    });
  });

  it('treats an upper bound given with < as exclusive', () => {
    const metrics = { 'page.ms': 2000, 'page.entities': 5000 };
    expect(judgeTargets(metrics, [firstTable])[0].outcome).toBe('missed');
    expect(
      judgeTargets({ ...metrics, 'page.ms': 1999 }, [firstTable])[0].outcome,
    ).toBe('met');
  });

  it('reports a metric the run did not measure', () => {
    expect(judgeTargets({}, [speedup])[0]).toMatchObject({
      outcome: 'not measured',
      reason: 'this run did not measure it',
    });
  });

  it('does not judge a figure taken below the size the target names', () => {
    expect(
      judgeTargets({ 'page.ms': 900, 'page.entities': 1000 }, [firstTable])[0],
    ).toMatchObject({
      outcome: 'not measured',
      value: 900,
      reason: expect.stringContaining('5,000 entities'),
    });
  });

  it('knows the six targets of issue 8, the throughput target of issue 14, the history target of issue 16 and the two live posture targets of issue 20', () => {
    expect(TARGETS).toHaveLength(10);
    expect(
      judgeTargets({ 'livePosture.watch.p95Ms': 12_000 }).find(
        v => v.target.metric === 'livePosture.watch.p95Ms',
      )?.outcome,
    ).toBe('missed');
    expect(
      judgeTargets({ 'postureRules.perSecond': 999 }).find(
        v => v.target.metric === 'postureRules.perSecond',
      )?.outcome,
    ).toBe('missed');
    const verdicts = judgeTargets({
      'collector.peakRssMiB': 400,
      'collector.backups': 216_000,
    });
    expect(
      verdicts.find(v => v.target.metric === 'collector.peakRssMiB')?.outcome,
    ).toBe('met');
    // The history target is about the size only.
    const history = (liveBackups: number, p95: number) =>
      judgeTargets({
        'backupHistoryApi.liveBackups': liveBackups,
        'backupHistoryApi.p95': p95,
      }).find(v => v.target.metric === 'backupHistoryApi.p95')?.outcome;
    expect(history(216_000, 19.9)).toBe('met');
    expect(history(216_000, 20)).toBe('missed');
    expect(history(215_999, 1)).toBe('not measured');
  });
});
