import type { LoggerService } from '@backstage/backend-plugin-api';
import { ServiceUnavailableError, toError } from '@backstage/errors';
import { Router, type RequestHandler } from 'express';
import type { Knex } from 'knex';
import type { ResourceStore } from '../database/ResourceStore';
import { createOpenApiRouter } from '../schema/openapi/generated';
import { clusterRoutes } from './routes/clusterRoutes';
import type { ApiRouter, RouteContext } from './routes/context';
import { entityRoutes } from './routes/entityRoutes';
import { historyRoutes } from './routes/historyRoutes';
import { overviewRoutes } from './routes/overviewRoutes';
import { postureListRoutes } from './routes/postureListRoutes';
import { answerSafely } from './routes/safeErrors';
import { systemRoutes } from './routes/systemRoutes';
import { nameInvalidFields } from './routes/validationErrors';

export interface RouterOptions extends RouteContext {
  database: Knex;
  resources: ResourceStore;
  sourceIds: string[];
  /** Names of the clusters in config, collected or not yet. */
  clusterNames: string[];
  logger: LoggerService;
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

/** Answers of an authenticated API must not be kept by browsers or proxies. */
const noStore: RequestHandler = (_req, res, next) => {
  res.setHeader('Cache-Control', 'no-store');
  next();
};

export async function createRouter(options: RouterOptions): Promise<Router> {
  const { database, sourceIds } = options;
  const api = await createApiRouter();

  api.get('/health', async (_req, res) => {
    try {
      await database.raw('select 1');
    } catch (error) {
      // The cause (host, driver text) is the log's, never the answer's.
      options.logger.error(
        'The plugin database is unreachable',
        toError(error),
      );
      throw new ServiceUnavailableError('The plugin database is unreachable');
    }
    res.json({ status: 'ok', sources: sourceIds });
  });

  clusterRoutes(api, options);
  entityRoutes(api, options);
  historyRoutes(api, options);
  overviewRoutes(api, options);
  postureListRoutes(api, options);
  systemRoutes(api, options);
  api.use(nameInvalidFields);
  api.use(answerSafely(options.logger));

  const router = Router();
  router.use(noStore);
  router.use(api);
  return router;
}
