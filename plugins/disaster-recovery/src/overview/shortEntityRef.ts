import { parseEntityRef } from '@backstage/catalog-model';

/**
 * An entity ref as the overview shows it: the kind left out (the column
 * says it) and the default namespace too.
 */
export function shortEntityRef(ref?: string): string {
  if (!ref) return '—';
  const { namespace, name } = parseEntityRef(ref);
  return namespace === 'default' ? name : `${namespace}/${name}`;
}
