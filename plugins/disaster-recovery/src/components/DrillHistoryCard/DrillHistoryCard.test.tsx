import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { RecordedDrill } from '@dr-posture/plugin-disaster-recovery-common';
import { drillList, recordedDrill } from '../../__testUtils__/fixtures';
import {
  mockDisasterRecoveryApi,
  renderWithApi,
  responseError,
} from '../../__testUtils__/renderWithApi';
import { DrillHistoryCard } from './DrillHistoryCard';

const payments = { kind: 'Component', namespace: 'default', name: 'payments' };

describe('DrillHistoryCard', () => {
  it('adds a recorded drill to the history', async () => {
    const newDrill: RecordedDrill = {
      ...recordedDrill,
      id: 'drill-2',
      kind: 'failover-drill',
      endedAt: new Date().toISOString(),
      effectiveOutcome: { outcome: 'succeeded', reasons: [] },
    };
    const stored = { items: [recordedDrill], restoreTests: [] };
    const onDrillRecorded = jest.fn();
    const api = mockDisasterRecoveryApi({
      getDrills: jest.fn(async () => ({ ...stored, items: [...stored.items] })),
      recordDrill: jest.fn(async () => {
        stored.items.unshift(newDrill);
        return newDrill;
      }),
    });
    await renderWithApi(
      <DrillHistoryCard
        entity={payments}
        rtoMs={4 * 3_600_000}
        onDrillRecorded={onDrillRecorded}
      />,
      { api },
    );

    await userEvent.click(
      await screen.findByRole('button', { name: 'Record drill' }),
    );
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText(/^Started/), {
      target: { value: '2025-06-10T10:00' },
    });
    fireEvent.change(within(dialog).getByLabelText(/^Ended/), {
      target: { value: '2025-06-10T11:00' },
    });
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Record drill' }),
    );

    expect(await screen.findByText('Failover drill (recorded)')).toBeVisible();
    expect(onDrillRecorded).toHaveBeenCalled();
    expect(api.getDrills).toHaveBeenCalledTimes(2);
  });

  it('does not offer recording without the permission', async () => {
    await renderWithApi(<DrillHistoryCard entity={payments} />, {
      api: mockDisasterRecoveryApi({ getDrills: async () => drillList }),
      drillCreateAllowed: false,
    });

    await screen.findByText('DR drill (recorded)');
    await waitFor(() =>
      expect(
        screen.getByRole('button', { name: 'Record drill' }),
      ).toBeDisabled(),
    );
  });

  it('shows an error loading the drills', async () => {
    await renderWithApi(<DrillHistoryCard entity={payments} />, {
      api: mockDisasterRecoveryApi({
        getDrills: async () => {
          throw await responseError(503, 'collector down');
        },
      }),
    });

    expect(await screen.findByText(/Request failed with 503/)).toBeVisible();
  });
});
