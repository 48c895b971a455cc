import { TestDatabases } from '@backstage/backend-test-utils';
import type { EntityPostureResponse } from '@dr-posture/plugin-disaster-recovery-common';
import { DatabasePostureStore } from '../../database/DatabasePostureStore';
import { applyDatabaseMigrations } from '../../database/migrations';
import { observePostures } from './observePostures';
import { P, recordingMetrics } from '../../__testUtils__/recordingMetrics';
import { timeEvaluations } from './timeEvaluations';

jest.setTimeout(60_000);

const NOW = Date.parse('2026-12-01T12:00:00.000Z');

describe('posture metrics', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  it('reports each entity’s last clean backup age, RPO and status from the stored postures', async () => {
    const knex = await databases.init('SQLITE_3');
    await applyDatabaseMigrations(knex);
    const summary = (
      name: string,
      extra: Record<string, unknown>,
    ): { detail: EntityPostureResponse; dependsOn: string[] } => ({
      detail: {
        summary: {
          entityRef: `component:default/${name}`,
          kind: 'Component',
          namespace: 'default',
          name,
          status: 'fail',
          failingChecks: [],
          evaluatedAt: new Date(NOW).toISOString(),
          ...extra,
        },
        posture: {
          entityRef: `component:default/${name}`,
          status: 'fail',
          checks: [],
        },
      } as unknown as EntityPostureResponse,
      dependsOn: [],
    });
    await DatabasePostureStore.create(knex).replaceAll([
      summary('fresh', {
        tier: '1',
        status: 'pass',
        rpoMs: 900_000,
        lastCleanBackupAt: new Date(NOW - 600_000).toISOString(),
      }),
      summary('never', {
        tier: '2',
        rpoMs: 3_600_000,
        failingChecks: [
          { id: 'backup-freshness', status: 'fail', title: 'Backup freshness' },
        ],
      }),
      // A database alone: no Velero backup is expected of it.
      summary('database', { status: 'unknown' }),
    ]);
    const { metrics, collect } = recordingMetrics();
    observePostures(metrics, knex, () => NOW);

    expect(await collect(`${P}.entity.last_clean_backup.age`)).toEqual([
      [600, { entity_ref: 'component:default/fresh', tier: '1' }],
      [Infinity, { entity_ref: 'component:default/never', tier: '2' }],
    ]);
    expect(await collect(`${P}.entity.rpo`)).toEqual([
      [900, { entity_ref: 'component:default/fresh', tier: '1' }],
      [3600, { entity_ref: 'component:default/never', tier: '2' }],
    ]);
    const status = await collect(`${P}.entity.status`);
    expect(status.filter(([value]) => value === 1)).toEqual([
      [1, { entity_ref: 'component:default/fresh', tier: '1', status: 'pass' }],
      [1, { entity_ref: 'component:default/never', tier: '2', status: 'fail' }],
      [
        1,
        {
          entity_ref: 'component:default/database',
          tier: 'none',
          status: 'unknown',
        },
      ],
    ]);
    expect(status).toHaveLength(12);
    await knex.destroy();
  });

  it('times evaluations, failed ones too', async () => {
    const { metrics, points } = recordingMetrics();
    const evaluator = {
      evaluateAll: async () => 3,
      evaluateEntities: async () => {
        throw new Error('catalog down');
      },
    };
    timeEvaluations(evaluator, metrics, ['evaluateAll', 'evaluateEntities']);
    expect(await evaluator.evaluateAll()).toBe(3);
    await expect(evaluator.evaluateEntities()).rejects.toThrow('catalog down');
    expect(
      points
        .get(`${P}.evaluation.duration`)!
        .map(([value, attributes]) => [value >= 0, attributes]),
    ).toEqual([
      [true, { operation: 'evaluateAll' }],
      [true, { operation: 'evaluateEntities' }],
    ]);
  });
});
