const { Pool } = require('pg');

const pool = new Pool({ connectionString: process.env.DATABASE_URL });

async function postCharge(accountId, amountCents, memo) {
  await pool.query('INSERT INTO ledger_entries (account_id, amount_cents, memo) VALUES ($1, $2, $3)', [accountId, -amountCents, memo]);
  await pool.query('UPDATE accounts SET balance_cents = balance_cents - $1 WHERE id = $2', [amountCents, accountId]); // expect: missing-transaction
}

async function closeAccount(accountId) {
  const client = await pool.connect();
  try {
    await client.query('UPDATE accounts SET closed_at = now() WHERE id = $1', [accountId]);
    await client.query('DELETE FROM standing_orders WHERE account_id = $1', [accountId]); // expect: missing-transaction
  } finally {
    client.release();
  }
}

async function openAccount(customerId) {
  const { rows } = await pool.query(
    'INSERT INTO accounts (customer_id, balance_cents) VALUES ($1, 0) RETURNING id',
    [customerId],
  );
  await pool.query( // expect: missing-transaction
    `INSERT INTO account_events (account_id, type) VALUES ($1, 'opened')`,
    [rows[0].id],
  );
  return rows[0].id;
}

async function transfer(fromId, toId, amountCents) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('UPDATE accounts SET balance_cents = balance_cents - $1 WHERE id = $2', [amountCents, fromId]);
    await client.query('INSERT INTO ledger_entries (account_id, amount_cents, memo) VALUES ($1, $2, $3)', [fromId, -amountCents, 'transfer']); // ok: missing-transaction
    await client.query('UPDATE accounts SET balance_cents = balance_cents + $1 WHERE id = $2', [amountCents, toId]);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  } finally {
    client.release();
  }
}

async function freezeAccount(accountId) {
  const { rows } = await pool.query('SELECT id FROM accounts WHERE id = $1', [accountId]);
  if (rows.length === 0) return false;
  await pool.query('UPDATE accounts SET frozen = true WHERE id = $1', [accountId]);
  await pool.query('SELECT pg_notify($1, $2)', ['account_frozen', String(accountId)]); // ok: missing-transaction
  return true;
}

// One statement (data-modifying CTE) is atomic on its own.
async function refundEntry(entryId) {
  await pool.query('WITH e AS (UPDATE ledger_entries SET refunded = true WHERE id = $1 RETURNING account_id, amount_cents) UPDATE accounts a SET balance_cents = a.balance_cents - e.amount_cents FROM e WHERE a.id = e.account_id', [entryId]); // ok: missing-transaction
}

async function renameAccount(accountId, name) {
  await pool.query('UPDATE accounts SET name = $1 WHERE id = $2', [name, accountId]);
  await pool.query('UPDATE accounts SET updated_at = now() WHERE id = $1', [accountId]); // ok: missing-transaction
}

module.exports = { postCharge, closeAccount, openAccount, transfer, freezeAccount, refundEntry, renameAccount };
