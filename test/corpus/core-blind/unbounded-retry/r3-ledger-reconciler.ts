// server/jobs/ledger-reconciler.ts — Koa admin API + node-cron reconciliation job
import cron from 'node-cron';
import Koa from 'koa';
import Router from '@koa/router';
import { default as withRetry, type Options as RetryOptions } from 'p-retry';
import Redlock, { ResourceLockedError, type Lock } from 'redlock';
import { setTimeout as sleep } from 'node:timers/promises';
import { redis } from '../redis';
import { reconcile, fetchBankFeed } from '../ledger';
import { log } from '../log';

const MAX_ATTEMPTS = 4;
const redlock = new Redlock([redis]);

const RECONCILE_RETRY: RetryOptions = {
  retries: Infinity, // expect: unbounded-retry
  minTimeout: 2_000,
  onFailedAttempt: (e) => log.warn(`reconcile attempt ${e.attemptNumber} failed`),
};

async function lockLedger(): Promise<Lock> {
  while (true) { // expect: unbounded-retry
    try {
      return await redlock.acquire(['ledger'], 30_000);
    } catch (err) {
      if (!(err instanceof ResourceLockedError)) throw err;
      await sleep(250 + Math.random() * 250);
    }
  }
}

export async function runReconciliation() {
  const lock = await lockLedger();
  try {
    const feed = await withRetry(fetchBankFeed, { ...RECONCILE_RETRY, retries: 4 }); // ok: unbounded-retry
    await withRetry(() => reconcile(feed), RECONCILE_RETRY);
  } finally {
    await lock.release();
  }
}

cron.schedule('*/5 * * * *', async () => {
  let attempt = 0;
  for (;;) { // ok: unbounded-retry
    attempt += 1;
    try {
      await runReconciliation();
      break;
    } catch (err) {
      if (attempt >= MAX_ATTEMPTS) {
        log.error('reconciliation failed for good', err);
        throw err;
      }
      await sleep(1_000 * attempt);
    }
  }
});

const router = new Router({ prefix: '/admin' });

router.post('/reconcile', async (ctx) => {
  let done = false;
  let tries = 0;
  while (!done) { // ok: unbounded-retry
    tries++;
    try {
      await runReconciliation();
      done = true;
    } catch (e) {
      if (tries > 3) {
        ctx.status = 503;
        return;
      }
    }
  }
  ctx.status = 204;
});

router.get('/reconcile/status', async (ctx) => {
  let attempt = 0;
  do { // ok: unbounded-retry
    try {
      ctx.body = await redis.get('ledger:last-run');
      return;
    } catch {
      attempt++;
    }
  } while (attempt < 3);
  ctx.status = 503;
});

const app = new Koa();
app.use(router.routes()).use(router.allowedMethods());
export default app;
