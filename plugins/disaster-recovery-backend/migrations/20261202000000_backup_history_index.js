// @ts-check

/**
 * Backup history is paged in SQL instead of by reading every backup ever
 * stored: backups carry the columns the history filters and sorts on, and
 * the group that decides which entities they protect. Backups of one group
 * (one Velero backup scope, or one CloudNativePG cluster) protect the same
 * entities, so the evaluator judges each group once and stores the groups
 * that protect each entity.
 *
 * Existing backups get their columns from the backend at start-up (it
 * derives them from the stored record with the code that writes new rows).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('resources', table => {
    table
      .string('history_group', 64)
      .nullable()
      .comment(
        'Backups only: hash of what decides which entities the backup protects',
      );
    table
      .bigInteger('history_at')
      .nullable()
      .comment('Backups only: start (else creation) time, epoch milliseconds');
    const phase = table
      .string('history_phase', 64)
      .nullable()
      .comment('Backups only');
    // Velero says `Completed`, CloudNativePG `completed`: a filter on one
    // must not match the other, as MySQL's default collation would.
    if (String(knex.client.config.client).includes('mysql')) {
      phase.collate('utf8mb4_bin');
    }
    table.index(['history_group', 'history_at'], 'resources_history_idx');
  });
  await knex.schema.createTable('backup_groups', table => {
    table.comment(
      'Distinct Velero backup scopes, each judged once per evaluation for every entity',
    );
    table.string('group_key', 64).primary();
    table.string('cluster', 255).notNullable();
    table
      .text('scope')
      .notNullable()
      .comment('JSON: the backup fields that decide what it covers');
  });
  await knex.schema.alterTable('entity_postures', table => {
    table
      .text('backup_groups', 'longtext')
      .nullable()
      .comment('JSON array: the Velero backup groups protecting the entity');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('entity_postures', table => {
    table.dropColumn('backup_groups');
  });
  await knex.schema.dropTable('backup_groups');
  await knex.schema.alterTable('resources', table => {
    table.dropIndex(['history_group', 'history_at'], 'resources_history_idx');
  });
  await knex.schema.alterTable('resources', table => {
    table.dropColumns('history_group', 'history_at', 'history_phase');
  });
};
