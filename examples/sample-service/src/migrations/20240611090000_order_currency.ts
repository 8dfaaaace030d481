import type { Knex } from 'knex';

// Orders get an explicit currency, totals move to integer cents, refunds get their own table.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('orders', (table) => {
    table.string('currency', 3).notNullable();
    table.renameColumn('total', 'total_cents');
    table.dropColumn('legacy_ref');
  });
  await knex.schema.alterTable('order_items', (table) => {
    table.string('tax_code', 8).notNullable().defaultTo('STANDARD');
  });
  await knex.schema.createTable('refund_requests', (table) => {
    table.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    table.uuid('order_id').notNullable().references('orders.id');
    table.integer('amount_cents').notNullable();
    table.text('reason').notNullable();
    table.timestamp('created_at').notNullable().defaultTo(knex.fn.now());
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('refund_requests');
  await knex.schema.alterTable('order_items', (table) => {
    table.dropColumn('tax_code');
  });
  await knex.schema.alterTable('orders', (table) => {
    table.string('legacy_ref');
    table.renameColumn('total_cents', 'total');
    table.dropColumn('currency');
  });
}
