#!/usr/bin/env node
import { readFile, writeFile } from 'node:fs/promises';
import fetch from 'node-fetch';
import pLimit from 'p-limit';
import { logger as log } from './lib/logger.mjs';

const limit = pLimit(5);
const API = process.env.SYNC_API ?? 'https://api.example.com';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function fetchJson(url) {
  return fetch(url).then((res) => {
    if (!res.ok) throw new Error(`HTTP ${res.status} for ${url}`);
    return res.json();
  });
}

async function loadState(file) {
  return readFile(file, 'utf8').then(JSON.parse, () => ({ cursor: null })); // expect: swallowed-exception
}

async function saveState(file, state) {
  await writeFile(file, JSON.stringify(state)).then(
    () => log.info('state saved'),
    (err) => log.error({ err }, 'failed to save state'), // ok: swallowed-exception
  );
}

async function syncPage(cursor) {
  const page = await fetchJson(`${API}/items?cursor=${cursor ?? ''}`).catch(() => null); // expect: swallowed-exception
  if (!page) return { items: [], next: null };
  return page;
}

async function pushItem(item) {
  return fetchJson(`${API}/items/${item.id}`)
    .then(undefined, (err) => { // ok: swallowed-exception
      if (err.message.includes('404')) return null;
      throw err;
    });
}

async function withRetry(fn, attempts = 3) {
  let lastError;
  for (let i = 0; i < attempts; i++) {
    try {
      return await fn();
    } catch (err) { // ok: swallowed-exception
      lastError = err;
      await sleep(200 * 2 ** i);
    }
  }
  throw lastError;
}

async function pingUpstream(attempts = 3) {
  for (let i = 0; i < attempts; i++) {
    try {
      return await fetchJson(`${API}/ping`);
    } catch { // expect: swallowed-exception
      await sleep(500);
    }
  }
  throw new Error('upstream unreachable');
}

async function main() {
  await pingUpstream();
  const state = await loadState('.sync-state.json');
  let cursor = state.cursor;
  let failures = 0;
  do {
    const page = await withRetry(() => syncPage(cursor));
    await Promise.all(
      page.items.map((item) =>
        limit(() =>
          pushItem(item).catch(() => { // expect: swallowed-exception
            failures++;
          }),
        ),
      ),
    );
    cursor = page.next;
  } while (cursor);
  await saveState('.sync-state.json', { cursor });
  if (failures) log.warn(`${failures} items failed to sync`);
}

main().catch((err) => { // ok: swallowed-exception
  console.error(err);
  process.exit(1);
});
