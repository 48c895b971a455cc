import { DRILL_LIMITS } from '@dr-posture/plugin-disaster-recovery-common';
import Button from '@material-ui/core/Button';
import FormHelperText from '@material-ui/core/FormHelperText';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import AddIcon from '@material-ui/icons/Add';
import type { ReactNode } from 'react';
import { DRILL_FORM_FIELD_LABELS, type DrillFormField } from '../../drills';
import { fieldMessage, type DrillFieldState } from './DrillTextField';
import { LimitHint } from '../LimitHint';

/** Replaces one item of a list. */
export function replaced<T>(list: T[], index: number, item: T): T[] {
  return list.map((existing, i) => (i === index ? item : existing));
}

/**
 * A repeatable part of the evidence: its rows, its problem or whether a
 * succeeded drill needs it, and an "add" button that stops at the list
 * limit.
 */
export function ListSection(props: {
  field: DrillFormField;
  state: DrillFieldState;
  count: number;
  addLabel: string;
  onAdd: () => void;
  hint?: ReactNode;
  children: ReactNode;
}) {
  const { field, state, count, addLabel, onAdd, children } = props;
  const full = count >= DRILL_LIMITS.listItems;
  const message = fieldMessage(state, field, props.hint);
  return (
    <Grid item xs={12}>
      <Typography variant="subtitle2" component="h4" id={`drill-${field}`}>
        {DRILL_FORM_FIELD_LABELS[field]}
      </Typography>
      {children}
      <FormHelperText error={Boolean(state.errors[field])} component="div">
        <LimitHint
          message={message}
          used={count}
          limit={DRILL_LIMITS.listItems}
          unit="items"
        />
      </FormHelperText>
      <Button
        startIcon={<AddIcon />}
        size="small"
        onClick={onAdd}
        disabled={full}
      >
        {addLabel}
      </Button>
    </Grid>
  );
}
