// @ts-check

/**
 * A failed collection keeps two texts: a short classified reason that any
 * signed-in user may read ("the API server answered 503
 * ServiceUnavailable"), and the detail (internal URLs, upstream bodies) for
 * those allowed to read collection health. Errors stored before were raw
 * detail, so they move to the detail column.
 */

const EARLIER_REASON = 'collection failed (the detail is in collection health)';

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('clusters', table => {
    table.text('last_error_detail').nullable().comment('For admins only');
  });
  await knex.schema.alterTable('collection_runs', table => {
    table.text('error_detail').nullable().comment('For admins only');
  });
  for (const [name, reason, detail] of [
    ['clusters', 'last_error', 'last_error_detail'],
    ['collection_runs', 'error', 'error_detail'],
  ]) {
    await knex(name)
      .whereNotNull(reason)
      .update({ [detail]: knex.ref(reason), [reason]: EARLIER_REASON });
  }
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  for (const [name, reason, detail] of [
    ['clusters', 'last_error', 'last_error_detail'],
    ['collection_runs', 'error', 'error_detail'],
  ]) {
    await knex(name)
      .whereNotNull(detail)
      .update({ [reason]: knex.ref(detail) });
  }
  await knex.schema.alterTable('collection_runs', table => {
    table.dropColumn('error_detail');
  });
  await knex.schema.alterTable('clusters', table => {
    table.dropColumn('last_error_detail');
  });
};
