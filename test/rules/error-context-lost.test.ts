import { errorContextLost } from '../../src/core/rules/error-context-lost';
import { runDocsExamples, runFixtureTests, runRuleTests, type InvalidCase, type RuleCase } from './ruleTester';

const invalid: InvalidCase[] = [
  {
    name: 'logger.error without the caught error (pino logger from a local module)',
    code: `import { logger } from './logger';
import { chargeCard } from './payments';

export async function pay(orderId: string) {
  try {
    await chargeCard(orderId);
  } catch (e) {
    logger.error('payment failed');
  }
}
`,
    line: 8,
    text: "logger.error('payment failed')",
    related: 1,
    severity: 'MEDIUM',
    messageIncludes: ['logger.error(…)', '`e`', 'stack trace', 'logger.error({ err: e }'],
  },
  {
    name: 'console.warn in a catch with no binding',
    code: `export async function quotes(url: string) {
  try {
    return await (await fetch(url)).json();
  } catch {
    console.warn('carrier quotes unavailable, using flat rate');
    return [];
  }
}
`,
    line: 5,
    messageIncludes: ['does not even bind', 'catch (err)'],
  },
  {
    name: 'structured log object that carries other context but not the error',
    code: `import pino from 'pino';
const log = pino();

export async function track(trackingNumber: string, get: (n: string) => Promise<string>) {
  try {
    return await get(trackingNumber);
  } catch (err) {
    log.error({ trackingNumber }, 'tracking lookup failed');
    return 'unknown';
  }
}
`,
    line: 8,
  },
  {
    name: 'winston logger via require',
    file: 'src/sync.js',
    code: `const winston = require('winston');
const logger = winston.createLogger({ transports: [new winston.transports.Console()] });

async function sync(client) {
  try {
    await client.sync();
  } catch (error) {
    logger.warn('inventory sync failed, will try again at the next tick');
  }
}
module.exports = { sync };
`,
    line: 8,
  },
  {
    name: 'NestJS Logger member',
    code: `import { Injectable, Logger } from '@nestjs/common';

@Injectable()
export class MailService {
  private readonly logger = new Logger(MailService.name);

  async send(to: string, send: (to: string) => Promise<void>) {
    try {
      await send(to);
    } catch (e) {
      this.logger.error(\`could not send mail to \${to}\`);
    }
  }
}
`,
    line: 11,
  },
  {
    name: 'throw new Error without cause',
    code: `export async function load(path: string, read: (p: string) => Promise<string>) {
  try {
    return JSON.parse(await read(path));
  } catch (err) {
    throw new Error('x failed');
  }
}
`,
    line: 5,
    text: "throw new Error('x failed');",
    related: 1,
    messageIncludes: ['throw new Error(…)', '{ cause }', "{ cause: err }"],
  },
  {
    name: 'interpolating err.message into the new message still loses the stack',
    code: `export async function load(path: string, read: (p: string) => Promise<string>) {
  try {
    return JSON.parse(await read(path));
  } catch (err) {
    throw new Error(\`could not load \${path}: \${(err as Error).message}\`);
  }
}
`,
    line: 5,
  },
  {
    name: 'custom error class without cause (stripe gateway)',
    code: `import Stripe from 'stripe';
const stripe = new Stripe(process.env.STRIPE_KEY!);
class PaymentError extends Error {}

export async function startPayment(orderId: string, amount: number) {
  try {
    return await stripe.paymentIntents.create({ amount, currency: 'eur', metadata: { orderId } });
  } catch (err) {
    throw new PaymentError(\`Could not start the payment for order \${orderId}\`);
  }
}
`,
    line: 9,
    messageIncludes: ['new PaymentError(…)'],
  },
  {
    name: 'new Error(err) only keeps the text of the built-in Error',
    code: `export function parse(raw: string) {
  try {
    return JSON.parse(raw);
  } catch (err) {
    throw new Error(String(err));
  }
}
`,
    line: 5,
  },
  {
    name: 'NestJS InternalServerErrorException without cause',
    code: `import { Injectable, InternalServerErrorException } from '@nestjs/common';

@Injectable()
export class ReportService {
  async build(run: () => Promise<string>) {
    try {
      return await run();
    } catch (e) {
      throw new InternalServerErrorException('report generation failed');
    }
  }
}
`,
    line: 9,
  },
  {
    name: 'logs and throws a new error: both lose the error',
    count: 2,
    code: `import { logger } from './logger';
export async function refund(id: string, call: (id: string) => Promise<void>) {
  try {
    await call(id);
  } catch (e) {
    logger.error('refund failed');
    throw new Error('refund failed');
  }
}
`,
  },
  {
    name: 'logs the error and throws a new one without cause: the throw is still reported',
    code: `import { logger } from './logger';
export async function refund(id: string, call: (id: string) => Promise<void>) {
  try {
    await call(id);
  } catch (err) {
    logger.error({ err, id }, 'refund failed');
    throw new Error('refund failed');
  }
}
`,
    line: 7,
  },
  {
    name: '.catch handler that logs without its parameter',
    code: `import { logger } from './logger';
export function warm(load: () => Promise<void>) {
  load().catch(() => logger.warn('cache warm-up failed'));
}
`,
    line: 3,
    text: "logger.warn('cache warm-up failed')",
  },
  {
    name: '.catch handler with a parameter it ignores',
    code: `export function warm(load: () => Promise<void>) {
  return load().catch((err) => {
    console.error('cache warm-up failed');
    return null;
  });
}
`,
    line: 3,
  },
  {
    name: '.then rejection handler that throws a new error',
    code: `export function fetchUser(id: string, get: (id: string) => Promise<unknown>) {
  return get(id).then(
    (u) => u,
    () => {
      throw new Error('user lookup failed');
    },
  );
}
`,
    line: 5,
  },
  {
    name: 'throw Error(…) without new',
    code: `export function parsePort(raw: string) {
  try {
    return JSON.parse(raw);
  } catch (e) {
    throw Error('invalid port');
  }
}
`,
    line: 5,
  },
  {
    name: 'the throw in the else branch of an identifying check',
    code: `class DuplicateEmail extends Error {}
export async function register(email: string, insert: (e: string) => Promise<void>) {
  try {
    await insert(email);
  } catch (err: any) {
    if (err.code === 'P2002') {
      throw new DuplicateEmail(email, { cause: err });
    } else {
      throw new Error('registration failed');
    }
  }
}
`,
    line: 9,
  },
  {
    name: 'Sentry.captureMessage without the error',
    code: `import * as Sentry from '@sentry/node';
export async function nightly(run: () => Promise<void>) {
  try {
    await run();
  } catch (e) {
    Sentry.captureMessage('nightly job failed');
  }
}
`,
    line: 6,
  },
];

const valid: (string | RuleCase)[] = [
  {
    name: 'logs the error in a structured field',
    code: `import { logger } from './logger';
export async function pay(id: string, charge: (id: string) => Promise<void>) {
  try {
    await charge(id);
  } catch (err) {
    logger.error({ err, id }, 'payment failed');
  }
}
`,
  },
  {
    name: 'console.error with the error as an argument',
    code: `export async function pay(id: string, charge: (id: string) => Promise<void>) {
  try {
    await charge(id);
  } catch (e) {
    console.error('payment failed', e);
  }
}
`,
  },
  {
    name: 'logs err.message (the error is used)',
    code: `import { logger } from './logger';
export async function pay(id: string, charge: (id: string) => Promise<void>) {
  try {
    await charge(id);
  } catch (e) {
    logger.error(\`payment failed: \${(e as Error).message}\`);
  }
}
`,
  },
  {
    name: 'new error with { cause }',
    code: `export async function pay(id: string, charge: (id: string) => Promise<void>) {
  try {
    await charge(id);
  } catch (err) {
    throw new Error(\`payment failed for \${id}\`, { cause: err });
  }
}
`,
  },
  {
    name: 'shorthand { cause } from a catch binding named cause',
    code: `class PaymentError extends Error {}
export async function pay(id: string, charge: (id: string) => Promise<void>) {
  try {
    await charge(id);
  } catch (cause) {
    throw new PaymentError('payment failed', { cause });
  }
}
`,
  },
  {
    name: 'custom error class given the caught error as an argument',
    code: `import { VError } from 'verror';
class PaymentError extends Error {
  constructor(message: string, readonly inner: unknown) { super(message); }
}
export async function pay(id: string, charge: (id: string) => Promise<void>) {
  try {
    await charge(id);
  } catch (err) {
    if (id) throw new PaymentError('payment failed', err);
    throw new VError(err as Error, 'payment failed');
  }
}
`,
  },
  {
    name: 'rethrows the same error',
    code: `import { logger } from './logger';
export async function pay(id: string, charge: (id: string) => Promise<void>) {
  try {
    await charge(id);
  } catch (err) {
    logger.warn('payment failed, the caller will retry');
    throw err;
  }
}
`,
  },
  {
    name: 'passes the error on to next(err)',
    code: `import { Router } from 'express';
export const router = Router();
router.post('/pay', async (req, res, next) => {
  try {
    res.json(await Promise.resolve(req.body));
  } catch (err) {
    console.warn('payment route failed');
    next(err);
  }
});
`,
  },
  {
    name: 'an expected error identified by its code, logged without it',
    code: `import { readFile } from 'node:fs/promises';
import { logger } from './logger';
export async function loadConfig(path: string) {
  try {
    return JSON.parse(await readFile(path, 'utf8'));
  } catch (err: any) {
    if (err.code !== 'ENOENT') throw err;
    logger.info('no config file, using defaults');
    return {};
  }
}
`,
  },
  {
    name: 'translation into a client error (NestJS BadRequestException, NotFoundException)',
    code: `import { BadRequestException, NotFoundException } from '@nestjs/common';
export function parseBody(raw: string, find: (id: string) => unknown) {
  try {
    return JSON.parse(raw);
  } catch {
    throw new BadRequestException('Body is not valid JSON');
  }
}
export function findOrder(id: string, find: (id: string) => unknown) {
  try {
    return find(id);
  } catch (e) {
    throw new NotFoundException(\`Order \${id} not found\`);
  }
}
`,
  },
  {
    name: 'a throw guarded by a positive check on the caught error',
    code: `class DuplicateEmailError extends Error {}
export async function register(email: string, insert: (e: string) => Promise<void>) {
  try {
    await insert(email);
  } catch (err: any) {
    if (err.code === 'P2002') throw new DuplicateEmailError(email);
    if (err instanceof TypeError) {
      throw new Error('bad input');
    }
    throw err;
  }
}
`,
  },
  {
    name: 'debug-level log in a catch is not judged',
    code: `import { logger } from './logger';
export function maybeJson(raw: string) {
  try {
    return JSON.parse(raw);
  } catch {
    logger.debug('payload is not JSON, keeping it as text');
    return raw;
  }
}
`,
  },
  {
    name: 'catch that neither logs nor throws (swallowed-exception territory, not this rule)',
    code: `export async function rate(get: () => Promise<number>) {
  try {
    return await get();
  } catch (err) {
    return null;
  }
}
`,
  },
  {
    name: '.catch(handler) that logs the error',
    code: `import { logger } from './logger';
export function warm(load: () => Promise<void>) {
  load().catch((err) => logger.warn({ err }, 'cache warm-up failed'));
  load().catch(console.error);
}
`,
  },
  {
    name: 'the error used inside a callback in the catch',
    code: `import { logger } from './logger';
export async function send(run: () => Promise<void>) {
  try {
    await run();
  } catch (err) {
    logger.error('send failed, reporting asynchronously');
    setImmediate(() => report(err));
  }
}
declare function report(e: unknown): void;
`,
  },
  {
    name: 'a nested catch judges its own log; the outer catch logs its error',
    code: `import { logger } from './logger';
export async function pay(run: () => Promise<void>, rollback: () => Promise<void>) {
  try {
    await run();
  } catch (err) {
    try {
      await rollback();
    } catch (rollbackErr) {
      logger.error({ err: rollbackErr }, 'rollback failed');
    }
    logger.error({ err }, 'payment failed');
  }
}
`,
  },
  {
    name: 'a log inside a nested function is not the catch logging',
    code: `import { logger } from './logger';
export async function pay(run: () => Promise<void>) {
  try {
    await run();
  } catch (err) {
    return new Promise((resolve) => {
      logger.info('retrying later');
      setTimeout(resolve, 1000);
    }).then(() => { throw err; });
  }
}
`,
  },
  {
    name: 'throwing a non-error value or an error built elsewhere',
    code: `export function parse(raw: string, fallback: Error) {
  try {
    return JSON.parse(raw);
  } catch (err) {
    if (!raw) throw fallback;
    throw { status: 400, message: 'bad json', err };
  }
}
`,
  },
];

runRuleTests(errorContextLost, { valid, invalid });
runFixtureTests(errorContextLost);
runDocsExamples(errorContextLost);
