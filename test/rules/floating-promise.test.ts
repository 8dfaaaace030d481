import { floatingPromise } from '../../src/core/rules/floating-promise';
import { runDocsExamples, runFixtureTests, runRuleTests, type InvalidCase, type RuleCase } from './ruleTester';

const invalid: InvalidCase[] = [
  {
    name: 'bare call of an async function declaration',
    code: `async function sendWelcomeEmail(userId: string): Promise<void> {
  await fetch('https://mail.example.com/welcome/' + userId, { method: 'POST' });
}

export async function signup(userId: string) {
  sendWelcomeEmail(userId);
  return { userId };
}
`,
    line: 6,
    text: 'sendWelcomeEmail(userId)',
    related: 1,
    severity: 'HIGH',
    messageIncludes: ['sendWelcomeEmail(…)', 'unhandled rejection', 'crashes the process', '.catch(', 'void'],
  },
  {
    name: 'function with a declared Promise return type, not async',
    code: `function loadRates(): Promise<Record<string, number>> {
  return fetch('https://rates.example.com').then((r) => r.json());
}

export function warmUp() {
  loadRates();
}
`,
    line: 6,
    messageIncludes: ['loadRates(…)'],
  },
  {
    name: 'this.method() of an async method in the same class',
    code: `export class OrderService {
  async place(orderId: string) {
    this.notifyWarehouse(orderId);
    return orderId;
  }

  private async notifyWarehouse(orderId: string): Promise<void> {
    await fetch('https://warehouse.example.com/ready/' + orderId, { method: 'POST' });
  }
}
`,
    line: 3,
    text: 'this.notifyWarehouse(orderId)',
    messageIncludes: ['this.notifyWarehouse(…)'],
  },
  {
    name: 'async arrow in a const, called inside a setInterval callback with a block body',
    code: `const runOnce = async () => {
  await fetch('https://jobs.example.com/next');
};

setInterval(() => {
  runOnce();
}, 5000);
`,
    line: 6,
  },
  {
    name: 'async function expression in a const',
    code: `const flush = async function flushQueue(items: string[]) {
  await fetch('https://ingest.example.com', { method: 'POST', body: JSON.stringify(items) });
};

export function onShutdown(items: string[]) {
  flush(items);
}
`,
    line: 6,
  },
  {
    name: '.then(onFulfilled) without a rejection handler',
    code: `async function refreshToken(): Promise<string> {
  const res = await fetch('https://auth.example.com/refresh', { method: 'POST' });
  return res.text();
}

export function scheduleRefresh(store: { token?: string }) {
  refreshToken().then((t) => {
    store.token = t;
  });
}
`,
    line: 7,
    messageIncludes: ['no rejection handler'],
  },
  {
    name: '.finally() alone does not handle the rejection',
    code: `export class Poller {
  private busy = false;
  async poll(): Promise<void> {
    await fetch('https://status.example.com');
  }
  tick() {
    this.busy = true;
    this.poll().finally(() => {
      this.busy = false;
    });
  }
}
`,
    line: 8,
  },
  {
    name: 'void without a comment',
    code: `async function reportHeartbeat(): Promise<void> {
  await fetch('https://ops.example.com/heartbeat', { method: 'POST' });
}

export async function runOnce() {
  void reportHeartbeat();
}
`,
    line: 6,
    text: 'void reportHeartbeat()',
    messageIncludes: ['`void`', 'no comment'],
  },
  {
    name: 'top-level call of an async main',
    code: `async function main(): Promise<void> {
  const res = await fetch('https://config.example.com');
  console.log(await res.json());
}

main();
`,
    line: 6,
  },
  {
    name: 'async IIFE',
    code: `(async () => {
  const res = await fetch('https://config.example.com');
  console.log(await res.json());
})();
`,
    line: 1,
    messageIncludes: ['This immediately invoked async function returns a promise'],
  },
  {
    name: 'inside an Express handler (express default import)',
    code: `import express from 'express';

const app = express();

async function recordVisit(path: string): Promise<void> {
  await fetch('https://analytics.example.com/visit', { method: 'POST', body: path });
}

app.get('/products', (req, res) => {
  recordVisit(req.path);
  res.json([]);
});
`,
    line: 10,
  },
  {
    name: 'method of a local object literal',
    code: `const mailer = {
  async send(to: string, body: string) {
    await fetch('https://mail.example.com/send', { method: 'POST', body: JSON.stringify({ to, body }) });
  },
};

export function notify(to: string) {
  mailer.send(to, 'Your order has shipped');
}
`,
    line: 8,
  },
  {
    name: 'method on an instance of a class declared in the same file',
    code: `class AuditLog {
  async write(entry: string): Promise<void> {
    await fetch('https://audit.example.com', { method: 'POST', body: entry });
  }
}

const audit = new AuditLog();

export function onLogin(userId: string) {
  audit.write('login ' + userId);
}
`,
    line: 10,
  },
  {
    name: 'method on a class-typed constructor parameter property (NestJS style)',
    code: `import { Injectable } from '@nestjs/common';

class Mailer {
  async send(to: string): Promise<void> {
    await fetch('https://mail.example.com/' + to, { method: 'POST' });
  }
}

@Injectable()
export class SignupService {
  constructor(private readonly mailer: Mailer) {}

  register(email: string) {
    this.mailer.send(email);
    return email;
  }
}
`,
    line: 14,
  },
  {
    name: 'static async method called on the class',
    code: `export class Cache {
  static async warm(): Promise<void> {
    await fetch('https://cdn.example.com/warm', { method: 'POST' });
  }
}

Cache.warm();
`,
    line: 7,
  },
  {
    name: 'inherited async method from a base class in the same file',
    code: `class BaseJob {
  protected async report(status: string): Promise<void> {
    await fetch('https://jobs.example.com/status', { method: 'POST', body: status });
  }
}

export class ImportJob extends BaseJob {
  run() {
    this.report('started');
  }
}
`,
    line: 9,
  },
  {
    name: 'arrow class field called through this',
    code: `export class Uploader {
  private upload = async (file: string) => {
    await fetch('https://files.example.com', { method: 'PUT', body: file });
  };

  onDrop(files: string[]) {
    for (const f of files) {
      this.upload(f);
    }
  }
}
`,
    line: 8,
  },
  {
    name: 'callable parameter typed () => Promise<void>',
    code: `export function every(ms: number, task: () => Promise<void>) {
  setInterval(() => {
    task();
  }, ms);
}
`,
    line: 3,
  },
  {
    name: 'conditional call in a && statement',
    code: `async function syncInventory(): Promise<void> {
  await fetch('https://inventory.example.com/sync', { method: 'POST' });
}

export function onStockChange(enabled: boolean) {
  enabled && syncInventory();
}
`,
    line: 6,
    text: 'syncInventory()',
  },
  {
    name: 'CommonJS file with an async function declaration',
    file: 'src/worker.js',
    code: `const { setTimeout: wait } = require('node:timers/promises');

async function drain(queue) {
  await wait(100);
  queue.length = 0;
}

module.exports = function onExit(queue) {
  drain(queue);
};
`,
    line: 9,
  },
  {
    name: 'two floating calls in one function',
    count: 2,
    code: `async function a(): Promise<void> {}
async function b(): Promise<void> {}

export function both() {
  a();
  b().then(() => console.log('b done'));
}
`,
  },
  {
    name: 'void whose only comment is separated from it by a blank line',
    code: `async function warm(): Promise<void> {}

export function start() {
  // warm the cache

  void warm();
}
`,
    line: 6,
  },
];

const valid: (string | RuleCase)[] = [
  {
    name: 'awaited',
    code: `async function save(): Promise<void> {}
export async function handler() {
  await save();
}
`,
  },
  {
    name: 'returned',
    code: `async function save(): Promise<void> {}
export function handler() {
  return save();
}
`,
  },
  {
    name: 'assigned and awaited later',
    code: `async function load(): Promise<string> { return 'x'; }
export async function handler() {
  const pending = load();
  let other: Promise<string>;
  other = load();
  return [await pending, await other];
}
`,
  },
  {
    name: '.catch(handler) on the call',
    code: `import { logger } from './logger';
async function notify(id: string): Promise<void> {}
export function place(id: string) {
  notify(id).catch((err) => logger.error({ err, id }, 'notify failed'));
}
`,
  },
  {
    name: '.then(ok, onRejected)',
    code: `async function notify(id: string): Promise<void> {}
export function place(id: string) {
  notify(id).then(() => console.log('sent'), (err) => console.error('not sent', err));
}
`,
  },
  {
    name: '.then(…).catch(…) chain and .catch(…).finally(…) chain',
    code: `async function notify(id: string): Promise<void> {}
export function place(id: string) {
  notify(id).then(() => console.log('sent')).catch((err) => console.error(err));
  notify(id).catch((err) => console.error(err)).finally(() => console.log('done'));
}
`,
  },
  {
    name: 'passed on to Promise.all / another call / pushed into an array',
    code: `async function fetchOne(id: string): Promise<string> { return id; }
export async function fetchAll(ids: string[]) {
  const pending: Promise<string>[] = [];
  for (const id of ids) pending.push(fetchOne(id));
  track(fetchOne('x'));
  return Promise.all([fetchOne('a'), ...pending]);
}
declare function track(p: Promise<unknown>): void;
`,
  },
  {
    name: 'void with a comment on the line above',
    code: `async function reportHeartbeat(): Promise<void> {}
export async function runOnce() {
  // Best effort: a missed heartbeat only greys the worker out on the dashboard.
  void reportHeartbeat();
}
`,
  },
  {
    name: 'void with a trailing comment and with an inline comment',
    code: `async function warm(): Promise<void> {}
export function start() {
  void warm(); // fire and forget: warm() logs its own failures
  void /* best effort */ warm();
}
`,
  },
  {
    name: 'void without a comment when voidNeedsComment is off',
    options: { voidNeedsComment: false },
    code: `async function warm(): Promise<void> {}
export function start() {
  void warm();
}
`,
  },
  {
    name: 'synchronous function of the same name shape',
    code: `function connectAuditStore(): void {
  console.log('connecting');
}
export function main() {
  connectAuditStore();
}
`,
  },
  {
    name: 'imported function: declared in another file, out of scope',
    code: `import { sendMail } from './mailer';
import { publish } from '@acme/events';
export function onSignup(email: string) {
  sendMail(email);
  publish('signup', { email });
}
`,
  },
  {
    name: 'well-known library calls that return promises are out of scope',
    code: `import fs from 'node:fs/promises';
import mongoose from 'mongoose';
export function boot() {
  fs.writeFile('/tmp/boot', 'x');
  mongoose.connect('mongodb://localhost/app');
  fetch('https://example.com/ping');
}
`,
  },
  {
    name: 'concise arrow body returns the promise',
    code: `async function runOnce(): Promise<void> {}
setInterval(() => runOnce(), 1000);
export const handlers = [1, 2].map(() => runOnce());
`,
  },
  {
    name: 'async generator call does not return a promise',
    code: `async function* pages() {
  yield 1;
}
export function start() {
  pages();
}
`,
  },
  {
    name: 'shadowed name: a local sync function hides the async one',
    code: `async function flush(): Promise<void> {}
export function stop() {
  const flush = () => console.log('flushed');
  flush();
}
`,
  },
  {
    name: 'this inside a plain function is not the class',
    code: `export class Queue {
  async drain(): Promise<void> {}
  start() {
    const worker = {
      drain() {
        console.log('sync drain');
      },
      run() {
        this.drain();
      },
    };
    worker.run();
  }
}
`,
  },
  {
    name: 'union return type with a non-promise is not assumed to be a promise',
    code: `function maybeSave(sync: boolean): Promise<void> | void {
  if (sync) return;
  return Promise.resolve();
}
export function go() {
  maybeSave(true);
}
`,
  },
  {
    name: 'returned from a then callback, used in a ternary assignment',
    code: `async function a(): Promise<number> { return 1; }
async function b(): Promise<number> { return 2; }
export function pick(flag: boolean) {
  const p = flag ? a() : b();
  return p.then(() => a());
}
`,
  },
];

runRuleTests(floatingPromise, { valid, invalid });
runFixtureTests(floatingPromise);
runDocsExamples(floatingPromise);
