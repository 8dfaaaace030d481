// corpus-path: services/billing/migrations/003_raw.ts
// @ts-nocheck
import type { Pool } from 'pg';

export const up = [
  'DROP TABLE coupons', // expect: destructive-migration
  'ALTER TABLE invoices DROP COLUMN IF EXISTS memo', // expect: destructive-migration
  'ALTER TABLE invoices RENAME COLUMN total TO amount_cents', // expect: destructive-migration
  'ALTER TABLE invoices ADD COLUMN currency text NOT NULL', // expect: destructive-migration
  "ALTER TABLE invoices ADD COLUMN status text NOT NULL DEFAULT 'open'", // ok: destructive-migration
  'ALTER TABLE invoices ADD COLUMN paid_at timestamptz', // ok: destructive-migration
  'CREATE TABLE refunds (id serial PRIMARY KEY, amount integer NOT NULL)', // ok: destructive-migration
  'CREATE INDEX invoices_customer_idx ON invoices (customer_id)', // ok: destructive-migration
];

export async function migrate(pool: Pool): Promise<void> {
  await pool.query('alter table customers drop column fax'); // expect: destructive-migration
  await pool.query('ALTER TABLE customers ALTER COLUMN email SET NOT NULL'); // expect: destructive-migration
  await pool.query('ALTER TABLE customers ADD COLUMN vip boolean NOT NULL DEFAULT false'); // ok: destructive-migration
  await pool.query('DROP INDEX IF EXISTS customers_old_idx'); // ok: destructive-migration
}
