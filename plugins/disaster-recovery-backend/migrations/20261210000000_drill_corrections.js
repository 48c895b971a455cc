// @ts-check

/**
 * Drills as evidence: a drill is voided or superseded, never deleted, and
 * the drill list pages by end time. `ended_at_ms` (epoch milliseconds) is
 * the page order: a MySQL DATETIME keeps whole seconds, which would make
 * two drills ending in the same second compare equal.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('drills', table => {
    table.bigInteger('ended_at_ms').nullable().comment('ended_at, epoch ms');
    table
      .string('state', 16)
      .notNullable()
      .defaultTo('active')
      .comment('active, voided or superseded');
    table.datetime('corrected_at', { useTz: true }).nullable();
    table
      .string('corrected_by', 255)
      .nullable()
      .comment('who voided or superseded it');
    table.text('void_reason').nullable();
    table
      .string('superseded_by', 36)
      .nullable()
      .comment('id of the correction');
    table.string('supersedes', 36).nullable().comment('id it corrected');
  });
  const rows = await knex('drills').select('id', 'ended_at');
  for (const row of rows) {
    await knex('drills')
      .where({ id: row.id })
      .update({ ended_at_ms: new Date(row.ended_at).getTime() });
  }
  await knex.schema.alterTable('drills', table => {
    table.index(['ended_at_ms', 'id'], 'drills_ended_at_ms_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('drills', table => {
    table.dropIndex(['ended_at_ms', 'id'], 'drills_ended_at_ms_idx');
  });
  await knex.schema.alterTable('drills', table => {
    table.dropColumn('ended_at_ms');
    table.dropColumn('state');
    table.dropColumn('corrected_at');
    table.dropColumn('corrected_by');
    table.dropColumn('void_reason');
    table.dropColumn('superseded_by');
    table.dropColumn('supersedes');
  });
};
