#!/usr/bin/env node
import cron from 'node-cron';
import { readdir, stat, rm } from 'node:fs/promises';
import path from 'node:path';
import { createClient } from 'redis';
import * as log from './log.mjs';

const SESSION_DIR = process.env.SESSION_DIR ?? '/var/lib/app/sessions';
const redis = createClient({ url: process.env.REDIS_URL });

async function pruneFiles(maxAgeMs = 7 * 24 * 3600 * 1000) {
  let removed = 0;
  const dirs = await readdir(SESSION_DIR);
  outer: for (const dir of dirs) {
    let entries;
    try {
      entries = await readdir(path.join(SESSION_DIR, dir));
    } catch { // expect: swallowed-exception
      continue outer;
    }
    for (const name of entries) {
      const full = path.join(SESSION_DIR, dir, name);
      try {
        const s = await stat(full);
        if (Date.now() - s.mtimeMs > maxAgeMs) {
          await rm(full);
          removed++;
        }
      } catch (err) { // ok: swallowed-exception
        if (err.code === 'ENOENT') continue;
        log.warn(`could not prune ${full}`);
        break outer;
      }
    }
  }
  return removed;
}

async function lastRun() {
  try {
    return JSON.parse(await redis.get('prune:last'));
  } catch (err) { // expect: swallowed-exception
    return { err: true, at: null };
  }
}

async function recordRun(n) {
  try {
    await redis.set('prune:last', JSON.stringify({ n, at: Date.now() }));
  } catch (err) { // ok: swallowed-exception
    return { err };
  }
  return null;
}

export default async function runPrune() {
  try {
    await redis.connect();
    const previous = await lastRun();
    const n = await pruneFiles();
    await recordRun(n);
    log.info(`pruned ${n} session files (previous run: ${previous?.at})`);
  } catch (e) { // ok: swallowed-exception
    log.error('prune run failed', e);
  } finally {
    await redis.disconnect().catch(() => {}); // expect: swallowed-exception
  }
}

(async function checkDiskOnBoot() {
  try {
    await stat(SESSION_DIR);
  } catch {} // expect: swallowed-exception
})();

cron.schedule('*/15 * * * *', () => {
  void runPrune();
});
