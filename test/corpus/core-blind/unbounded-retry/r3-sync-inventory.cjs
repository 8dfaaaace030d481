#!/usr/bin/env node
// scripts/sync-inventory.cjs — run by cron every 15 minutes
'use strict';

const { setTimeout: sleep } = require('node:timers/promises');
const promiseRetry = require('promise-retry');
const { default: pRetry } = require('p-retry');
const asyncRetry = require('async-retry');
const { Pool } = require('pg');
const axios = require('axios');

const pool = new Pool({ connectionString: process.env.DATABASE_URL });
const SUPPLIER_URL = process.env.SUPPLIER_URL;

// Reminder: never hand-roll `while (true) { try { ... } catch {} }` here, use promiseRetry // ok: unbounded-retry
function fetchSupplierFeed() {
  return promiseRetry(
    (retry, number) => {
      if (number > 1) console.warn(`supplier feed attempt ${number}`);
      return axios.get(`${SUPPLIER_URL}/feed.json`, { timeout: 10_000 }).catch(retry);
    },
    {
      forever: true, // expect: unbounded-retry
      minTimeout: 1_000,
      maxTimeout: 60_000,
    },
  );
}

function upsertBatch(rows) {
  return promiseRetry({ retries: 6, factor: 2 }, (retry) => // ok: unbounded-retry
    pool.query('SELECT upsert_inventory($1::jsonb)', [JSON.stringify(rows)]).catch(retry),
  );
}

function connectDb() {
  return pool.connect().catch((err) => {
    console.error('db connect failed', err.message);
    return sleep(5_000).then(() => connectDb()); // expect: unbounded-retry
  });
}

async function fetchPage(cursor, acc = []) {
  const { data } = await axios.get(`${SUPPLIER_URL}/items`, { params: { cursor } });
  acc.push(...data.items);
  return data.next ? fetchPage(data.next, acc) : acc; // ok: unbounded-retry
}

async function pushAudit(summary) {
  return pRetry(() => axios.post(`${SUPPLIER_URL}/audit`, summary), {
    retries: Infinity, // expect: unbounded-retry
  });
}

function notifySlack(text) {
  return asyncRetry(() => axios.post(process.env.SLACK_WEBHOOK_URL, { text }), { retries: 10, forever: false }); // ok: unbounded-retry
}

async function acquireLock(client) {
  for (let attempt = 1; ; attempt++) { // expect: unbounded-retry
    try {
      const { rows } = await client.query('SELECT pg_try_advisory_lock(4242) AS locked');
      if (rows[0].locked) break;
      throw new Error('locked');
    } catch (e) {
      console.warn(`lock attempt ${attempt} failed: ${e.message}`);
      await sleep(2_000);
    }
  }
}

async function run() {
  const client = await connectDb();
  await acquireLock(client);
  const feed = await fetchSupplierFeed();
  const extra = await fetchPage(feed.data.cursor);
  let offset = 0;
  while (true) { // ok: unbounded-retry
    try {
      const batch = extra.slice(offset, offset + 500);
      if (!batch.length) break;
      await upsertBatch(batch);
      offset += batch.length;
    } catch (err) {
      console.error('sync failed', err);
      process.exit(1);
    }
  }
  await pushAudit({ synced: offset });
  await notifySlack(`inventory synced: ${offset} rows`);
  client.release();
}

(async function main() {
  try {
    await run();
  } catch (err) {
    console.error(err);
    process.exitCode = 1;
  } finally {
    await pool.end();
  }
})();
