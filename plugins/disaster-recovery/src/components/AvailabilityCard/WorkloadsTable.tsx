import { Table, type TableColumn } from '@backstage/core-components';
import type { EntityWorkloadAvailability } from '@dr-posture/plugin-disaster-recovery-common';
import Typography from '@material-ui/core/Typography';
import type { ReactNode } from 'react';
import { PostureStatus } from '../PostureStatus';

type Workload = EntityWorkloadAvailability;

/*
 * The card does not know whether the entity's tier needs high availability
 * (the checks above judge that), so it marks what falls short as a warning
 * and never draws a cell as passing.
 */
function Cell(props: { problem: boolean; children: ReactNode }) {
  return props.problem ? (
    <PostureStatus status="warn">{props.children}</PostureStatus>
  ) : (
    <>{props.children}</>
  );
}

function isSingleton(w: Workload): boolean {
  return Boolean(w.singletonReason?.trim());
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function Replicas(props: { workload: Workload }) {
  const w = props.workload;
  const short =
    !isSingleton(w) &&
    (w.minReplicas < 2 || w.readyReplicas < 2 || w.readyReplicas < w.replicas);
  return (
    <>
      <Cell problem={short}>
        {w.readyReplicas} of {w.replicas} ready
        {w.autoscaler ? `, HPA minimum ${w.minReplicas}` : ''}
      </Cell>
      {isSingleton(w) && (
        <Typography variant="caption" component="div" color="textSecondary">
          Documented singleton: {w.singletonReason}
        </Typography>
      )}
    </>
  );
}

function zonesText(w: Workload): string {
  if (w.clusterZones.length === 0) return 'cluster nodes carry no zone label';
  return `${w.zones.length} of ${plural(w.clusterZones.length, 'zone')}`;
}

function Placement(props: { workload: Workload }) {
  const w = props.workload;
  const multiZone = w.clusterZones.length > 1;
  const unasked = [
    !w.spreadOverNodes && 'nodes',
    multiZone && !w.spreadOverZones && 'zones',
  ].filter(Boolean);
  const problem =
    !isSingleton(w) &&
    (w.nodes < 2 || (multiZone && w.zones.length < 2) || unasked.length > 0);
  return (
    <>
      <Cell problem={problem}>
        {plural(w.nodes, 'node')}, {zonesText(w)}
      </Cell>
      {!isSingleton(w) && unasked.length > 0 && (
        <Typography variant="caption" component="div" color="textSecondary">
          The pod template does not ask to spread over {unasked.join(' or ')}
        </Typography>
      )}
    </>
  );
}

function Probes(props: { workload: Workload }) {
  const gaps = props.workload.containers.flatMap(c => {
    const missing = [
      !c.readinessProbe && 'readiness',
      !c.livenessProbe && 'liveness',
    ].filter(Boolean);
    return missing.length
      ? [`${c.name}: no ${missing.join(' or ')} probe`]
      : [];
  });
  if (gaps.length === 0) return <>Readiness and liveness on every container</>;
  return <Cell problem>{gaps.join('; ')}</Cell>;
}

function Requests(props: { workload: Workload }) {
  const { containers } = props.workload;
  const without = containers.filter(c => c.requests.length === 0);
  if (without.length > 0) {
    return (
      <Cell problem>No requests: {without.map(c => c.name).join(', ')}</Cell>
    );
  }
  const requested = [...new Set(containers.flatMap(c => c.requests))];
  return <>{requested.join(', ')}</>;
}

function DisruptionBudget(props: { workload: Workload }) {
  const w = props.workload;
  if (w.disruptionBudgets.length === 0) {
    return (
      <Cell problem={!isSingleton(w) && w.replicas > 1}>
        No PodDisruptionBudget
      </Cell>
    );
  }
  return (
    <>
      {w.disruptionBudgets.map(budget => {
        const limit =
          budget.minAvailable !== undefined
            ? `minAvailable ${budget.minAvailable}`
            : `maxUnavailable ${budget.maxUnavailable ?? 'not set'}`;
        const allowed = budget.allowedDisruptions;
        const multiReplica = !isSingleton(w) && w.replicas > 1;
        return (
          <div key={budget.ref.name}>
            {allowed === undefined ? (
              <PostureStatus status="unknown">
                {budget.ref.name} ({limit}): its limits cannot be read
              </PostureStatus>
            ) : (
              <Cell
                problem={multiReplica && (allowed < 1 || allowed >= w.replicas)}
              >
                {budget.ref.name} ({limit}) allows losing{' '}
                {allowed >= w.replicas
                  ? `all ${plural(allowed, 'pod')}`
                  : plural(allowed, 'pod')}
              </Cell>
            )}
          </div>
        );
      })}
    </>
  );
}

const columns: TableColumn<Workload>[] = [
  {
    title: 'Workload',
    render: w => (
      <>
        <Typography variant="body2">{w.ref.name}</Typography>
        <Typography variant="caption" color="textSecondary">
          {w.ref.kind} in {w.ref.cluster}/{w.ref.namespace}
        </Typography>
      </>
    ),
  },
  { title: 'Replicas', render: w => <Replicas workload={w} /> },
  { title: 'Nodes and zones', render: w => <Placement workload={w} /> },
  { title: 'Probes', render: w => <Probes workload={w} /> },
  { title: 'Requests', render: w => <Requests workload={w} /> },
  {
    title: 'Disruption budget',
    render: w => <DisruptionBudget workload={w} />,
  },
];

/** An entity's Deployments and StatefulSets: replicas, placement, probes, requests and disruption budgets. */
export function WorkloadsTable(props: { workloads: Workload[] }) {
  return (
    <Table<Workload>
      title="Workloads"
      columns={columns}
      data={props.workloads}
      options={{
        paging: false,
        search: false,
        padding: 'dense',
        // Backstage's sort labels nest a focusable element in a button.
        sorting: false,
      }}
      emptyContent={
        <Typography variant="body2" style={{ padding: 16 }}>
          No Deployments or StatefulSets collected for this entity.
        </Typography>
      }
    />
  );
}
