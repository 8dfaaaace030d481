import { environmentExposure } from '../../src/core/rules/environment-exposure';
import { runDocsExamples, runFixtureTests, runRuleTests, type InvalidCase, type RuleCase } from './ruleTester';

const invalid: InvalidCase[] = [
  {
    name: 'res.json(process.env) in an Express route',
    code: `import { Router } from 'express';

export const debug = Router();
debug.get('/debug/env', (_req, res) => {
  res.json(process.env);
});
`,
    line: 5,
    text: 'res.json(process.env)',
    severity: 'CRITICAL',
    messageIncludes: ['`res.json(…)`', 'whole `process.env`', 'client', 'rotate'],
  },
  {
    name: 'res.send({ env: process.env }) after status()',
    code: `import express from 'express';
const app = express();
app.get('/diag', (req, res) => res.status(200).send({ uptime: process.uptime(), env: process.env }));
`,
    messageIncludes: ['`res.status(200).send(…)`'],
  },
  {
    name: 'response of a Next.js API route (pages)',
    code: `import type { NextApiRequest, NextApiResponse } from 'next';

export default function handler(_req: NextApiRequest, res: NextApiResponse) {
  res.status(200).json({ ...process.env });
}
`,
  },
  {
    name: 'Response.json in a Next.js route handler (app router)',
    code: `export async function GET() {
  return Response.json({ env: process.env, now: Date.now() });
}
`,
    messageIncludes: ['`Response.json(…)`'],
  },
  {
    name: 'NextResponse.json',
    code: `import { NextResponse } from 'next/server';

export const GET = () => NextResponse.json(process.env);
`,
  },
  {
    name: 'new Response(JSON.stringify(process.env))',
    code: `export default {
  fetch() {
    return new Response(JSON.stringify(process.env), { headers: { 'content-type': 'application/json' } });
  },
};
`,
  },
  {
    name: 'Koa ctx.body = process.env',
    code: `import Router from '@koa/router';

export const router = new Router();
router.get('/env', (ctx) => {
  ctx.body = process.env;
});
`,
    text: 'ctx.body = process.env',
    messageIncludes: ['Assigning the whole `process.env` to `ctx.body` sends it to the client'],
  },
  {
    name: 'Fastify reply.send',
    code: `import Fastify from 'fastify';
const app = Fastify();
app.get('/config', async (_request, reply) => {
  reply.code(200).send({ config: process.env });
});
`,
  },
  {
    name: 'Fastify handler returning process.env',
    code: `import Fastify from 'fastify';
const app = Fastify();
app.get('/env', async () => process.env);
`,
    text: 'process.env',
    messageIncludes: ['This route handler returns the whole `process.env`'],
  },
  {
    name: 'NestJS controller method returning process.env',
    code: `import { Controller, Get } from '@nestjs/common';

@Controller('debug')
export class DebugController {
  @Get('env')
  env() {
    return process.env;
  }
}
`,
    line: 7,
    messageIncludes: ['The route method `env` returns'],
  },
  {
    name: 'Hono context json',
    code: `import { Hono } from 'hono';
const app = new Hono();
app.get('/env', (c) => c.json(process.env));
`,
  },
  {
    name: 'console.log(process.env)',
    code: `export function boot() {
  console.log(process.env);
}
`,
    messageIncludes: ['`console.log(…)`', 'to the log', 'Object.keys(process.env)'],
  },
  {
    name: 'logger.info({ env: process.env }) on a pino logger',
    code: `import pino from 'pino';
const logger = pino();
logger.info({ env: process.env }, 'starting');
`,
  },
  {
    name: 'JSON.stringify passed to console.debug with a label',
    code: `console.debug('environment: ' + JSON.stringify(process.env, null, 2));\n`,
  },
  {
    name: 'template with util.inspect',
    code: `import util from 'node:util';
import { logger } from './logger';
logger.warn(\`config dump \${util.inspect(process.env)}\`);
`,
  },
  {
    name: 'a local alias of process.env',
    code: `import winston from 'winston';
const log = winston.createLogger();
const env = process.env;
export const dump = () => log.debug('env', env);
`,
  },
  {
    name: 'destructured env from process',
    code: `const { env } = process;
console.table(env);
`,
  },
  {
    name: 'this.logger in a NestJS service',
    code: `import { Injectable, Logger } from '@nestjs/common';

@Injectable()
export class BootService {
  private readonly logger = new Logger(BootService.name);
  onModuleInit() {
    this.logger.log(JSON.stringify({ settings: { ...process.env } }));
  }
}
`,
  },
  {
    name: 'process.stdout.write',
    code: `process.stdout.write(JSON.stringify(process.env) + '\\n');\n`,
  },
  {
    name: 'env imported from node:process, sent with res.json',
    code: `import { env } from 'node:process';
import express from 'express';

export const app = express();
app.get('/debug', (_req, res) => {
  res.json(env);
});
`,
    line: 6,
  },
  {
    name: 'the process module required under another name, logged',
    code: `const proc = require('process');
const { env: vars } = require('process');

console.log(proc.env);
console.log({ vars });
`,
    file: 'src/boot.js',
    count: 2,
  },
];

const valid: (string | RuleCase)[] = [
  {
    name: 'one named variable in a response',
    code: `import { Router } from 'express';
export const admin = Router();
admin.get('/runtime', (_req, res) => {
  res.json({ node: process.version, region: process.env.AWS_REGION });
});
`,
  },
  { name: 'variable names only', code: `console.log('configured variables:', Object.keys(process.env).sort().join(', '));\n` },
  { name: 'passing the environment to a child process', code: `import { spawn } from 'node:child_process';\nexport const run = () => spawn('node', ['worker.js'], { env: { ...process.env, ROLE: 'worker' } });\n` },
  { name: 'one variable logged', code: `import pino from 'pino';\nconst logger = pino();\nlogger.info({ nodeEnv: process.env.NODE_ENV, port: process.env['PORT'] }, 'starting');\n` },
  { name: 'a template of the object prints [object Object]', code: `console.log(\`env: \${process.env}\`);\n` },
  { name: 'config validated from process.env', code: `import { z } from 'zod';\nexport const config = z.object({ PORT: z.string() }).parse(process.env);\n` },
  { name: 'dotenv loading', code: `import dotenv from 'dotenv';\ndotenv.config();\nexport const port = Number(process.env.PORT ?? 3000);\n` },
  { name: 'a count of variables', code: `console.log('variables set:', Object.keys(process.env).length);\n` },
  {
    name: 'a route that returns a named subset',
    code: `import { Controller, Get } from '@nestjs/common';
@Controller('health')
export class HealthController {
  @Get()
  health() {
    return { status: 'ok', version: process.env.GIT_SHA };
  }
}
`,
  },
  {
    name: 'a non-route method returning process.env',
    code: `export class ConfigService {
  all() {
    return process.env;
  }
}
`,
  },
  {
    name: 'a helper returning env that is not a route handler',
    code: `export const getEnv = () => process.env;\nexport function snapshot() {\n  return { ...process.env };\n}\n`,
  },
  { name: 'a local object named process', code: `const process = { env: { A: '1' } };\nconsole.log(process.env);\nexport default process;\n` },
  {
    name: 'env written to a file for a child tool',
    code: `import { writeFileSync } from 'node:fs';\nwriteFileSync('.env.runtime', Object.entries(process.env).map(([k, v]) => \`\${k}=\${v}\`).join('\\n'));\n`,
  },
  {
    name: 'sending something else while env is in scope',
    code: `import express from 'express';
const app = express();
const env = process.env;
app.get('/region', (_req, res) => res.json({ region: env.AWS_REGION }));
`,
  },
  { name: 'a filtered copy is not the whole environment', code: `const safe = Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('PUBLIC_')));\nconsole.log(safe);\n` },
  {
    name: 'single variables read through the process module',
    code: `import { env } from 'node:process';
import proc from 'process';

console.log(env.PORT, proc.env.NODE_ENV);
export const config = { port: Number(env.PORT ?? 3000) };
`,
  },
];

runRuleTests(environmentExposure, { valid, invalid });
runFixtureTests(environmentExposure);
runDocsExamples(environmentExposure);
