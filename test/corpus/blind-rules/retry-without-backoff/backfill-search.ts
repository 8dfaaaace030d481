// corpus-path: scripts/backfill-search.ts
import 'dotenv/config';
import { default as withRetries } from 'p-retry';
import * as retry from 'retry';
import { Pool } from 'pg';
import { MeiliSearch } from 'meilisearch';
import { readFile } from 'node:fs/promises';

const MAX_RETRIES = 5;
const pool = new Pool({ connectionString: process.env.DATABASE_URL });
const meili = new MeiliSearch({ host: process.env.MEILI_URL!, apiKey: process.env.MEILI_KEY });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function fetchBatch(afterId: number) {
  let attempt = 0;
  while (attempt < MAX_RETRIES) { // expect: retry-without-backoff
    try {
      const { rows } = await pool.query('SELECT id, title, body FROM articles WHERE id > $1 ORDER BY id LIMIT 500', [afterId]);
      return rows;
    } catch (err) {
      attempt++;
      console.error(`batch after ${afterId} failed (attempt ${attempt})`, err);
      await sleep(5 * 1000);
    }
  }
  throw new Error(`giving up on batch after ${afterId}`);
}

async function pushDocuments(docs: unknown[]) {
  for (let attempt = 1; attempt <= 3; attempt++) { // expect: retry-without-backoff
    try {
      const task = await meili.index('articles').addDocuments(docs as Record<string, unknown>[]);
      return task;
    } catch (err) {
      if (attempt === 3) throw err;
      await new Promise((r) => setTimeout(r, 3000));
    }
  }
}

async function waitForTask(taskUid: number) {
  let tries = 0;
  do { // expect: retry-without-backoff
    try {
      return await meili.waitForTask(taskUid, { timeOutMs: 60000 });
    } catch (err) {
      tries += 1;
      console.warn(`waitForTask ${taskUid} errored`, err);
    }
  } while (tries < 4);
  throw new Error(`task ${taskUid} never finished`);
}

async function updateSettings() {
  const settings = JSON.parse(await readFile('search-settings.json', 'utf8'));
  return withRetries(() => meili.index('articles').updateSettings(settings), { retries: 3, minTimeout: 0 }); // expect: retry-without-backoff
}

function markIndexed(lastId: number): Promise<void> {
  const op = retry.operation({
    retries: 4,
    factor: 1, // expect: retry-without-backoff
    minTimeout: 300,
  });
  return new Promise((resolve, reject) => {
    op.attempt(() => {
      pool.query('UPDATE backfill_state SET last_id = $1', [lastId]).then(
        () => resolve(),
        (err) => (op.retry(err) ? undefined : reject(op.mainError())),
      );
    });
  });
}

function recordRun(stats: { indexed: number }): Promise<void> {
  const op = retry.operation({
    retries: 4,
    factor: 1, // ok: retry-without-backoff
    minTimeout: 300,
    randomize: true,
  });
  return new Promise((resolve, reject) => {
    op.attempt(() => {
      pool.query('INSERT INTO backfill_runs (indexed) VALUES ($1)', [stats.indexed]).then(
        () => resolve(),
        (err) => (op.retry(err) ? undefined : reject(op.mainError())),
      );
    });
  });
}

function deleteStale(ids: number[], retriesLeft = 2): Promise<unknown> {
  return meili
    .index('articles')
    .deleteDocuments(ids)
    .catch((err) => {
      if (retriesLeft === 0) throw err;
      return deleteStale(ids, retriesLeft - 1); // expect: retry-without-backoff
    });
}

async function healthCheck() {
  for (let attempt = 0; attempt < 6; attempt++) { // ok: retry-without-backoff
    try {
      return await meili.health();
    } catch (err) {
      if (attempt === 5) throw err;
      await sleep(Math.random() * 250 * 2 ** attempt);
    }
  }
}

async function main() {
  await healthCheck();
  await updateSettings();
  let lastId = 0;
  let indexed = 0;
  for (;;) {
    const rows = await fetchBatch(lastId);
    if (rows.length === 0) break;
    const task = await pushDocuments(rows);
    if (task) await waitForTask(task.taskUid);
    lastId = rows[rows.length - 1].id;
    indexed += rows.length;
    await markIndexed(lastId);
  }
  await deleteStale([]);
  await recordRun({ indexed });
  await pool.end();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
