import { weakJwtVerification } from '../../src/core/rules/weak-jwt-verification';
import { runDocsExamples, runFixtureTests, runRuleTests, type InvalidCase, type RuleCase } from './ruleTester';

const express = "import type { NextFunction, Request, Response } from 'express';\n";

const invalid: InvalidCase[] = [
  {
    name: 'verify without options (default import)',
    code: `import jwt from 'jsonwebtoken';

export function claimsOf(token: string, secret: string) {
  return jwt.verify(token, secret);
}
`,
    line: 4,
    text: 'jwt.verify(token, secret)',
    severity: 'HIGH',
    messageIncludes: ['`jwt.verify(…)`', '`algorithms`', 'algorithm-confusion', "algorithms: ['RS256']"],
  },
  {
    name: 'verify with options but no algorithms (namespace import)',
    code: `import * as jwt from 'jsonwebtoken';

export const check = (token: string, key: string) => jwt.verify(token, key, { issuer: 'https://auth.internal', audience: 'api' });
`,
  },
  {
    name: 'verify with a callback and no options (require)',
    code: `const jwt = require('jsonwebtoken');

function authenticate(token, key, done) {
  jwt.verify(token, key, (err, claims) => done(err, claims));
}
module.exports = { authenticate };
`,
    file: 'src/auth.js',
  },
  {
    name: 'named import with an alias',
    code: `import { verify as verifyJwt } from 'jsonwebtoken';

export const session = (token: string, secret: string) => verifyJwt(token, secret, { maxAge: '1h' });
`,
    messageIncludes: ['`verifyJwt(…)`'],
  },
  {
    name: 'destructured require',
    code: `const { verify } = require('jsonwebtoken');

module.exports = (token, secret) => verify(token, secret);
`,
    file: 'src/verify.js',
  },
  {
    name: 'import = require',
    code: `import jwt = require('jsonwebtoken');

export const claims = (t: string, k: string) => jwt.verify(t, k);
`,
  },
  {
    name: "algorithms containing 'none'",
    code: `import jwt from 'jsonwebtoken';

export const claims = (t: string, k: string) => jwt.verify(t, k, { algorithms: ['HS256', 'none'] });
`,
    messageIncludes: ['`none`', 'unsigned'],
  },
  {
    name: "algorithms from a const containing 'none'",
    code: `import jwt from 'jsonwebtoken';

const ALGORITHMS = ['none', 'HS256'] as const;
export const claims = (t: string, k: string) => jwt.verify(t, k, { algorithms: ALGORITHMS as any, ignoreExpiration: false });
`,
    messageIncludes: ['`none`'],
  },
  {
    name: 'ignoreExpiration: true',
    code: `const jwt = require('jsonwebtoken');

module.exports = (token, key) => jwt.verify(token, key, { algorithms: ['RS256'], ignoreExpiration: true });
`,
    file: 'src/x.js',
    messageIncludes: ['`ignoreExpiration: true`', 'valid forever'],
  },
  {
    name: 'options kept in a local const without algorithms',
    code: `import jwt from 'jsonwebtoken';

const VERIFY_OPTIONS = { audience: 'checkout', ignoreExpiration: true };
export const claims = (t: string, k: string) => jwt.verify(t, k, VERIFY_OPTIONS);
`,
    messageIncludes: ['`algorithms`', '`ignoreExpiration: true`'],
  },
  {
    name: 'decode result tested in an if (Express middleware)',
    code: `${express}import jwt from 'jsonwebtoken';

export function requireAdmin(req: Request, res: Response, next: NextFunction) {
  const claims = jwt.decode(req.headers.authorization?.replace(/^Bearer /, '') ?? '') as { role?: string } | null;
  if (claims?.role !== 'admin') {
    res.status(403).end();
    return;
  }
  next();
}
`,
    line: 5,
    messageIncludes: ['`jwt.decode(…)`', '`role` is tested in a condition', 'jwt.verify'],
  },
  {
    name: 'decode used in place in a condition',
    code: `import jwt from 'jsonwebtoken';

export function canRefund(token: string) {
  if ((jwt.decode(token) as any)?.scope?.includes('refunds')) return true;
  return false;
}
`,
  },
  {
    name: 'destructured claims tested in a ternary',
    code: `import { decode } from 'jsonwebtoken';

export function planOf(token: string) {
  const { plan } = decode(token) as { plan: string };
  return plan === 'pro' ? 'unlimited' : 'limited';
}
`,
  },
  {
    name: 'decoded value returned from a guard',
    code: `import jwt from 'jsonwebtoken';

export function authenticate(token: string) {
  return jwt.decode(token);
}
`,
    messageIncludes: ['returned from `authenticate`'],
  },
  {
    name: 'NestJS guard canActivate returns a claim check',
    code: `import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import * as jwt from 'jsonwebtoken';

@Injectable()
export class AdminGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest();
    const payload = jwt.decode(request.headers.authorization.split(' ')[1]) as { roles: string[] };
    return payload.roles.includes('admin');
  }
}
`,
  },
  {
    name: 'decoded token stored as req.user',
    code: `${express}const jwt = require('jsonwebtoken');

export function attachUser(req: Request, _res: Response, next: NextFunction) {
  req.user = jwt.decode(String(req.headers['x-token']));
  next();
}
`,
    messageIncludes: ['stored as `req.user`'],
  },
  {
    name: 'claims stored in res.locals',
    code: `${express}import jwt from 'jsonwebtoken';

export function session(req: Request, res: Response, next: NextFunction) {
  const decoded = jwt.decode(req.cookies.session) as { sub: string };
  res.locals.userId = decoded.sub;
  next();
}
`,
  },
  {
    name: 'a derived flag tested later',
    code: `import jwt from 'jsonwebtoken';

export function showAdminMenu(token: string) {
  const claims = jwt.decode(token) as { role: string };
  const isAdmin = claims.role === 'admin';
  if (isAdmin) return ['users', 'refunds'];
  return [];
}
`,
  },
  {
    name: 'roles checked through a callback',
    code: `import jwt from 'jsonwebtoken';

const ALLOWED = ['ops', 'admin'];
export function mayDeploy(token: string) {
  const claims = jwt.decode(token) as { roles: string[] };
  if (ALLOWED.some((r) => claims.roles.includes(r))) return true;
  return false;
}
`,
  },
  {
    name: 'decode behind a ternary, then an existence test in Next.js middleware',
    code: `import jwt from 'jsonwebtoken';
import { NextRequest, NextResponse } from 'next/server';

export function middleware(req: NextRequest) {
  const token = req.cookies.get('session')?.value;
  const payload = token ? jwt.decode(token) : null;
  if (!payload) return NextResponse.redirect(new URL('/login', req.url));
  return NextResponse.next();
}
`,
    line: 6,
  },
  {
    name: 'decoded token as the user of a GraphQL context',
    code: `import jwt from 'jsonwebtoken';

export const context = async ({ req }: { req: any }) => ({
  user: jwt.decode(String(req.headers.authorization ?? '').replace('Bearer ', '')),
});
`,
    messageIncludes: ['`user`'],
  },
  {
    name: 'promisified verify without algorithms',
    code: `import jwt from 'jsonwebtoken';
import { promisify } from 'node:util';

const verifyAsync = promisify(jwt.verify);
export const check = (token: string) => verifyAsync(token, process.env.JWT_SECRET!);
`,
    line: 5,
  },
  {
    name: 'the caller id returned from getUserId',
    code: `const jwt = require('jsonwebtoken');

function getUserId(req) {
  const payload = jwt.decode(req.headers.authorization.split(' ')[1]);
  return payload && payload.sub;
}
module.exports = { getUserId };
`,
    file: 'src/auth.js',
  },
  {
    name: 'the subject claim picks the records a query reads',
    code: `import jwt, { JwtPayload } from 'jsonwebtoken';
import { prisma } from './db';

export async function myOrders(token: string) {
  const { sub } = jwt.decode(token) as JwtPayload;
  return prisma.order.findMany({ where: { userId: sub } });
}
`,
    messageIncludes: ['`findMany`'],
  },
  {
    name: 'the decoded id loads the profile a route returns',
    code: `import jwt from 'jsonwebtoken';
import { Router } from 'express';
import { getProfile } from './profiles';

export const router = Router();
router.get('/profile', async (req, res) => {
  const user = jwt.decode(req.cookies.token) as { id: string };
  res.json(await getProfile(user.id));
});
`,
    line: 7,
    messageIncludes: ['`getProfile`'],
  },
  {
    name: 'passport-jwt strategy that accepts expired tokens (NestJS)',
    code: `import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy) {
  constructor() {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      ignoreExpiration: true,
      secretOrKey: process.env.JWT_SECRET,
    });
  }
}
`,
    line: 10,
    text: 'ignoreExpiration: true',
    messageIncludes: ['`super(…)` sets `ignoreExpiration: true`'],
  },
  {
    name: "@nestjs/jwt module and service options ('none', ignoreExpiration)",
    code: `import { JwtModule, JwtService } from '@nestjs/jwt';

export const auth = JwtModule.register({ secret: process.env.JWT_SECRET, verifyOptions: { algorithms: ['HS256', 'none'] } });
export class Tokens {
  constructor(private readonly jwt: JwtService) {}
  read(token: string) {
    return this.jwt.verify(token, { ignoreExpiration: true });
  }
}
`,
    count: 2,
  },
];

const valid: (string | RuleCase)[] = [
  { name: 'algorithms pinned', code: `import jwt from 'jsonwebtoken';\nexport const claims = (t: string, k: string) => jwt.verify(t, k, { algorithms: ['HS256'] });\n` },
  {
    name: 'algorithms pinned with a callback',
    code: `const jwt = require('jsonwebtoken');\nmodule.exports = (t, k, cb) => jwt.verify(t, k, { algorithms: ['RS256'], issuer: 'auth' }, cb);\n`,
    file: 'src/a.js',
  },
  { name: 'algorithms from a const', code: `import jwt from 'jsonwebtoken';\nconst ALGS: jwt.Algorithm[] = ['ES256'];\nexport const claims = (t: string, k: string) => jwt.verify(t, k, { algorithms: ALGS });\n` },
  { name: 'options the rule cannot see', code: `import jwt from 'jsonwebtoken';\nexport const claims = (t: string, k: string, options: jwt.VerifyOptions) => jwt.verify(t, k, options);\n` },
  { name: 'options with a spread', code: `import jwt from 'jsonwebtoken';\nimport { baseVerifyOptions } from './jwtOptions';\nexport const claims = (t: string, k: string) => jwt.verify(t, k, { ...baseVerifyOptions, audience: 'api' });\n` },
  { name: 'ignoreExpiration: false', code: `import jwt from 'jsonwebtoken';\nexport const claims = (t: string, k: string) => jwt.verify(t, k, { algorithms: ['HS256'], ignoreExpiration: false });\n` },
  { name: 'another library called jwt', code: `import { jwtVerify } from 'jose';\nexport const claims = (t: string, key: CryptoKey) => jwtVerify(t, key);\n` },
  { name: 'a local verify function', code: `function verify(token: string, secret: string) {\n  return token.length > secret.length;\n}\nexport const ok = verify('a', 'b');\nimport 'jsonwebtoken';\n` },
  {
    name: 'decode to read kid, then verify',
    code: `import jwt from 'jsonwebtoken';
export function verifyWithKeys(token: string, keys: Record<string, string>) {
  const decoded = jwt.decode(token, { complete: true });
  if (!decoded || !decoded.header.kid) throw new Error('malformed token');
  return jwt.verify(token, keys[decoded.header.kid], { algorithms: ['RS256'] });
}
`,
  },
  {
    name: 'decode for the expiry time',
    code: `import jwt from 'jsonwebtoken';
export function scheduleRefresh(token: string, refresh: () => void) {
  const payload = jwt.decode(token) as { exp: number } | null;
  if (payload && payload.exp * 1000 < Date.now() + 60_000) refresh();
}
`,
  },
  {
    name: 'decode for logging',
    code: `import jwt from 'jsonwebtoken';
import { logger } from './logger';
export function logTokenInfo(token: string) {
  const claims = jwt.decode(token) as { sub?: string } | null;
  logger.info({ sub: claims?.sub }, 'token received');
}
`,
  },
  {
    name: 'decoded value returned from a helper that is not an auth function',
    code: `import jwt from 'jsonwebtoken';
export function tokenDebugInfo(token: string) {
  return jwt.decode(token, { complete: true });
}
`,
  },
  {
    name: 'existence test outside an auth function',
    code: `import jwt from 'jsonwebtoken';
export function looksLikeJwt(value: string) {
  const decoded = jwt.decode(value);
  if (decoded) return 'jwt';
  return 'opaque';
}
`,
  },
  {
    name: 'decoded header algorithm tested before verification elsewhere',
    code: `import jwt from 'jsonwebtoken';
export function algorithmOf(token: string) {
  const decoded = jwt.decode(token, { complete: true });
  if (decoded?.header.alg === 'none') throw new Error('unsigned token');
  return decoded?.header.alg;
}
`,
  },
  {
    name: 'decoded value stored somewhere that is not the request identity',
    code: `import jwt from 'jsonwebtoken';
const cache = new Map<string, unknown>();
export function remember(token: string) {
  const claims = jwt.decode(token);
  cache.set(token, claims);
}
`,
  },
  {
    name: 'a predicate that only tests whether the value parses',
    code: `import jwt from 'jsonwebtoken';
export function isJwt(value: string) {
  const decoded = jwt.decode(value);
  return decoded !== null;
}
`,
  },
  {
    name: 'sign is not checked',
    code: `import jwt from 'jsonwebtoken';
export const issue = (sub: string, secret: string) => jwt.sign({ sub }, secret);
`,
  },
  {
    name: 'passport-jwt with expiry checked, and option objects not handed to a verifier',
    code: `import { ExtractJwt, Strategy } from 'passport-jwt';

export const strategy = new Strategy(
  { jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), ignoreExpiration: false, algorithms: ['RS256'], secretOrKey: process.env.JWT_PUBLIC_KEY },
  (payload: unknown, done: (e: unknown, u?: unknown) => void) => done(null, payload),
);
export const defaults = { ignoreExpiration: true };
`,
  },
  {
    name: 'ignoreExpiration in a file that uses no JWT library',
    code: `export const cacheOptions = { ttl: 60, ignoreExpiration: true };\nexport const load = (f: (o: object) => void) => f({ ignoreExpiration: true });\n`,
  },
  {
    name: 'an identity-named property that is only logged',
    code: `import jwt from 'jsonwebtoken';
import pino from 'pino';
const logger = pino();

export function trace(token: string) {
  logger.info({ user: jwt.decode(token) }, 'request');
}
`,
  },
  {
    name: 'a display name returned from a request helper',
    code: `import jwt from 'jsonwebtoken';

export function greeting(req: { headers: { authorization?: string } }) {
  const claims = jwt.decode(req.headers.authorization?.slice(7) ?? '') as { name?: string } | null;
  return claims?.name ?? 'guest';
}
`,
  },
  {
    name: 'a claim written to a log line, not a query',
    code: `import jwt from 'jsonwebtoken';

export function audit(token: string, events: { push(e: object): void }) {
  const { sub } = jwt.decode(token) as { sub: string };
  events.push({ actor: sub, at: Date.now() });
}
`,
  },
  {
    name: 'promisify of something else',
    code: `import jwt from 'jsonwebtoken';
import { promisify } from 'node:util';
import { readFile } from 'node:fs';

const read = promisify(readFile);
export const load = async (p: string) => jwt.verify(String(await read(p)), 'k', { algorithms: ['HS256'] });
`,
  },
];

runRuleTests(weakJwtVerification, { valid, invalid });
runFixtureTests(weakJwtVerification);
runDocsExamples(weakJwtVerification);
