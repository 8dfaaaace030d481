// corpus-path: migrations/1714000000000_subscriptions-cleanup.mjs
/** @type {import('node-pg-migrate').ColumnDefinitions | undefined} */
export const shorthands = undefined;

/** @param pgm {import('node-pg-migrate').MigrationBuilder} */
export const up = (pgm) => {
  pgm.dropTable('webhook_logs'); // expect: destructive-migration
  pgm.dropColumns('subscriptions', ['trial_ends_at']); // expect: destructive-migration
  pgm.renameColumn('subscriptions', 'plan', 'plan_code'); // expect: destructive-migration
  pgm.addColumns('subscriptions', { seats: { type: 'integer', notNull: true } }); // expect: destructive-migration
  pgm.addColumns('subscriptions', { status: { type: 'text', notNull: true, default: 'active' } }); // ok: destructive-migration
  pgm.addColumn('subscriptions', { cancel_reason: { type: 'text' } }); // ok: destructive-migration
  pgm.dropIndex('subscriptions', 'customer_id'); // ok: destructive-migration
  pgm.dropConstraint('subscriptions', 'subscriptions_plan_check'); // ok: destructive-migration
  pgm.sql('ALTER TABLE subscriptions DROP COLUMN legacy_price'); // expect: destructive-migration
  pgm.sql("ALTER TABLE subscriptions ALTER COLUMN currency SET DEFAULT 'usd'"); // ok: destructive-migration
  pgm.createTable('subscription_events', {
    id: 'id',
    subscription_id: { type: 'integer', notNull: true, references: 'subscriptions' }, // ok: destructive-migration
    kind: { type: 'text', notNull: true }, // ok: destructive-migration
  });
};

/** @param pgm {import('node-pg-migrate').MigrationBuilder} */
export const down = (pgm) => {
  pgm.dropTable('subscription_events'); // ok: destructive-migration
  pgm.dropColumns('subscriptions', ['seats', 'status', 'cancel_reason']); // ok: destructive-migration
  pgm.renameColumn('subscriptions', 'plan_code', 'plan'); // ok: destructive-migration
};
