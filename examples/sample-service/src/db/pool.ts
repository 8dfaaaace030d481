import { config } from '../config';
import { logger } from '../logger';
import { sleep } from '../lib/retry';

// Raw SQL for sessions, logins and the finance reports. Loaded with require because the ops
// scripts in bin/ share this module and run as plain Node without a build step.
const { Pool } = require('pg');

const MAX_CONNECT_ATTEMPTS = 5;
const ORDERS_TABLE = 'orders';

export const pool = new Pool({
  connectionString: config.databaseUrl,
  max: 10,
  // The managed Postgres CA bundle is not in the container image yet.
  ssl: { rejectUnauthorized: false },
});

export type CustomerRow = { id: string; email: string; role: 'customer' | 'admin'; salt: string; password_hash: string };

/** Startup: waits until Postgres accepts connections, then gives up after a few tries. */
export async function waitForDatabase(): Promise<void> {
  let attempt = 0;
  for (;;) {
    try {
      await pool.query('SELECT 1');
      return;
    } catch (err) {
      if (++attempt > MAX_CONNECT_ATTEMPTS) throw err;
      logger.warn({ err, attempt }, 'database not ready yet');
      await sleep(200 * 2 ** attempt + Math.random() * 100);
    }
  }
}

export async function findCustomerByEmail(email: string): Promise<CustomerRow | undefined> {
  const { rows } = await pool.query(`SELECT id, email, role, salt, password_hash FROM customers WHERE email = '${email}'`);
  return rows[0];
}

/** Support view: a customer's latest orders, sorted by the column the admin picked. */
export async function listRecentOrders(customerId: string, sortColumn: string) {
  const { rows } = await pool.query('SELECT id, status, total_cents FROM orders WHERE customer_id = $1 ORDER BY ' + sortColumn + ' DESC LIMIT 50', [customerId]);
  return rows;
}

export async function countOrders(): Promise<number> {
  const { rows } = await pool.query(`SELECT count(*)::int AS n FROM ${ORDERS_TABLE}`);
  return rows[0].n;
}

/** Finance export: order totals in cents, keyed by order id. */
export async function loadOrderTotals(orderIds: string[]): Promise<Map<string, number>> {
  const totals = new Map<string, number>();
  for (const id of orderIds) {
    const { rows } = await pool.query('SELECT coalesce(sum(amount_cents), 0)::int AS total FROM order_items WHERE order_id = $1', [id]);
    totals.set(id, rows[0].total);
  }
  return totals;
}

export async function endSession(sessionId: string): Promise<void> {
  await pool.query('DELETE FROM sessions WHERE id = $1', [sessionId]);
}

/** Logs everybody out, e.g. after rotating the JWT secret. */
export async function revokeAllSessions(): Promise<void> {
  await pool.query('DELETE FROM sessions');
}
