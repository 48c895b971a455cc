import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';
import { useRef, useState, type ReactNode } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useDebounce from 'react-use/esm/useDebounce';

const SUGGESTIONS = 20;

/**
 * Entities of `kinds` whose name or title holds what was typed, from the
 * catalog as the signed-in user may read it; the titles of every entity
 * seen are remembered for the chosen ones.
 */
function useCatalogSuggestions(kinds: string[], typed: string) {
  const catalogApi = useApi(catalogApiRef);
  const [term, setTerm] = useState(typed);
  useDebounce(() => setTerm(typed.trim()), 250, [typed]);
  const titles = useRef(new Map<string, string>());
  const kindKey = kinds.join(',');
  const { value, loading } = useAsync(async () => {
    const { items } = await catalogApi.queryEntities({
      filter: { kind: kindKey.split(',') },
      fullTextFilter: term
        ? { term, fields: ['metadata.name', 'metadata.title'] }
        : undefined,
      orderFields: { field: 'metadata.name', order: 'asc' },
      limit: SUGGESTIONS,
      fields: ['kind', 'metadata.name', 'metadata.namespace', 'metadata.title'],
    });
    return items.map((entity: Entity) => {
      const ref = stringifyEntityRef(entity);
      titles.current.set(ref, entity.metadata.title ?? entity.metadata.name);
      return ref;
    });
  }, [catalogApi, kindKey, term]);
  const label = (ref: string) => {
    const title = titles.current.get(ref);
    return title ? `${title} (${ref})` : ref;
  };
  return { options: value ?? [], loading, label };
}

interface PickerProps {
  id: string;
  label: string;
  /** Entity kinds to offer: `['User', 'Group']`. */
  kinds: string[];
  error?: string;
  helperText?: ReactNode;
}

function input(props: PickerProps) {
  return (params: object) => (
    <TextField
      {...params}
      id={props.id}
      label={props.label}
      error={Boolean(props.error)}
      helperText={props.helperText}
      variant="outlined"
      size="small"
    />
  );
}

/** Searches for what the user typed, not for the label of what they chose. */
function searchAs(setTyped: (text: string) => void) {
  return (_: unknown, text: string, reason: string) =>
    setTyped(reason === 'input' ? text : '');
}

/** One entity chosen from the catalog, as an entity ref; empty for none. */
export function EntityRefPicker(
  props: PickerProps & { value: string; onChange: (ref: string) => void },
) {
  const [typed, setTyped] = useState('');
  const { options, loading, label } = useCatalogSuggestions(props.kinds, typed);
  return (
    <Autocomplete<string>
      id={`${props.id}-autocomplete`}
      // The chosen one among the options, or Autocomplete cannot match it.
      options={
        props.value
          ? [props.value, ...options.filter(ref => ref !== props.value)]
          : options
      }
      value={props.value || null}
      onChange={(_, ref) => props.onChange(ref ?? '')}
      onInputChange={searchAs(setTyped)}
      getOptionLabel={label}
      filterOptions={all => all}
      loading={loading}
      renderInput={input(props)}
    />
  );
}

/** Entities chosen from the catalog, as entity refs, at most `max`. */
export function EntityRefsPicker(
  props: PickerProps & {
    value: string[];
    onChange: (refs: string[]) => void;
    max: number;
    /** Refs never offered, such as the entity of the page. */
    exclude: string[];
  },
) {
  const [typed, setTyped] = useState('');
  const { options, loading, label } = useCatalogSuggestions(props.kinds, typed);
  const full = props.value.length >= props.max;
  return (
    <Autocomplete<string, true>
      id={`${props.id}-autocomplete`}
      multiple
      options={options.filter(ref => !props.exclude.includes(ref))}
      value={props.value}
      onChange={(_, refs) => props.onChange(refs)}
      onInputChange={searchAs(setTyped)}
      getOptionLabel={label}
      getOptionDisabled={ref => full && !props.value.includes(ref)}
      filterOptions={all => all}
      filterSelectedOptions
      loading={loading}
      renderInput={input(props)}
    />
  );
}
