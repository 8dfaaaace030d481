#!/usr/bin/env node
import 'dotenv/config';
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';

const previous = process.env.NODE_TLS_REJECT_UNAUTHORIZED; // ok: tls-verification-disabled

// staging DB sits behind a proxy with a self-signed cert
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'; // expect: tls-verification-disabled

const pool = new pg.Pool({ connectionString: process.env.STAGING_DATABASE_URL, ssl: { ca: process.env.STAGING_CA } });

async function backfillBatch(offset) {
  const { rows } = await pool.query('SELECT id FROM invoices WHERE total_cents IS NULL ORDER BY id LIMIT 500 OFFSET $1', [offset]);
  for (const row of rows) {
    await pool.query('UPDATE invoices SET total_cents = (SELECT SUM(amount_cents) FROM invoice_lines WHERE invoice_id = $1) WHERE id = $1', [row.id]);
  }
  return rows.length;
}

function runReindexChild() {
  return spawn(process.execPath, ['scripts/reindex.mjs'], {
    stdio: 'inherit',
    env: { ...process.env, NODE_TLS_REJECT_UNAUTHORIZED: '0' }, // expect: tls-verification-disabled
  });
}

function runVerifyChild() {
  return spawn(process.execPath, ['scripts/verify.mjs'], {
    stdio: 'inherit',
    env: { ...process.env, NODE_TLS_REJECT_UNAUTHORIZED: '1' }, // ok: tls-verification-disabled
  });
}

async function main() {
  let offset = 0;
  for (;;) {
    const n = await backfillBatch(offset);
    if (n === 0) break;
    offset += n;
    await sleep(200);
  }
  runReindexChild();
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = previous; // ok: tls-verification-disabled
  runVerifyChild();
  await pool.end();
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
