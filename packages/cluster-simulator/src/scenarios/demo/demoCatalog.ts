import fs from 'node:fs';
import path from 'node:path';
import {
  parseEntityRef,
  stringifyEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import { parseAllDocuments } from 'yaml';
import { findRepoRoot } from '../../fixtures/fixturesDir.ts';

/**
 * The demo catalog (`examples/entities.yaml`, and the groups and users of
 * `examples/org.yaml` who own services and run drills) as the catalog would
 * serve it, with the ownedBy, partOf and dependsOn relations it would add:
 * the entities the `demo` scenario's clusters and drills belong to, for
 * tests that stand up the demo estate without a catalog backend.
 */
export function demoCatalogEntities(): Entity[] {
  const root = findRepoRoot(process.cwd());
  if (!root) {
    throw new Error(
      `No repository root above ${process.cwd()}: the demo catalog is read from its examples folder`,
    );
  }
  const entities = ['entities.yaml', 'org.yaml'].flatMap(file =>
    parseAllDocuments(
      fs.readFileSync(path.join(root, 'examples', file), 'utf8'),
    )
      .map(doc => doc.toJS() as Entity | null)
      .filter((entity): entity is Entity => Boolean(entity)),
  );
  const target = (ref: string, defaultKind: string) =>
    stringifyEntityRef(
      parseEntityRef(ref, { defaultKind, defaultNamespace: 'default' }),
    );
  return entities.map(entity => {
    const spec = (entity.spec ?? {}) as Record<string, any>;
    const relations = [
      ...(spec.owner ? [['ownedBy', target(spec.owner, 'group')]] : []),
      ...(spec.system ? [['partOf', target(spec.system, 'system')]] : []),
      ...(spec.domain ? [['partOf', target(spec.domain, 'domain')]] : []),
      ...((spec.dependsOn ?? []) as string[]).map(ref => [
        'dependsOn',
        target(ref, 'component'),
      ]),
    ].map(([type, targetRef]) => ({ type, targetRef }));
    return {
      ...entity,
      metadata: { namespace: 'default', ...entity.metadata },
      relations,
    };
  });
}
