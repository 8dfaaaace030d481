import mysql, { type ResultSetHeader, type RowDataPacket } from 'mysql2/promise';
import { createPool as makePool } from 'mysql2/promise';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const pool = mysql.createPool({ uri: process.env.MYSQL_URL, connectionLimit: 10 });
const analytics = makePool({ uri: process.env.ANALYTICS_URL, connectionLimit: 4 });

interface CsvRow {
  email: string;
  plan: string;
}

async function parseCsv(text: string): Promise<CsvRow[]> {
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [email, plan] = line.split(',');
      return { email: email.trim().toLowerCase(), plan: plan.trim() };
    });
}

export async function importDirectory(dir: string, files: string[]): Promise<number> {
  const conn = await mysql.createConnection(process.env.MYSQL_URL!); // ok: n-plus-one
  let imported = 0;
  try {
    for (const file of files) {
      const text = await fsp.readFile(path.join(dir, file), 'utf8'); // ok: n-plus-one
      const rows = await parseCsv(text); // ok: n-plus-one
      for (const row of rows) {
        const [existing] = await conn.execute<RowDataPacket[]>('SELECT id FROM accounts WHERE email = ?', [row.email]); // expect: n-plus-one
        if (existing.length) continue;
        await conn.execute('INSERT INTO accounts (email, plan) VALUES (?, ?)', [row.email, row.plan]); // expect: n-plus-one
        imported++;
      }
      await sleep(50); // ok: n-plus-one
    }
  } finally {
    await conn.end();
  }
  return imported;
}

export function planCounts(plans: string[]) {
  return Promise.all(
    plans.map((plan) =>
      pool.query<RowDataPacket[]>('SELECT COUNT(*) AS n FROM accounts WHERE plan = ?', [plan]), // expect: n-plus-one
    ),
  );
}

export async function replayEvents(events: { id: number; type: string }[]): Promise<void> {
  await events.reduce(async (prev, ev) => {
    await prev;
    await analytics.execute('INSERT INTO event_log (event_id, type) VALUES (?, ?)', [ev.id, ev.type]); // expect: n-plus-one
  }, Promise.resolve());
}

export async function bulkInsert(rows: CsvRow[]): Promise<number> {
  const values = rows.map((r) => [r.email, r.plan]); // ok: n-plus-one
  const [result] = await pool.query<ResultSetHeader>('INSERT INTO accounts (email, plan) VALUES ?', [values]); // ok: n-plus-one
  return result.affectedRows;
}

export async function accountsByEmail(emails: string[]) {
  const [rows] = await pool.execute<RowDataPacket[]>(`SELECT * FROM accounts WHERE email IN (${emails.map(() => '?').join(',')})`, emails); // ok: n-plus-one
  const byEmail = new Map(rows.map((r) => [r.email as string, r]));
  return emails.map((e) => byEmail.get(e) ?? null); // ok: n-plus-one
}
