import {
  EmptyState,
  InfoCard,
  Link,
  StructuredMetadataTable,
} from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { DR_ANNOTATIONS } from '@dr-posture/plugin-disaster-recovery-common';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';

const NOT_DECLARED = 'not declared';

/**
 * The "Disaster Recovery" tab of an entity page.
 *
 * @public
 */
export function EntityDisasterRecoveryContent() {
  const { entity } = useEntity();
  const annotations = entity.metadata.annotations ?? {};
  const tier = annotations[DR_ANNOTATIONS.tier];
  const runbook = annotations[DR_ANNOTATIONS.runbook];

  if (!tier) {
    return (
      <EmptyState
        missing="field"
        title="No disaster-recovery tier declared"
        description={`Add the annotation ${DR_ANNOTATIONS.tier} (1, 2 or 3) to this entity's catalog-info.yaml so that its backups and drills can be judged against a recovery point and time objective.`}
      />
    );
  }

  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={6}>
        <InfoCard title="Declared recovery objectives">
          <StructuredMetadataTable
            metadata={{
              tier,
              'recovery point objective':
                annotations[DR_ANNOTATIONS.rpo] ?? 'tier default',
              'recovery time objective':
                annotations[DR_ANNOTATIONS.rto] ?? 'tier default',
              'HA pattern': annotations[DR_ANNOTATIONS.pattern] ?? NOT_DECLARED,
              runbook: runbook ? (
                <Link to={runbook}>{runbook}</Link>
              ) : (
                NOT_DECLARED
              ),
            }}
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard title="Posture">
          <Typography variant="body2" color="textSecondary">
            Backup freshness, schedules, storage and drill history for this
            entity appear here once the collector has read its clusters.
          </Typography>
        </InfoCard>
      </Grid>
    </Grid>
  );
}
