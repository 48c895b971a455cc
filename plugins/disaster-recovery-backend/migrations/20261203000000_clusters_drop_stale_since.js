// @ts-check

/**
 * Staleness is judged from the age of a cluster's last successful run when
 * read, whatever the latest run did, so a run killed with its process goes
 * stale too. The column set only when a run failed cleanly is no longer read.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('clusters', table => {
    table.dropColumn('stale_since');
  });
};

/**
 * Brings the column back empty: staleness is worked out from
 * `last_success_at`, which the previous schema also kept.
 *
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('clusters', table => {
    table
      .timestamp('stale_since', { useTz: true })
      .nullable()
      .comment('Set when a collection fails; data older than this is stale');
  });
};
