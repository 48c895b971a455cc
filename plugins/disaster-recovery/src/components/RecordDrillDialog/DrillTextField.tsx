import { DRILL_LIMITS } from '@dr-posture/plugin-disaster-recovery-common';
import TextField from '@material-ui/core/TextField';
import type { ReactNode } from 'react';
import { DRILL_FORM_FIELD_LABELS, type DrillFormField } from '../../drills';
import { LimitHint } from '../LimitHint';

/** A field state for a part of a field, whose problems the field shows. */
export const PLAIN_FIELD: DrillFieldState = {
  errors: {},
  required: new Set(),
  kindName: '',
};

/** What every field of the drill form is told. */
export interface DrillFieldState {
  errors: Partial<Record<DrillFormField, string>>;
  /** Fields holding evidence a succeeded drill of the chosen kind needs. */
  required: Set<DrillFormField>;
  /** How the chosen kind is named: `restore test`. */
  kindName: string;
}

/** The hint of a field: its problem, else that a succeeded drill needs it, else `hint`. */
export function fieldMessage(
  state: DrillFieldState,
  field: DrillFormField,
  hint?: ReactNode,
): ReactNode {
  if (state.errors[field]) return state.errors[field];
  if (state.required.has(field)) {
    return hint ? (
      <>
        Needed for a succeeded {state.kindName}. {hint}
      </>
    ) : (
      `Needed for a succeeded ${state.kindName}.`
    );
  }
  return hint;
}

/**
 * A text field of the drill form: labelled by its field, showing its
 * problem, whether a succeeded drill needs it, and its length against the
 * limit the backend applies.
 */
export function DrillTextField(props: {
  field: DrillFormField;
  /** For a part of the field (a list row, details): its own id and label. */
  id?: string;
  label?: string;
  state: DrillFieldState;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  type?: 'datetime-local' | 'url';
  multiline?: boolean;
  /** Counts lines against the list limit instead of characters. */
  countLines?: boolean;
  required?: boolean;
  disabled?: boolean;
  select?: ReactNode;
}) {
  const { field, state, value, onChange, type, multiline, select } = props;
  const counted = !type && !select;
  let used: number | undefined;
  if (counted) {
    used = props.countLines
      ? value.split('\n').filter(line => line.trim()).length
      : value.length;
  }
  return (
    <TextField
      id={props.id ?? `drill-${field}`}
      label={props.label ?? DRILL_FORM_FIELD_LABELS[field]}
      value={value}
      onChange={event => onChange(event.target.value)}
      type={type}
      required={props.required}
      disabled={props.disabled}
      multiline={multiline}
      minRows={multiline ? 2 : undefined}
      select={Boolean(select)}
      SelectProps={select ? { native: true } : undefined}
      InputLabelProps={
        type === 'datetime-local' || select ? { shrink: true } : undefined
      }
      error={Boolean(state.errors[field])}
      helperText={
        <LimitHint
          message={fieldMessage(state, field, props.hint)}
          used={used}
          limit={
            props.countLines ? DRILL_LIMITS.listItems : DRILL_LIMITS.textLength
          }
          unit={props.countLines ? 'lines' : 'characters'}
        />
      }
      fullWidth
      variant="outlined"
      size="small"
    >
      {select}
    </TextField>
  );
}
