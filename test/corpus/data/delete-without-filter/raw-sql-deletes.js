const { Pool } = require('pg');
const mysql = require('mysql2/promise');
const knex = require('knex')({ client: 'pg' });
const { drizzle } = require('drizzle-orm/node-postgres');
const { eq, lt } = require('drizzle-orm');
const { sessions, users } = require('./schema');

const pool = new Pool();

async function wipeSessions() {
  await pool.query('DELETE FROM sessions'); // expect: delete-without-filter
}

async function wipeSessionsSemicolon() {
  await pool.query('delete from sessions;'); // expect: delete-without-filter
}

async function expire() {
  await pool.query('DELETE FROM sessions WHERE expires_at < now()'); // ok: delete-without-filter
}

async function removeOne(id) {
  await pool.query('DELETE FROM users WHERE id = $1', [id]); // ok: delete-without-filter
}

async function deactivateAll() {
  await pool.query('UPDATE users SET active = false'); // expect: delete-without-filter
}

async function deactivateOne(id) {
  await pool.query('UPDATE users SET active = false WHERE id = $1', [id]); // ok: delete-without-filter
}

async function multiLine() {
  await pool.query( // expect: delete-without-filter
    `UPDATE accounts
     SET balance = 0`,
  );
}

async function multiLineFiltered(id) {
  await pool.query( // ok: delete-without-filter
    `UPDATE accounts
     SET balance = 0
     WHERE id = $1`,
    [id],
  );
}

async function mysqlWipe() {
  const conn = await mysql.createConnection({ host: 'db' });
  await conn.execute('DELETE FROM carts'); // expect: delete-without-filter
  await conn.execute('DELETE FROM carts WHERE user_id = ?', [1]); // ok: delete-without-filter
  await conn.query('UPDATE carts SET total = 0'); // expect: delete-without-filter
}

async function knexRawWipe() {
  await knex.raw('DELETE FROM audit_log'); // expect: delete-without-filter
  await knex.raw('DELETE FROM audit_log WHERE created_at < ?', [new Date()]); // ok: delete-without-filter
}

// Knex builders: the issue names raw SQL, but `.del()` with no `.where()` empties the table just the same;
// an on-call engineer would want it flagged.
async function knexBuilderWipe() {
  await knex('sessions').del(); // expect: delete-without-filter
  await knex('sessions').where('expires_at', '<', new Date()).del(); // ok: delete-without-filter
  await knex('sessions').where({ user_id: 3 }).delete(); // ok: delete-without-filter
}

// Drizzle: same reasoning as knex.
async function drizzleWipe() {
  const db = drizzle(pool);
  await db.delete(sessions); // expect: delete-without-filter
  await db.delete(sessions).where(lt(sessions.expiresAt, new Date())); // ok: delete-without-filter
  // (relabelled: this function deletes from two tables without a transaction, so missing-transaction is right)
  await db.delete(users).where(eq(users.id, 1)); // ok: delete-without-filter // expect: missing-transaction
}

// SQL that is not a DELETE/UPDATE of a whole table.
async function others(id) {
  await pool.query('SELECT * FROM users WHERE id = $1', [id]); // ok: delete-without-filter
  await pool.query('INSERT INTO users (name) VALUES ($1)', ['x']); // ok: delete-without-filter
  console.log('DELETE FROM sessions would be bad'); // ok: delete-without-filter
  const help = 'Run UPDATE users SET active = false to deactivate'; // ok: delete-without-filter
  return help;
}

// A column named like a keyword must not hide the missing WHERE, nor invent one.
async function trickyText() {
  await pool.query('UPDATE settings SET where_clause = NULL'); // expect: delete-without-filter
  await pool.query('DELETE FROM nowhere_table'); // expect: delete-without-filter // expect: missing-transaction (two tables, no transaction)
}

module.exports = { wipeSessions, wipeSessionsSemicolon, expire, removeOne, deactivateAll, deactivateOne, multiLine, multiLineFiltered, mysqlWipe, knexRawWipe, knexBuilderWipe, drizzleWipe, others, trickyText };
