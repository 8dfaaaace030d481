import { syncIoInHandler } from '../../src/core/rules/sync-io-in-handler';
import { runDocsExamples, runFixtureTests, runRuleTests, type InvalidCase, type RuleCase } from './ruleTester';

const invalid: InvalidCase[] = [
  {
    name: 'Express route, named import from node:fs',
    code: `import express from 'express';
import { readFileSync } from 'node:fs';
const app = express();
app.get('/invoice/:id', (req, res) => {
  const css = readFileSync('templates/invoice.css', 'utf8');
  res.send(css);
});
`,
    line: 5,
    text: "readFileSync('templates/invoice.css', 'utf8')",
    related: 1,
    severity: 'MEDIUM',
    messageIncludes: ['`readFileSync(…)`', 'blocking file call', '`GET /invoice/:id`', 'one thread', 'node:fs/promises', 'startup'],
  },
  {
    name: 'Express Router, default import of fs, writeFileSync',
    code: `import { Router } from 'express';
import fs from 'fs';
export const router = Router();
router.post('/exports', async (req, res) => {
  fs.writeFileSync('/tmp/export.json', JSON.stringify(req.body));
  res.status(201).end();
});
`,
    line: 5,
  },
  {
    name: 'existsSync in a route (namespace import)',
    code: `import * as fs from 'node:fs';
import { Router } from 'express';
export const files = Router();
files.get('/files/:name', (req, res) => {
  if (!fs.existsSync('/data/' + req.params.name)) return res.sendStatus(404);
  res.sendFile('/data/' + req.params.name);
});
`,
    line: 5,
  },
  {
    name: 'execSync from a destructured require in a CommonJS route',
    file: 'src/routes/admin.js',
    code: `const express = require('express');
const { execSync } = require('child_process');
const router = express.Router();
router.get('/version', (req, res) => {
  res.send(execSync('git rev-parse HEAD').toString());
});
module.exports = router;
`,
    line: 5,
    messageIncludes: ['child-process'],
  },
  {
    name: 'spawnSync via require member',
    file: 'src/server.js',
    code: `const cp = require('node:child_process');
const app = require('express')();
app.post('/convert', (req, res) => {
  const out = cp.spawnSync('convert', ['in.png', 'out.jpg']);
  res.json({ status: out.status });
});
`,
    line: 4,
  },
  {
    name: 'pbkdf2Sync from node:crypto in a login route',
    code: `import { Router } from 'express';
import { pbkdf2Sync, timingSafeEqual } from 'node:crypto';
export const auth = Router();
auth.post('/login', (req, res) => {
  const hash = pbkdf2Sync(req.body.password, 'salt', 310000, 32, 'sha256');
  res.json({ ok: timingSafeEqual(hash, hash) });
});
`,
    line: 5,
    messageIncludes: ['blocking crypto call'],
  },
  {
    name: 'scryptSync with a named import alias',
    code: `import { Router } from 'express';
import { scryptSync as derive } from 'crypto';
export const r = Router();
r.post('/signup', (req, res) => {
  const key = derive(req.body.password, 'salt', 64);
  res.json({ key: key.length });
});
`,
    line: 5,
  },
  {
    name: 'bcrypt.hashSync in a Koa router handler',
    code: `import Router from '@koa/router';
import bcrypt from 'bcrypt';
const router = new Router();
router.post('/users', async (ctx) => {
  const hash = bcrypt.hashSync(ctx.request.body.password, 12);
  ctx.body = { hash: hash.length };
});
`,
    line: 5,
  },
  {
    name: 'gzipSync in a Fastify route with options',
    code: `import Fastify from 'fastify';
import zlib from 'node:zlib';
const fastify = Fastify();
fastify.get('/report', { schema: {} }, async (request, reply) => {
  return reply.header('content-encoding', 'gzip').send(zlib.gzipSync(JSON.stringify({ ok: true })));
});
`,
    line: 5,
    messageIncludes: ['compression'],
  },
  {
    name: 'fastify.route({ url, handler })',
    code: `import Fastify from 'fastify';
import { readdirSync } from 'fs';
const fastify = Fastify();
fastify.route({
  method: 'GET',
  url: '/uploads',
  handler: async () => readdirSync('/uploads'),
});
`,
    line: 7,
    messageIncludes: ['`GET /uploads`'],
  },
  {
    name: 'NestJS controller method with @Get()',
    code: `import { Controller, Get, Param } from '@nestjs/common';
import { readFileSync } from 'fs';

@Controller('reports')
export class ReportsController {
  @Get(':id')
  find(@Param('id') id: string) {
    return readFileSync(\`/reports/\${id}.json\`, 'utf8');
  }
}
`,
    line: 8,
    messageIncludes: ['NestJS', '`find`'],
  },
  {
    name: 'Next.js app route handler',
    file: 'app/api/reports/[id]/route.ts',
    code: `import { readFileSync } from 'node:fs';
export async function GET(request: Request) {
  const data = readFileSync('/reports/latest.json', 'utf8');
  return new Response(data);
}
`,
    line: 3,
    messageIncludes: ['Next.js `GET`'],
  },
  {
    name: 'Next.js pages API default export',
    file: 'pages/api/hello.ts',
    code: `import fs from 'fs';
import type { NextApiRequest, NextApiResponse } from 'next';
export default function handler(req: NextApiRequest, res: NextApiResponse) {
  res.status(200).json(JSON.parse(fs.readFileSync('data.json', 'utf8')));
}
`,
    line: 4,
  },
  {
    name: 'http.createServer listener (namespace import)',
    code: `import * as http from 'node:http';
import { statSync } from 'node:fs';
http.createServer((req, res) => {
  const st = statSync('/var/www' + req.url);
  res.end(String(st.size));
}).listen(8080);
`,
    line: 4,
  },
  {
    name: 'middleware registered with app.use',
    code: `import express from 'express';
import { appendFileSync } from 'fs';
const app = express();
app.use((req, res, next) => {
  appendFileSync('access.log', req.method + ' ' + req.url + '\\n');
  next();
});
`,
    line: 5,
    messageIncludes: ['request middleware'],
  },
  {
    name: 'named handler in the same file passed by name',
    code: `import express from 'express';
import { readFileSync } from 'fs';
const app = express();
function download(req: express.Request, res: express.Response) {
  res.send(readFileSync('/files/' + req.params.name));
}
app.get('/download/:name', download);
`,
    line: 5,
  },
  {
    name: 'handler wrapped by asyncHandler, chained app.route',
    code: `import express from 'express';
import fse from 'fs-extra';
declare function asyncHandler(fn: (req: any, res: any) => Promise<void>): any;
const app = express();
app.route('/settings').put(asyncHandler(async (req, res) => {
  fse.writeJsonSync('/etc/app/settings.json', req.body);
  res.sendStatus(204);
}));
`,
    line: 6,
  },
  {
    name: 'hapi server.route({ path, handler })',
    code: `import Hapi from '@hapi/hapi';
import { readFileSync } from 'fs';
const server = Hapi.server({ port: 3000 });
server.route({
  method: 'GET',
  path: '/terms',
  handler: (request, h) => readFileSync('terms.html', 'utf8'),
});
`,
    line: 7,
  },
  {
    name: 'inside a callback within the handler',
    code: `import express from 'express';
import { readFileSync } from 'fs';
const app = express();
app.post('/batch', (req, res) => {
  const files = (req.body.names as string[]).map((n) => readFileSync('/in/' + n, 'utf8'));
  res.json({ count: files.length });
});
`,
    line: 5,
  },
];

const valid: (string | RuleCase)[] = [
  {
    name: 'module scope: read once at startup',
    code: `import express from 'express';
import { readFileSync } from 'node:fs';
const TEMPLATE = readFileSync('templates/invoice.html', 'utf8');
const app = express();
app.get('/invoice', (req, res) => res.send(TEMPLATE));
`,
  },
  {
    name: 'async fs in the handler',
    code: `import express from 'express';
import { readFile } from 'node:fs/promises';
import fs from 'node:fs';
const app = express();
app.get('/invoice', async (req, res) => {
  res.send(await readFile('templates/invoice.css', 'utf8'));
  fs.readFile('x', () => undefined);
});
`,
  },
  {
    name: 'quick crypto calls are not blocking I/O',
    code: `import express from 'express';
import { randomBytes, createHash, timingSafeEqual, randomUUID } from 'node:crypto';
const app = express();
app.post('/login', (req, res) => {
  const a = createHash('sha256').update(String(req.body.password)).digest();
  res.json({ ok: timingSafeEqual(a, a), nonce: randomBytes(16).toString('hex'), id: randomUUID() });
});
`,
  },
  {
    name: 'a helper that does sync I/O is not followed',
    code: `import express from 'express';
import { readFileSync } from 'fs';
function loadTemplate(name: string) {
  return readFileSync('templates/' + name, 'utf8');
}
const app = express();
app.get('/page/:name', (req, res) => {
  res.send(loadTemplate(req.params.name));
});
`,
  },
  {
    name: 'startup code: app.listen callback and main()',
    code: `import express from 'express';
import { writeFileSync, existsSync, mkdirSync } from 'fs';
const app = express();
function main() {
  if (!existsSync('/var/run/app')) mkdirSync('/var/run/app');
  app.listen(3000, () => {
    writeFileSync('/var/run/app/pid', String(process.pid));
  });
}
main();
`,
  },
  {
    name: 'a CLI script',
    file: 'scripts/build.ts',
    code: `import { execSync } from 'child_process';
import { readFileSync, writeFileSync } from 'fs';
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
execSync('npm run compile');
writeFileSync('dist/version.txt', pkg.version);
`,
  },
  {
    name: 'a callback-style cache get is not a route',
    code: `import { readFileSync } from 'fs';
declare const cache: { get(key: string, cb: (err: Error | null, value?: string) => void): void };
cache.get('config', (err, value) => {
  if (!value) readFileSync('config.json', 'utf8');
});
`,
  },
  {
    name: 'passport.use and i18n.use register plugins, not request handlers',
    code: `import passport from 'passport';
import { readFileSync } from 'fs';
declare const Strategy: new (opts: object, verify: (u: string, p: string, done: Function) => void) => object;
declare const i18n: { use(plugin: object): void };
passport.use(new Strategy({}, (username, password, done) => {
  done(null, readFileSync('/etc/users/' + username, 'utf8'));
}));
i18n.use({ load: () => readFileSync('locales/en.json', 'utf8') });
`,
  },
  {
    name: 'a local function named readFileSync is not fs',
    code: `import express from 'express';
const app = express();
function readFileSync(name: string) {
  return 'cached ' + name;
}
app.get('/x', (req, res) => res.send(readFileSync('x')));
`,
  },
  {
    name: 'a worker loop, not an HTTP handler',
    code: `import { readFileSync } from 'fs';
declare const queue: { process(fn: (job: { data: { path: string } }) => Promise<void>): void };
queue.process(async (job) => {
  const content = readFileSync(job.data.path, 'utf8');
  console.log(content.length);
});
`,
  },
  {
    name: 'NestJS service method without an HTTP decorator',
    code: `import { Injectable, OnModuleInit } from '@nestjs/common';
import { readFileSync } from 'fs';
@Injectable()
export class TemplatesService implements OnModuleInit {
  private template = '';
  onModuleInit() {
    this.template = readFileSync('templates/mail.html', 'utf8');
  }
}
`,
  },
  {
    name: 'Next.js route file: a non-exported helper and a non-method export',
    file: 'app/api/report/route.ts',
    code: `import { readFileSync } from 'fs';
const schema = JSON.parse(readFileSync('schema.json', 'utf8'));
export const dynamic = 'force-dynamic';
export async function GET() {
  return Response.json(schema);
}
`,
  },
  {
    name: 'a non-route file that exports GET is not a Next.js handler',
    file: 'src/lib/http.ts',
    code: `import { readFileSync } from 'fs';
export function GET(path: string) {
  return readFileSync(path, 'utf8');
}
`,
  },
  {
    name: 'sync methods of other libraries (better-sqlite3, a Sync-named local)',
    code: `import express from 'express';
import Database from 'better-sqlite3';
const db = new Database('app.db');
declare function computeSync(n: number): number;
const app = express();
app.get('/count', (req, res) => {
  res.json({ n: computeSync(3) });
});
`,
  },
  {
    name: 'a router.get with a non-path first argument and a non-handler callback',
    code: `import { readFileSync } from 'fs';
declare const settings: { get(key: string, fallback: () => string): string };
settings.get('banner', () => readFileSync('banner.txt', 'utf8'));
`,
  },
  {
    name: 'fs.promises and the async callback API in a handler',
    code: `import express from 'express';
import { promises as fsp, readFile } from 'fs';
const app = express();
app.get('/a', async (req, res) => {
  const a = await fsp.readFile('a');
  readFile('b', (err, b) => res.send(Buffer.concat([a, b ?? Buffer.alloc(0)])));
});
`,
  },
];

runRuleTests(syncIoInHandler, { valid, invalid });
runFixtureTests(syncIoInHandler);
runDocsExamples(syncIoInHandler);
