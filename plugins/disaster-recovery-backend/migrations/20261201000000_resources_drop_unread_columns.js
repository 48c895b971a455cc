// @ts-check

/**
 * Collected objects keep their identity, their record (which the posture
 * rules read) and the object as served; the per-field columns copied out of
 * the record were written on every upsert but never read by any query.
 */

const DROPPED = [
  'phase',
  'schedule_name',
  'source_name',
  'storage_location',
  'created_at',
  'started_at',
  'completed_at',
  'expires_at',
  'errors',
  'warnings',
  'included_namespaces',
  'excluded_namespaces',
  'label_selector',
];

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('resources', table => {
    table.dropIndex(['kind', 'completed_at'], 'resources_kind_completed_idx');
  });
  await knex.schema.alterTable('resources', table => {
    table.dropColumns(...DROPPED);
  });
};

/**
 * Brings the columns back empty: the record keeps every value, and the code
 * of the previous schema never read them either.
 *
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('resources', table => {
    table.string('phase', 64).nullable();
    table.string('schedule_name', 255).nullable();
    table.string('source_name', 255).nullable();
    table.string('storage_location', 255).nullable();
    table.datetime('created_at', { useTz: true }).nullable();
    table.datetime('started_at', { useTz: true }).nullable();
    table.datetime('completed_at', { useTz: true }).nullable();
    table.datetime('expires_at', { useTz: true }).nullable();
    table.integer('errors').notNullable().defaultTo(0);
    table.integer('warnings').notNullable().defaultTo(0);
    table.text('included_namespaces').nullable();
    table.text('excluded_namespaces').nullable();
    table.text('label_selector').nullable();
    table.index(['kind', 'completed_at'], 'resources_kind_completed_idx');
  });
};
