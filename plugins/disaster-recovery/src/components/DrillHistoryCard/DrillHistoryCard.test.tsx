import type {
  DrillListResponse,
  RecordedDrill,
  VeleroRestoreTest,
} from '@dr-posture/plugin-disaster-recovery-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { drillList, recordedDrill } from '../../__testUtils__/fixtures';
import {
  mockDisasterRecoveryApi,
  renderWithApi,
  responseError,
} from '../../__testUtils__/renderWithApi';
import { DrillHistoryCard } from './DrillHistoryCard';

const payments = { kind: 'Component', namespace: 'default', name: 'payments' };
const HOUR = 3_600_000;
const RECORDER = recordedDrill.recordedBy;

function drill(overrides: Partial<RecordedDrill>): RecordedDrill {
  return { ...recordedDrill, ...overrides };
}

const succeeded = {
  outcome: 'succeeded' as const,
  reasons: [],
  missingEvidence: [],
};

function restore(overrides: Partial<VeleroRestoreTest>): VeleroRestoreTest {
  return { ...drillList.restoreTests[0], ...overrides };
}

/** The table row holding `text` or the element. */
function rowWith(holding: string | HTMLElement) {
  const element =
    typeof holding === 'string' ? screen.getByText(holding) : holding;
  return element.closest('tr')!;
}

async function renderCard(
  list: DrillListResponse | jest.Mock,
  options: {
    userEntityRef?: string;
    drillAdminAllowed?: boolean;
    voidDrill?: jest.Mock;
    supersedeDrill?: jest.Mock;
  } = {},
) {
  const getDrills =
    typeof list === 'function' ? list : jest.fn(async () => list);
  const onDrillsChanged = jest.fn();
  const api = mockDisasterRecoveryApi({
    getDrills,
    voidDrill: options.voidDrill,
    supersedeDrill: options.supersedeDrill,
  });
  const { toastApi } = await renderWithApi(
    <DrillHistoryCard
      entity={payments}
      rtoMs={4 * HOUR}
      onDrillsChanged={onDrillsChanged}
    />,
    {
      api,
      userEntityRef: options.userEntityRef ?? RECORDER,
      drillAdminAllowed: options.drillAdminAllowed,
    },
  );
  return { api, getDrills, onDrillsChanged, toastApi };
}

describe('DrillHistoryCard', () => {
  it('adds a recorded drill to the history', async () => {
    const newDrill = drill({
      id: 'drill-2',
      kind: 'failover-drill',
      endedAt: new Date().toISOString(),
      effectiveOutcome: succeeded,
    });
    const stored = { items: [recordedDrill], restoreTests: [] };
    const onDrillsChanged = jest.fn();
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
        rtoMs={4 * HOUR}
        onDrillsChanged={onDrillsChanged}
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
    expect(onDrillsChanged).toHaveBeenCalled();
    expect(api.getDrills).toHaveBeenCalledTimes(2);
  });

  it('does not offer recording without the permission on the entity', async () => {
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
    await renderCard(
      jest.fn(async () => {
        throw await responseError(503, 'collector down');
      }),
    );

    expect(await screen.findByText(/Request failed with 503/)).toBeVisible();
  });

  it('shows an incomplete drill with the evidence it lacks', async () => {
    await renderCard({
      items: [
        drill({
          evidence: { manualStepsNotInRunbook: [] },
          effectiveOutcome: {
            outcome: 'incomplete',
            reasons: [
              'it lacks required evidence: the restore target time; health checks',
            ],
            missingEvidence: ['restoreTargetTime', 'healthChecks'],
          },
        }),
      ],
      restoreTests: [],
    });

    const row = rowWith(await screen.findByText('DR drill (recorded)'));
    expect(within(row).getByText('Incomplete')).toBeVisible();
    expect(
      within(row).getByText(/^Missing: the restore target time; health checks/),
    ).toBeVisible();
    expect(within(row).queryByText('Succeeded')).not.toBeInTheDocument();
  });

  it('never shows a drill the backend judged incomplete as succeeded', async () => {
    // Stricter requirements configured in the backend than the defaults.
    await renderCard({
      items: [
        drill({
          kind: 'failover-drill',
          evidence: {
            healthChecks: [{ name: 'pods', passed: true }],
            applicationHealthChecks: [{ name: 'checkout', passed: true }],
            namespaceInventory: [
              { namespace: 'shop', expectedObjects: 3, restoredObjects: 3 },
            ],
            reconciliation: { passed: true },
            manualStepsNotInRunbook: [],
          },
          effectiveOutcome: {
            outcome: 'incomplete',
            reasons: ['it lacks required evidence: the object version check'],
            missingEvidence: ['objectVersionCheck'],
          },
        }),
      ],
      restoreTests: [],
    });

    const row = rowWith(await screen.findByText('Failover drill (recorded)'));
    expect(within(row).getByText('Incomplete')).toBeVisible();
    expect(
      within(row).getByText('Missing: the object version check'),
    ).toBeVisible();
  });

  it('judges with the evidence the backend requires, not the defaults', async () => {
    // Configured: a DR drill needs only its achieved RTO.
    await renderCard({
      items: [
        drill({
          evidence: { manualStepsNotInRunbook: [] },
          effectiveOutcome: succeeded,
        }),
      ],
      restoreTests: [],
      requiredEvidence: {
        'restore-test': [],
        'dr-drill': ['achievedRto'],
        'full-dr-test': [],
        'failover-drill': [],
      },
    });

    const row = rowWith(await screen.findByText('DR drill (recorded)'));
    expect(within(row).getByText('Succeeded')).toBeVisible();
    expect(within(row).queryByText(/^Missing:/)).not.toBeInTheDocument();
  });

  it('keeps a voided drill, struck out, with who voided it and why', async () => {
    await renderCard({
      items: [
        drill({
          state: 'voided',
          voided: {
            at: '2025-06-12T09:00:00Z',
            by: 'user:default/bob',
            reason: 'recorded on the wrong service',
          },
        }),
      ],
      restoreTests: [],
    });

    const title = await screen.findByText('DR drill (recorded)');
    expect(title.closest('s')).not.toBeNull();
    const row = rowWith(title);
    expect(
      within(row).getByText(
        /^Voided by user:default\/bob, .*: recorded on the wrong service$/,
      ),
    ).toBeVisible();
    expect(within(row).getByText('Voided: does not count')).toBeVisible();
    expect(
      within(row).queryByRole('button', { name: /^Void / }),
    ).not.toBeInTheDocument();
  });

  it('marks a superseded drill and links it to its correction', async () => {
    await renderCard({
      items: [
        drill({
          id: 'drill-2',
          kind: 'restore-test',
          supersedes: 'drill-1',
          effectiveOutcome: succeeded,
        }),
        drill({ state: 'superseded', supersededBy: 'drill-2' }),
      ],
      restoreTests: [],
    });

    const old = rowWith(await screen.findByText('DR drill (recorded)'));
    expect(
      within(old).getByText('DR drill (recorded)').closest('s'),
    ).not.toBeNull();
    expect(within(old).getByText('Superseded: does not count')).toBeVisible();
    const link = within(old).getByRole('link', {
      name: 'its corrected record',
    });
    const target = document.getElementById(link.getAttribute('href')!.slice(1));
    expect(target).toHaveTextContent('Restore test (recorded)');
    const correction = rowWith('Restore test (recorded)');
    expect(
      within(correction).getByRole('link', { name: 'an earlier record' }),
    ).toHaveAttribute('href', '#drill-drill-1');
  });

  it('flags a restore into production as a warning, never as a test', async () => {
    await renderCard({
      items: [],
      restoreTests: [
        restore({
          because: 'restore-into-production',
          countsAsTest: false,
          succeeded: false,
          reasons: ['it restored into production, which tests nothing'],
          warning:
            'Restore into production: payments was restored over itself on prod-eu',
        }),
      ],
    });

    const row = rowWith(
      await screen.findByText('Restore into production (detected from Velero)'),
    );
    expect(
      within(row).getByText('Restore into production: not a test'),
    ).toBeVisible();
    expect(
      within(row).getByText(/payments was restored over itself on prod-eu/),
    ).toBeVisible();
    expect(within(row).queryByText('Succeeded')).not.toBeInTheDocument();
    expect(screen.queryByText(/Restore test/)).not.toBeInTheDocument();
  });

  it('calls a detected restore’s duration its restore duration, not an achieved RTO', async () => {
    await renderCard({ items: [], restoreTests: [restore({})] });

    const row = rowWith(
      await screen.findByText('Restore test (detected from Velero)'),
    );
    expect(within(row).getByText('restore duration 1 h')).toBeVisible();
    expect(within(row).queryByText(/target/)).not.toBeInTheDocument();
  });

  it('does not set a one-component restore test against the service’s RTO', async () => {
    await renderCard({
      items: [
        drill({
          kind: 'restore-test',
          achievedRtoMs: 5 * HOUR,
          effectiveOutcome: succeeded,
        }),
      ],
      restoreTests: [],
    });

    const row = rowWith(await screen.findByText('Restore test (recorded)'));
    expect(
      within(row).getByText('one component: not set against the service’s RTO'),
    ).toBeVisible();
    expect(within(row).queryByText('target 4 h')).not.toBeInTheDocument();
  });

  describe('voiding', () => {
    const list = { items: [recordedDrill], restoreTests: [] };

    it('is offered only to whoever recorded the drill', async () => {
      await renderCard(list, { userEntityRef: 'user:default/mallory' });

      const row = rowWith(await screen.findByText('DR drill (recorded)'));
      expect(
        within(row).getByRole('button', { name: /^Details of DR drill/ }),
      ).toBeVisible();
      expect(
        within(row).queryByRole('button', { name: /^Void / }),
      ).not.toBeInTheDocument();
      expect(
        within(row).queryByRole('button', { name: /^Correct / }),
      ).not.toBeInTheDocument();
    });

    it('is offered to a holder of the admin permission', async () => {
      await renderCard(list, {
        userEntityRef: 'user:default/mallory',
        drillAdminAllowed: true,
      });

      expect(
        await screen.findByRole('button', { name: /^Void DR drill/ }),
      ).toBeVisible();
    });

    it('needs a reason, then strikes the drill out', async () => {
      const voided = drill({
        state: 'voided',
        voided: {
          at: new Date().toISOString(),
          by: RECORDER,
          reason: 'wrong service',
        },
      });
      const getDrills = jest
        .fn()
        .mockResolvedValueOnce(list)
        .mockResolvedValue({ items: [voided], restoreTests: [] });
      const voidDrill = jest.fn(async () => voided);
      const { onDrillsChanged, toastApi } = await renderCard(getDrills, {
        voidDrill,
      });

      await userEvent.click(
        await screen.findByRole('button', { name: /^Void DR drill/ }),
      );
      const dialog = await screen.findByRole('dialog', {
        name: 'Void this drill?',
      });
      await userEvent.click(
        within(dialog).getByRole('button', { name: 'Void drill' }),
      );
      expect(
        within(dialog).getByLabelText(/^Reason/),
      ).toHaveAccessibleDescription(/^Say why the drill does not count/);
      await userEvent.type(within(dialog).getByLabelText(/^Reason/), '   ');
      await userEvent.click(
        within(dialog).getByRole('button', { name: 'Void drill' }),
      );
      expect(voidDrill).not.toHaveBeenCalled();

      await userEvent.type(
        within(dialog).getByLabelText(/^Reason/),
        'wrong service',
      );
      expect(
        within(dialog).getByLabelText(/^Reason/),
      ).toHaveAccessibleDescription(/16 \/ 2000 characters$/);
      await userEvent.click(
        within(dialog).getByRole('button', { name: 'Void drill' }),
      );

      await waitFor(() =>
        expect(
          screen.getByText('DR drill (recorded)').closest('s'),
        ).not.toBeNull(),
      );
      expect(voidDrill).toHaveBeenCalledWith(
        payments,
        recordedDrill.id,
        'wrong service',
      );
      expect(onDrillsChanged).toHaveBeenCalled();
      expect(toastApi.post).toHaveBeenCalledWith(
        expect.objectContaining({ status: 'success' }),
      );
    });

    it('says clearly when the backend refuses', async () => {
      const voidDrill = jest.fn(async () => {
        throw await responseError(403, 'Forbidden');
      });
      await renderCard(list, { voidDrill });

      await userEvent.click(
        await screen.findByRole('button', { name: /^Void DR drill/ }),
      );
      const dialog = await screen.findByRole('dialog');
      await userEvent.type(within(dialog).getByLabelText(/^Reason/), 'typo');
      await userEvent.click(
        within(dialog).getByRole('button', { name: 'Void drill' }),
      );

      expect(await within(dialog).findByRole('alert')).toHaveTextContent(
        `You may not void this drill: only whoever recorded it (${RECORDER}) or a holder of the disaster-recovery.drill.admin permission may.`,
      );
    });
  });

  it('opens the form filled with the drill to correct it', async () => {
    await renderCard({ items: [recordedDrill], restoreTests: [] });

    await userEvent.click(
      await screen.findByRole('button', { name: /^Correct DR drill/ }),
    );

    const dialog = await screen.findByRole('dialog', {
      name: 'Correct a drill',
    });
    expect(within(dialog).getByLabelText(/^What was exercised/)).toHaveValue(
      'dr-drill',
    );
    expect(within(dialog).getByLabelText(/^Backup restored/)).toHaveValue(
      'payments-20250601',
    );
  });

  it('loads older drills with the cursor of the page before', async () => {
    const older = drill({ id: 'drill-0', kind: 'full-dr-test' });
    const getDrills = jest.fn(async (_: unknown, query?: { cursor?: string }) =>
      query?.cursor === 'page-2'
        ? { items: [older], restoreTests: [] }
        : { items: [recordedDrill], restoreTests: [], nextCursor: 'page-2' },
    );
    await renderCard(getDrills);

    await userEvent.click(
      await screen.findByRole('button', { name: 'Load older drills' }),
    );

    expect(await screen.findByText('Full DR test (recorded)')).toBeVisible();
    expect(screen.getByText('DR drill (recorded)')).toBeVisible();
    expect(getDrills).toHaveBeenLastCalledWith(payments, { cursor: 'page-2' });
    expect(
      screen.queryByRole('button', { name: 'Load older drills' }),
    ).not.toBeInTheDocument();
  });
});
