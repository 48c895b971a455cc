// @ts-check

/** @param {import('knex').Knex} knex */
const isPostgres = knex =>
  /^(pg|postgres)/.test(String(knex.client.config.client));

/**
 * Backup history pages read each group's newest backups along an index. A
 * filter by phase ("failures only") reads them along one that starts with
 * the phase, instead of skipping the completed ones: with one failure in
 * thirty backups a page of failures read thirty times the rows it showed.
 * On PostgreSQL both indexes also hold the rest of the page order (name,
 * cluster, uid), so a page's order is found in the index alone.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  if (isPostgres(knex)) {
    await knex.schema.alterTable('resources', table => {
      table.dropIndex(['history_group', 'history_at'], 'resources_history_idx');
    });
    await knex.raw(
      'create index resources_history_idx on resources (history_group, history_at) include (name, cluster, uid)',
    );
    await knex.raw(
      'create index resources_history_phase_idx on resources (history_group, history_phase, history_at) include (name, cluster, uid)',
    );
    return;
  }
  await knex.schema.alterTable('resources', table => {
    table.index(
      ['history_group', 'history_phase', 'history_at'],
      'resources_history_phase_idx',
    );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('resources', table => {
    table.dropIndex(
      ['history_group', 'history_phase', 'history_at'],
      'resources_history_phase_idx',
    );
  });
  if (isPostgres(knex)) {
    await knex.schema.alterTable('resources', table => {
      table.dropIndex(['history_group', 'history_at'], 'resources_history_idx');
    });
    await knex.schema.alterTable('resources', table => {
      table.index(['history_group', 'history_at'], 'resources_history_idx');
    });
  }
};
