// @ts-nocheck
import pg from 'pg';

const pool = new pg.Pool();

export async function transferCredits(fromId: string, toId: string, amount: number) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN'); // ok: sql-injection
    await client.query(`UPDATE wallets SET credits = credits - ${amount} WHERE user_id = '${fromId}'`); // expect: sql-injection
    await client.query('UPDATE wallets SET credits = credits + $1 WHERE user_id = $2', [amount, toId]); // ok: sql-injection
    await client.query('COMMIT'); // ok: sql-injection
  } catch (err) {
    await client.query('ROLLBACK'); // ok: sql-injection
    throw err;
  } finally {
    client.release();
  }
}

export async function auditTrail(tenant: string, since: string) {
  const client = new pg.Client({ connectionString: process.env.AUDIT_DB_URL });
  await client.connect();
  const sql = `SELECT * FROM audit_log WHERE tenant = '${tenant}' AND at > '${since}'`;
  const res = await client.query(sql); // expect: sql-injection
  await client.end();
  return res.rows;
}

export async function auditTrailSafe(tenant: string) {
  const client = new pg.Client();
  await client.connect();
  const sql = 'SELECT * FROM audit_log WHERE tenant = $1';
  const res = await client.query(sql, [tenant]); // ok: sql-injection
  await client.end();
  return res.rows;
}

export async function dynamicFilter(column: string, value: string) {
  let sql = 'SELECT * FROM orders WHERE 1 = 1';
  sql += ' AND ' + column + " = '" + value + "'";
  return pool.query(sql); // expect: sql-injection
}
