import { ServiceUnavailableError } from '@backstage/errors';
import type express from 'express';
import type { Knex } from 'knex';
import type { ResourceStore } from '../database/ResourceStore';
import { createOpenApiRouter } from '../schema/openapi/generated';
import type { ApiRouter, RouteContext } from './routes/context';
import { entityRoutes } from './routes/entityRoutes';
import { overviewRoutes } from './routes/overviewRoutes';
import { postureListRoutes } from './routes/postureListRoutes';
import { systemRoutes } from './routes/systemRoutes';
import { nameInvalidFields } from './routes/validationErrors';

export interface RouterOptions extends RouteContext {
  database: Knex;
  resources: ResourceStore;
  sourceIds: string[];
  /** Names of the clusters in config, collected or not yet. */
  clusterNames: string[];
}

/**
 * A router for the API of src/schema/openapi.yaml: requests are validated
 * against the spec before a handler runs, and handlers are typed from it.
 */
export async function createApiRouter(): Promise<ApiRouter> {
  return createOpenApiRouter({
    validatorOptions: {
      // Every bad field in one 400, not only the first one (request bodies
      // are capped by express.json's 100 kB). The other two are Backstage's
      // defaults, restated because this object replaces them.
      validateRequests: {
        allErrors: true,
        coerceTypes: false,
        allowUnknownQueryParameters: false,
      },
      // Tokens are checked by the httpRouter's auth policies and httpAuth;
      // the spec's security only documents them.
      validateSecurity: false,
    },
  });
}

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { database, resources, sourceIds, clusterNames } = options;
  const router = await createApiRouter();

  router.get('/health', async (_req, res) => {
    try {
      await database.raw('select 1');
    } catch (error) {
      throw new ServiceUnavailableError(
        'The plugin database is unreachable',
        error,
      );
    }
    res.json({ status: 'ok', sources: sourceIds });
  });

  router.get('/clusters', async (_req, res) => {
    const stored = new Map(
      (await resources.listClusterHealth()).map(health => [
        health.name,
        health,
      ]),
    );
    const configured = new Set(clusterNames);
    const names = [...new Set([...clusterNames, ...stored.keys()])].sort();
    res.json({
      items: names.map(name => ({
        ...(stored.get(name) ?? { name }),
        configured: configured.has(name),
      })),
    });
  });

  entityRoutes(router, options);
  overviewRoutes(router, options);
  postureListRoutes(router, options);
  systemRoutes(router, options);
  router.use(nameInvalidFields);

  return router;
}
