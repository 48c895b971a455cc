import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { FactRetrieverContext } from '@backstage-community/plugin-tech-insights-node';
import { createDisasterRecoveryFactRetriever } from './disasterRecoveryFactRetriever';

function component(name: string, annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
  };
}

async function retrieveFacts(entities: Entity[]) {
  const retriever = createDisasterRecoveryFactRetriever({
    catalog: catalogServiceMock({ entities }),
    auth: mockServices.auth(),
  });
  return {
    retriever,
    facts: await retriever.handler({} as FactRetrieverContext),
  };
}

describe('createDisasterRecoveryFactRetriever', () => {
  it('emits tier facts for entities the suite can assess and none for others', async () => {
    const { facts } = await retrieveFacts([
      component('payments', { 'disaster-recovery/tier': '1' }),
      component('search', { 'backstage.io/kubernetes-id': 'search' }),
      component('docs-site', { 'backstage.io/techdocs-ref': 'dir:.' }),
    ]);

    expect(facts).toEqual([
      {
        entity: { kind: 'Component', namespace: 'default', name: 'payments' },
        facts: { tierDeclared: true, tier: '1' },
      },
      {
        entity: { kind: 'Component', namespace: 'default', name: 'search' },
        facts: { tierDeclared: false },
      },
    ]);
  });

  it('emits only facts its schema declares, with the declared types', async () => {
    const { retriever, facts } = await retrieveFacts([
      component('payments', { 'disaster-recovery/tier': '2' }),
      component('search', { 'backstage.io/kubernetes-id': 'search' }),
    ]);

    for (const fact of facts) {
      for (const [name, value] of Object.entries(fact.facts)) {
        expect(retriever.schema).toHaveProperty(name);
        expect(typeof value).toBe(retriever.schema[name].type);
      }
    }
  });
});
