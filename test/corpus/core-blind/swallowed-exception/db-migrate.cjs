#!/usr/bin/env node
const knex = require('knex');
const { Client } = require('pg');
const winston = require('winston');
const Sentry = require('@sentry/node');

const logger = winston.createLogger({ transports: [new winston.transports.Console()] });
const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });

async function runMigration(name, fn) {
  const trx = await db.transaction();
  try {
    await fn(trx);
    await trx.commit();
    logger.info(`migration ${name} applied`);
  } catch (err) { // ok: swallowed-exception
    await trx.rollback();
    throw err;
  }
}

async function dropLegacyTables() {
  const trx = await db.transaction();
  try {
    await trx.schema.dropTableIfExists('legacy_sessions');
    await trx.commit();
  } catch (e) { // expect: swallowed-exception
    await trx.rollback();
  }
}

async function ensureExtension(name) {
  try {
    await db.raw(`CREATE EXTENSION IF NOT EXISTS "${name}"`);
  } catch (err) { // ok: swallowed-exception
    logger.warn(`could not create extension ${name}: ${err.message}`);
  }
}

async function tableExists(table) {
  try {
    await db(table).select(db.raw('1')).limit(1);
    return true;
  } catch { // expect: swallowed-exception
    return false;
  }
}

async function withAdvisoryLock(fn) {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock(42)');
    return await fn();
  } finally { // ok: swallowed-exception
    await client.end();
  }
}

async function backfillEmails() {
  const rows = await db('users').whereNull('email_normalized').select('id', 'email');
  let skipped = 0;
  for (const row of rows) {
    try {
      await db('users').where({ id: row.id }).update({ email_normalized: row.email.trim().toLowerCase() });
    } catch (err) { // expect: swallowed-exception
      skipped += 1;
    }
  }
  return skipped;
}

async function main() {
  let exitCode = 0;
  try {
    await withAdvisoryLock(async () => {
      await ensureExtension('pgcrypto');
      if (await tableExists('legacy_sessions')) await dropLegacyTables();
      await runMigration('002_backfill_emails', backfillEmails);
    });
  } catch (err) { // ok: swallowed-exception
    Sentry.captureException(err);
    exitCode = 1;
  } finally {
    await db.destroy().catch(() => {}); // expect: swallowed-exception
  }
  try {
    await Sentry.close(2000);
  } catch (e) { // expect: swallowed-exception
    exitCode = exitCode || 2;
  }
  process.exitCode = exitCode;
}

main();
