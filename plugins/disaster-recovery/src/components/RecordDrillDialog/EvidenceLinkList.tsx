import Grid from '@material-ui/core/Grid';
import IconButton from '@material-ui/core/IconButton';
import DeleteIcon from '@material-ui/icons/Delete';
import type { EvidenceLinkValues } from '../../drills';
import {
  DrillTextField,
  PLAIN_FIELD,
  type DrillFieldState,
} from './DrillTextField';
import { ListSection, replaced } from './ListSection';

const FIELD = 'evidence.links';

const LINK_TYPES: Record<EvidenceLinkValues['type'], string> = {
  'runbook-change': 'Runbook change',
  logs: 'Logs or recording',
  ticket: 'Ticket',
  other: 'Other',
};

/** Links to evidence kept elsewhere: the runbook change, logs, the ticket. */
export function EvidenceLinkList(props: {
  state: DrillFieldState;
  links: EvidenceLinkValues[];
  onChange: (links: EvidenceLinkValues[]) => void;
}) {
  const { state, links, onChange } = props;
  return (
    <ListSection
      field={FIELD}
      state={state}
      count={links.length}
      addLabel="Add link"
      onAdd={() => onChange([...links, { type: 'logs', url: '', title: '' }])}
      hint="The runbook change the drill led to, its logs or recording, its ticket."
    >
      {links.map((link, index) => {
        const label = `Link ${index + 1}`;
        const set = (next: Partial<EvidenceLinkValues>) =>
          onChange(replaced(links, index, { ...link, ...next }));
        return (
          <Grid container spacing={1} alignItems="flex-start" key={index}>
            <Grid item xs={12} sm={3}>
              <DrillTextField
                field={FIELD}
                id={`drill-link-${index}-type`}
                label={`${label}: kind`}
                state={PLAIN_FIELD}
                value={link.type}
                onChange={type =>
                  set({ type: type as EvidenceLinkValues['type'] })
                }
                select={Object.entries(LINK_TYPES).map(([value, name]) => (
                  <option key={value} value={value}>
                    {name}
                  </option>
                ))}
              />
            </Grid>
            <Grid item xs={12} sm={5}>
              <DrillTextField
                field={FIELD}
                id={`drill-link-${index}-url`}
                label={`${label}: URL`}
                type="url"
                state={PLAIN_FIELD}
                value={link.url}
                onChange={url => set({ url })}
              />
            </Grid>
            <Grid item xs={10} sm={3}>
              <DrillTextField
                field={FIELD}
                id={`drill-link-${index}-title`}
                label={`${label}: title`}
                state={PLAIN_FIELD}
                value={link.title}
                onChange={title => set({ title })}
              />
            </Grid>
            <Grid item xs={2} sm={1}>
              <IconButton
                aria-label={`Remove link ${index + 1}`}
                onClick={() => onChange(links.filter((_, i) => i !== index))}
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
