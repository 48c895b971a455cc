// @ts-check

/**
 * Posture history: one row per change of an entity's posture (its overall
 * status, a check's status, its tier or its standing against the RPO), in
 * a per-entity sequence. The unique (entity_ref, revision) is what keeps
 * two replicas evaluating one entity at once from both recording (and
 * notifying) the same change: the second insert fails and its transaction
 * is retried against the first one's row.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('posture_history', table => {
    table.comment('Changes of evaluated entity postures');
    table.bigIncrements('id').primary();
    table.string('entity_ref', 255).notNullable();
    table
      .integer('revision')
      .notNullable()
      .comment('1, 2, ... per entity: the order of its changes');
    table
      .bigInteger('changed_at_ms')
      .notNullable()
      .comment('Evaluation time of the change, epoch ms');
    table.string('tier', 64).nullable();
    table
      .string('status', 16)
      .nullable()
      .comment('Overall status; null once the entity is no longer evaluated');
    table.string('previous_status', 16).nullable();
    table
      .string('rpo_standing', 16)
      .nullable()
      .comment('within, breached or unknown; null with status');
    table
      .text('check_statuses', 'longtext')
      .notNullable()
      .comment('JSON: status per check id after the change');
    table
      .text('changes', 'longtext')
      .notNullable()
      .comment('JSON: the checks whose status changed, with their sentences');
    table.unique(['entity_ref', 'revision'], {
      indexName: 'posture_history_revision_uq',
    });
    table.index(['changed_at_ms'], 'posture_history_changed_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('posture_history');
};
