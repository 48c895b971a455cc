import { InfoCard } from '@backstage/core-components';
import type { EntityAvailability } from '@dr-posture/plugin-disaster-recovery-common';
import { StandbyParityTable } from './StandbyParityTable';
import { WorkloadsTable } from './WorkloadsTable';

/** Whether any workload or standby was collected for the entity. */
export function hasAvailability(
  availability?: EntityAvailability,
): availability is EntityAvailability {
  return Boolean(
    availability &&
      (availability.workloads.length > 0 ||
        availability.standbyParity.length > 0),
  );
}

/**
 * How the entity survives losing a pod, a node, a zone or its production
 * cluster: its workloads and, with a standby, how the standby compares.
 * Nothing when no workload or standby was collected.
 */
export function AvailabilityCard(props: { availability?: EntityAvailability }) {
  const { availability } = props;
  if (!hasAvailability(availability)) return null;
  return (
    <InfoCard title="Availability">
      <WorkloadsTable workloads={availability.workloads} />
      {availability.standbyParity.length > 0 && (
        <StandbyParityTable parity={availability.standbyParity} />
      )}
    </InfoCard>
  );
}
