import promiseRetry from 'promise-retry';
import pg from 'pg';
import { setTimeout as delay } from 'node:timers/promises';
import { logger } from '../logger.mjs';

const { Pool } = pg;
export const pool = new Pool({ connectionString: process.env.DATABASE_URL });
const replicaPool = new Pool({ connectionString: process.env.REPLICA_URL });
const analyticsPool = new Pool({ connectionString: process.env.ANALYTICS_URL });

export function waitForDatabase() {
  return promiseRetry(
    (retry, number) => {
      logger.info({ number }, 'connecting to postgres');
      return pool.query('SELECT 1').catch(retry);
    },
    { forever: true, minTimeout: 500, maxTimeout: 5000 } // expect: unbounded-retry
  );
}

export function runMigrationLock() {
  return promiseRetry((retry) => pool.query('SELECT pg_advisory_lock(42)').catch(retry), {
    retries: 10, // ok: unbounded-retry
    factor: 1.5,
  });
}

export function refreshMaterializedViews() {
  return promiseRetry(
    async (retry, attempt) => {
      try {
        await pool.query('REFRESH MATERIALIZED VIEW CONCURRENTLY daily_sales');
      } catch (err) {
        logger.warn({ err, attempt }, 'refresh failed');
        retry(err); // ok: unbounded-retry
      }
    },
    {
      retries: Infinity, // expect: unbounded-retry
    }
  );
}

export function vacuumAudit() {
  // options-first call form
  return promiseRetry(
    {
      forever: true, // expect: unbounded-retry
      factor: 1,
    },
    (retry) => pool.query('VACUUM ANALYZE audit_log').catch(retry)
  );
}

let listener;

export async function connectListener(onNotification) {
  try {
    listener = await pool.connect();
    await listener.query('LISTEN cache_invalidation');
    listener.on('notification', onNotification);
  } catch (err) {
    logger.error({ err }, 'LISTEN connection failed, retrying in 3s');
    await delay(3000);
    return connectListener(onNotification); // expect: unbounded-retry
  }
}

export async function connectReplica(attempt = 1) {
  try {
    return await replicaPool.connect();
  } catch (err) {
    if (attempt >= 5) throw err;
    await delay(attempt * 1000);
    return connectReplica(attempt + 1); // ok: unbounded-retry
  }
}

export async function connectAnalytics(attempt = 1) {
  try {
    return await analyticsPool.connect();
  } catch (err) {
    logger.warn({ err, attempt }, 'analytics connect failed');
    await delay(Math.min(attempt * 1000, 10_000));
    return connectAnalytics(attempt + 1); // expect: unbounded-retry
  }
}

async function pageQuery(cursor) {
  const { rows } = await pool.query('SELECT * FROM events WHERE id > $1 ORDER BY id LIMIT 500', [cursor ?? 0]);
  return { rows, next: rows.length === 500 ? rows[rows.length - 1].id : null };
}

export async function fetchAllRows(cursor = null, acc = []) {
  try {
    const { rows, next } = await pageQuery(cursor);
    acc.push(...rows);
    if (next) return fetchAllRows(next, acc); // ok: unbounded-retry
    return acc;
  } catch (err) {
    logger.error({ err }, 'pagination failed');
    throw err;
  }
}
