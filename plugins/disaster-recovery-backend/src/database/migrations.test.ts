import { TestDatabases } from '@backstage/backend-test-utils';
import type { Knex } from 'knex';
import { migrationsDirectory } from './migrations';

jest.setTimeout(60_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15', 'MYSQL_8'],
});

async function migrateUpOnce(knex: Knex) {
  await knex.migrate.up({ directory: migrationsDirectory });
}

async function migrateDownOnce(knex: Knex) {
  await knex.migrate.down({ directory: migrationsDirectory });
}

describe('migrations', () => {
  it.each(databases.eachSupportedId())(
    '20261121000000_clusters, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);

      await migrateUpOnce(knex);

      await knex('clusters').insert({
        name: 'prod-eu-active',
        last_error: 'connect ECONNREFUSED',
      });
      const [row] = await knex('clusters').where({ name: 'prod-eu-active' });
      expect(row).toMatchObject({
        name: 'prod-eu-active',
        last_error: 'connect ECONNREFUSED',
        last_success_at: null,
        stale_since: null,
      });
      expect(row.first_seen_at).toBeTruthy();
      const duplicate = await knex('clusters')
        .insert({ name: 'prod-eu-active' })
        .then(
          () => 'stored',
          () => 'refused',
        );
      expect(duplicate).toBe('refused');
      const [{ n }] = await knex('clusters').count({ n: '*' });
      expect(Number(n)).toBe(1);

      await migrateDownOnce(knex);
      expect(await knex.schema.hasTable('clusters')).toBe(false);

      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    '20261121010000_resources, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await migrateUpOnce(knex);
      await migrateUpOnce(knex);

      const seenAt = new Date('2026-11-01T10:00:00.000Z');
      await knex('resources').insert({
        cluster: 'prod',
        uid: 'uid-1',
        kind: 'velero.io/Backup',
        name: 'hourly-20261101',
        record: '{}',
        raw: JSON.stringify({ big: 'x'.repeat(100_000) }),
        first_seen_at: seenAt,
        last_seen_at: seenAt,
        // Beyond 2038, which a MySQL TIMESTAMP column could not hold.
        expires_at: new Date('2099-01-01T00:00:00.000Z'),
      });
      const [row] = await knex('resources').where({ uid: 'uid-1' });
      expect(row).toMatchObject({ namespace: '', errors: 0, deleted_at: null });
      expect(JSON.parse(row.raw).big).toHaveLength(100_000);
      expect(new Date(row.expires_at).toISOString()).toBe(
        '2099-01-01T00:00:00.000Z',
      );
      await knex('collection_runs').insert({
        cluster: 'prod',
        started_at: seenAt,
        status: 'running',
      });
      const [run] = await knex('collection_runs').select();
      expect(run).toMatchObject({ id: 1, objects_seen: 0, finished_at: null });

      await migrateDownOnce(knex);
      expect(await knex.schema.hasTable('resources')).toBe(false);
      expect(await knex.schema.hasTable('collection_runs')).toBe(false);
      expect(await knex.schema.hasTable('clusters')).toBe(true);

      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    '20261121020000_drills_and_postures, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      for (let i = 0; i < 3; i++) await migrateUpOnce(knex);

      const at = new Date('2026-11-20T10:00:00.000Z');
      await knex('drills').insert({
        id: '8d0c5b1e-0000-4000-8000-000000000001',
        kind: 'restore-test',
        started_at: at,
        ended_at: at,
        outcome: 'succeeded',
        effective_outcome: 'failed',
        record: '{}',
        recorded_by: 'user:default/ada',
        recorded_at: at,
      });
      await knex('drill_entities').insert({
        drill_id: '8d0c5b1e-0000-4000-8000-000000000001',
        entity_ref: 'component:default/payments-api',
      });
      await knex('entity_postures').insert({
        entity_ref: 'component:default/payments-api',
        name: 'payments-api',
        status: 'fail',
        status_rank: 0,
        summary: '{}',
        detail: '{}',
        depends_on: '[]',
        evaluated_at: at,
      });
      expect(
        await knex('drill_entities').where({
          entity_ref: 'component:default/payments-api',
        }),
      ).toHaveLength(1);

      await migrateDownOnce(knex);
      for (const table of ['drills', 'drill_entities', 'entity_postures']) {
        expect(await knex.schema.hasTable(table)).toBe(false);
      }
      expect(await knex.schema.hasTable('resources')).toBe(true);
      await knex.destroy();
    },
  );
  it.each(databases.eachSupportedId())(
    '20261201000000_resources_drop_unread_columns, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      for (let i = 0; i < 3; i++) await migrateUpOnce(knex);
      const seenAt = new Date('2026-11-01T10:00:00.000Z');
      const record = JSON.stringify({ phase: 'Completed', errors: 2 });
      await knex('resources').insert({
        cluster: 'prod',
        uid: 'uid-1',
        kind: 'velero.io/Backup',
        name: 'hourly-20261101',
        phase: 'Completed',
        errors: 2,
        record,
        raw: '{"kind":"Backup"}',
        first_seen_at: seenAt,
        last_seen_at: seenAt,
      });

      await migrateUpOnce(knex);
      const columns = Object.keys(await knex('resources').columnInfo()).sort();
      expect(columns).toEqual(
        [
          'cluster',
          'uid',
          'kind',
          'namespace',
          'name',
          'resource_version',
          'record',
          'raw',
          'first_seen_at',
          'last_seen_at',
          'deleted_at',
        ].sort(),
      );
      const [kept] = await knex('resources').where({ uid: 'uid-1' });
      expect(kept).toMatchObject({ record, raw: '{"kind":"Backup"}' });

      await migrateDownOnce(knex);
      const [restored] = await knex('resources').where({ uid: 'uid-1' });
      expect(restored).toMatchObject({
        record,
        phase: null,
        errors: 0,
        completed_at: null,
      });
      await knex.destroy();
    },
  );
});
