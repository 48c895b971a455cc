import type {
  FactRetriever,
  TechInsightFact,
} from '@backstage-community/plugin-tech-insights-node';
import {
  DISASTER_RECOVERY_FACT_SCHEMA,
  disasterRecoveryFactsOf,
} from './disasterRecoveryFacts';
import { readPostures } from './readPostures';

/**
 * Id under which `techInsights.factRetrievers` configures this retriever and
 * checks name it in `factIds`.
 *
 * @public
 */
export const DISASTER_RECOVERY_FACT_RETRIEVER_ID =
  'disasterRecoveryFactRetriever';

/**
 * Publishes disaster-recovery facts for every entity the disaster-recovery
 * backend has evaluated and knows something about (a tier annotation, or
 * collected or recorded state); others get no facts rather than false ones.
 *
 * @public
 */
export const disasterRecoveryFactRetriever: FactRetriever = {
  id: DISASTER_RECOVERY_FACT_RETRIEVER_ID,
  // Bump on any change to the schema or to what the handler emits.
  version: '2.1.0',
  title: 'Disaster recovery',
  description:
    'Disaster-recovery posture (tier, objectives, backups, drills) of entities with DR data or a tier annotation, as the disaster-recovery backend evaluates it',
  schema: DISASTER_RECOVERY_FACT_SCHEMA,
  async handler({ discovery, auth }) {
    const facts: TechInsightFact[] = [];
    for await (const detail of readPostures({ discovery, auth })) {
      const values = disasterRecoveryFactsOf(detail);
      if (values) {
        const { kind, namespace, name } = detail.summary;
        facts.push({ entity: { kind, namespace, name }, facts: values });
      }
    }
    return facts;
  },
};
