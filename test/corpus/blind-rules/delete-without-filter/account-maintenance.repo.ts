import { Pool, PoolClient } from 'pg';
import * as logger from '../lib/logger';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });

export async function clearAllSessions(): Promise<void> {
  await pool.query('DELETE FROM sessions'); // expect: delete-without-filter
}

export async function clearPasswordResets(): Promise<void> {
  await pool.query('delete from password_resets;'); // expect: delete-without-filter
}

export async function clearTable(table: string): Promise<void> {
  await pool.query(`DELETE FROM ${table}`); // expect: delete-without-filter
}

export async function deactivateEveryone(client: PoolClient): Promise<void> {
  await client.query('UPDATE users SET is_active = false'); // expect: delete-without-filter
}

export async function zeroBalances(client: PoolClient): Promise<void> {
  await client.query( // expect: delete-without-filter
    `UPDATE accounts
        SET balance = 0,
            updated_at = now()`,
  );
}

export async function drainOutbox(): Promise<string[]> {
  const { rows } = await pool.query<{ id: string }>('DELETE FROM outbox RETURNING id'); // expect: delete-without-filter
  return rows.map((r) => r.id);
}

export async function resetPlans(): Promise<void> {
  // the WHERE belongs to the sub-select; the UPDATE itself touches every user
  await pool.query('UPDATE users SET plan_id = (SELECT id FROM plans WHERE is_default = true)'); // expect: delete-without-filter
}

export async function revokeUserSessions(userId: string): Promise<void> {
  await pool.query('DELETE FROM sessions WHERE user_id = $1', [userId]); // ok: delete-without-filter
}

export async function pruneSessions(): Promise<void> {
  await pool.query( // ok: delete-without-filter
    `DELETE FROM sessions
      WHERE expires_at < now() - interval '1 day'`,
  );
}

export async function touchLogin(id: string): Promise<void> {
  await pool.query('UPDATE users SET last_login_at = now() WHERE id = $1', [id]); // ok: delete-without-filter
}

export async function disableTenantUsers(client: PoolClient, tenantId: string): Promise<void> {
  await client.query( // ok: delete-without-filter
    `UPDATE users
        SET is_active = false
      WHERE tenant_id = $1`,
    [tenantId],
  );
}

export async function deleteOrdersOfDeletedCustomers(): Promise<void> {
  await pool.query('DELETE FROM orders o USING customers c WHERE o.customer_id = c.id AND c.deleted_at IS NOT NULL'); // ok: delete-without-filter
}

export async function lockJob(client: PoolClient, id: string) {
  return client.query('SELECT * FROM jobs WHERE id = $1 FOR UPDATE SKIP LOCKED', [id]); // ok: delete-without-filter
}

export async function upsertUser(id: string, name: string): Promise<void> {
  await pool.query('INSERT INTO users (id, name) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name', [id, name]); // ok: delete-without-filter
}

export async function resetStaging(): Promise<void> {
  await pool.query('TRUNCATE TABLE import_staging'); // ok: delete-without-filter
}

export function assertSafe(sql: string): void {
  if (/^\s*delete\s+from\s+\w+\s*;?\s*$/i.test(sql)) {
    logger.warn('Refusing to run DELETE FROM without a WHERE clause'); // ok: delete-without-filter
    throw new Error('unsafe statement');
  }
}
