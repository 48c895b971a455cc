import { ServiceUnavailableError } from '@backstage/errors';
import type {
  ClusterCollectionHealthResponse,
  HealthResponse,
} from '@dr-posture/plugin-disaster-recovery-common';
import express from 'express';
import Router from 'express-promise-router';
import type { Knex } from 'knex';
import type { ResourceStore } from '../database/ResourceStore';
import type { RouteContext } from './routes/context';
import { entityRoutes } from './routes/entityRoutes';
import { overviewRoutes } from './routes/overviewRoutes';
import { postureListRoutes } from './routes/postureListRoutes';
import { systemRoutes } from './routes/systemRoutes';

export interface RouterOptions extends RouteContext {
  database: Knex;
  resources: ResourceStore;
  sourceIds: string[];
  /** Names of the clusters in config, collected or not yet. */
  clusterNames: string[];
}

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { database, resources, sourceIds, clusterNames } = options;
  const router = Router();
  router.use(express.json());

  router.get('/health', async (_req, res) => {
    try {
      await database.raw('select 1');
    } catch (error) {
      throw new ServiceUnavailableError(
        'The plugin database is unreachable',
        error,
      );
    }
    const body: HealthResponse = { status: 'ok', sources: sourceIds };
    res.json(body);
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
    const body: ClusterCollectionHealthResponse = {
      items: names.map(name => ({
        ...(stored.get(name) ?? { name }),
        configured: configured.has(name),
      })),
    };
    res.json(body);
  });

  router.use(entityRoutes(options));
  router.use(overviewRoutes(options));
  router.use(postureListRoutes(options));
  router.use(systemRoutes(options));

  return router;
}
