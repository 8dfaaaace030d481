// @ts-nocheck
import knex from 'knex';
import { Pool, Client } from 'pg';
import mysql from 'mysql2/promise';

const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });
const pool = new Pool({ connectionString: process.env.DATABASE_URL });
const analytics = mysql.createPool({ uri: process.env.MYSQL_URL });

export async function ownersOf(projects: { ownerId: number }[]) {
  const owners = [];
  for (const p of projects) {
    owners.push(await db('users').where({ id: p.ownerId }).first()); // expect: n-plus-one
  }
  return owners;
}

export async function ownersOfBatched(projects: { ownerId: number }[]) {
  return db('users').whereIn('id', projects.map((p) => p.ownerId)); // ok: n-plus-one
}

export async function archive(ids: number[]) {
  await Promise.all(ids.map((id) => db('projects').where({ id }).update({ archived: true }))); // expect: n-plus-one
}

export async function archiveBatched(ids: number[]) {
  await db('projects').whereIn('id', ids).update({ archived: true }); // ok: n-plus-one
}

export async function insertEach(rows: object[]) {
  for (const row of rows) {
    await db.insert(row).into('events'); // expect: n-plus-one
  }
}

export async function insertBatch(rows: object[]) {
  await db.batchInsert('events', rows, 500); // ok: n-plus-one
}

export async function pricesFor(skus: string[]) {
  const prices = new Map<string, number>();
  for (const sku of skus) {
    const { rows } = await pool.query('SELECT price_cents FROM products WHERE sku = $1', [sku]); // expect: n-plus-one
    prices.set(sku, rows[0]?.price_cents);
  }
  return prices;
}

export async function pricesForBatched(skus: string[]) {
  const { rows } = await pool.query('SELECT sku, price_cents FROM products WHERE sku = ANY($1)', [skus]); // ok: n-plus-one
  return new Map(rows.map((r) => [r.sku, r.price_cents]));
}

export async function migrateEach(statements: string[]) {
  const client = new Client();
  await client.connect();
  let i = 0;
  do {
    await client.query(statements[i]); // expect: n-plus-one
    i++;
  } while (i < statements.length);
  await client.end();
}

export async function visitsPerDay(days: string[]) {
  const out = [];
  for (const day of days) {
    const [rows] = await analytics.query('SELECT count(*) AS n FROM visits WHERE day = ?', [day]); // expect: n-plus-one
    out.push(rows[0].n);
  }
  return out;
}

export async function sessionsPerUser(userIds: number[]) {
  const conn = await mysql.createConnection(process.env.MYSQL_URL);
  const result = await Promise.all(userIds.map(async (id) => (await conn.execute('SELECT * FROM sessions WHERE user_id = ?', [id]))[0])); // expect: n-plus-one
  await conn.end();
  return result;
}

export async function sessionsForAll(userIds: number[]) {
  const [rows] = await analytics.execute(`SELECT * FROM sessions WHERE user_id IN (${userIds.map(() => '?').join(',')})`, userIds); // ok: n-plus-one
  return rows;
}

export async function keysetExport(limit = 1000) {
  const out = [];
  let lastId = 0;
  while (true) {
    const rows = await db('audit_log').where('id', '>', lastId).orderBy('id').limit(limit); // ok: n-plus-one
    if (rows.length === 0) break;
    out.push(...rows);
    lastId = rows[rows.length - 1].id;
  }
  return out;
}

export async function waitForDb() {
  while (true) {
    try {
      await pool.query('SELECT 1'); // ok: n-plus-one
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

export function normalise(rows: { name: string }[]) {
  return rows.map((r) => r.name.trim().toLowerCase()); // ok: n-plus-one
}
