import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormHelperText from '@material-ui/core/FormHelperText';
import Grid from '@material-ui/core/Grid';
import IconButton from '@material-ui/core/IconButton';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import AddIcon from '@material-ui/icons/Add';
import DeleteIcon from '@material-ui/icons/Delete';
import type { DrillFormErrors, DrillFormValues } from '../../drills';

type Props = {
  values: DrillFormValues;
  errors: DrillFormErrors['fields'];
  onChange: (values: DrillFormValues) => void;
};

function replaced<T>(list: T[], index: number, item: T): T[] {
  return list.map((existing, i) => (i === index ? item : existing));
}

/** The repeatable evidence of a drill: health checks and namespace inventories. */
export function DrillEvidenceLists(props: Props) {
  const { values, errors, onChange } = props;
  const { healthChecks, namespaceInventory } = values;
  return (
    <>
      <Grid item xs={12}>
        <Typography variant="subtitle2" component="h4">
          Health checks
        </Typography>
        {healthChecks.map((row, index) => (
          <Grid container spacing={1} alignItems="center" key={index}>
            <Grid item xs={12} sm={4}>
              <TextField
                id={`drill-health-check-${index}-name`}
                label={`Health check ${index + 1}: name`}
                value={row.name}
                onChange={event =>
                  onChange({
                    ...values,
                    healthChecks: replaced(healthChecks, index, {
                      ...row,
                      name: event.target.value,
                    }),
                  })
                }
                fullWidth
                size="small"
                variant="outlined"
              />
            </Grid>
            <Grid item xs={6} sm={2}>
              <FormControlLabel
                label="Passed"
                control={
                  <Checkbox
                    checked={row.passed}
                    onChange={event =>
                      onChange({
                        ...values,
                        healthChecks: replaced(healthChecks, index, {
                          ...row,
                          passed: event.target.checked,
                        }),
                      })
                    }
                  />
                }
              />
            </Grid>
            <Grid item xs={12} sm={5}>
              <TextField
                id={`drill-health-check-${index}-details`}
                label={`Health check ${index + 1}: details`}
                value={row.details}
                onChange={event =>
                  onChange({
                    ...values,
                    healthChecks: replaced(healthChecks, index, {
                      ...row,
                      details: event.target.value,
                    }),
                  })
                }
                fullWidth
                size="small"
                variant="outlined"
              />
            </Grid>
            <Grid item xs={6} sm={1}>
              <IconButton
                aria-label={`Remove health check ${index + 1}`}
                onClick={() =>
                  onChange({
                    ...values,
                    healthChecks: healthChecks.filter((_, i) => i !== index),
                  })
                }
              >
                <DeleteIcon />
              </IconButton>
            </Grid>
          </Grid>
        ))}
        {errors['evidence.healthChecks'] && (
          <FormHelperText error>
            {errors['evidence.healthChecks']}
          </FormHelperText>
        )}
        <Button
          startIcon={<AddIcon />}
          size="small"
          onClick={() =>
            onChange({
              ...values,
              healthChecks: [
                ...healthChecks,
                { name: '', passed: true, details: '' },
              ],
            })
          }
        >
          Add health check
        </Button>
      </Grid>
      <Grid item xs={12}>
        <Typography variant="subtitle2" component="h4">
          Restored namespaces
        </Typography>
        {namespaceInventory.map((row, index) => {
          const set = (key: keyof typeof row, value: string) =>
            onChange({
              ...values,
              namespaceInventory: replaced(namespaceInventory, index, {
                ...row,
                [key]: value,
              }),
            });
          return (
            <Grid container spacing={1} alignItems="center" key={index}>
              <Grid item xs={12} sm={5}>
                <TextField
                  id={`drill-namespace-${index}`}
                  label={`Namespace ${index + 1}`}
                  value={row.namespace}
                  onChange={event => set('namespace', event.target.value)}
                  fullWidth
                  size="small"
                  variant="outlined"
                />
              </Grid>
              <Grid item xs={6} sm={3}>
                <TextField
                  id={`drill-namespace-${index}-expected`}
                  label={`Namespace ${index + 1}: objects expected`}
                  type="number"
                  inputProps={{ min: 0 }}
                  value={row.expectedObjects}
                  onChange={event => set('expectedObjects', event.target.value)}
                  fullWidth
                  size="small"
                  variant="outlined"
                />
              </Grid>
              <Grid item xs={6} sm={3}>
                <TextField
                  id={`drill-namespace-${index}-restored`}
                  label={`Namespace ${index + 1}: objects restored`}
                  type="number"
                  inputProps={{ min: 0 }}
                  value={row.restoredObjects}
                  onChange={event => set('restoredObjects', event.target.value)}
                  fullWidth
                  size="small"
                  variant="outlined"
                />
              </Grid>
              <Grid item xs={12} sm={1}>
                <IconButton
                  aria-label={`Remove namespace ${index + 1}`}
                  onClick={() =>
                    onChange({
                      ...values,
                      namespaceInventory: namespaceInventory.filter(
                        (_, i) => i !== index,
                      ),
                    })
                  }
                >
                  <DeleteIcon />
                </IconButton>
              </Grid>
            </Grid>
          );
        })}
        {errors['evidence.namespaceInventory'] && (
          <FormHelperText error>
            {errors['evidence.namespaceInventory']}
          </FormHelperText>
        )}
        <Button
          startIcon={<AddIcon />}
          size="small"
          onClick={() =>
            onChange({
              ...values,
              namespaceInventory: [
                ...namespaceInventory,
                { namespace: '', expectedObjects: '', restoredObjects: '' },
              ],
            })
          }
        >
          Add namespace
        </Button>
      </Grid>
    </>
  );
}
