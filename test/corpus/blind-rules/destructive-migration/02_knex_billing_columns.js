// corpus-path: db/migrations/20240401120000_add_billing_columns.js
'use strict';

/**
 * @param { import("knex").Knex } knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('accounts', (table) => {
    table.integer('plan_tier').notNullable(); // expect: destructive-migration
    table.string('currency', 3).notNullable().defaultTo('USD'); // ok: destructive-migration
    table.boolean('is_trial').notNullable().defaultTo(false); // ok: destructive-migration
    table.string('vat_id').nullable(); // ok: destructive-migration
    table.string('billing_email').notNullable().alter(); // expect: destructive-migration
  });

  await knex.raw('ALTER TABLE accounts RENAME COLUMN ref TO external_ref'); // expect: destructive-migration

  await knex.schema.createTable('invoices', (table) => {
    table.increments('id');
    table.integer('account_id').notNullable().references('accounts.id'); // ok: destructive-migration
    table.decimal('amount', 12, 2).notNullable(); // ok: destructive-migration
    table.timestamps(true, true);
  });
};

exports.down = async function down(knex) {
  await knex.schema.dropTable('invoices'); // ok: destructive-migration
  await knex.raw('ALTER TABLE accounts RENAME COLUMN external_ref TO ref'); // ok: destructive-migration
  await knex.schema.alterTable('accounts', (table) => {
    table.dropColumn('plan_tier'); // ok: destructive-migration
    table.string('billing_email').nullable().alter();
  });
};
