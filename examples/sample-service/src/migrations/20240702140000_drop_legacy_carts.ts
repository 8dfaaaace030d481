import type { Knex } from 'knex';

// Carts moved to the cart service in April; nothing has read legacy_carts or users.fax since.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.dropTable('legacy_carts');
  await knex.raw('ALTER TABLE users DROP COLUMN fax');
  await knex.raw('ALTER TABLE users ADD COLUMN marketing_opt_in boolean NOT NULL DEFAULT false');
  await knex.raw('CREATE TABLE cart_snapshots (id uuid PRIMARY KEY, customer_id uuid NOT NULL, payload jsonb NOT NULL, taken_at timestamptz NOT NULL DEFAULT now())');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TABLE cart_snapshots');
  await knex.raw('ALTER TABLE users DROP COLUMN marketing_opt_in');
  await knex.raw('ALTER TABLE users ADD COLUMN fax text');
  await knex.raw('CREATE TABLE legacy_carts (id uuid PRIMARY KEY, payload jsonb NOT NULL)');
}
