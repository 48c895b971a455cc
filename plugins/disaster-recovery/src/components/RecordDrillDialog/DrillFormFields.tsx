import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import type { ReactNode } from 'react';
import type {
  DrillFormErrors,
  DrillFormField,
  DrillFormValues,
  VerificationValues,
} from '../../drills';
import { DrillEvidenceLists } from './DrillEvidenceLists';

type TextKey = {
  [K in keyof DrillFormValues]: DrillFormValues[K] extends string ? K : never;
}[keyof DrillFormValues];

/** The fields of the drill form, each showing the problem of its property. */
export function DrillFormFields(props: {
  values: DrillFormValues;
  errors: DrillFormErrors['fields'];
  onChange: (values: DrillFormValues) => void;
}) {
  const { values, errors, onChange } = props;

  const text = (
    key: TextKey,
    field: DrillFormField,
    label: string,
    options: {
      type?: 'datetime-local' | 'url';
      helper?: string;
      required?: boolean;
      multiline?: boolean;
      select?: ReactNode;
      xs?: 12 | 6 | 4;
    } = {},
  ) => (
    <Grid item xs={12} sm={options.xs ?? 6}>
      <TextField
        id={`drill-${field}`}
        label={label}
        value={values[key]}
        onChange={event => onChange({ ...values, [key]: event.target.value })}
        type={options.type}
        required={options.required}
        multiline={options.multiline}
        minRows={options.multiline ? 2 : undefined}
        select={Boolean(options.select)}
        SelectProps={options.select ? { native: true } : undefined}
        InputLabelProps={
          options.type === 'datetime-local' || options.select
            ? { shrink: true }
            : undefined
        }
        error={Boolean(errors[field])}
        helperText={errors[field] ?? options.helper}
        fullWidth
        variant="outlined"
        size="small"
      >
        {options.select}
      </TextField>
    </Grid>
  );

  const verification = (
    key: 'reconciliation' | 'objectVersionCheck',
    field: DrillFormField,
    label: string,
  ) => {
    const value = values[key];
    const set = (next: Partial<VerificationValues>) =>
      onChange({ ...values, [key]: { ...value, ...next } });
    return (
      <>
        <Grid item xs={12} sm={4}>
          <TextField
            id={`drill-${field}`}
            label={label}
            select
            SelectProps={{ native: true }}
            InputLabelProps={{ shrink: true }}
            value={value.result}
            onChange={event =>
              set({
                result: event.target.value as VerificationValues['result'],
              })
            }
            error={Boolean(errors[field])}
            helperText={errors[field]}
            fullWidth
            variant="outlined"
            size="small"
          >
            <option value="not-checked">Not checked</option>
            <option value="passed">Passed</option>
            <option value="failed">Failed</option>
          </TextField>
        </Grid>
        <Grid item xs={12} sm={8}>
          <TextField
            id={`drill-${field}-details`}
            label={`${label}: details`}
            value={value.details}
            disabled={value.result === 'not-checked'}
            onChange={event => set({ details: event.target.value })}
            fullWidth
            variant="outlined"
            size="small"
          />
        </Grid>
      </>
    );
  };

  return (
    <Grid container spacing={2}>
      {text('kind', 'kind', 'What was exercised', {
        required: true,
        select: (
          <>
            <option value="restore-test">Restore test</option>
            <option value="dr-drill">DR drill</option>
            <option value="failover-drill">Failover drill</option>
            <option value="full-dr-test">Full DR test</option>
          </>
        ),
      })}
      {text('outcome', 'outcome', 'Outcome as reported', {
        required: true,
        select: (
          <>
            <option value="succeeded">Succeeded</option>
            <option value="failed">Failed</option>
          </>
        ),
      })}
      {text('startedAt', 'startedAt', 'Started', {
        type: 'datetime-local',
        required: true,
      })}
      {text('endedAt', 'endedAt', 'Ended', {
        type: 'datetime-local',
        required: true,
      })}
      {text('achievedRto', 'achievedRtoMs', 'Achieved RTO', {
        helper: 'From the start until the service was back, e.g. 2h30m',
      })}
      {text('achievedRpo', 'achievedRpoMs', 'Achieved RPO', {
        helper: 'Data lost by the recovered service, e.g. 10m',
      })}
      {text('runbookUrl', 'runbookUrl', 'Runbook followed', { type: 'url' })}
      {text('performedBy', 'performedBy', 'Performed by', {
        helper: 'People or team, e.g. group:default/team-payments',
      })}
      {text('otherEntityRefs', 'entityRefs', 'Other entities exercised', {
        multiline: true,
        xs: 12,
        helper: 'One entity ref per line; this entity is always included',
      })}
      <Grid item xs={12}>
        <Typography variant="subtitle1" component="h3">
          Evidence
        </Typography>
      </Grid>
      {text('backupName', 'evidence.backup.name', 'Backup restored')}
      {text('backupCreatedAt', 'evidence.backup.createdAt', 'Backup taken at', {
        type: 'datetime-local',
      })}
      {text(
        'restoreTargetTime',
        'evidence.restoreTargetTime',
        'Point in time restored to',
        { type: 'datetime-local' },
      )}
      <Grid item xs={12} sm={6} />
      {text(
        'databaseCheckpoint',
        'evidence.database.checkpoint',
        'Database checkpoint reached',
      )}
      {text('databaseWalEnd', 'evidence.database.walEnd', 'Last WAL replayed')}
      {verification(
        'reconciliation',
        'evidence.reconciliation',
        'Data reconciliation',
      )}
      {verification(
        'objectVersionCheck',
        'evidence.objectVersionCheck',
        'Object version check',
      )}
      <DrillEvidenceLists values={values} errors={errors} onChange={onChange} />
      {text(
        'manualStepsNotInRunbook',
        'evidence.manualStepsNotInRunbook',
        'Manual steps not in the runbook',
        {
          multiline: true,
          xs: 12,
          helper:
            'One per line. Any step here makes the drill count as failed until the runbook has it.',
        },
      )}
      {text('notes', 'evidence.notes', 'Notes', { multiline: true, xs: 12 })}
    </Grid>
  );
}
