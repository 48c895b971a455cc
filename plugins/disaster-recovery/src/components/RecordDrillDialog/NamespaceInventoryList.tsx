import Grid from '@material-ui/core/Grid';
import IconButton from '@material-ui/core/IconButton';
import TextField from '@material-ui/core/TextField';
import DeleteIcon from '@material-ui/icons/Delete';
import type { DrillFormValues } from '../../drills';
import {
  DrillTextField,
  PLAIN_FIELD,
  type DrillFieldState,
} from './DrillTextField';
import { ListSection, replaced } from './ListSection';

type Row = DrillFormValues['namespaceInventory'][number];

const FIELD = 'evidence.namespaceInventory';

/** The restored namespaces, with the objects expected and found in each. */
export function NamespaceInventoryList(props: {
  state: DrillFieldState;
  rows: Row[];
  onChange: (rows: Row[]) => void;
}) {
  const { state, rows, onChange } = props;
  const count = (
    index: number,
    row: Row,
    key: 'expectedObjects' | 'restoredObjects',
    label: string,
  ) => (
    <TextField
      id={`drill-namespace-${index}-${key}`}
      label={`Namespace ${index + 1}: ${label}`}
      type="number"
      inputProps={{ min: 0, step: 1 }}
      value={row[key]}
      onChange={event =>
        onChange(replaced(rows, index, { ...row, [key]: event.target.value }))
      }
      fullWidth
      size="small"
      variant="outlined"
    />
  );
  return (
    <ListSection
      field={FIELD}
      state={state}
      count={rows.length}
      addLabel="Add namespace"
      onAdd={() =>
        onChange([
          ...rows,
          { namespace: '', expectedObjects: '', restoredObjects: '' },
        ])
      }
    >
      {rows.map((row, index) => (
        <Grid container spacing={1} alignItems="flex-start" key={index}>
          <Grid item xs={12} sm={5}>
            <DrillTextField
              field={FIELD}
              id={`drill-namespace-${index}`}
              label={`Namespace ${index + 1}`}
              state={PLAIN_FIELD}
              value={row.namespace}
              onChange={namespace =>
                onChange(replaced(rows, index, { ...row, namespace }))
              }
            />
          </Grid>
          <Grid item xs={6} sm={3}>
            {count(index, row, 'expectedObjects', 'objects expected')}
          </Grid>
          <Grid item xs={6} sm={3}>
            {count(index, row, 'restoredObjects', 'objects restored')}
          </Grid>
          <Grid item xs={12} sm={1}>
            <IconButton
              aria-label={`Remove namespace ${index + 1}`}
              onClick={() => onChange(rows.filter((_, i) => i !== index))}
            >
              <DeleteIcon />
            </IconButton>
          </Grid>
        </Grid>
      ))}
    </ListSection>
  );
}
