// @ts-check

/**
 * Recorded drills, and the latest evaluated posture of every entity (what
 * the overview lists, filters and sorts).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('drills', table => {
    table.comment('Drills recorded through the API, with their evidence');
    table.string('id', 36).primary().comment('UUID');
    table.string('kind', 32).notNullable();
    table.datetime('started_at', { useTz: true }).notNullable();
    table.datetime('ended_at', { useTz: true }).notNullable();
    table.string('outcome', 16).notNullable().comment('as reported');
    table
      .string('effective_outcome', 16)
      .notNullable()
      .comment(
        'after the rules, e.g. failed for a manual step not in the runbook',
      );
    table
      .text('record', 'longtext')
      .notNullable()
      .comment('JSON RecordedDrill');
    table.string('recorded_by', 255).notNullable();
    table.datetime('recorded_at', { useTz: true }).notNullable();
  });
  await knex.schema.createTable('drill_entities', table => {
    table.comment('Which entities each drill exercised');
    table
      .string('drill_id', 36)
      .notNullable()
      .references('id')
      .inTable('drills')
      .onDelete('CASCADE');
    table.string('entity_ref', 255).notNullable();
    table.primary(['drill_id', 'entity_ref']);
    table.index(['entity_ref'], 'drill_entities_entity_idx');
  });
  await knex.schema.createTable('entity_postures', table => {
    table.comment('Latest evaluated posture per catalog entity');
    table.string('entity_ref', 255).primary();
    table.string('name', 255).notNullable();
    table.string('title', 255).nullable();
    table.string('owner', 255).nullable();
    table.string('system', 255).nullable();
    table.string('tier', 64).nullable();
    table.string('status', 16).notNullable();
    table
      .integer('status_rank')
      .notNullable()
      .comment('severity: 0 pass, 1 unknown, 2 warn, 3 fail');
    table.datetime('last_clean_backup_at', { useTz: true }).nullable();
    table.datetime('last_drill_at', { useTz: true }).nullable();
    table
      .text('summary', 'longtext')
      .notNullable()
      .comment('JSON EntityPostureSummary');
    table
      .text('detail', 'longtext')
      .notNullable()
      .comment('JSON EntityPostureResponse');
    table.text('depends_on').notNullable().comment('JSON array of entity refs');
    table.datetime('evaluated_at', { useTz: true }).notNullable();
    table.index(['status_rank', 'name'], 'entity_postures_status_idx');
    table.index(['tier'], 'entity_postures_tier_idx');
    table.index(['owner'], 'entity_postures_owner_idx');
    table.index(['system'], 'entity_postures_system_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('entity_postures');
  await knex.schema.dropTable('drill_entities');
  await knex.schema.dropTable('drills');
};
