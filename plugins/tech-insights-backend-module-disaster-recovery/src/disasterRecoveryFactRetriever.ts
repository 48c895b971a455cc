import type { AuthService } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type {
  FactRetriever,
  TechInsightFact,
} from '@backstage-community/plugin-tech-insights-node';
import {
  DR_ANNOTATIONS,
  hasDisasterRecoveryMapping,
} from '@dr-posture/plugin-disaster-recovery-common';

/** Id under which `techInsights.factRetrievers` configures this retriever. */
export const DISASTER_RECOVERY_FACT_RETRIEVER_ID =
  'disasterRecoveryFactRetriever';

/**
 * Publishes disaster-recovery facts for every catalog entity the suite can
 * assess; entities it cannot assess get no facts rather than false ones.
 */
export function createDisasterRecoveryFactRetriever(options: {
  catalog: CatalogService;
  auth: AuthService;
}): FactRetriever {
  const { catalog, auth } = options;
  return {
    id: DISASTER_RECOVERY_FACT_RETRIEVER_ID,
    version: '0.1.0',
    title: 'Disaster recovery',
    description:
      'Disaster-recovery posture of entities with a DR tier or a Kubernetes mapping',
    schema: {
      tierDeclared: {
        type: 'boolean',
        description: `The entity declares its DR tier with the ${DR_ANNOTATIONS.tier} annotation`,
      },
      tier: {
        type: 'string',
        description: 'The declared DR tier id; absent when none is declared',
      },
    },
    async handler() {
      const credentials = await auth.getOwnServiceCredentials();
      const facts: TechInsightFact[] = [];
      for await (const page of catalog.streamEntities(
        {
          fields: [
            'kind',
            'metadata.name',
            'metadata.namespace',
            'metadata.annotations',
          ],
        },
        { credentials },
      )) {
        for (const entity of page) {
          if (!hasDisasterRecoveryMapping(entity)) {
            continue;
          }
          const tier =
            entity.metadata.annotations?.[DR_ANNOTATIONS.tier]?.trim();
          facts.push({
            entity: {
              kind: entity.kind,
              namespace: entity.metadata.namespace ?? 'default',
              name: entity.metadata.name,
            },
            facts: tier
              ? { tierDeclared: true, tier }
              : { tierDeclared: false },
          });
        }
      }
      return facts;
    },
  };
}
