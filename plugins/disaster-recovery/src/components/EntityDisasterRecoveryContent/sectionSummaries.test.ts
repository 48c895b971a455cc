import { breachingPosture, healthyPosture } from '../../__testUtils__/fixtures';
import { sectionSummaries } from './sectionSummaries';

describe('sectionSummaries', () => {
  it('counts what each folded section holds', () => {
    expect(sectionSummaries(healthyPosture)).toEqual({
      history:
        '2880 completed, 0 partially failed, 0 failed in the last 30 days',
      postgres: '1 database, WAL archiving works for 1',
      schedules: '1 schedule',
      storage: '1 location, 1 available',
      otherEnvironments: '0 clusters, not counted towards the checks',
      drills: 'Last one ended 10 days ago, succeeded',
      availability: '0 workloads',
    });
  });

  it('names paused and overdue schedules and failed backups', () => {
    expect(sectionSummaries(breachingPosture)).toMatchObject({
      history:
        '2520 completed, 4 partially failed, 24 failed in the last 30 days',
      schedules: '1 schedule, 1 paused, 1 overdue',
    });
  });

  it('says when no drill is known', () => {
    expect(
      sectionSummaries({
        ...healthyPosture,
        summary: { ...healthyPosture.summary, lastDrillAt: undefined },
      }).drills,
    ).toBe('None recorded or detected');
  });
});
