import pg from 'pg';

const { Pool } = pg;
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 5 });

export async function applyMonthlyFee(accountId, fee) {
  const { rows } = await pool.query('SELECT id, balance FROM accounts WHERE id = $1', [accountId]);
  const account = rows[0];
  if (!account) return;
  const newBalance = account.balance - fee;
  await pool.query('UPDATE accounts SET balance = $1 WHERE id = $2', [newBalance, accountId]); // expect: read-modify-write-race
}

export async function nextInvoiceNumber(tenantId) {
  const res = await pool.query('SELECT last_number FROM invoice_sequences WHERE tenant_id = $1', [tenantId]);
  const next = res.rows[0].last_number + 1;
  await pool.query('UPDATE invoice_sequences SET last_number = $1 WHERE tenant_id = $2', [next, tenantId]); // expect: read-modify-write-race
  return next;
}

export async function applyMonthlyFeeAtomic(accountId, fee) {
  const { rows } = await pool.query('SELECT id, balance FROM accounts WHERE id = $1', [accountId]);
  if (!rows[0] || rows[0].balance < fee) return false;
  const result = await pool.query('UPDATE accounts SET balance = balance - $1 WHERE id = $2 AND balance >= $1', [fee, accountId]); // ok: read-modify-write-race
  return result.rowCount === 1;
}

export async function transferLocked(fromId, toId, amount) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query('SELECT id, balance FROM accounts WHERE id = ANY($1) ORDER BY id FOR UPDATE', [[fromId, toId]]);
    const from = rows.find((r) => r.id === fromId);
    const to = rows.find((r) => r.id === toId);
    await client.query('UPDATE accounts SET balance = $1 WHERE id = $2', [from.balance - amount, fromId]); // ok: read-modify-write-race
    await client.query('UPDATE accounts SET balance = $1 WHERE id = $2', [to.balance + amount, toId]); // ok: read-modify-write-race
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  } finally {
    client.release();
  }
}

export async function adjustWithVersion(accountId, delta) {
  const { rows } = await pool.query('SELECT balance, version FROM accounts WHERE id = $1', [accountId]);
  const { balance, version } = rows[0];
  const result = await pool.query('UPDATE accounts SET balance = $1, version = version + 1 WHERE id = $2 AND version = $3', [balance + delta, accountId, version]); // ok: read-modify-write-race
  if (result.rowCount === 0) throw new Error('concurrent modification');
}

export async function changeStatementEmail(accountId, email) {
  const { rows } = await pool.query('SELECT id FROM accounts WHERE id = $1', [accountId]);
  if (rows.length === 0) throw new Error('no such account');
  await pool.query('UPDATE accounts SET statement_email = $1 WHERE id = $2', [email, accountId]); // ok: read-modify-write-race
}
