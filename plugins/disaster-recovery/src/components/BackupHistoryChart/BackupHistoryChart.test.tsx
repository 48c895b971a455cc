import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { BackupHistoryChart, backupsPerDayForRpo } from './BackupHistoryChart';

const HOUR = 3_600_000;
const days = [
  { day: '2026-11-30', completed: 20, partiallyFailed: 1, failed: 0 },
  { day: '2026-12-01', completed: 24, partiallyFailed: 0, failed: 2 },
];

describe('backupsPerDayForRpo', () => {
  it.each([
    [HOUR, 24],
    [15 * 60_000, 96],
    [7 * HOUR, 4],
    [24 * HOUR, 1],
    [72 * HOUR, 1],
  ])('an RPO of %d ms needs %d completed backups a day', (rpoMs, needed) => {
    expect(backupsPerDayForRpo(rpoMs)).toBe(needed);
  });
});

describe('BackupHistoryChart', () => {
  it('says what the RPO line means', async () => {
    await renderInTestApp(<BackupHistoryChart days={days} rpoMs={HOUR} />);

    expect(
      screen.getByText(
        '44 completed, 1 partially failed, 2 failed; the RPO of 1 h needs 24 completed a day',
      ),
    ).toBeVisible();
  });

  it('draws no RPO line without an RPO', async () => {
    await renderInTestApp(<BackupHistoryChart days={days} />);

    expect(
      screen.getByText('44 completed, 1 partially failed, 2 failed'),
    ).toBeVisible();
  });
});
