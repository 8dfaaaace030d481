import { unboundedRetry } from '../../src/core/rules/unbounded-retry';
import { runDocsExamples, runFixtureTests, runRuleTests, type InvalidCase, type RuleCase } from './ruleTester';

const sleep = 'const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));\n';

const invalid: InvalidCase[] = [
  {
    name: 'a success check on a failure list (`if (!out.Failed?.length) return`) is not the end of the work',
    code: `export async function sendBatch(sqs: { send(x: unknown): Promise<{ Failed?: unknown[] }> }, entries: unknown[]) {
  while (true) {
    try {
      const out = await sqs.send(entries);
      if (!out.Failed?.length) return;
    } catch (err) {
      console.error(err);
    }
  }
}
`,
    line: 2,
  },
  {
    name: '.catch((err) => err) told apart with instanceof, going round on failure',
    code: `export async function readObject(get: () => Promise<Buffer>) {
  while (true) {
    const out = await get().catch((err) => err);
    if (!(out instanceof Error)) return out;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}
`,
    line: 2,
  },
  {
    name: 'p-retry called through the default export of a namespace import (found by the second blind corpus)',
    code: `import * as pRetryNs from 'p-retry';

export function upload(send: () => Promise<void>) {
  return pRetryNs.default(send, {
    retries: Infinity,
  });
}
`,
    line: 5,
  },
  // ---- loops ------------------------------------------------------------------------------------
  {
    name: 'while (true) returning from the try, catch logs and sleeps',
    code: `${sleep}export async function fetchRates(url: string) {
  while (true) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(3000) });
      return await res.json();
    } catch (err) {
      console.warn('rates unavailable, retrying', err);
      await sleep(1000);
    }
  }
}
`,
    line: 3,
    text: 'while (true)',
    related: 1,
    severity: 'HIGH',
    messageIncludes: ['while (true)', 'cost-control', 'retry storm', 'jitter', 'dead-letter'],
  },
  {
    name: 'for (;;) with break on success and continue in catch',
    code: `${sleep}export async function publish(topic: string, body: string, client: { send(t: string, b: string): Promise<void> }) {
  for (;;) {
    try {
      await client.send(topic, body);
      break;
    } catch (err) {
      await sleep(500);
      continue;
    }
  }
}
`,
    line: 3,
    text: 'for (;;)',
  },
  {
    name: 'do … while (true) reported at the do keyword',
    code: `${sleep}export async function loadConfig(read: () => Promise<string>) {
  do {
    try {
      return JSON.parse(await read());
    } catch (e) {
      await sleep(2000);
    }
  } while (true);
}
`,
    line: 3,
    text: 'do',
    messageIncludes: ['do … while (true)'],
  },
  {
    name: 'while (!ok) where the try sets ok = true',
    code: `${sleep}export async function register(url: string) {
  let ok = false;
  while (!ok) {
    try {
      await fetch(url, { method: 'POST', signal: AbortSignal.timeout(2000) });
      ok = true;
    } catch (err) {
      console.error('registration failed', err);
      await sleep(5000);
    }
  }
}
`,
    line: 4,
    text: 'while (!ok)',
  },
  {
    name: 'do … while (!done) flag loop',
    code: `${sleep}export async function flush(buffer: string[], write: (lines: string[]) => Promise<void>) {
  let done = false;
  do {
    try {
      await write(buffer);
      done = true;
    } catch {
      await sleep(250);
    }
  } while (!done);
}
`,
    line: 4,
  },
  {
    name: 'while (!this.connected) in a class method',
    code: `${sleep}import { Client } from 'pg';

export class Database {
  private connected = false;
  constructor(private readonly client: Client) {}

  async start(): Promise<void> {
    while (!this.connected) {
      try {
        await this.client.connect();
        this.connected = true;
      } catch (err) {
        await sleep(2000);
      }
    }
  }
}
`,
    line: 9,
    text: 'while (!this.connected)',
  },
  {
    name: 'a counter that is only incremented and used for backoff is not a bound',
    code: `${sleep}export async function charge(pay: () => Promise<string>) {
  let attempt = 0;
  while (true) {
    try {
      return await pay();
    } catch (err) {
      attempt++;
      await sleep(Math.min(100 * 2 ** attempt, 30_000));
    }
  }
}
`,
    line: 4,
  },
  {
    name: 'a counter that is only logged is not a bound',
    code: `import pino from 'pino';
const logger = pino();

export async function sync(push: () => Promise<void>) {
  let attempts = 0;
  for (;;) {
    try {
      await push();
      return;
    } catch (err) {
      attempts += 1;
      logger.warn({ err, attempts }, 'sync failed');
      if (attempts > 10) logger.error('sync keeps failing');
    }
  }
}
`,
    line: 6,
  },
  {
    name: 'a capped delay is not a bound',
    code: `${sleep}export async function lease(acquire: () => Promise<string>) {
  let delay = 100;
  while (true) {
    try {
      return await acquire();
    } catch {
      await sleep(delay);
      delay = Math.min(delay * 2, 10_000);
    }
  }
}
`,
    line: 4,
  },
  {
    name: 'a for (;;) step counter used only for backoff',
    code: `${sleep}export async function upload(put: () => Promise<void>) {
  for (let attempt = 0; ; attempt++) {
    try {
      await put();
      return;
    } catch (err) {
      await sleep(2 ** attempt * 100 + Math.random() * 100);
    }
  }
}
`,
    line: 3,
  },
  {
    name: 'retrying only transient errors is still unbounded',
    code: `${sleep}const isTransient = (e: unknown) => (e as { code?: string }).code === 'ECONNRESET';

export async function read(query: () => Promise<unknown[]>) {
  while (true) {
    try {
      return await query();
    } catch (err) {
      if (!isTransient(err)) throw err;
      await sleep(300);
    }
  }
}
`,
    line: 5,
  },
  {
    name: 'success detected after the try through a failure flag',
    code: `${sleep}export async function send(mail: () => Promise<void>) {
  while (true) {
    let failed = false;
    try {
      await mail();
    } catch (err) {
      failed = true;
    }
    if (!failed) break;
    await sleep(1000);
  }
}
`,
    line: 3,
  },
  {
    name: 'a .catch in the loop whose result decides the exit',
    code: `${sleep}import axios from 'axios';

export async function getProfile(id: string) {
  while (true) {
    const res = await axios.get(\`/profiles/\${id}\`, { timeout: 2000 }).catch(() => null);
    if (res) return res.data;
    await sleep(1000);
  }
}
`,
    line: 5,
    related: 1,
  },
  {
    name: 'a .then/.catch chain that sets the success flag',
    code: `export async function warmUp(ping: () => Promise<void>) {
  let ready = false;
  while (!ready) {
    await ping()
      .then(() => {
        ready = true;
      })
      .catch((err) => console.error('not ready yet', err));
  }
}
`,
    line: 3,
  },
  {
    name: 'an infinite loop over mirrors retries forever',
    code: `${sleep}export async function download(mirrors: string[]) {
  while (true) {
    for (const mirror of mirrors) {
      try {
        return await fetch(mirror, { signal: AbortSignal.timeout(10_000) });
      } catch {
        continue;
      }
    }
    await sleep(30_000);
  }
}
`,
    line: 3,
  },
  {
    name: 'a shutdown flag in the condition is not a bound',
    code: `${sleep}export class Consumer {
  private stopped = false;
  constructor(private readonly broker: { connect(): Promise<void> }) {}

  async connect(): Promise<void> {
    while (!this.stopped) {
      try {
        await this.broker.connect();
        return;
      } catch (err) {
        await sleep(1000);
      }
    }
  }
}
`,
    line: 7,
  },
  {
    name: 'polling a status forever with a try/catch',
    code: `${sleep}export async function waitForExport(id: string, getStatus: (id: string) => Promise<{ state: string }>) {
  while (true) {
    try {
      const status = await getStatus(id);
      if (status.state === 'done') return status;
    } catch (err) {
      console.error(err);
    }
    await sleep(2000);
  }
}
`,
    line: 3,
  },
  // ---- self-calls from a catch ------------------------------------------------------------------
  {
    name: 'a function that returns itself from its catch block',
    code: `export async function sendWebhook(url: string, body: unknown): Promise<Response> {
  try {
    return await fetch(url, { method: 'POST', body: JSON.stringify(body), signal: AbortSignal.timeout(5000) });
  } catch (err) {
    return sendWebhook(url, body);
  }
}
`,
    line: 5,
    text: 'sendWebhook(url, body)',
    related: 1,
    messageIncludes: ['sendWebhook()', 'catch', 'cost-control', 'dead-letter'],
  },
  {
    name: 'setTimeout(() => self()) inside the catch',
    code: `import { createClient } from 'redis';
const client = createClient();

export async function connectRedis(): Promise<void> {
  try {
    await client.connect();
  } catch (err) {
    console.error('redis down', err);
    setTimeout(() => connectRedis(), 5000);
  }
}
`,
    line: 9,
    text: 'connectRedis()',
  },
  {
    name: 'setTimeout(self, ms) inside the catch',
    code: `import amqp from 'amqplib';

export function connectQueue(url: string): void {
  amqp.connect(url).then(
    (conn) => conn.createChannel(),
    (err) => {
      console.error(err);
      setTimeout(connectQueue, 3000, url);
    },
  );
}
`,
    line: 8,
    text: 'setTimeout(connectQueue, 3000, url)',
  },
  {
    name: 'the classic mongoose connectWithRetry via .catch',
    code: `import mongoose from 'mongoose';

const connectWithRetry = () => {
  return mongoose.connect(process.env.MONGO_URL!).catch((err) => {
    console.error('MongoDB connection failed, retrying in 5s', err);
    setTimeout(connectWithRetry, 5000);
  });
};

export { connectWithRetry };
`,
    line: 6,
  },
  {
    name: '.catch(() => self()) in an arrow function',
    code: `const poll = (id: string): Promise<unknown> => fetch(\`/jobs/\${id}\`).catch(() => poll(id));
export { poll };
`,
    line: 1,
    text: 'poll(id)',
  },
  {
    name: 'a method retrying itself through this.method() from a timer',
    code: `import { Kafka, type Consumer } from 'kafkajs';

export class EventConsumer {
  private consumer: Consumer = new Kafka({ brokers: ['kafka:9092'] }).consumer({ groupId: 'billing' });

  async start(): Promise<void> {
    try {
      await this.consumer.connect();
    } catch (err) {
      setTimeout(() => this.start(), 10_000);
    }
  }
}
`,
    line: 10,
    text: 'this.start()',
  },
  {
    name: 'an attempt parameter that is only used for the delay',
    code: `${sleep}export async function notify(userId: string, attempt = 0): Promise<void> {
  try {
    await fetch(\`https://push.example.com/\${userId}\`, { method: 'POST', signal: AbortSignal.timeout(2000) });
  } catch (err) {
    await sleep(2 ** attempt * 200);
    return notify(userId, attempt + 1);
  }
}
`,
    line: 7,
  },
  {
    name: 'an attempt parameter that is compared but never incremented',
    code: `export async function notify(userId: string, attempt = 0): Promise<void> {
  try {
    await fetch(\`https://push.example.com/\${userId}\`, { method: 'POST', signal: AbortSignal.timeout(2000) });
  } catch (err) {
    if (attempt > 5) throw err;
    return notify(userId, attempt);
  }
}
`,
    line: 6,
  },
  {
    name: 'a shutdown guard does not bound a reconnect loop',
    code: `export class Socket {
  private closing = false;
  constructor(private readonly open: () => Promise<void>) {}

  async connect(): Promise<void> {
    if (this.closing) return;
    try {
      await this.open();
    } catch (err) {
      setTimeout(this.connect.bind(this), 5000);
    }
  }
}
`,
    line: 10,
  },
  // ---- retry libraries --------------------------------------------------------------------------
  {
    name: 'p-retry (default import) with retries: Infinity',
    code: `import pRetry from 'p-retry';

export const syncOrders = (run: () => Promise<void>) => pRetry(run, { retries: Infinity, minTimeout: 1000 });
`,
    line: 3,
    text: 'retries: Infinity',
    messageIncludes: ['retries: Infinity', 'p-retry', 'cost-control'],
  },
  {
    name: 'p-retry through require with Number.MAX_SAFE_INTEGER',
    code: `const pRetry = require('p-retry');

exports.syncOrders = (run) => pRetry(run, { retries: Number.MAX_SAFE_INTEGER });
`,
    file: 'src/case.js',
    text: 'retries: Number.MAX_SAFE_INTEGER',
  },
  {
    name: 'p-retry options kept in a const',
    code: `import pRetry from 'p-retry';

const RETRY_FOREVER = { retries: Infinity, factor: 2 };

export function syncOrders(run: () => Promise<void>) {
  return pRetry(run, RETRY_FOREVER);
}
`,
    line: 3,
    related: 1,
  },
  {
    name: 'async-retry with forever: true',
    code: `import retry from 'async-retry';

export async function fetchToken(get: () => Promise<string>) {
  return retry(async () => get(), { forever: true, minTimeout: 500 });
}
`,
    text: 'forever: true',
  },
  {
    name: 'async-retry via require with a const Infinity',
    code: `const retry = require('async-retry');
const UNLIMITED = Infinity;

module.exports = (task) => retry(task, { retries: UNLIMITED });
`,
    file: 'src/case.cjs',
  },
  {
    name: 'promise-retry options first, forever',
    code: `const promiseRetry = require('promise-retry');

module.exports = function send(job) {
  return promiseRetry({ forever: true, randomize: true }, (retry) => job().catch(retry));
};
`,
    file: 'src/case.js',
  },
  {
    name: 'node-retry (namespace import) operation forever',
    code: `import * as retry from 'retry';

export function connect(open: (cb: (err?: Error) => void) => void) {
  const operation = retry.operation({ forever: true, factor: 2 });
  operation.attempt(() => open((err) => operation.retry(err)));
}
`,
    text: 'forever: true',
  },
  {
    name: 'node-retry (destructured require) operation with retries: Infinity',
    code: `const { operation } = require('retry');

module.exports = () => operation({ retries: Infinity });
`,
    file: 'src/case.js',
  },
  {
    name: 'cockatiel retry imported under an alias with maxAttempts: Infinity',
    code: `import { handleAll, retry as retryPolicy, ExponentialBackoff } from 'cockatiel';

export const policy = retryPolicy(handleAll, { maxAttempts: Infinity, backoff: new ExponentialBackoff() });
`,
    text: 'maxAttempts: Infinity',
  },
  {
    name: "cockatiel's builder .attempts(Infinity)",
    code: `import { Policy } from 'cockatiel';

export const policy = Policy.handleAll().retry().attempts(Infinity).exponential();
`,
    text: 'Infinity',
  },
  {
    name: 'exponential-backoff (destructured require) numOfAttempts: Infinity',
    code: `const { backOff } = require('exponential-backoff');

module.exports = (call) => backOff(() => call(), { numOfAttempts: Infinity, maxDelay: 30000 });
`,
    file: 'src/case.js',
  },
  {
    name: 'exponential-backoff (named import) numOfAttempts: Number.POSITIVE_INFINITY',
    code: `import { backOff } from 'exponential-backoff';

export const call = (fn: () => Promise<void>) => backOff(fn, { numOfAttempts: Number.POSITIVE_INFINITY });
`,
  },
  {
    name: 'axios-retry with retries: Infinity',
    code: `import axios from 'axios';
import axiosRetry from 'axios-retry';

export const api = axios.create({ baseURL: 'https://api.example.com', timeout: 5000 });
axiosRetry(api, { retries: Infinity, retryDelay: axiosRetry.exponentialDelay });
`,
    line: 5,
  },
  {
    name: "ts-retry-promise with retries: 'INFINITELY'",
    code: `import { retry } from 'ts-retry-promise';

export const load = (get: () => Promise<string>) => retry(get, { retries: 'INFINITELY', delay: 1000 });
`,
  },
  {
    name: 'a huge retry count counts as unbounded',
    code: `import pRetry from 'p-retry';

export const syncOrders = (run: () => Promise<void>) => pRetry(run, { retries: 1_000_000 });
`,
  },
  {
    name: "the team's own retry helper from config",
    code: `import { withRetry } from './lib/retry';

export const load = (get: () => Promise<string>) => withRetry(get, { maxAttempts: Infinity });
`,
    recognizers: { retry: [{ module: './lib/retry', export: 'withRetry' }] },
    text: 'maxAttempts: Infinity',
    messageIncludes: ['retry helper'],
  },
  {
    name: 'for (;;) whose .then(ok, onRejected) turns a failure into false and goes round again',
    code: `import got from 'got';
${sleep}export async function waitForService(url: string) {
  for (;;) {
    const up = await got(url, { timeout: { request: 1000 } }).then(() => true, () => false);
    if (up) return;
    await sleep(1000);
  }
}
`,
    line: 4,
    text: 'for (;;)',
    related: 1,
  },
];

const valid: (string | RuleCase)[] = [
  {
    name: 'a consumer loop that stops when the queue is empty (`if (!msg) return`) is not a retry',
    code: `export async function drain(queue: { receive(): Promise<{ id: string } | undefined> }, handle: (m: { id: string }) => Promise<void>) {
  while (true) {
    try {
      const msg = await queue.receive();
      if (!msg) return;
      await handle(msg);
    } catch (err) {
      console.error(err);
      return;
    }
  }
}
`,
  },
  // ---- bounded loops (the "do not flag" list first) -----------------------------------------
  {
    name: 'for (let attempt = 1; attempt <= 3; attempt++) with try/catch',
    code: `${sleep}export async function fetchRates(url: string) {
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      return await fetch(url, { signal: AbortSignal.timeout(3000) });
    } catch (err) {
      if (attempt === 3) throw err;
      await sleep(attempt * 500);
    }
  }
}
`,
  },
  {
    name: 'while (attempts < MAX)',
    code: `const MAX = 4;
export async function publish(send: () => Promise<void>) {
  let attempts = 0;
  while (attempts < MAX) {
    try {
      await send();
      return;
    } catch (err) {
      attempts++;
    }
  }
  throw new Error('publish failed after retries');
}
`,
  },
  {
    name: 'if (++attempt > max) throw err',
    code: `${sleep}export async function charge(pay: () => Promise<string>, max = 5) {
  let attempt = 0;
  while (true) {
    try {
      return await pay();
    } catch (err) {
      if (++attempt > max) throw err;
      await sleep(100 * 2 ** attempt + Math.random() * 100);
    }
  }
}
`,
  },
  {
    name: 'retry(fn, { retries: 5 }) with async-retry',
    code: `import retry from 'async-retry';

export const fetchToken = (get: () => Promise<string>) => retry(async () => get(), { retries: 5 });
`,
  },
  {
    name: 'p-retry with a finite count',
    code: `import pRetry from 'p-retry';

export const syncOrders = (run: () => Promise<void>) => pRetry(run, { retries: 8, randomize: true });
`,
  },
  {
    name: 'a counter checked against a limit that dead-letters and breaks',
    code: `export async function process(job: { id: string }, handle: (j: { id: string }) => Promise<void>, deadLetter: (j: { id: string }, e: unknown) => Promise<void>) {
  let attempts = 0;
  for (;;) {
    try {
      await handle(job);
      break;
    } catch (err) {
      attempts += 1;
      if (attempts === 5) {
        await deadLetter(job, err);
        break;
      }
    }
  }
}
`,
  },
  {
    name: 'the for (;;) step counter compared to a limit',
    code: `${sleep}export async function upload(put: () => Promise<void>) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await put();
    } catch (err) {
      if (attempt >= 4) throw err;
      await sleep(2 ** attempt * 100);
    }
  }
}
`,
  },
  {
    name: 'a counter guarding the continue, with a throw after it',
    code: `export function readSync(read: () => number) {
  let tries = 0;
  while (true) {
    try {
      return read();
    } catch (er) {
      if ((er as { code?: string }).code === 'EAGAIN' && tries < 10) {
        tries++;
        continue;
      }
      throw er;
    }
  }
}
`,
  },
  {
    name: 'a deadline is a bound (time budget)',
    code: `${sleep}export async function waitForDb(ping: () => Promise<void>) {
  const deadline = Date.now() + 30_000;
  while (true) {
    try {
      await ping();
      return;
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await sleep(500);
    }
  }
}
`,
  },
  {
    name: 'an abort signal checked in the loop condition',
    code: `${sleep}export async function follow(signal: AbortSignal, get: () => Promise<string>) {
  while (!signal.aborted) {
    try {
      return await get();
    } catch {
      await sleep(1000);
    }
  }
  throw signal.reason;
}
`,
  },
  {
    name: 'signal.throwIfAborted() in the loop',
    code: `${sleep}export async function follow(signal: AbortSignal, get: () => Promise<string>) {
  for (;;) {
    signal.throwIfAborted();
    try {
      return await get();
    } catch {
      await sleep(1000);
    }
  }
}
`,
  },
  {
    name: 'a condition that combines the flag with a limit',
    code: `export async function register(post: () => Promise<void>) {
  let ok = false;
  let attempts = 0;
  while (!ok && attempts < 3) {
    try {
      await post();
      ok = true;
    } catch {
      attempts++;
    }
  }
}
`,
  },
  // ---- workers and other loops that are not retries -----------------------------------------------
  {
    name: 'a worker loop that logs per-message errors and moves on',
    code: `export async function runWorker(queue: { next(): Promise<{ id: string }> }, handle: (job: { id: string }) => Promise<void>) {
  while (true) {
    const job = await queue.next();
    try {
      await handle(job);
    } catch (e) {
      console.error('job failed', job.id, e);
    }
  }
}
`,
  },
  {
    name: 'a consumer that stops when the queue is closed',
    code: `export async function consume(consumer: { receive(): Promise<string | null> }, handle: (m: string) => Promise<void>) {
  while (true) {
    try {
      const msg = await consumer.receive();
      if (!msg) return;
      await handle(msg);
    } catch (err) {
      console.error(err);
    }
  }
}
`,
  },
  {
    name: 'a worker that stops on a shutdown message',
    code: `export async function consume(sub: { next(): Promise<{ type: string }> }, handle: (m: { type: string }) => Promise<void>) {
  while (true) {
    try {
      const msg = await sub.next();
      if (msg.type === 'shutdown') return;
      await handle(msg);
    } catch (err) {
      console.error(err);
    }
  }
}
`,
  },
  {
    name: 'a stream reader loop',
    code: `export async function drain(reader: ReadableStreamDefaultReader<Uint8Array>, push: (c: Uint8Array) => void) {
  while (true) {
    try {
      const { done, value } = await reader.read();
      if (done) break;
      push(value);
    } catch (err) {
      console.error(err);
    }
  }
}
`,
  },
  {
    name: 'a scheduler tick loop without any exit',
    code: `${sleep}export async function scheduler(tick: () => Promise<void>) {
  while (true) {
    try {
      await tick();
    } catch (err) {
      console.error('tick failed', err);
    }
    await sleep(60_000);
  }
}
`,
  },
  {
    name: 'a catch that rethrows',
    code: `export async function once(call: () => Promise<void>) {
  while (true) {
    try {
      await call();
      return;
    } catch (err) {
      console.error(err);
      throw err;
    }
  }
}
`,
  },
  {
    name: 'a catch that returns a fallback',
    code: `export async function price(get: () => Promise<number>) {
  while (true) {
    try {
      return await get();
    } catch {
      return 0;
    }
  }
}
`,
  },
  {
    name: 'a queue .catch whose null result ends the loop',
    code: `export async function drainQueue(q: { take(): Promise<string | null> }, handle: (s: string) => Promise<void>) {
  while (true) {
    const job = await q.take().catch(() => null);
    if (!job) break;
    await handle(job);
  }
}
`,
  },
  {
    name: 'a bounded retry nested in a worker loop',
    code: `export async function worker(q: { next(): Promise<string> }, handle: (s: string) => Promise<void>) {
  while (true) {
    const job = await q.next();
    for (let attempt = 1; attempt <= 3; attempt++) {
      try {
        await handle(job);
        break;
      } catch (err) {
        if (attempt === 3) console.error('giving up on', job, err);
      }
    }
  }
}
`,
  },
  // ---- bounded self-calls ---------------------------------------------------------------------------
  {
    name: 'send(x, attempt + 1) with if (attempt > 5) throw',
    code: `export async function send(payload: string, attempt = 1): Promise<void> {
  try {
    await fetch('https://hooks.example.com', { method: 'POST', body: payload, signal: AbortSignal.timeout(2000) });
  } catch (err) {
    if (attempt > 5) throw err;
    return send(payload, attempt + 1);
  }
}
`,
  },
  {
    name: 'a retries-left parameter counted down',
    code: `export async function fetchWithRetry(url: string, retries = 3): Promise<Response> {
  try {
    return await fetch(url, { signal: AbortSignal.timeout(2000) });
  } catch (err) {
    if (retries > 0) return fetchWithRetry(url, retries - 1);
    throw err;
  }
}
`,
  },
  {
    name: 'a ternary guarding the .catch self-call',
    code: `export const send = (body: string, n = 0): Promise<Response> =>
  fetch('/events', { method: 'POST', body }).catch((err) => (n < 3 ? send(body, n + 1) : Promise.reject(err)));
`,
  },
  {
    name: 'a one-time retry after refreshing a token',
    code: `import axios, { type AxiosInstance } from 'axios';

export class ApiClient {
  constructor(private readonly http: AxiosInstance, private readonly refresh: () => Promise<void>) {}

  async get(url: string, retried = false): Promise<unknown> {
    try {
      return (await this.http.get(url)).data;
    } catch (err) {
      if (axios.isAxiosError(err) && err.response?.status === 401 && !retried) {
        await this.refresh();
        return this.get(url, true);
      }
      throw err;
    }
  }
}
`,
  },
  {
    name: 'a member counter compared before rescheduling',
    code: `export class Reconnector {
  private retries = 0;
  constructor(private readonly open: () => Promise<void>) {}

  async connect(): Promise<void> {
    try {
      await this.open();
      this.retries = 0;
    } catch (err) {
      if (++this.retries > 5) throw err;
      setTimeout(() => this.connect(), 1000 * this.retries);
    }
  }
}
`,
  },
  {
    name: 'an attempt carried in an options object',
    code: `export async function deliver({ url, attempt = 1 }: { url: string; attempt?: number }): Promise<void> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(2000) });
  } catch (err) {
    if (attempt >= 3) throw err;
    return deliver({ url, attempt: attempt + 1 });
  }
}
`,
  },
  {
    name: 'a top-level .catch that restarts main once',
    code: `async function main(): Promise<void> {
  await fetch('https://example.com', { signal: AbortSignal.timeout(1000) });
}

main().catch(() => setTimeout(main, 1000));
`,
  },
  {
    name: 'a catch that calls a different fallback function',
    code: `async function fromCache(key: string) {
  return key;
}

export async function lookup(key: string): Promise<string> {
  try {
    return await (await fetch(\`/kv/\${key}\`, { signal: AbortSignal.timeout(500) })).text();
  } catch {
    return fromCache(key);
  }
}
`,
  },
  // ---- retry libraries: bounded or not a retry library ---------------------------------------------
  {
    name: 'p-retry with retries: Infinity but a maxRetryTime budget',
    code: `import pRetry from 'p-retry';

export const syncOrders = (run: () => Promise<void>) => pRetry(run, { retries: Infinity, maxRetryTime: 60_000 });
`,
  },
  {
    name: 'cockatiel with maxAttempts: 3',
    code: `import { retry, handleAll, ExponentialBackoff } from 'cockatiel';

export const policy = retry(handleAll, { maxAttempts: 3, backoff: new ExponentialBackoff() });
`,
  },
  {
    name: 'exponential-backoff with a finite numOfAttempts',
    code: `import { backOff } from 'exponential-backoff';

export const call = (fn: () => Promise<void>) => backOff(fn, { numOfAttempts: 6, jitter: 'full' });
`,
  },
  {
    name: 'node-retry with forever: false',
    code: `import retry from 'retry';

export const op = retry.operation({ forever: false, retries: 4 });
`,
  },
  {
    name: 'forever: true on something that is not a retry library',
    code: `import { LRUCache } from 'lru-cache';

export const cache = new LRUCache({ max: 100, forever: true });
export function configure(opts: { retries: number }) {
  return opts;
}
configure({ retries: Infinity });
`,
  },
  {
    name: 'a local function named retry is not the library',
    code: `function retry(fn: () => Promise<void>, opts: { forever: boolean }) {
  return opts.forever ? fn() : undefined;
}

export const run = () => retry(async () => undefined, { forever: true });
`,
  },
  {
    name: 'p-retry with a counting onFailedAttempt that gives up',
    code: `import pRetry from 'p-retry';

export const syncOrders = (run: () => Promise<void>) =>
  pRetry(run, {
    retries: Infinity,
    onFailedAttempt: (error) => {
      if (error.attemptNumber > 5) throw error;
    },
  });
`,
  },
  {
    name: 'counted loop whose .then(ok, onRejected) decides whether to go round',
    code: `import got from 'got';
${sleep}export async function waitForService(url: string, maxChecks = 30) {
  for (let i = 0; i < maxChecks; i++) {
    const up = await got(url, { timeout: { request: 1000 } }).then(() => true, () => false);
    if (up) return;
    await sleep(1000);
  }
  throw new Error(url + ' did not come up');
}
`,
  },
  {
    name: 'while (true) with .then(ok) only: no rejection handler, a failure leaves the loop',
    code: `import got from 'got';
${sleep}export async function waitForService(url: string) {
  while (true) {
    const up = await got(url, { timeout: { request: 1000 } }).then((r) => r.statusCode === 200);
    if (up) return;
    await sleep(1000);
  }
}
`,
  },
  {
    name: 'while (true) with .then(ok, undefined): no rejection handler',
    code: `import got from 'got';
${sleep}export async function waitForService(url: string) {
  while (true) {
    const up = await got(url, { timeout: { request: 1000 } }).then(() => true, undefined);
    if (up) return;
    await sleep(1000);
  }
}
`,
  },
];

valid.push(
  {
    name: 'a worker whose try starts with a stop guard',
    code: `export class Worker {
  private stopped = false;
  constructor(private readonly queue: { next(): Promise<string> }, private readonly handle: (s: string) => Promise<void>) {}

  async run(): Promise<void> {
    while (true) {
      try {
        if (this.stopped) return;
        const job = await this.queue.next();
        await this.handle(job);
      } catch (err) {
        console.error(err);
      }
    }
  }
}
`,
  },
  {
    name: "exponential-backoff's retry callback that stops after ten attempts",
    code: `import { backOff } from 'exponential-backoff';

export const call = (fn: () => Promise<void>) => backOff(fn, { numOfAttempts: Infinity, retry: (err, n) => n < 10 });
`,
  },
  {
    name: 'a generous but finite count stays below the default threshold',
    code: `import pRetry from 'p-retry';

export const syncOrders = (run: () => Promise<void>) => pRetry(run, { retries: 1000 });
`,
  },
  {
    name: 'a cancellation token checked in the catch',
    code: `export async function follow(token: { isCancellationRequested: boolean }, get: () => Promise<string>) {
  while (true) {
    try {
      return await get();
    } catch (err) {
      if (token.isCancellationRequested) throw err;
    }
  }
}
`,
  },
);
invalid.push(
  {
    name: 'an object-literal method that reschedules itself through its variable',
    code: `import { createClient } from 'redis';

export const cache = {
  client: createClient(),
  async connect(): Promise<void> {
    try {
      await this.client.connect();
    } catch (err) {
      setTimeout(() => cache.connect(), 2000);
    }
  },
};
`,
    line: 9,
    text: 'cache.connect()',
  },
  {
    name: 'a static method retrying itself through the class name',
    code: `import { MongoClient } from 'mongodb';

export class Store {
  static client = new MongoClient(process.env.MONGO_URL ?? '');

  static async open(): Promise<void> {
    try {
      await Store.client.connect();
    } catch (err) {
      console.error(err);
      return Store.open();
    }
  }
}
`,
    line: 11,
    text: 'Store.open()',
  },
  {
    name: 'a flag loop written as result === undefined',
    code: `export async function firstAnswer(ask: () => Promise<string>) {
  let result: string | undefined;
  while (result === undefined) {
    try {
      result = await ask();
    } catch (err) {
      console.error(err);
    }
  }
  return result;
}
`,
    line: 3,
    text: 'while (result === undefined)',
  },
  {
    name: 'with abortSignalIsBound: false a signal check is not a bound',
    code: `export async function follow(signal: AbortSignal, get: () => Promise<string>) {
  while (!signal.aborted) {
    try {
      return await get();
    } catch {
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  throw signal.reason;
}
`,
    options: { abortSignalIsBound: false },
    line: 2,
  },
  {
    name: 'largeRetryCount lowers the threshold for huge counts',
    code: `import pRetry from 'p-retry';

export const syncOrders = (run: () => Promise<void>) => pRetry(run, { retries: 1000 });
`,
    options: { largeRetryCount: 1000 },
    text: 'retries: 1000',
  },
);

runRuleTests(unboundedRetry, { valid, invalid });
runFixtureTests(unboundedRetry);
runDocsExamples(unboundedRetry);
