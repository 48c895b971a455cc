import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import { shortEntityRef } from './shortEntityRef';

/** A catalog entity offered in a filter: its ref and how people know it. */
export interface CatalogRefOption {
  ref: string;
  /** The display name or title, then the ref as the overview table shows it. */
  label: string;
}

function labelOf(entity: Entity, ref: string): string {
  const profile = (entity.spec?.profile ?? {}) as { displayName?: string };
  const name = profile.displayName ?? entity.metadata.title;
  const short = shortEntityRef(ref);
  return name && name !== short ? `${name} (${short})` : short;
}

/**
 * The entities of `kinds` in the catalog as the signed-in user may read it,
 * labelled as the overview table names them, so that typing either the
 * display name or the ref finds them.
 */
export function useCatalogRefOptions(kinds: string[]): CatalogRefOption[] {
  const catalogApi = useApi(catalogApiRef);
  const kindKey = kinds.join(',');
  const { value } = useAsync(async () => {
    const { items } = await catalogApi.getEntities({
      filter: { kind: kindKey.split(',') },
      fields: [
        'kind',
        'metadata.namespace',
        'metadata.name',
        'metadata.title',
        'spec.profile.displayName',
      ],
    });
    return items
      .map(entity => {
        const ref = stringifyEntityRef(entity);
        return { ref, label: labelOf(entity, ref) };
      })
      .sort((a, b) => a.label.localeCompare(b.label));
  }, [catalogApi, kindKey]);
  return value ?? [];
}
