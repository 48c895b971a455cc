import {
  DRILL_LIMITS,
  formatDuration,
  type DrillEvidenceRequirements,
} from '@dr-posture/plugin-disaster-recovery-common';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormHelperText from '@material-ui/core/FormHelperText';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { useMemo } from 'react';
import {
  DRILL_FORM_FIELD_LABELS,
  drillKindInSentence,
  requiredEvidenceFields,
  timeZoneChoices,
  type DrillFormErrors,
  type DrillFormField,
  type DrillFormValues,
} from '../../drills';
import { DrillTextField, type DrillFieldState } from './DrillTextField';
import { DrillTimeField } from './DrillTimeField';
import { EntityRefPicker, EntityRefsPicker } from './EntityRefPicker';
import { EvidenceLinkList } from './EvidenceLinkList';
import { HealthCheckList } from './HealthCheckList';
import { LimitHint } from '../LimitHint';
import { NamespaceInventoryList } from './NamespaceInventoryList';
import { VerificationField } from './VerificationField';

type TextKey = {
  [K in keyof DrillFormValues]: DrillFormValues[K] extends string ? K : never;
}[keyof DrillFormValues];

const KIND_OPTIONS = (
  <>
    <option value="restore-test">Restore test</option>
    <option value="dr-drill">DR drill</option>
    <option value="failover-drill">Failover drill</option>
    <option value="full-dr-test">Full DR test</option>
  </>
);

const OUTCOME_OPTIONS = (
  <>
    <option value="succeeded">Succeeded</option>
    <option value="failed">Failed</option>
  </>
);

/** The fields of the drill form, each showing the problem of its property. */
export function DrillFormFields(props: {
  /** The entity of the page, always among the drill's entities. */
  entityRef: string;
  values: DrillFormValues;
  errors: DrillFormErrors['fields'];
  /** The achieved RPO the evidence gives, when it gives one. */
  derivedRpoMs?: number;
  /** The backend's evidence requirements; the defaults when not known. */
  requiredEvidence?: DrillEvidenceRequirements;
  onChange: (values: DrillFormValues) => void;
}) {
  const {
    entityRef,
    values,
    errors,
    derivedRpoMs,
    requiredEvidence,
    onChange,
  } = props;
  const state: DrillFieldState = {
    errors,
    // A drill reported as failed counts as failed whatever it holds.
    required:
      values.outcome === 'succeeded'
        ? requiredEvidenceFields(values.kind, requiredEvidence)
        : new Set(),
    kindName: drillKindInSentence(values.kind),
  };
  const set = <K extends keyof DrillFormValues>(
    key: K,
    value: DrillFormValues[K],
  ) => onChange({ ...values, [key]: value });

  const text = (
    key: TextKey,
    field: DrillFormField,
    options: {
      hint?: string;
      type?: 'url';
      multiline?: boolean;
      countLines?: boolean;
      xs?: 12 | 6;
    } = {},
  ) => (
    <Grid item xs={12} sm={options.xs ?? 6}>
      <DrillTextField
        field={field}
        state={state}
        value={values[key]}
        onChange={value => set(key, value)}
        {...options}
      />
    </Grid>
  );

  const time = (key: TextKey, field: DrillFormField, required = false) => (
    <Grid item xs={12} sm={6}>
      <DrillTimeField
        field={field}
        state={state}
        value={values[key]}
        timeZone={values.timeZone}
        onChange={value => set(key, value)}
        required={required}
      />
    </Grid>
  );

  const zones = useMemo(
    () => timeZoneChoices(values.timeZone),
    [values.timeZone],
  );
  const otherEntitiesLimit = DRILL_LIMITS.entityRefs - 1;

  return (
    <Grid container spacing={2}>
      <Grid item xs={12} sm={6}>
        <DrillTextField
          field="kind"
          state={state}
          value={values.kind}
          onChange={kind => set('kind', kind as DrillFormValues['kind'])}
          select={KIND_OPTIONS}
          required
        />
      </Grid>
      <Grid item xs={12} sm={6}>
        <DrillTextField
          field="outcome"
          state={state}
          value={values.outcome}
          onChange={outcome =>
            set('outcome', outcome as DrillFormValues['outcome'])
          }
          select={OUTCOME_OPTIONS}
          required
          hint="The outcome that counts also weighs the evidence."
        />
      </Grid>
      <Grid item xs={12} sm={6}>
        <TextField
          id="drill-time-zone"
          label="Time zone"
          select
          SelectProps={{ native: true }}
          InputLabelProps={{ shrink: true }}
          value={values.timeZone}
          onChange={event => set('timeZone', event.target.value)}
          helperText="The times below are read in this zone and stored in UTC."
          fullWidth
          variant="outlined"
          size="small"
        >
          {zones.map(zone => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </TextField>
      </Grid>
      <Grid item xs={12} sm={6} />
      {time('startedAt', 'startedAt', true)}
      {time('endedAt', 'endedAt', true)}
      {text('achievedRto', 'achievedRtoMs', {
        hint: 'From the start until the service was back, e.g. 2h30m',
      })}
      {text('achievedRpo', 'achievedRpoMs', {
        hint:
          derivedRpoMs === undefined
            ? 'Data lost by the recovered service, e.g. 10m'
            : `The evidence gives ${formatDuration(
                derivedRpoMs,
              )}; a smaller figure does not count.`,
      })}
      {values.kind === 'restore-test' && (
        <Grid item xs={12}>
          <FormControlLabel
            label={DRILL_FORM_FIELD_LABELS.coversWholeService}
            control={
              <Checkbox
                checked={values.coversWholeService}
                onChange={event =>
                  set('coversWholeService', event.target.checked)
                }
              />
            }
          />
          <FormHelperText error={Boolean(errors.coversWholeService)}>
            {errors.coversWholeService ??
              'Only then is its achieved RTO compared with the service’s RTO; a restore of one component is not.'}
          </FormHelperText>
        </Grid>
      )}
      {text('runbookUrl', 'runbookUrl', { type: 'url' })}
      <Grid item xs={12} sm={6}>
        <EntityRefPicker
          id="drill-performedBy"
          label={DRILL_FORM_FIELD_LABELS.performedBy}
          kinds={['User', 'Group']}
          value={values.performedBy}
          onChange={ref => set('performedBy', ref)}
          error={errors.performedBy}
          helperText={
            errors.performedBy ??
            'The user or team who ran it, from the catalog'
          }
        />
      </Grid>
      <Grid item xs={12}>
        <EntityRefsPicker
          id="drill-entityRefs"
          label={DRILL_FORM_FIELD_LABELS.entityRefs}
          kinds={['Component', 'Resource', 'System']}
          value={values.otherEntityRefs}
          onChange={refs => set('otherEntityRefs', refs)}
          max={otherEntitiesLimit}
          exclude={[entityRef]}
          error={errors.entityRefs}
          helperText={
            <LimitHint
              message={
                errors.entityRefs ??
                `This entity (${entityRef}) is always included`
              }
              used={values.otherEntityRefs.length}
              limit={otherEntitiesLimit}
              unit="entities"
            />
          }
        />
      </Grid>
      <Grid item xs={12}>
        <Typography variant="subtitle1" component="h3">
          Evidence
        </Typography>
      </Grid>
      {text('backupName', 'evidence.backup.name')}
      {time('backupCreatedAt', 'evidence.backup.createdAt')}
      {time('restoreTargetTime', 'evidence.restoreTargetTime')}
      {text('veleroRestore', 'evidence.veleroRestore', {
        hint: 'cluster/namespace/name of the Restore, when Velero restored it',
      })}
      {text('databaseCluster', 'evidence.database.cluster', {
        hint: 'cluster/namespace/name of the CloudNativePG Cluster',
      })}
      {text('databaseCheckpoint', 'evidence.database.checkpoint')}
      {text('databaseWalEnd', 'evidence.database.walEnd')}
      {time('lastArchivedWalAt', 'evidence.database.lastArchivedWalAt')}
      <VerificationField
        field="evidence.reconciliation"
        state={state}
        value={values.reconciliation}
        onChange={value => set('reconciliation', value)}
      />
      <VerificationField
        field="evidence.objectVersionCheck"
        state={state}
        value={values.objectVersionCheck}
        onChange={value => set('objectVersionCheck', value)}
      />
      <HealthCheckList
        field="evidence.healthChecks"
        itemName="Health check"
        state={state}
        checks={values.healthChecks}
        onChange={checks => set('healthChecks', checks)}
      />
      <HealthCheckList
        field="evidence.applicationHealthChecks"
        itemName="Application health check"
        state={state}
        checks={values.applicationHealthChecks}
        onChange={checks => set('applicationHealthChecks', checks)}
      />
      <NamespaceInventoryList
        state={state}
        rows={values.namespaceInventory}
        onChange={rows => set('namespaceInventory', rows)}
      />
      {text('manualStepsNotInRunbook', 'evidence.manualStepsNotInRunbook', {
        multiline: true,
        countLines: true,
        xs: 12,
        hint: 'One per line. Any step here makes the drill count as failed until the runbook has it.',
      })}
      <EvidenceLinkList
        state={state}
        links={values.links}
        onChange={links => set('links', links)}
      />
      {text('notes', 'evidence.notes', { multiline: true, xs: 12 })}
    </Grid>
  );
}
