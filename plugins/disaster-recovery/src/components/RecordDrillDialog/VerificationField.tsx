import Grid from '@material-ui/core/Grid';
import {
  DRILL_FORM_FIELD_LABELS,
  type CheckResult,
  type DrillFormField,
  type VerificationValues,
} from '../../drills';
import {
  DrillTextField,
  PLAIN_FIELD,
  type DrillFieldState,
} from './DrillTextField';

/** The choices of a check: "not checked" first, never assumed passed. */
export const CHECK_RESULT_OPTIONS = (
  <>
    <option value="not-checked">Not checked</option>
    <option value="passed">Passed</option>
    <option value="failed">Failed</option>
  </>
);

/** A yes/no verification and its details. */
export function VerificationField(props: {
  field: DrillFormField;
  state: DrillFieldState;
  value: VerificationValues;
  onChange: (value: VerificationValues) => void;
}) {
  const { field, state, value, onChange } = props;
  return (
    <>
      <Grid item xs={12} sm={4}>
        <DrillTextField
          field={field}
          state={state}
          value={value.result}
          onChange={result =>
            onChange({ ...value, result: result as CheckResult })
          }
          select={CHECK_RESULT_OPTIONS}
        />
      </Grid>
      <Grid item xs={12} sm={8}>
        <DrillTextField
          field={field}
          id={`drill-${field}-details`}
          label={`${DRILL_FORM_FIELD_LABELS[field]}: details`}
          state={PLAIN_FIELD}
          value={value.details}
          disabled={value.result === 'not-checked'}
          onChange={details => onChange({ ...value, details })}
        />
      </Grid>
    </>
  );
}
