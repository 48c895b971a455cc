import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { availability } from '../../__testUtils__/fixtures';
import { AvailabilityCard } from './AvailabilityCard';

function rowOf(table: HTMLElement, name: string): HTMLElement {
  return within(table).getByText(name).closest('tr') as HTMLElement;
}

function tableTitled(title: string): HTMLElement {
  return screen
    .getByRole('heading', { name: title })
    .closest('.MuiPaper-root') as HTMLElement;
}

describe('AvailabilityCard', () => {
  it('shows each workload with its replicas, placement, probes, requests and budget', async () => {
    await renderInTestApp(<AvailabilityCard availability={availability} />);

    const workloads = tableTitled('Workloads');
    const api = rowOf(workloads, 'payments-api');
    expect(api).toHaveTextContent('3 of 3 ready, HPA minimum 2');
    expect(api).toHaveTextContent('Warning: 2 nodes, 1 of 3 zones');
    expect(api).toHaveTextContent(
      'The pod template does not ask to spread over zones',
    );
    expect(api).toHaveTextContent('Warning: api: no liveness probe');
    expect(api).toHaveTextContent('cpu, memory');
    expect(api).toHaveTextContent(
      'payments-api (minAvailable 2) allows losing 1 pod',
    );
    expect(within(api).getAllByTestId('status-warning')).toHaveLength(2);
  });

  it('shows a documented singleton with its reason, not as a shortfall', async () => {
    await renderInTestApp(<AvailabilityCard availability={availability} />);

    const ledger = rowOf(tableTitled('Workloads'), 'payments-ledger');
    expect(ledger).toHaveTextContent(
      'Documented singleton: the ledger writer must be unique',
    );
    expect(ledger).toHaveTextContent('1 of 1 ready');
    expect(ledger).toHaveTextContent('1 node, 1 of 3 zones');
    expect(ledger).toHaveTextContent('No PodDisruptionBudget');
    // Only its missing requests fall short; a singleton is one pod on one node.
    expect(within(ledger).getAllByTestId('status-warning')).toHaveLength(1);
    expect(ledger).toHaveTextContent('Warning: No requests: ledger');
  });

  it('marks a multi-replica workload short of two ready replicas and without a budget', async () => {
    const [api] = availability.workloads;
    await renderInTestApp(
      <AvailabilityCard
        availability={{
          workloads: [{ ...api, readyReplicas: 1, disruptionBudgets: [] }],
          standbyParity: [],
        }}
      />,
    );

    const row = rowOf(tableTitled('Workloads'), 'payments-api');
    expect(row).toHaveTextContent('Warning: 1 of 3 ready, HPA minimum 2');
    expect(row).toHaveTextContent('Warning: No PodDisruptionBudget');
    expect(
      screen.queryByRole('heading', { name: 'Standby parity' }),
    ).not.toBeInTheDocument();
  });

  function renderWithBudget(allowed: number) {
    const [api] = availability.workloads;
    const budget = {
      ref: api.disruptionBudgets[0].ref,
      maxUnavailable: allowed,
      allowedDisruptions: allowed,
    };
    return renderInTestApp(
      <AvailabilityCard
        availability={{
          workloads: [{ ...api, disruptionBudgets: [budget] }],
          standbyParity: [],
        }}
      />,
    );
  }

  it.each([
    [0, 'payments-api (maxUnavailable 0) allows losing 0 pods'],
    [3, 'payments-api (maxUnavailable 3) allows losing all 3 pods'],
  ])(
    'warns of a budget allowing %i disruptions of 3 replicas',
    async (allowed, text) => {
      await renderWithBudget(allowed);

      expect(rowOf(tableTitled('Workloads'), 'payments-api')).toHaveTextContent(
        `Warning: ${text}`,
      );
    },
  );

  it('does not warn of a budget allowing 1 disruption of 3 replicas', async () => {
    await renderWithBudget(1);

    const row = rowOf(tableTitled('Workloads'), 'payments-api');
    expect(row).toHaveTextContent(
      'payments-api (maxUnavailable 1) allows losing 1 pod',
    );
    expect(row).not.toHaveTextContent('Warning: payments-api (maxUnavailable');
  });

  it('shows a budget whose limits cannot be read as unknown', async () => {
    const [api] = availability.workloads;
    const budget = { ref: api.disruptionBudgets[0].ref, minAvailable: '50%' };
    await renderInTestApp(
      <AvailabilityCard
        availability={{
          workloads: [{ ...api, disruptionBudgets: [budget] }],
          standbyParity: [],
        }}
      />,
    );

    expect(rowOf(tableTitled('Workloads'), 'payments-api')).toHaveTextContent(
      'Unknown: payments-api (minAvailable 50%): its limits cannot be read',
    );
  });

  it('renders no parity table without a standby', async () => {
    await renderInTestApp(
      <AvailabilityCard
        availability={{ workloads: availability.workloads, standbyParity: [] }}
      />,
    );

    expect(screen.getByRole('heading', { name: 'Workloads' })).toBeVisible();
    expect(
      screen.queryByRole('heading', { name: 'Standby parity' }),
    ).not.toBeInTheDocument();
  });

  it('names both images of a drifting standby and a missing one', async () => {
    await renderInTestApp(<AvailabilityCard availability={availability} />);

    const parity = tableTitled('Standby parity');
    const api = rowOf(parity, 'payments-api');
    expect(api).toHaveTextContent('dr-eu');
    expect(api).toHaveTextContent('3 of 3 ready');
    expect(api).toHaveTextContent('2 of 2 ready');
    expect(api).toHaveTextContent(
      'api: payments/api:1.4.2 in production, payments/api:1.3.9 on the standby',
    );
    // As the standby-readiness check judges it: drift warns, missing fails.
    expect(api).toHaveTextContent('Warning: Image drift');
    const ledger = rowOf(parity, 'payments-ledger');
    expect(ledger).toHaveTextContent('missing');
    expect(ledger).toHaveTextContent('Failing: Missing on the standby');
  });

  it('never shows a ready replica database as passing while its lag is not reported', async () => {
    const database = {
      kind: 'Cluster',
      cluster: 'prod',
      namespace: 'payments',
      name: 'payments-db',
    };
    await renderInTestApp(
      <AvailabilityCard
        availability={{
          ...availability,
          standbyParity: [
            {
              standbyCluster: 'dr-eu',
              production: database,
              standby: { ...database, cluster: 'dr-eu' },
              productionReady: 3,
              productionDesired: 3,
              standbyReady: 2,
              standbyDesired: 2,
              images: [],
              state: 'in-step',
            },
          ],
        }}
      />,
    );

    expect(
      rowOf(tableTitled('Standby parity'), 'payments-db'),
    ).toHaveTextContent('Ready, replication lag not reported');
    expect(screen.queryByText(/^In step$/)).not.toBeInTheDocument();
  });

  it.each([
    ['absent', undefined],
    ['empty', { workloads: [], standbyParity: [] }],
  ])('renders nothing when availability is %s', async (_, value) => {
    const { container } = await renderInTestApp(
      <AvailabilityCard availability={value} />,
    );

    expect(container).toBeEmptyDOMElement();
  });
});
