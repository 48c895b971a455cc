import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  Progress,
  ResponseErrorPanel,
  Table,
  type TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef, EntityRefLink } from '@backstage/plugin-catalog-react';
import type {
  RestorePlanResponse,
  RestoreStep,
} from '@dr-posture/plugin-disaster-recovery-common';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import { makeStyles } from '@material-ui/core/styles';
import Alert from '@material-ui/lab/Alert';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { disasterRecoveryApiRef } from '../../api';
import { PostureStatus } from '../PostureStatus';

const useStyles = makeStyles(theme => ({
  // The secondary text colour falls short of 4.5:1 on the page's grey.
  label: { color: theme.palette.text.primary },
}));

function columns(plan: RestorePlanResponse): TableColumn<RestoreStep>[] {
  return [
    { title: '#', field: 'position', width: '48px' },
    {
      title: 'Entity',
      render: step => (
        <EntityRefLink
          entityRef={step.entityRef}
          title={plan.entities[step.entityRef]?.title}
        />
      ),
    },
    {
      title: 'Status',
      render: step => (
        <PostureStatus
          status={plan.entities[step.entityRef]?.status ?? 'unknown'}
        />
      ),
    },
    { title: 'Tier', render: step => step.tier ?? 'none' },
    {
      title: 'Restored with',
      render: step =>
        step.restoredWithTier
          ? `Tier ${step.restoredWithTier}`
          : 'after every tier',
    },
    { title: 'Why here', field: 'reason' },
  ];
}

function PlanProblems(props: { plan: RestorePlanResponse }) {
  const { cycles, unknownDependencies } = props.plan;
  return (
    <>
      {cycles.length > 0 && (
        <Alert severity="warning" style={{ marginBottom: 16 }}>
          These entities depend on each other in a circle and are restored
          together, in tier order:{' '}
          {cycles.map(cycle => cycle.join(' ↔ ')).join('; ')}.
        </Alert>
      )}
      {unknownDependencies.length > 0 && (
        <Alert severity="info" style={{ marginBottom: 16 }}>
          Dependencies outside the plan are not ordered:{' '}
          {unknownDependencies
            .map(d => `${d.entityRef} → ${d.dependsOn}`)
            .join('; ')}
          .
        </Alert>
      )}
    </>
  );
}

/**
 * The order to restore in, by tier and dependency, for the whole estate or
 * for one System.
 */
export function RestorePlanTab() {
  const classes = useStyles();
  const api = useApi(disasterRecoveryApiRef);
  const catalogApi = useApi(catalogApiRef);
  const [system, setSystem] = useState('');
  const systems = useAsync(async () => {
    const { items } = await catalogApi.getEntities({
      filter: { kind: 'System' },
      fields: ['kind', 'metadata.name', 'metadata.namespace'],
    });
    return items.map(item => stringifyEntityRef(item)).sort();
  }, [catalogApi]);
  const plan = useAsync(
    () => api.getRestorePlan(system ? { system } : {}),
    [api, system],
  );

  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={4}>
        <TextField
          id="restore-plan-system"
          select
          SelectProps={{ native: true }}
          InputLabelProps={{ shrink: true, className: classes.label }}
          label="Plan for"
          variant="outlined"
          size="small"
          fullWidth
          value={system}
          onChange={event => setSystem(event.target.value)}
          helperText={systems.error ? 'Systems could not be listed' : undefined}
        >
          <option value="">The whole estate</option>
          {(systems.value ?? []).map(ref => (
            <option key={ref} value={ref}>
              {ref}
            </option>
          ))}
        </TextField>
      </Grid>
      <Grid item xs={12}>
        {plan.loading && <Progress />}
        {plan.error && <ResponseErrorPanel error={plan.error} />}
        {plan.value && (
          <>
            <PlanProblems plan={plan.value} />
            <Table<RestoreStep>
              title={
                plan.value.system
                  ? `Restore order of ${plan.value.system}`
                  : 'Restore order of the estate'
              }
              columns={columns(plan.value)}
              data={plan.value.steps}
              options={{
                paging: false,
                search: false,
                padding: 'dense',
                // Backstage's sort labels nest a focusable element in a button.
                sorting: false,
              }}
              emptyContent={
                <div style={{ padding: 16 }}>
                  Nothing to restore: no entity in this plan has a tier or
                  Kubernetes mapping.
                </div>
              }
            />
          </>
        )}
      </Grid>
    </Grid>
  );
}
