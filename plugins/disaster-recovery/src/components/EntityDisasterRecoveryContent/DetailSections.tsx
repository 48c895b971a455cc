import type { CompoundEntityRef } from '@backstage/catalog-model';
import type { EntityPostureResponse } from '@dr-posture/plugin-disaster-recovery-common';
import Grid from '@material-ui/core/Grid';
import type { ReactNode } from 'react';
import { AvailabilityCard, hasAvailability } from '../AvailabilityCard';
import { BackupFreshnessCard } from '../BackupFreshnessCard';
import { BackupHistoryChart } from '../BackupHistoryChart';
import { BackupSchedulesTable } from '../BackupSchedulesTable';
import { CollapsibleSection } from '../CollapsibleSection';
import { DrillHistoryCard } from '../DrillHistoryCard';
import { OtherEnvironmentsCard } from '../OtherEnvironmentsCard';
import { PostgresRecoveryWindowCard } from '../PostgresRecoveryWindowCard';
import { StorageLocationsTable } from '../StorageLocationsTable';
import { sectionSummaries } from './sectionSummaries';

/** The folded sections of the tab. */
export type SectionId =
  | 'history'
  | 'postgres'
  | 'schedules'
  | 'storage'
  | 'otherEnvironments'
  | 'drills'
  | 'availability';

/**
 * The details below the verdict and the checks, each in a section that
 * starts folded: backup freshness and history, PostgreSQL recovery,
 * schedules, storage, other environments, drills and availability.
 */
export function DetailSections(props: {
  posture: EntityPostureResponse;
  entity: CompoundEntityRef;
  expanded: Partial<Record<SectionId, boolean>>;
  onExpandedChange: (section: SectionId, expanded: boolean) => void;
  recording: { open: boolean; onOpenChange: (open: boolean) => void };
  onDrillsChanged: () => void;
}) {
  const { posture, entity, expanded, onExpandedChange } = props;
  const { policy } = posture;
  const summaries = sectionSummaries(posture);
  const section = (id: SectionId, title: string, children: ReactNode) => (
    <CollapsibleSection
      title={title}
      summary={summaries[id]}
      expanded={expanded[id] ?? false}
      onExpandedChange={open => onExpandedChange(id, open)}
    >
      {children}
    </CollapsibleSection>
  );
  return (
    <>
      {section(
        'history',
        'Backup freshness and history',
        <Grid container spacing={3}>
          <Grid item xs={12} md={4}>
            <BackupFreshnessCard posture={posture} />
          </Grid>
          <Grid item xs={12} md={8}>
            <BackupHistoryChart
              days={posture.backupHistory}
              rpoMs={policy.rpoMs.ok ? policy.rpoMs.value : undefined}
            />
          </Grid>
        </Grid>,
      )}
      {posture.postgresClusters.length > 0 &&
        section(
          'postgres',
          'PostgreSQL point-in-time recovery',
          <PostgresRecoveryWindowCard clusters={posture.postgresClusters} />,
        )}
      {section(
        'schedules',
        'Backup schedules',
        <BackupSchedulesTable entity={entity} schedules={posture.schedules} />,
      )}
      {section(
        'storage',
        'Storage locations',
        <StorageLocationsTable locations={posture.storageLocations} />,
      )}
      {posture.otherEnvironments &&
        posture.otherEnvironments.length > 0 &&
        section(
          'otherEnvironments',
          'Other environments',
          <OtherEnvironmentsCard environments={posture.otherEnvironments} />,
        )}
      {section(
        'drills',
        'Drills and restore tests',
        <DrillHistoryCard
          entity={entity}
          rpoMs={policy.rpoMs.ok ? policy.rpoMs.value : undefined}
          rtoMs={policy.rtoMs.ok ? policy.rtoMs.value : undefined}
          onDrillsChanged={props.onDrillsChanged}
          recording={props.recording}
        />,
      )}
      {hasAvailability(posture.availability) &&
        section(
          'availability',
          'Availability',
          <AvailabilityCard availability={posture.availability} />,
        )}
    </>
  );
}
