import { ServiceUnavailableError } from '@backstage/errors';
import type { HealthResponse } from '@dr-posture/plugin-disaster-recovery-common';
import express from 'express';
import Router from 'express-promise-router';
import type { Knex } from 'knex';

export interface RouterOptions {
  database: Knex;
  sourceIds: string[];
}

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { database, sourceIds } = options;
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

  return router;
}
