// @ts-check

/**
 * The clusters the collector reads and the state of their last collection.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('clusters', table => {
    table.comment(
      'Kubernetes clusters the collector reads, with the outcome of their last collection',
    );
    table.string('name', 255).primary().comment('Cluster name from config');
    table
      .timestamp('first_seen_at', { useTz: true })
      .notNullable()
      .defaultTo(knex.fn.now());
    table.timestamp('last_run_started_at', { useTz: true }).nullable();
    table.timestamp('last_success_at', { useTz: true }).nullable();
    table
      .timestamp('stale_since', { useTz: true })
      .nullable()
      .comment('Set when a collection fails; data older than this is stale');
    table.text('last_error').nullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('clusters');
};
