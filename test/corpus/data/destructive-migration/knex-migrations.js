// corpus-path: db/migrations/20240105_knex_changes.js
exports.up = async function up(knex) {
  await knex.schema.dropTable('legacy_sessions'); // expect: destructive-migration
  await knex.schema.dropTableIfExists('old_audit'); // expect: destructive-migration
  await knex.schema.alterTable('users', (table) => {
    table.dropColumn('middle_name'); // expect: destructive-migration
    table.renameColumn('fullname', 'full_name'); // expect: destructive-migration
    table.string('nickname').nullable(); // ok: destructive-migration
    table.string('country').notNullable(); // expect: destructive-migration
    table.string('locale').notNullable().defaultTo('en'); // ok: destructive-migration
    table.integer('score').defaultTo(0).notNullable(); // ok: destructive-migration
    table.index(['email']); // ok: destructive-migration
  });
  await knex.schema.table('orders', (t) => {
    t.dropColumns('coupon', 'discount'); // expect: destructive-migration
    t.boolean('gift').notNullable().defaultTo(false); // ok: destructive-migration
  });
  await knex.schema.createTable('invoices', (t) => {
    t.increments('id'); // ok: destructive-migration
    t.string('number').notNullable(); // ok: destructive-migration
    t.integer('amount').notNullable(); // ok: destructive-migration
  });
  await knex.raw('ALTER TABLE payments DROP COLUMN legacy_ref'); // expect: destructive-migration
  await knex.raw('CREATE INDEX CONCURRENTLY idx_payments_user ON payments(user_id)'); // ok: destructive-migration
};

exports.down = async function down(knex) {
  // Reverting what `up` created is the point of `down`: dropping the new table is not flagged.
  await knex.schema.dropTable('invoices'); // ok: destructive-migration
  await knex.schema.alterTable('users', (table) => {
    table.dropColumn('nickname'); // ok: destructive-migration
    table.renameColumn('full_name', 'fullname'); // ok: destructive-migration
  });
};
