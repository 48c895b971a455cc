import {
  stringifyEntityRef,
  type CompoundEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';

/** The user the test catalogs hide an entity from. */
export const MALLORY = 'user:default/mallory';

/** The user entity ref of request credentials, if a user's. */
export function userOf(credentials: unknown): string | undefined {
  return (credentials as { principal?: { userEntityRef?: string } })?.principal
    ?.userEntityRef;
}

const credentialsOf = (options: unknown) =>
  (options as { credentials?: unknown } | undefined)?.credentials;

/**
 * A catalog of `entities` where mallory may not read `hiddenRef` (refs
 * compared without regard to case, as the catalog does); `overrides`
 * replace methods, e.g. with one that fails.
 */
export function catalogHidingFromMallory(
  entities: Entity[],
  hiddenRef: string,
  overrides: Partial<CatalogService> = {},
) {
  const catalog = catalogServiceMock({ entities });
  const hidden = (options: unknown, ref: string) =>
    ref.toLocaleLowerCase('en-US') === hiddenRef &&
    userOf(credentialsOf(options)) === MALLORY;
  return catalogServiceMock.mock({
    getEntityByRef: async (ref: string | CompoundEntityRef, options) => {
      const refString = typeof ref === 'string' ? ref : stringifyEntityRef(ref);
      return hidden(options, refString)
        ? undefined
        : catalog.getEntityByRef(refString, options);
    },
    getEntitiesByRefs: async (req, options) => {
      const result = await catalog.getEntitiesByRefs(req, options);
      return {
        items: result.items.map((item, i) =>
          hidden(options, req.entityRefs[i]) ? undefined : item,
        ),
      };
    },
    streamEntities: (req, options) => catalog.streamEntities(req, options),
    ...overrides,
  });
}
