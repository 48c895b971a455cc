import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { recordedDrill } from '../../__testUtils__/fixtures';
import {
  mockDisasterRecoveryApi,
  renderWithApi,
  responseError,
} from '../../__testUtils__/renderWithApi';
import { RecordDrillDialog } from './RecordDrillDialog';

const payments = { kind: 'Component', namespace: 'default', name: 'payments' };

async function renderForm(recordDrill: jest.Mock) {
  const onRecorded = jest.fn();
  await renderWithApi(
    <RecordDrillDialog
      entity={payments}
      open
      onClose={() => {}}
      onRecorded={onRecorded}
    />,
    { api: mockDisasterRecoveryApi({ recordDrill }) },
  );
  return onRecorded;
}

function fill(label: RegExp, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

function fillValidDrill() {
  fill(/^Started/, '2025-06-10T10:00');
  fill(/^Ended/, '2025-06-10T12:30');
  fill(/^Achieved RTO/, '2h30m');
}

describe('RecordDrillDialog', () => {
  it('shows problems on their fields and sends nothing', async () => {
    const recordDrill = jest.fn();
    await renderForm(recordDrill);

    fill(/^Started/, '2025-06-10T12:00');
    fill(/^Ended/, '2025-06-10T11:00');
    fill(/^Achieved RTO/, 'two hours');
    fill(/^Backup restored/, 'payments-nightly');
    await userEvent.click(screen.getByRole('button', { name: 'Record drill' }));

    expect(
      await screen.findByText(
        'Fix the 3 highlighted fields before recording the drill.',
      ),
    ).toBeVisible();
    expect(screen.getByLabelText(/^Ended/)).toHaveAccessibleDescription(
      'endedAt is before startedAt',
    );
    expect(screen.getByLabelText(/^Achieved RTO/)).toHaveAccessibleDescription(
      'Write a duration such as 45m, 2h or 1h30m',
    );
    expect(screen.getByLabelText(/^Backup taken at/)).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    expect(recordDrill).not.toHaveBeenCalled();
  });

  it('sends a valid drill with the entity and reports it recorded', async () => {
    const recordDrill = jest.fn(async () => recordedDrill);
    const onRecorded = await renderForm(recordDrill);

    fillValidDrill();
    fill(/^What was exercised/, 'dr-drill');
    await userEvent.click(
      screen.getByRole('button', { name: 'Add health check' }),
    );
    await userEvent.type(
      screen.getByLabelText('Health check 1: name'),
      'checkout works',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Record drill' }));

    await waitFor(() => expect(onRecorded).toHaveBeenCalledWith(recordedDrill));
    expect(recordDrill).toHaveBeenCalledWith(payments, {
      kind: 'dr-drill',
      entityRefs: ['component:default/payments'],
      startedAt: new Date('2025-06-10T10:00').toISOString(),
      endedAt: new Date('2025-06-10T12:30').toISOString(),
      outcome: 'succeeded',
      achievedRtoMs: 9_000_000,
      evidence: {
        healthChecks: [{ name: 'checkout works', passed: true }],
        manualStepsNotInRunbook: [],
      },
    });
  });

  it('shows the problems the backend finds on their fields', async () => {
    const recordDrill = jest.fn(async () => {
      throw await responseError(
        400,
        'Invalid drill: evidence.restoreTargetTime: Must be before the drill started; performedBy: Unknown user',
      );
    });
    await renderForm(recordDrill);

    fillValidDrill();
    await userEvent.click(screen.getByRole('button', { name: 'Record drill' }));

    await waitFor(() =>
      expect(
        screen.getByLabelText(/^Point in time restored to/),
      ).toHaveAccessibleDescription('Must be before the drill started'),
    );
    expect(screen.getByLabelText(/^Performed by/)).toHaveAccessibleDescription(
      'Unknown user',
    );
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Fix the 2 highlighted fields',
    );
  });

  it('says when the user may not record drills', async () => {
    const recordDrill = jest.fn(async () => {
      throw await responseError(403, 'Forbidden');
    });
    await renderForm(recordDrill);

    fillValidDrill();
    await userEvent.click(screen.getByRole('button', { name: 'Record drill' }));

    expect(
      await screen.findByText(
        /needs the disaster-recovery.drill.create permission/,
      ),
    ).toBeVisible();
  });
});
