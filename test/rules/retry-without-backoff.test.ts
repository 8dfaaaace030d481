import { retryWithoutBackoff } from '../../src/core/rules/retry-without-backoff';
import { runDocsExamples, runFixtureTests, runRuleTests, type InvalidCase, type RuleCase } from './ruleTester';

const sleep = 'const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));\n';

const invalid: InvalidCase[] = [
  {
    name: 'do … while with a success flag and an attempt limit, no wait',
    code: `export async function ping(url: string) {
  let attempts = 0;
  let ok = false;
  do {
    attempts++;
    try {
      await fetch(url);
      ok = true;
    } catch {
      ok = false;
    }
  } while (!ok && attempts < 3);
}
`,
    line: 4,
  },
  {
    name: 'while with a success flag and an attempt limit, constant wait',
    code: `import { setTimeout as delay } from 'node:timers/promises';
export async function ping(url: string) {
  let attempts = 0;
  let ok = false;
  while (!ok && attempts < 3) {
    attempts++;
    try {
      await fetch(url);
      ok = true;
    } catch {
      await delay(500);
    }
  }
}
`,
    line: 5,
    messageIncludes: ['constant wait'],
  },
  {
    name: 'a retry decided by the response status, constant wait',
    code: `import { setTimeout as delay } from 'node:timers/promises';
export async function get(url: string) {
  for (let attempt = 0; attempt < 4; attempt++) {
    const res = await fetch(url);
    if (res.status !== 429 && res.status < 500) return res;
    await delay(1000);
  }
  throw new Error('rate limited');
}
`,
    line: 3,
    messageIncludes: ['constant wait'],
  },
  {
    name: 'a retry decided by the response, no wait',
    code: `export async function get(url: string) {
  let tries = 0;
  while (tries < 3) {
    tries++;
    const res = await fetch(url);
    if (res.ok) {
      return res.json();
    }
  }
}
`,
    line: 3,
    messageIncludes: ['immediately'],
  },
  // ---- loops ------------------------------------------------------------------------------------
  {
    name: 'for loop with an attempt limit and no wait at all',
    code: `export async function readReplica<T>(read: () => Promise<T>, maxAttempts = 3): Promise<T> {
  let lastError: unknown;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    try {
      return await read();
    } catch (err) {
      lastError = err;
    }
  }
  throw lastError;
}
`,
    line: 3,
    text: 'for (let attempt = 1; attempt <= maxAttempts; attempt++)',
    related: 1,
    severity: 'MEDIUM',
    messageIncludes: ['retries immediately', 'nothing is awaited', 'retry storm', 'Math.random', 'randomize: true'],
  },
  {
    name: 'constant literal sleep between attempts',
    code: `${sleep}export async function submit(send: () => Promise<void>) {
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      return await send();
    } catch (err) {
      if (attempt === 3) throw err;
      await sleep(1_000);
    }
  }
}
`,
    line: 3,
    related: 1,
    messageIncludes: ['constant wait (`1_000`)', 'no jitter', 'synchronised waves'],
  },
  {
    name: 'while (attempts < max) with the counter in the body',
    code: `export async function retryImmediately<T>(operation: () => Promise<T>, maxAttempts = 3): Promise<T> {
  let attempts = 0;
  let lastError: unknown;
  while (attempts < maxAttempts) {
    attempts++;
    try {
      return await operation();
    } catch (err) {
      lastError = err;
    }
  }
  throw lastError;
}
`,
    line: 4,
    text: 'while (attempts < maxAttempts)',
  },
  {
    name: 'for (;;) bounded inside the catch, constant new Promise(setTimeout) wait',
    code: `const MAX_ATTEMPTS = 4;
export async function connect(open: () => Promise<void>) {
  let attempt = 0;
  for (;;) {
    try {
      await open();
      return;
    } catch (err) {
      if (++attempt >= MAX_ATTEMPTS) throw err;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}
`,
    line: 4,
    text: 'for (;;)',
  },
  {
    name: 'do … while with a const delay and a delay() helper',
    code: `const RETRY_DELAY_MS = 2 * 1000;
declare function delay(ms: number): Promise<void>;
export async function publish(send: () => Promise<boolean>) {
  let attempt = 0;
  do {
    try {
      if (await send()) return true;
    } catch {
      await delay(RETRY_DELAY_MS);
    }
  } while (++attempt < 5);
  return false;
}
`,
    line: 5,
    text: 'do',
  },
  {
    name: 'timers/promises setTimeout under an alias',
    code: `import { setTimeout as wait } from 'node:timers/promises';
export async function ping(check: () => Promise<void>) {
  for (let i = 0; i < 5; i++) {
    try {
      await check();
      return;
    } catch {
      await wait(250);
    }
  }
}
`,
    line: 3,
  },
  {
    name: 'an imported UPPER_CASE constant is a constant',
    code: `import { RETRY_DELAY } from './config';
import { sleep } from './lib/sleep';
export async function load(get: () => Promise<string>) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await get();
    } catch {
      await sleep(RETRY_DELAY);
    }
  }
  return '';
}
`,
    line: 4,
  },
  {
    name: 'a parameter with a literal default is the same on every attempt',
    code: `${sleep}export async function withRetry<T>(op: () => Promise<T>, attempts = 3, delayMs = 500): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await op();
    } catch (err) {
      if (attempt >= attempts) throw err;
      await sleep(delayMs);
    }
  }
}
`,
    line: 3,
  },
  {
    name: '.catch(() => null) inside a counted loop',
    code: `export async function fetchProfile(get: () => Promise<{ id: string } | null>) {
  for (let i = 0; i < 3; i++) {
    const profile = await get().catch(() => null);
    if (profile) return profile;
  }
  return null;
}
`,
    line: 2,
  },
  {
    name: 'growing wait without jitter, with growingNeedsJitter on',
    options: { growingNeedsJitter: true },
    code: `${sleep}export async function submit(send: () => Promise<void>) {
  for (let attempt = 1; attempt <= 5; attempt++) {
    try {
      return await send();
    } catch (err) {
      if (attempt === 5) throw err;
      await sleep(100 * 2 ** attempt);
    }
  }
}
`,
    line: 3,
    messageIncludes: ['growing wait'],
  },
  // ---- recursion --------------------------------------------------------------------------------
  {
    name: 'self-retry with a counted attempt and no wait',
    code: `export async function send(payload: string, attempt = 1): Promise<void> {
  try {
    await fetch('https://hooks.example.com', { method: 'POST', body: payload, signal: AbortSignal.timeout(5000) });
  } catch (err) {
    if (attempt >= 3) throw err;
    return send(payload, attempt + 1);
  }
}
`,
    line: 6,
    text: 'send(payload, attempt + 1)',
    messageIncludes: ['`send()`', 'retries immediately'],
  },
  {
    name: 'self-retry through setTimeout with a constant delay (.catch handler)',
    code: `import mongoose from 'mongoose';
export function connect(uri: string, attempt = 0): void {
  mongoose.connect(uri).catch((err) => {
    if (attempt >= 5) throw err;
    setTimeout(() => connect(uri, attempt + 1), 5_000);
  });
}
`,
    line: 5,
    messageIncludes: ['`5_000`'],
  },
  {
    name: 'self-retry with retriesLeft - 1 and a constant awaited sleep',
    code: `${sleep}export async function fetchJson(url: string, retriesLeft = 3): Promise<unknown> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(3000) });
    return await res.json();
  } catch (err) {
    if (retriesLeft <= 0) throw err;
    await sleep(1000);
    return fetchJson(url, retriesLeft - 1);
  }
}
`,
    line: 9,
  },
  // ---- libraries --------------------------------------------------------------------------------
  {
    name: 'p-retry factor: 1 without randomize',
    code: `import pRetry from 'p-retry';
export function readInventory<T>(read: () => Promise<T>) {
  return pRetry(read, { retries: 4, factor: 1, minTimeout: 250 });
}
`,
    line: 3,
    text: 'factor: 1',
    messageIncludes: ['`factor: 1`', 'p-retry', 'no randomisation'],
  },
  {
    name: 'async-retry (require) with minTimeout: 0',
    file: 'src/jobs.js',
    code: `const retry = require('async-retry');
module.exports = function run(task) {
  return retry(task, { retries: 3, minTimeout: 0 });
};
`,
    line: 3,
    text: 'minTimeout: 0',
    messageIncludes: ['no wait between attempts'],
  },
  {
    name: 'promise-retry with minTimeout equal to maxTimeout',
    code: `import promiseRetry from 'promise-retry';
export function send(client: { send(): Promise<void> }) {
  return promiseRetry({ retries: 3, minTimeout: 500, maxTimeout: 500 }, (again) => client.send().catch(again));
}
`,
    line: 3,
    text: 'maxTimeout: 500',
  },
  {
    name: 'node-retry operation (namespace import) with factor 1 in a const',
    code: `import * as retry from 'retry';
const OPTIONS = { retries: 5, factor: 1, minTimeout: 1000 };
export function start(run: (n: number) => void) {
  const op = retry.operation(OPTIONS);
  op.attempt(run);
}
`,
    line: 2,
    related: 1,
  },
  {
    name: 'exponential-backoff timeMultiple: 1',
    code: `import { backOff } from 'exponential-backoff';
export function sync(run: () => Promise<void>) {
  return backOff(run, { numOfAttempts: 5, startingDelay: 500, timeMultiple: 1 });
}
`,
    line: 3,
    text: 'timeMultiple: 1',
  },
  {
    name: 'async.retry with a constant interval',
    code: `import async from 'async';
export function load(task: (cb: (err: Error | null, v?: string) => void) => void, done: (err: Error | null) => void) {
  async.retry({ times: 3, interval: 200 }, task, done);
}
`,
    line: 3,
    text: 'interval: 200',
  },
  {
    name: 'cockatiel ConstantBackoff',
    code: `import { ConstantBackoff, handleAll, retry } from 'cockatiel';
export const policy = retry(handleAll, { maxAttempts: 3, backoff: new ConstantBackoff(100) });
`,
    line: 2,
    text: 'backoff: new ConstantBackoff(100)',
  },
  {
    name: 'ts-retry-promise with a fixed delay',
    code: `import { retry } from 'ts-retry-promise';
export function get(fn: () => Promise<string>) {
  return retry(fn, { retries: 3, delay: 1000 });
}
`,
    line: 3,
  },
  {
    name: 'axios-retry with a constant retryDelay',
    code: `import axios from 'axios';
import axiosRetry from 'axios-retry';
const client = axios.create({ timeout: 5000 });
axiosRetry(client, { retries: 3, retryDelay: () => 1000 });
`,
    line: 4,
    text: 'retryDelay: () => 1000',
  },
];

const valid: (string | RuleCase)[] = [
  {
    name: 'async-retry with factor 1 keeps its default randomize: true (fourth blind corpus)',
    code: `const retry = require('async-retry');
module.exports = (run) => retry(run, { retries: 4, factor: 1, minTimeout: 1000 });
`,
  },
  {
    name: 'a retry decided by the response with exponential backoff and jitter',
    code: `import { setTimeout as delay } from 'node:timers/promises';
export async function get(url: string) {
  for (let attempt = 0; attempt < 4; attempt++) {
    const res = await fetch(url);
    if (res.ok) return res;
    await delay(Math.random() * 100 * 2 ** attempt);
  }
}
`,
  },
  {
    name: 'pagination: a page counter, not an attempt counter, and a result check that stops',
    code: `export async function all(url: string) {
  const out: unknown[] = [];
  for (let page = 1; page < 10; page++) {
    const res = await fetch(url + '?page=' + page);
    const items = await res.json();
    if (!items.length) break;
    out.push(...items);
  }
  return out;
}
`,
  },
  {
    name: 'a polling loop over attempts that waits a growing time',
    code: `export async function waitReady(check: () => Promise<boolean>) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const ready = await check();
    if (ready) return;
    await new Promise((r) => setTimeout(r, 100 * 2 ** attempt));
  }
}
`,
  },

  {
    name: 'exponential backoff with jitter',
    code: `${sleep}export async function submit(send: () => Promise<void>) {
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      return await send();
    } catch (err) {
      if (attempt === 3) throw err;
      await sleep(200 * 2 ** attempt + Math.random() * 100);
    }
  }
}
`,
  },
  {
    name: 'full jitter in the loop condition guard (sample lib/retry.ts)',
    code: `${sleep}export async function withRetry<T>(operation: () => Promise<T>, maxAttempts = 4, baseDelayMs = 200): Promise<T> {
  let lastError: unknown;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    try {
      return await operation();
    } catch (err) {
      lastError = err;
      if (attempt < maxAttempts) await sleep(Math.random() * baseDelayMs * 2 ** attempt);
    }
  }
  throw lastError;
}
`,
  },
  {
    name: 'growing wait without jitter is not flagged by default',
    code: `${sleep}export async function submit(send: () => Promise<void>) {
  for (let attempt = 1; attempt <= 5; attempt++) {
    try {
      return await send();
    } catch (err) {
      if (attempt === 5) throw err;
      await sleep(100 * 2 ** attempt);
    }
  }
}
`,
  },
  {
    name: 'a local sleep helper that adds jitter itself',
    code: `const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms * (0.5 + Math.random())));
export async function submit(send: () => Promise<void>) {
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      return await send();
    } catch {
      await sleep(1000);
    }
  }
}
`,
  },
  {
    name: 'a jitter() call in the wait',
    code: `${sleep}declare function jitter(ms: number): number;
export async function submit(send: () => Promise<void>) {
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      return await send();
    } catch {
      await sleep(jitter(1000));
    }
  }
}
`,
  },
  {
    name: 'a wait computed by a backoff helper from the attempt',
    code: `${sleep}declare function backoffFor(attempt: number): number;
export async function submit(send: () => Promise<void>) {
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      return await send();
    } catch {
      await sleep(backoffFor(attempt));
    }
  }
}
`,
  },
  {
    name: 'a wait read from configuration cannot be judged',
    code: `${sleep}export class Client {
  constructor(private readonly options: { retryDelayMs: number }) {}
  async send(op: () => Promise<void>) {
    for (let attempt = 1; attempt <= 3; attempt++) {
      try {
        return await op();
      } catch {
        await sleep(this.options.retryDelayMs);
      }
    }
  }
}
`,
  },
  {
    name: 'an unbounded loop is unbounded-retry\'s finding only',
    code: `${sleep}export async function charge(run: () => Promise<void>) {
  while (true) {
    try {
      return await run();
    } catch {
      await sleep(1000);
    }
  }
}
`,
  },
  {
    name: 'a bounded loop nested in an unbounded one is part of the unbounded finding',
    code: `${sleep}export async function forever(run: () => Promise<void>) {
  while (true) {
    for (let i = 0; i < 3; i++) {
      try {
        return await run();
      } catch {}
    }
    await sleep(5000);
  }
}
`,
  },
  {
    name: 'an unbounded self-retry through setTimeout is unbounded-retry\'s finding only',
    code: `import mongoose from 'mongoose';
export function connectAuditStore(uri: string): void {
  mongoose.connect(uri).catch(() => {
    setTimeout(() => connectAuditStore(uri), 5_000);
  });
}
`,
  },
  {
    name: 'failing over across a list of mirrors is not a retry',
    code: `export async function download(mirrors: string[]) {
  for (let i = 0; i < mirrors.length; i++) {
    try {
      return await fetch(mirrors[i], { signal: AbortSignal.timeout(5000) });
    } catch {}
  }
  throw new Error('all mirrors failed');
}
export async function firstHealthy(hosts: string[]) {
  for (const host of hosts) {
    try {
      return await fetch(host, { signal: AbortSignal.timeout(1000) });
    } catch {}
  }
  return undefined;
}
`,
  },
  {
    name: 'a loop that handles every item is not a retry',
    code: `export async function processAll(ids: string[], handle: (id: string) => Promise<void>) {
  for (let i = 0; i < 100; i++) {
    try {
      await handle(ids[0]);
    } catch (err) {
      console.error('failed', err);
    }
  }
}
`,
  },
  {
    name: 'a recursive search up the directory tree is not a retry',
    code: `import { dirname, join } from 'node:path';
import { readFile } from 'node:fs/promises';
export async function findConfig(dir: string): Promise<string> {
  try {
    return await readFile(join(dir, 'app.json'), 'utf8');
  } catch (err) {
    const parent = dirname(dir);
    if (parent === dir) throw err;
    return findConfig(parent);
  }
}
`,
  },
  {
    name: 'p-retry with randomize: true, and with a default exponential factor',
    code: `import pRetry from 'p-retry';
export function lookup<T>(get: () => Promise<T>) {
  pRetry(get, { retries: 5, factor: 1, randomize: true });
  return pRetry(get, { retries: 5, minTimeout: 500 });
}
`,
  },
  {
    name: 'unbounded p-retry options are unbounded-retry\'s finding only',
    code: `import pRetry from 'p-retry';
export function deliver<T>(send: () => Promise<T>) {
  return pRetry(send, { retries: Infinity, factor: 1 });
}
`,
  },
  {
    name: 'retries: 0 does not retry',
    code: `import retry from 'async-retry';
export function once(task: () => Promise<void>) {
  return retry(task, { retries: 0, minTimeout: 0 });
}
`,
  },
  {
    name: 'exponential-backoff defaults and jitter: none with a growing multiple',
    code: `import { backOff } from 'exponential-backoff';
export function sync(run: () => Promise<void>) {
  backOff(run, { numOfAttempts: 5 });
  return backOff(run, { numOfAttempts: 5, jitter: 'none', timeMultiple: 2 });
}
`,
  },
  {
    name: 'axios-retry exponentialDelay and cockatiel ExponentialBackoff',
    code: `import axios from 'axios';
import axiosRetry from 'axios-retry';
import { ExponentialBackoff, handleAll, retry } from 'cockatiel';
const client = axios.create({ timeout: 5000 });
axiosRetry(client, { retries: 3, retryDelay: axiosRetry.exponentialDelay });
export const policy = retry(handleAll, { maxAttempts: 3, backoff: new ExponentialBackoff() });
`,
  },
  {
    name: 'a deadline-bounded loop with a jittered wait',
    code: `${sleep}export async function waitUntilUp(ping: () => Promise<void>) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      await ping();
      return;
    } catch {
      await sleep(500 + Math.random() * 500);
    }
  }
}
`,
  },
  {
    name: 'a self-retry whose delay doubles with every attempt',
    code: `export function connect(uri: string, attempt = 0, delay = 100): void {
  fetch(uri).catch((err) => {
    if (attempt >= 5) throw err;
    setTimeout(() => connect(uri, attempt + 1, delay * 2), delay);
  });
}
`,
  },
  {
    name: 'a loop that walks an error cause chain is not a retry',
    code: `export function filterStacks(err: Error & { cause?: unknown }, filter: (s: string) => string) {
  const seen = new Set<unknown>();
  let current: any = err;
  while (current && current.stack && !seen.has(current)) {
    seen.add(current);
    try {
      current.stack = filter(current.stack);
    } catch {
      // some environments do not allow it
    }
    current = current.cause;
  }
}
`,
  },
  {
    name: 'a reconnect scheduled by a timer with a growing delay, retried from a .catch inside it',
    code: `export class Stream {
  private options = { maxRetries: 5 };
  private delayFor(attempt: number) {
    return Math.min(1000 * 2 ** attempt, 30_000);
  }
  private open(): Promise<void> {
    return fetch('https://events.example.com/stream').then(() => undefined);
  }
  scheduleReconnect(attemptCount = 0): void {
    if (attemptCount >= this.options.maxRetries) return;
    setTimeout(() => {
      this.open().catch(() => {
        this.scheduleReconnect(attemptCount + 1);
      });
    }, this.delayFor(attemptCount));
  }
}
`,
  },
];

runRuleTests(retryWithoutBackoff, { valid, invalid });
runFixtureTests(retryWithoutBackoff);
runDocsExamples(retryWithoutBackoff);
