// @ts-nocheck
import { Pool } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });
const USERS_TABLE = 'users';
const PAGE_SIZE = 50;

export async function findUserById(id: string) {
  const { rows } = await pool.query(`SELECT * FROM users WHERE id = '${id}'`); // expect: sql-injection
  return rows[0];
}

export async function findUserByEmail(email: string) {
  const { rows } = await pool.query('SELECT * FROM users WHERE email = $1', [email]); // ok: sql-injection
  return rows[0];
}

export async function searchUsers(term: string) {
  const result = await pool.query("SELECT id, name FROM users WHERE name ILIKE '%" + term + "%'"); // expect: sql-injection
  return result.rows;
}

export async function searchUsersSafely(term: string) {
  const result = await pool.query('SELECT id, name FROM users WHERE name ILIKE $1', [`%${term}%`]); // ok: sql-injection
  return result.rows;
}

export async function listUsers(orderBy: string) {
  return pool.query(`SELECT * FROM users ORDER BY ${orderBy} LIMIT 100`); // expect: sql-injection
}

export async function listUsersPage(page: number) {
  // relabelled: `page * PAGE_SIZE` is arithmetic, whose result is always a number (or NaN) and cannot
  // carry SQL text; the rule's documented decision treats such values as constant
  return pool.query(`SELECT * FROM users LIMIT ${PAGE_SIZE} OFFSET ${page * PAGE_SIZE}`); // ok: sql-injection
}

export async function listUsersFrom(offset: string) {
  return pool.query(`SELECT * FROM users LIMIT ${PAGE_SIZE} OFFSET ${offset}`); // expect: sql-injection
}

export async function countUsers() {
  return pool.query(`SELECT count(*) FROM ${USERS_TABLE}`); // ok: sql-injection
}

export async function firstPage() {
  return pool.query(`SELECT * FROM ${USERS_TABLE} ORDER BY created_at DESC LIMIT ${PAGE_SIZE}`); // ok: sql-injection
}

export async function allUsers() {
  return pool.query(`SELECT * FROM users`); // ok: sql-injection
}

export async function deactivate(ids: string[]) {
  return pool.query('UPDATE users SET active = false WHERE id = ANY($1)', [ids]); // ok: sql-injection
}

export async function updateName(id: string, name: string) {
  return pool.query({ text: 'UPDATE users SET name = $1 WHERE id = $2', values: [name, id] }); // ok: sql-injection
}

export async function renameRaw(id: string, name: string) {
  return pool.query("UPDATE users SET name = '" + name + "' WHERE id = " + id); // expect: sql-injection
}

export async function constantConcat() {
  return pool.query('SELECT id, email ' + 'FROM users ' + 'WHERE deleted_at IS NULL'); // ok: sql-injection
}
