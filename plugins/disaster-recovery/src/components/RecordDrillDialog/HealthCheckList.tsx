import Grid from '@material-ui/core/Grid';
import IconButton from '@material-ui/core/IconButton';
import DeleteIcon from '@material-ui/icons/Delete';
import {
  newHealthCheck,
  type CheckResult,
  type DrillFormField,
  type HealthCheckValues,
} from '../../drills';
import {
  DrillTextField,
  PLAIN_FIELD,
  type DrillFieldState,
} from './DrillTextField';
import { ListSection, replaced } from './ListSection';
import { CHECK_RESULT_OPTIONS } from './VerificationField';

/**
 * Health checks (or application health checks): each is named and judged
 * by whoever ran it, starting "not checked", which is not recorded.
 */
export function HealthCheckList(props: {
  field: DrillFormField;
  /** How one check is named: `Health check`. */
  itemName: string;
  state: DrillFieldState;
  checks: HealthCheckValues[];
  onChange: (checks: HealthCheckValues[]) => void;
}) {
  const { field, itemName, state, checks, onChange } = props;
  return (
    <ListSection
      field={field}
      state={state}
      count={checks.length}
      addLabel={`Add ${itemName.toLowerCase()}`}
      onAdd={() => onChange([...checks, newHealthCheck()])}
      hint="A check left “Not checked” is not recorded."
    >
      {checks.map((row, index) => {
        const label = `${itemName} ${index + 1}`;
        const set = (next: Partial<HealthCheckValues>) =>
          onChange(replaced(checks, index, { ...row, ...next }));
        return (
          <Grid container spacing={1} alignItems="flex-start" key={index}>
            <Grid item xs={12} sm={4}>
              <DrillTextField
                field={field}
                id={`drill-${field}-${index}-name`}
                label={`${label}: name`}
                state={PLAIN_FIELD}
                value={row.name}
                onChange={name => set({ name })}
              />
            </Grid>
            <Grid item xs={6} sm={3}>
              <DrillTextField
                field={field}
                id={`drill-${field}-${index}-result`}
                label={`${label}: result`}
                state={PLAIN_FIELD}
                value={row.result}
                onChange={result => set({ result: result as CheckResult })}
                select={CHECK_RESULT_OPTIONS}
              />
            </Grid>
            <Grid item xs={12} sm={4}>
              <DrillTextField
                field={field}
                id={`drill-${field}-${index}-details`}
                label={`${label}: details`}
                state={PLAIN_FIELD}
                value={row.details}
                onChange={details => set({ details })}
              />
            </Grid>
            <Grid item xs={6} sm={1}>
              <IconButton
                aria-label={`Remove ${label.toLowerCase()}`}
                onClick={() => onChange(checks.filter((_, i) => i !== index))}
              >
                <DeleteIcon />
              </IconButton>
            </Grid>
          </Grid>
        );
      })}
    </ListSection>
  );
}
