// @ts-check

/**
 * Where each cluster's watches stand, so that whichever replica runs the
 * cluster's next collection resumes them instead of listing again.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('clusters', table => {
    table
      .text('watch_versions')
      .nullable()
      .comment(
        'JSON: resourceVersion per kind id up to which the store holds every change',
      );
    table
      .timestamp('watch_listed_at', { useTz: true })
      .nullable()
      .comment('When the listing those watches started from began');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('clusters', table => {
    table.dropColumn('watch_versions');
    table.dropColumn('watch_listed_at');
  });
};
