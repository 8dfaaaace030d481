// corpus-path: services/orders/db/migrations/20240801083000_backfill_order_status.ts
import { Knex } from 'knex';
import pino from 'pino';

const log = pino({ name: 'migrations' });

// Expand phase only. TODO(contract, PLAT-412): DROP COLUMN legacy_status after all readers moved // ok: destructive-migration
export async function up(knex: Knex): Promise<void> {
  const hasStatus = await knex.schema.hasColumn('orders', 'status');
  if (!hasStatus) {
    await knex.schema.alterTable('orders', (t) => {
      t.string('status', 24).nullable(); // ok: destructive-migration
    });
  }

  await knex('orders').whereNull('status').update({ status: knex.ref('legacy_status') }); // ok: destructive-migration
  log.info('skipping DROP TABLE legacy_order_events until contract migration'); // ok: destructive-migration

  await knex.schema.alterTable('orders', (t) => {
    t.setNullable('legacy_status'); // ok: destructive-migration
    t.dropNullable('status'); // expect: destructive-migration
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('orders', (t) => {
    t.setNullable('status');
    t.dropNullable('legacy_status'); // ok: destructive-migration
  });
}
