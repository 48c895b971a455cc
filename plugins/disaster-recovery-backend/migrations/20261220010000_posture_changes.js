// @ts-check

/**
 * Objects written or marked deleted since the posture evaluator last looked:
 * a queue that every collection writes in the same transaction as the
 * objects, and that the evaluator empties by id once it re-evaluated the
 * entities the changes affect; and which replica holds the evaluation, so
 * that what it keeps in memory stays current and replicas do not take turns
 * reading everything again.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('posture_changes', table => {
    table.comment(
      'Collected objects changed since the posture evaluator last read them',
    );
    table.bigIncrements('id').primary();
    table.string('cluster', 255).notNullable();
    table
      .text('uids', 'longtext')
      .notNullable()
      .comment('JSON array of the uids written or marked deleted together');
  });
  await knex.schema.createTable('evaluation_lease', table => {
    table.comment(
      'Which replica evaluates posture incrementally, holding what it read in memory',
    );
    table.integer('id').primary().comment('always 1');
    table.string('owner', 64).notNullable().comment('the evaluator instance');
    table
      .bigInteger('expires_at_ms')
      .notNullable()
      .comment('epoch ms; another replica takes over after it');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('evaluation_lease');
  await knex.schema.dropTable('posture_changes');
};
