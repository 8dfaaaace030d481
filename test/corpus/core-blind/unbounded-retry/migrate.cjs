#!/usr/bin/env node
'use strict';

const { setTimeout: sleep } = require('node:timers/promises');
const { execFile } = require('node:child_process');
const { promisify } = require('node:util');
const { createReadStream } = require('node:fs');
const knex = require('knex');
const { S3Client, PutObjectCommand } = require('@aws-sdk/client-s3');

const run = promisify(execFile);
const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });

async function waitForDb() {
  for (;;) { // expect: unbounded-retry
    try {
      await db.raw('select 1');
      return;
    } catch (e) {
      console.log('db not up yet:', e.code);
      await sleep(1000);
    }
  }
}

function pingDb(cb) {
  db.raw('select 1')
    .then(() => cb(null))
    .catch((e) => {
      console.log('ping failed, retrying', e.code);
      setTimeout(() => pingDb(cb), 1000); // expect: unbounded-retry
    });
}

async function acquireLock() {
  let tries = 0;
  do { // expect: unbounded-retry
    try {
      const updated = await db('knex_migrations_lock').where({ is_locked: 0 }).update({ is_locked: 1 });
      if (updated === 1) return;
    } catch (e) {
      tries += 1;
      console.warn(`lock attempt ${tries} failed: ${e.message}`);
    }
    await sleep(2000);
  } while (true);
}

async function runMigrations() {
  for (let attempt = 0; attempt < 3; attempt++) { // ok: unbounded-retry
    try {
      await db.migrate.latest();
      return;
    } catch (e) {
      console.error('migration failed', e);
      await sleep(3000);
    }
  }
  throw new Error('migrations failed 3 times');
}

async function uploadBackup(file) {
  const s3 = new S3Client({});
  let attempt = 0;
  while (1) { // expect: unbounded-retry
    try {
      await s3.send(new PutObjectCommand({ Bucket: process.env.BACKUP_BUCKET, Key: file, Body: createReadStream(file) }));
      return;
    } catch (e) {
      attempt++;
      if (attempt % 5 === 0) console.warn(`backup upload still failing after ${attempt} attempts`);
      await sleep(1000);
    }
  }
}

async function dumpSchema() {
  let attempt = 0;
  do { // ok: unbounded-retry
    try {
      const { stdout } = await run('pg_dump', ['--schema-only', process.env.DATABASE_URL]);
      return stdout;
    } catch (e) {
      console.warn('pg_dump failed', e.message);
      await sleep(1000);
    }
  } while (++attempt < 3);
  throw new Error('pg_dump failed');
}

async function streamLogs(readable) {
  const reader = readable.getReader();
  while (true) { // ok: unbounded-retry
    const { done, value } = await reader.read();
    if (done) break;
    process.stdout.write(value);
  }
}

async function purgeSeedQueue() {
  while (true) { // ok: unbounded-retry
    try {
      const n = await db('seed_queue').whereIn('id', db('seed_queue').select('id').limit(500)).del();
      if (n === 0) break;
    } catch (e) {
      console.error('purge failed', e);
      throw e;
    }
  }
}

async function main() {
  await waitForDb();
  await new Promise((resolve) => pingDb(resolve));
  await acquireLock();
  try {
    await runMigrations();
    await purgeSeedQueue();
    const schema = await dumpSchema();
    await streamLogs(new Blob([schema]).stream());
    if (process.env.BACKUP_FILE) await uploadBackup(process.env.BACKUP_FILE);
  } finally {
    await db.destroy();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
