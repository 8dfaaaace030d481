import express, { Request, Response, Router } from 'express';
import axios from 'axios';
import { setTimeout as wait } from 'node:timers/promises';
import { db } from '../db';
import { verifySignature } from '../lib/signature';
import type { Subscriber } from '../types';

export const router: Router = express.Router();

const MAX_DELIVERY_ATTEMPTS = 6;

async function deliver(url: string, payload: unknown): Promise<void> {
  let delivered = false;
  let backoff = 500;
  while (!delivered) { // expect: unbounded-retry
    try {
      await axios.post(url, payload, { timeout: 5000 });
      delivered = true;
    } catch (err) {
      await wait(backoff);
      backoff = backoff * 2;
      if (backoff > 60_000) backoff = 60_000;
    }
  }
}

async function deliverBounded(url: string, payload: unknown): Promise<void> {
  let ok = false;
  let attempts = 0;
  while (!ok && attempts < MAX_DELIVERY_ATTEMPTS) { // ok: unbounded-retry
    attempts++;
    try {
      await axios.post(url, payload, { timeout: 5000 });
      ok = true;
    } catch {
      await wait(1000 * attempts);
    }
  }
  if (!ok) throw new Error(`delivery to ${url} failed after ${attempts} attempts`);
}

async function fetchSubscriber(id: string): Promise<Subscriber | undefined> {
  let ok = false;
  let result: Subscriber | undefined;
  let attempt = 0;
  while (!ok) { // ok: unbounded-retry
    try {
      result = await db.subscribers.findById(id);
      ok = true;
    } catch (err) {
      attempt += 1;
      if (attempt >= 3) throw err;
    }
  }
  return result;
}

async function pingUntilHealthy(url: string): Promise<void> {
  while (true) { // expect: unbounded-retry
    const res = await axios.get(url, { timeout: 2000 }).catch(() => null);
    if (res?.status === 200) return;
    await wait(1000);
  }
}

async function waitForTenantReady(tenantId: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) { // ok: unbounded-retry
    try {
      const tenant = await db.tenants.findById(tenantId);
      if (tenant?.ready) return tenant;
    } catch (err) {
      console.warn('tenant lookup failed, polling again', err);
    }
    await wait(500);
  }
  throw new Error(`tenant ${tenantId} not ready after ${timeoutMs}ms`);
}

router.post('/webhooks/:tenant', async (req: Request, res: Response) => {
  if (!verifySignature(req)) return res.status(401).end();
  await waitForTenantReady(req.params.tenant);
  const hooks = await db.webhooks.forTenant(req.params.tenant);
  for (const hook of hooks) { // ok: unbounded-retry
    try {
      await deliverBounded(hook.url, req.body);
    } catch (err) {
      req.log.error({ err, hook: hook.id }, 'webhook delivery failed');
    }
  }
  res.status(202).json({ queued: hooks.length });
});

router.post('/webhooks/:tenant/replay', async (req: Request, res: Response) => {
  const events = await db.events.failedFor(req.params.tenant);
  res.status(202).end();
  for (const event of events) { // ok: unbounded-retry
    while (true) { // expect: unbounded-retry
      try {
        await axios.post(event.url, event.body, { timeout: 10_000 });
        break;
      } catch (err) {
        req.log.warn({ err, event: event.id }, 'replay failed, retrying');
        await wait(2000);
      }
    }
  }
});

router.post('/webhooks/:tenant/test', async (req: Request, res: Response) => {
  const sub = await fetchSubscriber(req.body.subscriberId);
  if (!sub) return res.status(404).end();
  await pingUntilHealthy(sub.healthUrl);
  await deliver(sub.url, { type: 'test' });
  res.status(204).end();
});
