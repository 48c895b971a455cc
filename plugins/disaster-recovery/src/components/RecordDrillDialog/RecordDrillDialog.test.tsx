import type { Entity } from '@backstage/catalog-model';
import type { RecordedDrill } from '@dr-posture/plugin-disaster-recovery-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { recordedDrill } from '../../__testUtils__/fixtures';
import {
  mockDisasterRecoveryApi,
  renderWithApi,
  responseError,
} from '../../__testUtils__/renderWithApi';
import { browserTimeZone } from '../../drills';
import { SUCCESS_NOTICE_TIMEOUT_MS } from '../../notify';
import { RecordDrillDialog } from './RecordDrillDialog';

const payments = { kind: 'Component', namespace: 'default', name: 'payments' };

const catalogEntities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: {
      name: 'team-payments',
      namespace: 'default',
      title: 'Payments',
    },
    spec: { type: 'team', children: [] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'ledger', namespace: 'default' },
    spec: { type: 'service', owner: 'team-payments', lifecycle: 'production' },
  },
];

async function renderForm(
  api: { recordDrill?: jest.Mock; supersedeDrill?: jest.Mock },
  correcting?: RecordedDrill,
) {
  const onRecorded = jest.fn();
  const onConflict = jest.fn();
  const { toastApi } = await renderWithApi(
    <RecordDrillDialog
      entity={payments}
      open
      correcting={correcting}
      onClose={() => {}}
      onRecorded={onRecorded}
      onConflict={onConflict}
    />,
    { api: mockDisasterRecoveryApi(api), catalogEntities },
  );
  return { onRecorded, onConflict, toastApi };
}

function fill(label: RegExp | string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

/** The times, in UTC so that the test does not depend on the machine's zone. */
function fillTimes() {
  fill('Time zone', 'UTC');
  fill(/^Started/, '2025-06-10T10:00');
  fill(/^Ended/, '2025-06-10T12:30');
}

/** The drill the API was asked to record first. */
function sent(call: jest.Mock) {
  return call.mock.calls[0][1];
}

const submit = () =>
  userEvent.click(
    screen.getByRole('button', { name: /^Record (drill|correction)$/ }),
  );

describe('RecordDrillDialog', () => {
  it('shows problems on their fields and sends nothing', async () => {
    const recordDrill = jest.fn();
    await renderForm({ recordDrill });

    fill(/^Started/, '2025-06-10T12:00');
    fill(/^Ended/, '2025-06-10T11:00');
    fill(/^Achieved RTO/, 'two hours');
    fill(/^Backup restored/, 'payments-nightly');
    await submit();

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Fix the 2 highlighted fields before recording the drill.',
    );
    expect(screen.getByLabelText(/^Achieved RTO/)).toHaveAccessibleDescription(
      /^Write a duration such as 45m, 2h or 1h30m/,
    );
    expect(screen.getByLabelText(/^Backup taken at/)).toHaveAttribute(
      'aria-invalid',
      'true',
    );

    // The order of the times is judged once the drill has its shape.
    fill(/^Achieved RTO/, '2h');
    fill(/^Backup taken at/, '2025-06-10T02:00');
    await submit();
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Fix the highlighted field before recording the drill.',
    );
    expect(screen.getByLabelText(/^Ended/)).toHaveAccessibleDescription(
      'Ended is before startedAt',
    );
    expect(recordDrill).not.toHaveBeenCalled();
  });

  it('starts a new health check as not checked and records none nobody judged', async () => {
    const recordDrill = jest.fn(async () => recordedDrill);
    await renderForm({ recordDrill });

    fillTimes();
    await userEvent.click(
      screen.getByRole('button', { name: 'Add health check' }),
    );
    await userEvent.type(
      screen.getByLabelText('Health check 1: name'),
      'pods ready',
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Add application health check' }),
    );

    expect(screen.getByLabelText('Health check 1: result')).toHaveValue(
      'not-checked',
    );
    expect(
      screen.getByLabelText('Application health check 1: result'),
    ).toHaveValue('not-checked');
    expect(screen.getByLabelText(/^Data reconciliation$/)).toHaveValue(
      'not-checked',
    );
    await submit();

    await waitFor(() => expect(recordDrill).toHaveBeenCalled());
    expect(sent(recordDrill).evidence).toEqual({
      manualStepsNotInRunbook: [],
    });
  });

  it('records a health check as judged', async () => {
    const recordDrill = jest.fn(async () => recordedDrill);
    await renderForm({ recordDrill });

    fillTimes();
    await userEvent.click(
      screen.getByRole('button', { name: 'Add health check' }),
    );
    await userEvent.type(
      screen.getByLabelText('Health check 1: name'),
      'pods ready',
    );
    fill('Health check 1: result', 'failed');
    await submit();

    await waitFor(() => expect(recordDrill).toHaveBeenCalled());
    expect(sent(recordDrill).evidence.healthChecks).toEqual([
      { name: 'pods ready', passed: false },
    ]);
  });

  it('says which evidence a succeeded drill of the kind still needs', async () => {
    await renderForm({});

    const notice = () => screen.getByText('Evidence missing').parentElement!;
    expect(notice()).toHaveTextContent(
      'Recorded like this, the restore test counts as incomplete',
    );
    expect(notice()).toHaveTextContent('the restore target time');
    expect(notice()).not.toHaveTextContent('application health checks');
    expect(screen.getByLabelText(/^Achieved RTO/)).toHaveAccessibleDescription(
      /^Needed for a succeeded restore test\./,
    );

    fill(/^What was exercised/, 'dr-drill');
    expect(notice()).toHaveTextContent('the DR drill counts as incomplete');
    expect(notice()).toHaveTextContent('application health checks');
    expect(notice()).toHaveTextContent('the reconciliation result');

    fill(/^Point in time restored to/, '2025-06-10T09:00');
    expect(notice()).not.toHaveTextContent('the restore target time');

    fill(/^Outcome as reported/, 'failed');
    expect(screen.queryByText('Evidence missing')).not.toBeInTheDocument();
    expect(
      screen.getByLabelText(/^Achieved RTO/),
    ).not.toHaveAccessibleDescription(/Needed for a succeeded/);
  });

  it('reads the times in the chosen zone, the browser’s by default, and shows them in UTC', async () => {
    const recordDrill = jest.fn(async () => recordedDrill);
    await renderForm({ recordDrill });

    expect(screen.getByLabelText('Time zone')).toHaveValue(browserTimeZone());
    fill('Time zone', 'Europe/Berlin');
    fill(/^Started/, '2025-06-10T10:00');
    fill(/^Ended/, '2025-06-10T12:30');

    expect(screen.getByLabelText(/^Started/)).toHaveAccessibleDescription(
      'Stored as 2025-06-10 08:00 UTC',
    );
    await submit();
    await waitFor(() => expect(recordDrill).toHaveBeenCalled());
    expect(sent(recordDrill)).toMatchObject({
      startedAt: '2025-06-10T08:00:00.000Z',
      endedAt: '2025-06-10T10:30:00.000Z',
    });
  });

  it('chooses the performer and other entities from the catalog', async () => {
    const recordDrill = jest.fn(async () => recordedDrill);
    await renderForm({ recordDrill });

    fillTimes();
    await userEvent.type(screen.getByLabelText('Performed by'), 'team');
    await userEvent.click(
      await screen.findByRole('option', {
        name: 'Payments (group:default/team-payments)',
      }),
    );
    await userEvent.type(
      screen.getByLabelText(/^Other entities exercised/),
      'led',
    );
    await userEvent.click(
      await screen.findByRole('option', {
        name: 'ledger (component:default/ledger)',
      }),
    );

    expect(
      screen.getByLabelText(/^Other entities exercised/),
    ).toHaveAccessibleDescription(/1 \/ 49 entities$/);
    await submit();
    await waitFor(() => expect(recordDrill).toHaveBeenCalled());
    expect(sent(recordDrill)).toMatchObject({
      entityRefs: ['component:default/payments', 'component:default/ledger'],
      performedBy: 'group:default/team-payments',
    });
  });

  it('shows the limit of each text field and list', async () => {
    await renderForm({});

    await userEvent.type(screen.getByLabelText(/^Notes/), 'fine');
    expect(screen.getByLabelText(/^Notes/)).toHaveAccessibleDescription(
      '4 / 2000 characters',
    );
    fill(/^Manual steps not in the runbook/, 'one\ntwo\n');
    expect(
      screen.getByLabelText(/^Manual steps not in the runbook/),
    ).toHaveAccessibleDescription(/2 \/ 100 lines$/);
    await userEvent.click(screen.getByRole('button', { name: 'Add link' }));
    expect(screen.getByText('1 / 100 items', { exact: false })).toBeVisible();
  });

  it('sends evidence links and says how the recorded drill counts', async () => {
    const recorded: RecordedDrill = {
      ...recordedDrill,
      effectiveOutcome: {
        outcome: 'incomplete',
        reasons: ['it lacks required evidence: the restore target time'],
        missingEvidence: ['restoreTargetTime'],
      },
    };
    const recordDrill = jest.fn(async () => recorded);
    const { onRecorded, toastApi } = await renderForm({ recordDrill });

    fillTimes();
    await userEvent.click(screen.getByRole('button', { name: 'Add link' }));
    fill('Link 1: kind', 'ticket');
    fill('Link 1: URL', 'https://tickets.example/DR-7');
    await submit();

    await waitFor(() => expect(onRecorded).toHaveBeenCalledWith(recorded));
    expect(recordDrill).toHaveBeenCalledWith(
      payments,
      expect.objectContaining({
        evidence: {
          links: [{ type: 'ticket', url: 'https://tickets.example/DR-7' }],
          manualStepsNotInRunbook: [],
        },
      }),
    );
    expect(toastApi.post).toHaveBeenCalledWith({
      title:
        'Drill recorded. It counts as incomplete: it lacks required evidence: the restore target time.',
      status: 'success',
      timeout: SUCCESS_NOTICE_TIMEOUT_MS,
    });
  });

  it('shows the problems the backend finds on their fields', async () => {
    const recordDrill = jest.fn(async () => {
      throw await responseError(
        400,
        'Invalid drill: evidence.restoreTargetTime: is before the year 2000; performedBy: names no entity you can read',
      );
    });
    await renderForm({ recordDrill });

    fillTimes();
    await submit();

    await waitFor(() =>
      expect(
        screen.getByLabelText(/^Point in time restored to/),
      ).toHaveAccessibleDescription(
        'Point in time restored to is before the year 2000',
      ),
    );
    expect(screen.getByLabelText('Performed by')).toHaveAccessibleDescription(
      'Performed by names no entity you can read',
    );
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Fix the 2 highlighted fields',
    );
  });

  it('says when the user may not record drills for these entities', async () => {
    const recordDrill = jest.fn(async () => {
      throw await responseError(
        403,
        'not allowed for component:default/ledger',
      );
    });
    await renderForm({ recordDrill });

    fillTimes();
    await submit();

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'You may not record this drill: it needs the disaster-recovery.drill.create permission on this entity and on every other entity it names. The backend said: not allowed for component:default/ledger',
    );
  });

  describe('correcting a drill', () => {
    const original: RecordedDrill = {
      ...recordedDrill,
      startedAt: '2025-06-10T08:00:00.000Z',
      endedAt: '2025-06-10T10:30:00.000Z',
      evidence: {
        ...recordedDrill.evidence,
        healthChecks: [{ name: 'pods ready', passed: true }],
      },
    };

    it('starts from the drill and records the correction in its place', async () => {
      const supersedeDrill = jest.fn(async () => ({
        ...recordedDrill,
        id: 'drill-2',
        supersedes: original.id,
      }));
      const { onRecorded, toastApi } = await renderForm(
        { supersedeDrill },
        original,
      );

      expect(
        screen.getByRole('heading', { name: 'Correct a drill' }),
      ).toBeVisible();
      expect(screen.getByLabelText(/^What was exercised/)).toHaveValue(
        'dr-drill',
      );
      expect(screen.getByLabelText('Health check 1: result')).toHaveValue(
        'passed',
      );
      fill('Time zone', 'UTC');
      expect(screen.getByLabelText(/^Started/)).toHaveValue('2025-06-10T08:00');
      fill(/^Manual steps not in the runbook/, '');
      await submit();

      await waitFor(() => expect(onRecorded).toHaveBeenCalled());
      expect(supersedeDrill).toHaveBeenCalledWith(
        payments,
        original.id,
        expect.objectContaining({
          startedAt: original.startedAt,
          performedBy: original.performedBy,
          evidence: expect.objectContaining({ manualStepsNotInRunbook: [] }),
        }),
      );
      expect(toastApi.post.mock.calls[0][0].title).toMatch(
        /^Correction recorded; the earlier record is superseded/,
      );
    });

    it('says who may correct it when the backend refuses', async () => {
      const supersedeDrill = jest.fn(async () => {
        throw await responseError(403, 'Forbidden');
      });
      await renderForm({ supersedeDrill }, original);

      await submit();

      expect(await screen.findByRole('alert')).toHaveTextContent(
        'You may not correct this drill: only whoever recorded it (user:default/alice) or a holder of the disaster-recovery.drill.admin permission may.',
      );
    });

    it('reloads the history when the drill was corrected meanwhile', async () => {
      const supersedeDrill = jest.fn(async () => {
        throw await responseError(409, 'already superseded');
      });
      const { onConflict } = await renderForm({ supersedeDrill }, original);

      await submit();

      const alert = await screen.findByRole('alert');
      expect(
        within(alert).getByText(/already voided or corrected/),
      ).toBeVisible();
      expect(onConflict).toHaveBeenCalled();
    });
  });
});
