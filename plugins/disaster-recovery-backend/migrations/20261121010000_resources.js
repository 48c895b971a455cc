// @ts-check

/**
 * Collected Kubernetes objects (kept as history after they vanish) and the
 * record of every collection run.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('resources', table => {
    table.comment(
      'Velero, CloudNativePG and workload objects collected from clusters; rows stay after the object vanishes',
    );
    table.string('cluster', 255).notNullable();
    table.string('uid', 128).notNullable();
    table.string('kind', 64).notNullable().comment('e.g. velero.io/Backup');
    table.string('namespace', 255).notNullable().defaultTo('');
    table.string('name', 255).notNullable();
    table.string('resource_version', 64).nullable();
    table.string('phase', 64).nullable();
    table
      .string('schedule_name', 255)
      .nullable()
      .comment(
        'Velero schedule or CloudNativePG scheduled backup that made it',
      );
    table
      .string('source_name', 255)
      .nullable()
      .comment(
        "What it was made from: a Restore's backup, a PostgreSQL Backup's cluster",
      );
    table.string('storage_location', 255).nullable();
    table.datetime('created_at', { useTz: true }).nullable();
    table.datetime('started_at', { useTz: true }).nullable();
    table.datetime('completed_at', { useTz: true }).nullable();
    table.datetime('expires_at', { useTz: true }).nullable();
    table.integer('errors').notNullable().defaultTo(0);
    table.integer('warnings').notNullable().defaultTo(0);
    table.text('included_namespaces').nullable().comment('JSON array');
    table.text('excluded_namespaces').nullable().comment('JSON array');
    table.text('label_selector').nullable().comment('JSON label selector(s)');
    table
      .text('record', 'longtext')
      .notNullable()
      .comment('JSON record read by the posture rules');
    table
      .text('raw', 'longtext')
      .notNullable()
      .comment('JSON object as served');
    table.datetime('first_seen_at', { useTz: true }).notNullable();
    table.datetime('last_seen_at', { useTz: true }).notNullable();
    table.datetime('deleted_at', { useTz: true }).nullable();
    table.primary(['cluster', 'uid']);
    table.index(
      ['cluster', 'kind', 'deleted_at'],
      'resources_cluster_kind_idx',
    );
    table.index(['kind', 'namespace'], 'resources_kind_namespace_idx');
    table.index(['kind', 'completed_at'], 'resources_kind_completed_idx');
    table.index(['deleted_at'], 'resources_deleted_idx');
  });

  await knex.schema.createTable('collection_runs', table => {
    table.comment('One row per collection of one cluster');
    table.increments('id');
    table.string('cluster', 255).notNullable();
    table.datetime('started_at', { useTz: true }).notNullable();
    table.datetime('finished_at', { useTz: true }).nullable();
    table
      .string('status', 16)
      .notNullable()
      .comment('running, succeeded or failed');
    table.integer('objects_seen').notNullable().defaultTo(0);
    table.integer('objects_written').notNullable().defaultTo(0);
    table.integer('objects_skipped').notNullable().defaultTo(0);
    table.integer('objects_deleted').notNullable().defaultTo(0);
    table.text('error').nullable();
    table
      .text('details', 'longtext')
      .nullable()
      .comment('JSON: counts per kind, kinds not installed, skipped objects');
    table.index(['cluster', 'started_at'], 'collection_runs_cluster_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('collection_runs');
  await knex.schema.dropTable('resources');
};
