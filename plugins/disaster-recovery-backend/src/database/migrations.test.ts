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

  it.each(databases.eachSupportedId())(
    '20261202000000_backup_history_index, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      for (let i = 0; i < 4; i++) await migrateUpOnce(knex);
      const seenAt = new Date('2026-11-01T10:00:00.000Z');
      await knex('resources').insert({
        cluster: 'prod',
        uid: 'uid-1',
        kind: 'velero.io/Backup',
        name: 'hourly-20261101',
        record: '{}',
        raw: '{}',
        first_seen_at: seenAt,
        last_seen_at: seenAt,
      });

      await migrateUpOnce(knex);
      const [before] = await knex('resources').where({ uid: 'uid-1' });
      // Filled by the backend at start-up, not by the migration.
      expect(before).toMatchObject({
        history_group: null,
        history_at: null,
        history_phase: null,
      });
      // Epoch ms beyond 32 bits, as a bigint must hold them.
      await knex('resources')
        .update({
          history_group: 'g'.repeat(64),
          history_at: 4_102_444_800_123,
          history_phase: 'Completed',
        })
        .where({ uid: 'uid-1' });
      const [after] = await knex('resources').where({ uid: 'uid-1' });
      expect(Number(after.history_at)).toBe(4_102_444_800_123);
      await knex('backup_groups').insert({
        group_key: 'g'.repeat(64),
        cluster: 'prod',
        scope: '{}',
      });
      const duplicate = await knex('backup_groups')
        .insert({ group_key: 'g'.repeat(64), cluster: 'other', scope: '{}' })
        .then(
          () => 'stored',
          () => 'refused',
        );
      expect(duplicate).toBe('refused');
      expect(Object.keys(await knex('entity_postures').columnInfo())).toContain(
        'backup_groups',
      );

      await migrateDownOnce(knex);
      expect(await knex.schema.hasTable('backup_groups')).toBe(false);
      expect(Object.keys(await knex('resources').columnInfo())).not.toContain(
        'history_group',
      );
      expect(
        Object.keys(await knex('entity_postures').columnInfo()),
      ).not.toContain('backup_groups');
      const [kept] = await knex('resources').where({ uid: 'uid-1' });
      expect(kept.name).toBe('hourly-20261101');
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    '20261202010000_collection_error_detail, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      for (let i = 0; i < 5; i++) await migrateUpOnce(knex);
      const raw =
        'HTTP-Code: 503\nBody: {"kind":"Status"}\nHeaders: {"x-internal":"https://10.0.0.1:6443"}';
      await knex('clusters').insert([
        { name: 'failing', last_error: raw },
        { name: 'healthy' },
      ]);
      await knex('collection_runs').insert({
        cluster: 'failing',
        started_at: new Date(),
        status: 'failed',
        error: raw,
      });

      await migrateUpOnce(knex);
      // Errors stored before were raw detail: never shown as a reason.
      expect(
        await knex('clusters')
          .select('name', 'last_error', 'last_error_detail')
          .orderBy('name'),
      ).toEqual([
        {
          name: 'failing',
          last_error: 'collection failed (the detail is in collection health)',
          last_error_detail: raw,
        },
        { name: 'healthy', last_error: null, last_error_detail: null },
      ]);
      const [run] = await knex('collection_runs').select(
        'error',
        'error_detail',
      );
      expect(run).toEqual({
        error: 'collection failed (the detail is in collection health)',
        error_detail: raw,
      });

      await migrateDownOnce(knex);
      const [restored] = await knex('clusters').where({ name: 'failing' });
      expect(restored.last_error).toBe(raw);
      expect(restored.last_error_detail).toBeUndefined();
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    '20261202020000_plugin_secrets, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      for (let i = 0; i < 7; i++) await migrateUpOnce(knex);
      await knex('plugin_secrets').insert({ name: 'cursor-key', value: 'a' });
      const duplicate = await knex('plugin_secrets')
        .insert({ name: 'cursor-key', value: 'b' })
        .then(
          () => 'stored',
          () => 'refused',
        );
      expect(duplicate).toBe('refused');
      const [row] = await knex('plugin_secrets');
      expect(row).toMatchObject({ name: 'cursor-key', value: 'a' });
      expect(row.created_at).toBeTruthy();

      await migrateDownOnce(knex);
      expect(await knex.schema.hasTable('plugin_secrets')).toBe(false);
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    '20261203000000_clusters_drop_stale_since, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory: migrationsDirectory });
      const lastSuccessAt = new Date('2026-11-21T10:00:00.000Z');
      await knex('clusters').insert({
        name: 'prod',
        last_success_at: lastSuccessAt,
      });
      expect(Object.keys(await knex('clusters').columnInfo())).not.toContain(
        'stale_since',
      );

      await knex.migrate.down({
        directory: migrationsDirectory,
        name: '20261203000000_clusters_drop_stale_since.js',
      });
      const [restored] = await knex('clusters').where({ name: 'prod' });
      expect(restored.stale_since).toBeNull();
      expect(new Date(restored.last_success_at).toISOString()).toBe(
        lastSuccessAt.toISOString(),
      );
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    '20261210000000_drill_corrections, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const name = '20261210000000_drill_corrections.js';
      await knex.migrate.latest({ directory: migrationsDirectory });
      await knex.migrate.down({ directory: migrationsDirectory, name });
      const endedAt = new Date('2026-11-20T10:40:00.123Z');
      await knex('drills').insert({
        id: 'd1',
        kind: 'dr-drill',
        started_at: new Date('2026-11-20T10:00:00.000Z'),
        ended_at: endedAt,
        outcome: 'succeeded',
        effective_outcome: 'succeeded',
        record: '{}',
        recorded_by: 'user:default/ana',
        recorded_at: endedAt,
      });

      await knex.migrate.up({ directory: migrationsDirectory, name });
      const [row] = await knex('drills').where({ id: 'd1' });
      // Filled from what was stored: MySQL's DATETIME keeps whole seconds.
      expect(Math.floor(Number(row.ended_at_ms) / 1000)).toBe(
        Math.floor(endedAt.getTime() / 1000),
      );
      expect(row).toMatchObject({
        state: 'active',
        corrected_at: null,
        corrected_by: null,
        void_reason: null,
        superseded_by: null,
        supersedes: null,
      });
      await knex('drills')
        .where({ id: 'd1' })
        .update({
          state: 'voided',
          corrected_at: endedAt,
          corrected_by: 'user:default/ben',
          void_reason: 'x'.repeat(5000),
          // Epoch ms beyond 32 bits, as a bigint must hold them.
          ended_at_ms: 4_102_444_800_123,
        });
      const [voided] = await knex('drills').where({ id: 'd1' });
      expect(Number(voided.ended_at_ms)).toBe(4_102_444_800_123);
      expect(voided.void_reason).toHaveLength(5000);

      await knex.migrate.down({ directory: migrationsDirectory, name });
      const columns = Object.keys(await knex('drills').columnInfo());
      expect(columns).not.toContain('state');
      expect(columns).not.toContain('ended_at_ms');
      expect(await knex('drills').where({ id: 'd1' })).toHaveLength(1);
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    '20261211000000_backup_history_phase_index, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const name = '20261211000000_backup_history_phase_index.js';
      const indexes = async () => {
        const client = String(knex.client.config.client);
        if (client.includes('pg')) {
          return (await knex('pg_indexes')
            .where({ tablename: 'resources' })
            .pluck('indexname')) as string[];
        }
        if (client.includes('mysql')) {
          const [rows] = await knex.raw('show index from resources');
          return (rows as Array<{ Key_name: string }>).map(r => r.Key_name);
        }
        const rows = await knex.raw(`pragma index_list('resources')`);
        return (rows as Array<{ name: string }>).map(r => r.name);
      };
      await knex.migrate.latest({ directory: migrationsDirectory });
      expect(await indexes()).toContain('resources_history_phase_idx');

      await knex.migrate.down({ directory: migrationsDirectory, name });
      expect(await indexes()).not.toContain('resources_history_phase_idx');
      expect(await indexes()).toContain('resources_history_idx');
      await knex.destroy();
    },
  );
});
