import { sensitiveDataLogged } from '../../src/core/rules/sensitive-data-logged';
import { runDocsExamples, runFixtureTests, runRuleTests, type InvalidCase, type RuleCase } from './ruleTester';

const invalid: InvalidCase[] = [
  {
    name: 'contactDetails on: e-mail addresses and phone numbers are personal data',
    options: { contactDetails: true },
    code: `import { logger } from './logger';
export function invite(email: string, phoneNumber: string) {
  logger.info({ email, phoneNumber }, 'invited');
}
`,
    line: 3,
    messageIncludes: ['`email`, `phoneNumber`'],
  },
  {
    name: 'a secret read from a form by name, and whole headers through Object.fromEntries in a login route (fourth blind corpus)',
    file: 'app/api/auth/login/route.ts',
    code: `import { logger } from '@/lib/logger';
export async function POST(request: Request) {
  const form = await request.formData();
  logger.debug({ headers: Object.fromEntries(request.headers) }, 'incoming login headers');
  console.log('raw password field:', form.get('password'));
  return new Response(null, { status: 204 });
}
`,
    count: 2,
  },
  {
    name: 'NestJS: the whole @Body() and @Headers() of a login handler',
    code: `import { Body, Controller, Headers, Logger, Post } from '@nestjs/common';

@Controller('auth')
export class AuthController {
  private readonly logger = new Logger(AuthController.name);

  @Post('login')
  login(@Body() body: { username: string }, @Headers() headers: Record<string, string>) {
    this.logger.debug(JSON.stringify(body));
    this.logger.verbose(headers);
    return { ok: true };
  }
}
`,
    count: 2,
    line: 9,
    messageIncludes: ['in an authentication route'],
  },
  {
    name: 'object shorthand with password (pino from a local module)',
    code: `import { logger } from './logger';
export function login(email: string, password: string) {
  logger.info({ email, password }, 'login attempt');
}
`,
    line: 3,
    text: "logger.info({ email, password }, 'login attempt')",
    severity: 'HIGH',
    messageIncludes: ['writes `password`', 'secret or personal data', 'redaction'],
  },
  {
    name: 'console.log of a token identifier',
    code: `export function onToken(token: string) {
  console.log('issued', token);
}
`,
    line: 2,
    messageIncludes: ['`token`'],
  },
  {
    name: 'template literal with an api key',
    code: `export function connect(apiKey: string) {
  console.debug(\`connecting with \${apiKey}\`);
}
`,
    line: 2,
  },
  {
    name: 'property access req.headers.authorization (winston named import)',
    code: `import { createLogger, transports } from 'winston';
const logger = createLogger({ transports: [new transports.Console()] });
export function check(req: { headers: Record<string, string | undefined> }) {
  logger.warn('auth header: ' + req.headers.authorization);
}
`,
    line: 4,
    messageIncludes: ['req.headers.authorization'],
  },
  {
    name: 'element access with a credential header name',
    code: `import pino from 'pino';
const log = pino();
export function check(req: { headers: Record<string, string> }) {
  log.info({ key: req.headers['x-api-key'] }, 'api call');
}
`,
    line: 4,
  },
  {
    name: 'card number under a non-sensitive key',
    code: `import bunyan from 'bunyan';
const log = bunyan.createLogger({ name: 'payments' });
export function charge(card: { cardNumber: string; cvv: string }) {
  log.info({ card: card.cardNumber }, 'charging');
}
`,
    line: 4,
  },
  {
    name: 'ssn in a nested object',
    code: `import { logger } from './logger';
export function verify(applicant: { id: string; ssn: string }) {
  logger.info({ applicant: { id: applicant.id, ssn: applicant.ssn } }, 'verifying');
}
`,
    line: 3,
  },
  {
    name: 'sensitive key with a derived value: a freshly signed token',
    code: `import jwt from 'jsonwebtoken';
import { logger } from './logger';
export function issue(userId: string, secret: string) {
  logger.debug({ token: jwt.sign({ sub: userId }, secret) }, 'token issued');
}
`,
    line: 4,
  },
  {
    name: 'JSON.stringify of credentials',
    code: `export function save(credentials: { user: string; pass: string }) {
  console.info('saving ' + JSON.stringify(credentials));
}
`,
    line: 2,
  },
  {
    name: 'whole req.headers in an auth router (router name)',
    code: `import { Router } from 'express';
import { logger } from './logger';
export const authRouter = Router();
authRouter.post('/refresh', (req, res) => {
  logger.debug({ headers: req.headers }, 'token refresh');
  res.status(204).end();
});
`,
    line: 5,
    messageIncludes: ['`req.headers`', 'authentication route', 'Authorization'],
  },
  {
    name: 'whole req.body in a login route (route path)',
    code: `import express from 'express';
const app = express();
app.post('/api/login', (req, res) => {
  console.log('login body', req.body);
  res.end();
});
`,
    line: 4,
  },
  {
    name: 'spread of req.body in a sign-up handler named by its function',
    code: `import { logger } from './logger';
import type { Request, Response } from 'express';
export async function signUpHandler(req: Request, res: Response) {
  logger.info({ ...req.body }, 'new account');
  res.status(201).end();
}
`,
    line: 4,
  },
  {
    name: 'whole req.headers in a file whose path says auth',
    file: 'src/routes/auth.ts',
    code: `import { Router } from 'express';
import { logger } from '../logger';
export const router = Router();
router.get('/me', (req, res) => {
  logger.debug({ headers: req.headers }, 'who am i');
  res.json({});
});
`,
    line: 5,
  },
  {
    name: 'NestJS controller: @Controller("auth") and the Nest Logger',
    code: `import { Body, Controller, Logger, Post, Req } from '@nestjs/common';

@Controller('auth')
export class AuthController {
  private readonly logger = new Logger(AuthController.name);

  @Post('callback')
  callback(@Req() req: { body: unknown }) {
    this.logger.log(JSON.stringify(req.body));
  }
}
`,
    line: 9,
  },
  {
    name: 'Fastify route({ url: "/session" }) handler logging request.headers',
    code: `import Fastify from 'fastify';
const fastify = Fastify({ logger: true });
fastify.route({
  method: 'POST',
  url: '/session',
  handler: async (request, reply) => {
    request.log.info({ headers: request.headers }, 'session');
    return reply.send({});
  },
});
`,
    line: 7,
  },
  {
    name: 'Koa router: ctx.request.body in a password route',
    code: `import Router from '@koa/router';
const router = new Router();
router.post('/password/reset', async (ctx) => {
  console.log('reset request', ctx.request.body);
  ctx.status = 202;
});
`,
    line: 4,
  },
  {
    name: 'Sentry.captureMessage with a secret in extra (namespace import)',
    code: `import * as Sentry from '@sentry/node';
export function webhook(signingSecret: string) {
  Sentry.captureMessage('webhook failed', { extra: { signingSecret } });
}
`,
    line: 3,
  },
  {
    name: 'log4js logger with a client secret from config',
    code: `import log4js from 'log4js';
const logger = log4js.getLogger('oauth');
const config = { oauth: { clientSecret: process.env.CLIENT_SECRET } };
export function boot() {
  logger.info('oauth config', config.oauth.clientSecret);
}
`,
    line: 5,
  },
  {
    name: 'debug package (require, called logger)',
    file: 'src/session.js',
    code: `const debug = require('debug')('app:session');
function resume(sessionId) {
  debug('resuming session %s', sessionId);
}
module.exports = { resume };
`,
    line: 3,
  },
  {
    name: 'child logger bound to a refresh token',
    code: `import pino from 'pino';
const logger = pino();
export function forUser(refreshToken: string) {
  return logger.child({ refreshToken });
}
`,
    line: 4,
  },
  {
    name: 'extraNames option adds a team-specific name',
    options: { extraNames: ['medicalRecordNumber'] },
    code: `import { logger } from './logger';
export function admit(medicalRecordNumber: string) {
  logger.info({ medicalRecordNumber }, 'admitted');
}
`,
    line: 3,
  },
];

const valid: (string | RuleCase)[] = [
  {
    name: 'whole req.body in a non-auth route of a file named like auth',
    file: 'src/routes/login.routes.js',
    code: `const { Router } = require('express');
const logger = require('../logger');
const router = Router();
router.get('/products/search', (req, res) => {
  logger.debug('product search', req.body);
  res.json([]);
});
module.exports = router;
`,
  },
  {
    name: 'a boolean that says a key is configured',
    code: `import { logger } from './logger';
logger.info({ adminApiKeyConfigured: Boolean(process.env.ADMIN_API_KEY) }, 'config loaded');
`,
  },
  {
    name: 'NestJS: the whole @Body() outside an authentication controller, and a picked @Body("sku") field in one',
    code: `import { Body, Controller, Logger, Post } from '@nestjs/common';

@Controller('products')
export class ProductsController {
  private readonly logger = new Logger(ProductsController.name);

  @Post()
  create(@Body() body: { sku: string }) {
    this.logger.log(JSON.stringify(body));
  }
}

@Controller('auth')
export class AuthController {
  private readonly logger = new Logger(AuthController.name);

  @Post('login')
  login(@Body('username') username: string, body: string) {
    this.logger.log(username, body);
  }
}
`,
  },
  {
    name: 'ids only',
    code: `import { logger } from './logger';
export function ok(customer: { id: string }) {
  logger.info({ customerId: customer.id }, 'login succeeded');
}
`,
  },
  {
    name: 'names that describe a secret without holding it',
    code: `import { logger } from './logger';
export function audit(hasPassword: boolean, tokenCount: number, passwordLength: number, isTokenValid: boolean, tokenExpiresAt: Date) {
  logger.info({ hasPassword, tokenCount, passwordLength, isTokenValid, tokenExpiresAt, passwordResetUrlSent: true }, 'audit');
}
`,
  },
  {
    name: 'redaction wrappers and derived values',
    code: `import { logger } from './logger';
declare function redact(v: string): string;
declare function mask(v: string): string;
export function audit(token: string, cardNumber: string, password: string) {
  logger.info({ token: redact(token), card: mask(cardNumber), last4: cardNumber.slice(-4), tokenPrefix: token.slice(0, 6) }, 'audit');
  logger.info({ passwordLength: password.length, hasToken: !!token, password: '[REDACTED]', token: token ? 'present' : 'missing' });
}
`,
  },
  {
    name: 'message strings that mention secrets are not values',
    code: `export function reset() {
  console.log('password reset requested');
  console.info(\`token refresh scheduled in \${5} minutes\`);
}
`,
  },
  {
    name: 'LLM token counts and paging tokens',
    code: `import { logger } from './logger';
export function usage(u: { prompt_tokens: number; completion_tokens: number; total_tokens: number }, nextPageToken: string, maxTokens: number) {
  logger.info({ promptTokens: u.prompt_tokens, completionTokens: u.completion_tokens, total: u.total_tokens, nextPageToken, maxTokens }, 'usage');
}
`,
  },
  {
    name: 'req.headers outside an auth route',
    code: `import express from 'express';
const app = express();
app.get('/products', (req, res) => {
  console.log('headers', req.headers);
  res.json([]);
});
`,
  },
  {
    name: 'req.body in an orders route',
    file: 'src/routes/orders.ts',
    code: `import { Router } from 'express';
import { logger } from '../logger';
export const ordersRouter = Router();
ordersRouter.post('/', (req, res) => {
  logger.info({ body: req.body }, 'new order');
  res.status(201).end();
});
`,
  },
  {
    name: 'not a logging call: sending a token in a response',
    code: `import express from 'express';
const app = express();
app.post('/login', (req, res) => {
  const token = 'abc';
  res.json({ token });
});
`,
  },
  {
    name: 'secret-sounding metadata names',
    code: `import { logger } from './logger';
export function boot(secretName: string, tokenEndpoint: string, passwordPolicy: string, apiKeyId: string, emailVerified: boolean, cookieName: string) {
  logger.info({ secretName, tokenEndpoint, passwordPolicy, apiKeyId, emailVerified, cookieName }, 'config loaded');
}
`,
  },
  {
    name: 'tracking number and author fields',
    code: `import { logger } from './logger';
export function track(trackingNumber: string, author: string, orderNumber: string) {
  logger.error({ trackingNumber, author, orderNumber }, 'tracking lookup failed');
}
`,
  },
  {
    name: 'a shadowing logger-like call that is not a log: hashing a password',
    code: `import bcrypt from 'bcrypt';
export async function store(password: string) {
  return bcrypt.hash(password, 12);
}
`,
  },
  {
    name: 'boolean and comparison values under sensitive keys',
    code: `import { logger } from './logger';
export function check(token: string | undefined, password: string) {
  logger.debug({ token: token === undefined, password: typeof password, secret: null });
}
`,
  },
  {
    name: 'the whole user object is not judged by name',
    code: `import { logger } from './logger';
export function created(user: { id: string }) {
  logger.info({ user }, 'user created');
}
`,
  },
  {
    name: 'redactedNames option: the logger redacts password already',
    options: { redactedNames: ['password'] },
    code: `import pino from 'pino';
const logger = pino({ redact: ['password'] });
export function login(password: string) {
  logger.info({ password }, 'login attempt');
}
`,
  },
  {
    name: 'contact details are not reported by default (decision): e-mail addresses and phone numbers',
    code: `import { logger } from './logger';
export function invite(email: string, phoneNumber: string) {
  logger.info({ email, phoneNumber }, 'invited');
}
`,
  },
  {
    name: 'a function call result under a non-sensitive name',
    code: `import { logger } from './logger';
declare function fingerprint(token: string): string;
export function seen(token: string) {
  logger.info({ tokenFingerprint: fingerprint(token) }, 'token seen');
}
`,
  },
  {
    name: 'metrics and non-log method names are not log lines',
    code: `declare const metrics: { increment(name: string, tags: Record<string, string>): void };
export function count(token: string) {
  metrics.increment('token.used', { kind: 'api' });
}
`,
  },
  {
    name: 'req.headers in an auth-named route but only a request id is logged',
    code: `import express from 'express';
const app = express();
app.post('/login', (req, res) => {
  console.log('login', req.headers['x-request-id']);
  res.end();
});
`,
  },
];

runRuleTests(sensitiveDataLogged, { valid, invalid });
runFixtureTests(sensitiveDataLogged);
runDocsExamples(sensitiveDataLogged);
