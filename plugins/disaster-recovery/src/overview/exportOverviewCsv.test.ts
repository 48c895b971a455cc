import { mockDisasterRecoveryApi } from '../__testUtils__/renderWithApi';
import { overviewPage } from '../__testUtils__/fixtures';
import { exportOverviewCsv } from './exportOverviewCsv';

describe('exportOverviewCsv', () => {
  it('walks every page of the current filter and sort', async () => {
    const getOverview = jest.fn(async ({ cursor }: { cursor?: string }) =>
      cursor === undefined
        ? overviewPage(2, { nextCursor: 'page-2', totalItems: 3 })
        : overviewPage(1, { offset: 2, totalItems: 3 }),
    );
    const progress = jest.fn();

    const blob = await exportOverviewCsv(
      mockDisasterRecoveryApi({ getOverview }),
      { tier: ['1'], sort: 'name', order: 'desc' },
      progress,
    );

    expect(getOverview).toHaveBeenNthCalledWith(1, {
      tier: ['1'],
      sort: 'name',
      order: 'desc',
      cursor: undefined,
      limit: 500,
    });
    expect(getOverview).toHaveBeenNthCalledWith(
      2,
      expect.objectContaining({
        cursor: 'page-2',
      }),
    );
    expect(progress).toHaveBeenLastCalledWith(3, 3);
    const text = await blob.text();
    expect(text.split('\r\n')).toHaveLength(5);
    expect(text).toContain('component:default/service-2,');
  });
});
