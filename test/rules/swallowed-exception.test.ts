import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { logAndRethrowEdit } from '../../src/core/fixes/quickFixes';
import { applyEdits } from '../../src/core/fixes/textEdits';
import { swallowedException } from '../../src/core/rules/swallowed-exception';
import { findingsFor, runDocsExamples, runFixtureTests, runRuleTests, type InvalidCase, type RuleCase } from './ruleTester';

const valid: (string | RuleCase)[] = [
  {
    name: '.catch(this.onFail) where the method reports the error',
    code: `import * as Sentry from '@sentry/node';

export class Billing {
  private onFail(err: unknown) {
    Sentry.captureException(err);
  }

  refresh(load: () => Promise<void>) {
    return load().catch(this.onFail);
  }
}
`,
  },
  // ---- the "do not flag" list -------------------------------------------------------------
  {
    name: 'rethrow after cleanup',
    code: `import { pool } from './db';

export async function transfer(from: string, to: string, cents: number) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('UPDATE accounts SET balance = balance - $1 WHERE id = $2', [cents, from]);
    await client.query('UPDATE accounts SET balance = balance + $1 WHERE id = $2', [cents, to]);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  } finally {
    client.release();
  }
}
`,
  },
  {
    name: 'logger.error(err) with a pino logger',
    code: `import pino from 'pino';

const logger = pino();

export async function syncCatalog(load: () => Promise<void>) {
  try {
    await load();
  } catch (err) {
    logger.error(err);
  }
}
`,
  },
  {
    name: "console.warn('x failed') without the error",
    code: `export function parsePort(raw: string | undefined): number {
  try {
    return Number.parseInt(raw ?? '', 10);
  } catch {
    console.warn('PORT is not a number, using 3000');
    return 3000;
  }
}
`,
  },
  {
    name: 'instanceof NotFound returns null, everything else is rethrown',
    code: `import { NotFoundError } from './errors';
import { users } from './users';

export async function findUser(id: string) {
  try {
    return await users.get(id);
  } catch (e) {
    if (e instanceof NotFoundError) return null;
    throw e;
  }
}
`,
  },
  {
    name: 'Express: .catch(next)',
    code: `import { Router } from 'express';
import { listOrders } from './orders';

export const router = Router();

router.get('/orders', (req, res, next) => {
  listOrders(String(req.query.customerId)).then((orders) => res.json(orders)).catch(next);
});
`,
  },
  {
    name: '.catch(err => reject(err)) inside a promise executor',
    code: `import { createReadStream } from 'node:fs';
import { parseCsv } from './csv';

export function readRows(path: string): Promise<string[][]> {
  return new Promise((resolve, reject) => {
    parseCsv(createReadStream(path)).then(resolve).catch((err) => reject(err));
  });
}
`,
  },
  // ---- the error is referenced --------------------------------------------------------------------
  {
    name: 'wrapped in a new error with cause',
    code: `import { PaymentError } from './errors';

export async function capture(charge: () => Promise<void>, orderId: string) {
  try {
    await charge();
  } catch (err) {
    throw new PaymentError(\`capture failed for \${orderId}\`, { cause: err });
  }
}
`,
  },
  {
    name: 'inspects e.code (ENOENT is expected)',
    code: `import { readFile } from 'node:fs/promises';

export async function readOptional(path: string) {
  try {
    return await readFile(path, 'utf8');
  } catch (e: any) {
    if (e.code === 'ENOENT') return undefined;
    return Promise.reject(e);
  }
}
`,
  },
  {
    name: 'error response whose body uses the error',
    code: `import express from 'express';
import { importFeed } from './feed';

const app = express();

app.post('/feeds', async (req, res) => {
  try {
    res.json(await importFeed(req.body.url));
  } catch (err) {
    res.status(502).json({ error: 'feed import failed', detail: (err as Error).message });
  }
});
`,
  },
  {
    name: 'destructured catch binding that is used',
    code: `export function decode(token: string) {
  try {
    return JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch ({ message }) {
    return { invalid: true, reason: message };
  }
}
`,
  },
  {
    name: 'collects the error for a report',
    code: `export async function runAll(tasks: Array<() => Promise<void>>) {
  const errors: unknown[] = [];
  for (const task of tasks) {
    try {
      await task();
    } catch (err) {
      errors.push(err);
    }
  }
  return errors;
}
`,
  },
  {
    name: '.catch handler that returns the error as a value',
    code: `import { pingService } from './health';

export function checks(names: string[]) {
  return Promise.all(names.map((n) => pingService(n).then(() => ({ n, ok: true })).catch((err) => ({ n, ok: false, err }))));
}
`,
  },
  // ---- loggers and error reporters ----------------------------------------------------------------
  {
    name: 'Sentry.captureException via a namespace import',
    code: `import * as Sentry from '@sentry/node';

export async function sendReceipt(send: () => Promise<void>) {
  try {
    await send();
  } catch (error) {
    Sentry.captureException(error);
  }
}
`,
  },
  {
    name: 'a reporting function named-imported from Sentry, without the error (catch without a binding)',
    code: `import { captureMessage } from '@sentry/node';

export async function syncCustomer(id: string, sync: (id: string) => Promise<void>) {
  try {
    await sync(id);
  } catch {
    captureMessage(\`customer sync failed for \${id}\`, 'warning');
  }
}
`,
  },
  {
    name: 'NestJS class member this.logger.warn without the error',
    code: `import { Injectable, Logger } from '@nestjs/common';
import { StockClient } from './stock';

@Injectable()
export class StockService {
  private readonly logger = new Logger(StockService.name);
  constructor(private readonly stock: StockClient) {}

  async available(sku: string): Promise<number> {
    try {
      return await this.stock.count(sku);
    } catch {
      this.logger.warn(\`stock count unavailable for \${sku}\`);
      return 0;
    }
  }
}
`,
  },
  {
    name: 'log.info from loglevel',
    code: `import log from 'loglevel';

export function loadTheme(raw: string) {
  try {
    return JSON.parse(raw);
  } catch {
    log.info('theme is not JSON, using the default');
    return {};
  }
}
`,
  },
  {
    name: 'debug package',
    code: `const debug = require('debug')('cache');

async function readCache(client, key) {
  try {
    return await client.get(key);
  } catch {
    debug('cache read failed for %s', key);
    return null;
  }
}

module.exports = { readCache };
`,
    file: 'src/cache.js',
  },
  {
    name: '.catch(console.error)',
    code: `import { migrate } from './migrate';

migrate().catch(console.error);
`,
  },
  {
    name: 'a named handler imported from elsewhere may log',
    code: `import { handleError } from './errors';
import { refreshTokens } from './auth';

export function scheduleRefresh() {
  setInterval(() => refreshTokens().catch(handleError), 60_000);
}
`,
  },
  {
    name: 'a class method as handler: .catch(this.onFailure)',
    code: `export class Uploader {
  constructor(private readonly put: (key: string, body: Buffer) => Promise<void>) {}

  upload(key: string, body: Buffer) {
    return this.put(key, body).catch(this.onFailure);
  }

  private onFailure = (err: unknown) => {
    console.error('upload failed', err);
  };
}
`,
  },
  {
    name: 'a local handler function that logs',
    code: `import { logger } from './logger';
import { publish } from './bus';

function report(err: unknown) {
  logger.warn({ err }, 'event not published');
}

export function announce(event: string) {
  publish(event).catch(report);
}
`,
  },
  {
    name: 'failure counted in metrics (decision: reported)',
    code: `import { metrics } from './metrics';
import { warmCache } from './cache';

export async function warm() {
  try {
    await warmCache();
  } catch {
    metrics.increment('cache.warm.failed');
  }
}
`,
  },
  // ---- passed on --------------------------------------------------------------------------------
  {
    name: 'Express: catch (err) { next(err) }',
    code: `import type { NextFunction, Request, Response } from 'express';
import { createOrder } from './orders';

export async function postOrder(req: Request, res: Response, next: NextFunction) {
  try {
    res.status(201).json(await createOrder(req.body));
  } catch (err) {
    next(err);
  }
}
`,
  },
  {
    name: 'node-style callback cb(err) in CommonJS',
    code: `const fs = require('fs');

function readJson(path, cb) {
  fs.readFile(path, 'utf8', (err, text) => {
    if (err) return cb(err);
    let data;
    try {
      data = JSON.parse(text);
    } catch (parseError) {
      return cb(parseError);
    }
    cb(null, data);
  });
}

module.exports = { readJson };
`,
    file: 'lib/readJson.js',
  },
  {
    name: 'callback() without arguments',
    code: `export function flush(queue: string[], write: (items: string[]) => void, callback: () => void) {
  try {
    write(queue.splice(0));
  } catch {
    callback();
  }
}
`,
  },
  {
    name: 'mocha test: .catch(done)',
    code: `import assert from 'node:assert/strict';
import { login } from '../src/auth';

it('logs in', (done) => {
  login('ada', 'secret').then((session) => {
    assert.ok(session.token);
    done();
  }).catch(done);
});
`,
    file: 'test/auth.test.ts',
  },
  {
    name: "an 'error' event is emitted",
    code: `import { EventEmitter } from 'node:events';

export class Poller extends EventEmitter {
  constructor(private readonly poll: () => Promise<void>) {
    super();
  }

  async tick() {
    try {
      await this.poll();
    } catch {
      this.emit('error', new Error('poll failed'));
    }
  }
}
`,
  },
  {
    name: 'an onError prop callback',
    code: `export async function submit(form: FormData, props: { onError?: () => void; onDone: () => void }) {
  try {
    await fetch('/api/submit', { method: 'POST', body: form, signal: AbortSignal.timeout(5000) });
    props.onDone();
  } catch {
    props.onError?.();
  }
}
`,
  },
  {
    name: '.catch(() => Promise.reject(new Error(…))) and a handler that throws',
    code: `import { ServiceUnavailable } from './errors';
import { loadProfile, loadAvatar } from './profile';

export function profile(id: string) {
  return loadProfile(id).catch(() => Promise.reject(new ServiceUnavailable('profile')));
}

export function avatar(id: string) {
  return loadAvatar(id).catch(() => {
    throw new ServiceUnavailable('avatar');
  });
}
`,
  },
  {
    name: 'a local helper that throws',
    code: `import { ValidationError } from './errors';

function invalid(message: string): never {
  throw new ValidationError(message);
}

export function parseBody(raw: string) {
  try {
    return JSON.parse(raw);
  } catch {
    invalid('request body is not valid JSON');
  }
}
`,
  },
  {
    name: 'no rejection handler: .then(ok), .then(ok, undefined), Bluebird filtered catch',
    code: `import Bluebird from 'bluebird';
import { NotFoundError } from './errors';
import { loadUser } from './users';

export function user(id: string) {
  loadUser(id).then((u) => console.log(u.name));
  loadUser(id).then((u) => u, undefined);
  return Bluebird.resolve(loadUser(id)).catch(NotFoundError, () => null);
}
`,
  },
  {
    name: 'resolve() of a promise executor is a callback (decision)',
    code: `export function tryParse(text: string): Promise<unknown> {
  return new Promise((resolve) => {
    try {
      resolve(JSON.parse(text));
    } catch {
      resolve(undefined);
    }
  });
}
`,
  },
  {
    name: 'test files skipped with ignoreTestFiles',
    code: `import { connect } from '../src/db';

after(async () => {
  try {
    await connect().then((c) => c.close());
  } catch {}
});
`,
    file: 'test/db.test.ts',
    options: { ignoreTestFiles: true },
  },
  {
    name: 'bounded retry that keeps the last error and throws it when the attempts run out',
    code: `const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function withRetry<T>(op: () => Promise<T>, maxAttempts = 3): Promise<T> {
  let lastError: unknown;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    try {
      return await op();
    } catch (err) {
      lastError = err;
      await sleep(2 ** attempt * 100);
    }
  }
  throw new Error(\`gave up after \${maxAttempts} attempts\`, { cause: lastError });
}
`,
  },
  {
    name: 'process.stderr.write in a CLI',
    code: `import { readFileSync } from 'node:fs';

export function readConfig(path: string) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    process.stderr.write(\`cannot read \${path}, using defaults\\n\`);
    return {};
  }
}
`,
  },
  {
    name: 'a toast given the error itself, and a toast next to a logger call',
    code: `import { toast } from 'sonner';
import { logger } from './logger';
import { api } from './api';

export async function remove(id: string) {
  try {
    await api.remove(id);
  } catch (err) {
    toast.error(err instanceof Error ? err.message : 'Could not remove');
  }
}

export function archive(id: string) {
  return api.archive(id).catch(() => {
    toast.error('Could not archive');
    logger.warn('archive failed');
  });
}
`,
  },
  {
    name: 'Effect.catch whose handler fails the effect again with Effect.die / Effect.fail',
    code: `import { Effect } from 'effect';
import { loadWorkflow, WorkflowMissing } from './workflows';

export const resume = (id: string) =>
  loadWorkflow(id).pipe(
    Effect.catch(() => Effect.die(\`workflow \${id}: retry schedule exhausted\`)),
  );

export const lookup = (id: string) =>
  loadWorkflow(id).pipe(Effect.catch(() => Effect.fail(new WorkflowMissing({ id }))));
`,
  },
];

const invalid: InvalidCase[] = [
  {
    name: '.catch(this.swallow) where the class field is an empty arrow (found by the third blind corpus)',
    code: `export class Billing {
  private readonly swallow = () => {};

  refresh(load: () => Promise<void>) {
    return load().catch(this.swallow);
  }
}
`,
    line: 5,
    messageIncludes: ['an empty function'],
  },
  // ---- catch clauses ------------------------------------------------------------------------------
  {
    name: 'empty catch with a binding',
    code: `import { sendWelcomeEmail } from './mail';

export async function register(email: string) {
  try {
    await sendWelcomeEmail(email);
  } catch (err) {}
}
`,
    line: 6,
    text: 'catch (err)',
    severity: 'HIGH',
    messageIncludes: ['`catch` block is empty', 'nothing logs it, rethrows it or passes it on', 'In production', 'Log the error with context and rethrow'],
  },
  {
    name: 'binding-less catch {}',
    code: `export function tryRemove(cache: Map<string, unknown>, key: string) {
  try {
    cache.delete(key);
  } catch {}
}
`,
    line: 4,
    text: 'catch',
  },
  {
    name: 'comment-only catch',
    code: `import mongoose from 'mongoose';

export async function disconnect() {
  try {
    await mongoose.disconnect();
  } catch (e) {
    // already closed, nothing to do
  }
}
`,
    line: 6,
    text: 'catch (e)',
    messageIncludes: ['holds only a comment'],
  },
  {
    name: 'catch only returns null',
    code: `export async function eurRate(currency: string): Promise<number | null> {
  try {
    const res = await fetch('https://fx.example.com/latest?symbols=' + currency, { signal: AbortSignal.timeout(2000) });
    return ((await res.json()) as { rates: Record<string, number> }).rates[currency] ?? null;
  } catch {
    return null;
  }
}
`,
    line: 5,
    messageIncludes: ['only returns the fallback `null`'],
  },
  {
    name: 'catch only returns undefined (typed binding)',
    code: `export function parseJson<T>(raw: string): T | undefined {
  try {
    return JSON.parse(raw) as T;
  } catch (error: unknown) {
    return undefined;
  }
}
`,
    text: 'catch (error: unknown)',
  },
  {
    name: 'catch only returns false',
    code: `import { verify } from 'jsonwebtoken';

export function isValidToken(token: string, secret: string): boolean {
  try {
    verify(token, secret);
    return true;
  } catch (e) {
    return false;
  }
}
`,
    messageIncludes: ['`false`'],
  },
  {
    name: 'catch only returns [] in a class method',
    code: `import type { Repository } from 'typeorm';
import type { Order } from './order.entity';

export class OrderHistory {
  constructor(private readonly repo: Repository<Order>) {}

  async recent(customerId: string): Promise<Order[]> {
    try {
      return await this.repo.find({ where: { customerId }, take: 20 });
    } catch (err) {
      return [];
    }
  }
}
`,
    line: 10,
    messageIncludes: ['`[]`'],
  },
  {
    name: 'catch only sets a flag',
    code: `import { pool } from './db';

export async function ready() {
  let databaseUp = true;
  try {
    await pool.query('SELECT 1');
  } catch {
    databaseUp = false;
  }
  return { databaseUp };
}
`,
    messageIncludes: ['only sets `databaseUp`'],
  },
  {
    name: 'catch only sets this.healthy in a class',
    code: `export class Probe {
  healthy = true;

  async check(ping: () => Promise<void>) {
    try {
      await ping();
      this.healthy = true;
    } catch (err) {
      this.healthy = false;
    }
  }
}
`,
    messageIncludes: ['`this.healthy`'],
  },
  {
    name: 'Express: catch only sends a 500 response',
    code: `import { Router } from 'express';
import { getOrder } from './orders';

export const router = Router();

router.get('/orders/:id', async (req, res) => {
  try {
    res.json(await getOrder(req.params.id));
  } catch (err) {
    res.status(500).json({ error: 'Something went wrong' });
  }
});
`,
    line: 9,
    messageIncludes: ['only sends an error response'],
  },
  {
    name: 'Express in CommonJS: return res.sendStatus(500)',
    code: `const express = require('express');
const { chargeCard } = require('./payments');

const router = express.Router();

router.post('/pay', async (req, res) => {
  try {
    await chargeCard(req.body);
    res.sendStatus(204);
  } catch (e) {
    return res.sendStatus(500);
  }
});

module.exports = router;
`,
    file: 'routes/pay.js',
    line: 10,
  },
  {
    name: 'an imported sendError(res, …) helper only sends an error response',
    code: `import type { Request, Response } from 'express';
import { sendError } from '../http/responses';
import { exportInvoices } from './invoices';

export async function downloadInvoices(req: Request, res: Response) {
  try {
    res.attachment('invoices.csv').send(await exportInvoices(String(req.query.month)));
  } catch (err) {
    sendError(res, 500, 'Export failed');
  }
}
`,
    text: 'catch (err)',
  },
  {
    name: 'Fastify: reply.code(502).send()',
    code: `import type { FastifyInstance } from 'fastify';
import { quote } from './shipping';

export async function routes(app: FastifyInstance) {
  app.get('/quote', async (request, reply) => {
    try {
      return await quote(request.query);
    } catch {
      return reply.code(502).send({ error: 'shipping quote unavailable' });
    }
  });
}
`,
    messageIncludes: ['error response'],
  },
  {
    name: 'catch that only continues a loop',
    code: `export async function importAll(rows: string[], save: (row: string) => Promise<void>) {
  let saved = 0;
  for (const row of rows) {
    try {
      await save(row);
      saved++;
    } catch {
      continue;
    }
  }
  return saved;
}
`,
    messageIncludes: ['only skips'],
  },
  {
    name: 'process.exit(1) without a word (decision: flagged)',
    code: `import { runMigrations } from './migrate';

export async function main() {
  try {
    await runMigrations();
  } catch (err) {
    process.exit(1);
  }
}
`,
    messageIncludes: ['does not log, rethrow or pass on the error'],
  },
  {
    name: 'bounded retry whose catch drops every attempt\'s error, with a throw after the loop (decision)',
    code: `const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function withRetry<T>(op: () => Promise<T>, maxAttempts = 3): Promise<T> {
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    try {
      return await op();
    } catch {
      await sleep(2 ** attempt * 100);
    }
  }
  throw new Error(\`gave up after \${maxAttempts} attempts\`);
}
`,
    text: 'catch',
    messageIncludes: ['drops the error of every failed attempt', 'lastError = err'],
  },
  {
    name: 'a retry loop with no throw after it swallows every failure',
    code: `const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function pollForever(tick: () => Promise<void>) {
  while (true) {
    try {
      await tick();
    } catch {
      await sleep(1000);
    }
  }
}
`,
    text: 'catch',
  },
  {
    name: 'a catch in a loop that returns a fallback is not a retry, even with a throw after the loop',
    code: `export async function firstReachable(urls: string[]) {
  for (const url of urls) {
    try {
      return await fetch(url, { signal: AbortSignal.timeout(1000) });
    } catch {
      return null;
    }
  }
  throw new Error('no urls');
}
`,
  },
  {
    name: 'a nested function parameter shadows the binding',
    code: `export function freshOnly(load: () => { fresh: boolean }[], cached: { fresh: boolean }[]) {
  try {
    return load();
  } catch (e) {
    return cached.filter((e) => e.fresh);
  }
}
`,
  },
  {
    name: 'inner empty catch inside a logged outer catch',
    code: `import { logger } from './logger';

export async function close(db: { end(): Promise<void> }, cache: { quit(): Promise<void> }) {
  try {
    await db.end();
  } catch (err) {
    logger.warn({ err }, 'db close failed');
    try {
      await cache.quit();
    } catch {}
  }
}
`,
    line: 10,
    text: 'catch',
  },
  {
    name: 'test files are still checked by default',
    code: `import { startServer } from '../src/server';

before(async () => {
  try {
    await startServer();
  } catch {
    // the server may already be running
  }
});
`,
    file: 'test/server.test.ts',
  },
  // ---- .catch handlers ----------------------------------------------------------------------------
  {
    name: '.catch(() => {})',
    code: `import { pool } from './db';

export async function shutdown() {
  await pool.end().catch(() => {});
}
`,
    line: 4,
    text: '() => {}',
    messageIncludes: ['`.catch()` handler is empty', "logger.error({ err }, '…'); throw err;"],
  },
  {
    name: '.catch(() => null)',
    code: `import { summarise } from './ai';

export async function summary(notes: string) {
  const text = await summarise(notes).catch(() => null);
  return text ?? '';
}
`,
    text: '() => null',
    messageIncludes: ['`null`'],
  },
  {
    name: '.catch(() => undefined)',
    code: `import { lookupAvatar } from './avatars';

export const avatarFor = (id: string) => lookupAvatar(id).catch(() => undefined);
`,
  },
  {
    name: '.catch(() => void 0) and .catch(async () => {})',
    code: `import { track } from './analytics';

export function pageView(path: string) {
  track('view', path).catch(() => void 0);
  track('ping', path).catch(async () => {});
}
`,
    count: 2,
  },
  {
    name: '.catch(function () {}) in plain JS',
    code: `const { invalidate } = require('./cdn');

function purge(path) {
  invalidate(path).catch(function () {});
}

module.exports = { purge };
`,
    file: 'src/purge.js',
    text: 'function () {}',
  },
  {
    name: 'multi-line handler reported on its head',
    code: `import { refresh } from './session';

export function keepAlive() {
  refresh().catch(() => {
    // best effort
    return undefined;
  });
}
`,
    line: 4,
    text: '() =>',
  },
  {
    name: 'React state setter only (TSX)',
    code: `import { useEffect, useState } from 'react';
import { fetchOrders } from './api';

export function Orders() {
  const [loading, setLoading] = useState(true);
  const [orders, setOrders] = useState<string[]>([]);
  useEffect(() => {
    fetchOrders().then(setOrders).catch(() => setLoading(false));
  }, []);
  return <ul>{loading ? 'Loading…' : orders.map((o) => <li key={o}>{o}</li>)}</ul>;
}
`,
    file: 'src/Orders.tsx',
    messageIncludes: ['setLoading'],
  },
  // ---- .catch(noop) -------------------------------------------------------------------------------
  {
    name: '.catch(noop) with a local empty function declaration',
    code: `import { recordEvent } from './auditLog';

function noop() {}

export function cancelled(orderId: string) {
  recordEvent(orderId, 'cancelled').catch(noop);
}
`,
    text: 'noop',
    messageIncludes: ['`.catch(noop)`', 'an empty function'],
  },
  {
    name: '.catch(ignore) with a local empty arrow',
    code: `import { warmUp } from './cache';

const ignore = () => {};

export function boot() {
  warmUp().catch(ignore);
}
`,
    text: 'ignore',
  },
  {
    name: 'named import of noop from lodash',
    code: `import { noop } from 'lodash';
import { notifyWarehouse } from './warehouse';

export function shipped(orderId: string) {
  notifyWarehouse(orderId).catch(noop);
}
`,
  },
  {
    name: '_.noop with a default lodash import',
    code: `import _ from 'lodash';
import { ping } from './health';

export function heartbeat() {
  ping().catch(_.noop);
}
`,
    text: '_.noop',
  },
  {
    name: 'destructured require of noop from lodash',
    code: `const { noop } = require('lodash');
const { sendMetric } = require('./metrics-client');

exports.report = (name) => {
  sendMetric(name).catch(noop);
};
`,
    file: 'src/report.cjs',
  },
  {
    name: 'aliased lodash-es noop and lodash/noop default import',
    code: `import { noop as swallow } from 'lodash-es';
import quiet from 'lodash/noop';
import { prefetch } from './prefetch';

export function prefetchAll(urls: string[]) {
  for (const url of urls) prefetch(url).catch(swallow);
  prefetch('/home').catch(quiet);
}
`,
    count: 2,
  },
  {
    name: 'const noop = require(\'lodash/noop\')',
    code: `const noop = require('lodash/noop');
const { touch } = require('./sessions');

module.exports.keepAlive = function keepAlive(id) {
  touch(id).catch(noop);
};
`,
    file: 'src/keepalive.js',
  },
  {
    name: '.catch(Function.prototype)',
    code: `import { flushTelemetryBuffer } from './buffer';

export function onExit() {
  flushTelemetryBuffer().catch(Function.prototype);
}
`,
  },
  // ---- .then(ok, onRejected) ----------------------------------------------------------------------
  {
    name: 'promise.then(ok, () => {})',
    code: `import { loadFlags } from './flags';

export function initFlags(apply: (f: Record<string, boolean>) => void) {
  loadFlags().then(apply, () => {});
}
`,
    text: '() => {}',
    messageIncludes: ['rejection handler of `.then(onFulfilled, onRejected)`'],
  },
  {
    name: '.then(ok, onRejected) that only sends a 409',
    code: `import { Router } from 'express';
import { shipOrder } from './orders';

export const router = Router();

router.post('/orders/:id/ship', (req, res) => {
  shipOrder(req.params.id).then((order) => res.json(order), () => res.status(409).json({ error: 'Order cannot be shipped' }));
});
`,
    messageIncludes: ['only sends an error response'],
  },
  {
    name: '.then(ok, function () { return false })',
    code: `import { exists } from './storage';

export function hasBackup(key: string) {
  return exists(key).then(function (found) { return found; }, function () { return false; });
}
`,
    text: 'function () { return false; }',
  },
  {
    name: '.then(ok, noop) with a local noop',
    code: `import { preload } from './assets';

const noop = () => undefined;

export function preloadAll() {
  preload().then(() => console.log('assets ready'), noop);
}
`,
    messageIncludes: ['`.then(…, noop)`'],
  },
  {
    name: 'three swallowed handlers in one service file',
    code: `import { Injectable } from '@nestjs/common';
import { Cache } from './cache';

@Injectable()
export class PriceService {
  constructor(private readonly cache: Cache) {}

  async price(sku: string): Promise<number | null> {
    this.cache.touch(sku).catch(() => {});
    try {
      return await this.cache.get(sku);
    } catch {
      return null;
    }
  }

  evict(sku: string) {
    try {
      this.cache.delete(sku);
    } catch (e) {
      // ignore
    }
  }
}
`,
    count: 3,
  },
  {
    name: 'a catch that only shows the user a toast (react-hot-toast) records nothing',
    code: `import { toast } from 'react-hot-toast';
import { api } from './api';

export async function addToCart(id: string) {
  try {
    await api.addToCart(id);
  } catch {
    toast.error('Could not add the product to your cart');
  }
}
`,
    line: 7,
    messageIncludes: ['does not log, rethrow or pass on the error'],
  },
  {
    name: 'antd message.error and window.alert in .catch handlers',
    code: `import { message } from 'antd';
import { api } from './api';

export function save(values: object) {
  api.save(values).catch(() => message.error('Save failed'));
  api.track('save').catch(() => alert('Tracking failed'));
}
`,
    count: 2,
  },
  {
    name: 'Effect.catch whose handler turns the failure into a success value',
    code: `import { Effect } from 'effect';
import { checkLock } from './locks';

export const isLocked = (shard: string) =>
  checkLock(shard).pipe(
    Effect.catch(() => Effect.succeed(false)),
  );
`,
    line: 6,
  },
];

runRuleTests(swallowedException, { valid, invalid });
runFixtureTests(swallowedException);
runDocsExamples(swallowedException);

describe('rule swallowed-exception findings lead the quick fix to the handler', () => {
  const code = `import { logger } from './logger';

export async function refresh(load: () => Promise<void>, ping: () => Promise<void>) {
  try {
    await load();
  } catch {
    return null;
  }
  await ping().catch(() => {
    // best effort
  });
}
`;
  it('the log-and-rethrow fix applies at each finding and the fixed file has no finding left', () => {
    const found = findingsFor(swallowedException, { code });
    assert.equal(found.length, 2);
    let fixed = code;
    // apply from the bottom up so earlier offsets stay valid
    for (const f of [...found].sort((a, b) => b.line - a.line)) {
      const edits = logAndRethrowEdit('src/case.ts', fixed, f.line, f.column);
      assert.ok(edits && edits.length > 0, `a fix at ${f.line}:${f.column}`);
      fixed = applyEdits(fixed, edits);
    }
    assert.match(fixed, /catch \(error\) \{\s*logger\.error\(error\);\s*throw error;/);
    assert.deepEqual(findingsFor(swallowedException, { code: fixed }), []);
  });
});
