import Koa from 'koa';
import Router from '@koa/router';
import bodyParser from 'koa-bodyparser';
import { Pool } from 'pg';
import * as Sentry from '@sentry/node';

const app = new Koa();
const router = new Router({ prefix: '/api' });
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

async function touchSession(sessionId: string): Promise<void> {
  await pool.query('UPDATE sessions SET last_seen_at = now() WHERE id = $1', [sessionId]);
}

async function loadProfile(id: string) {
  const { rows } = await pool.query('SELECT id, display_name, avatar_url FROM profiles WHERE id = $1', [id]);
  return rows[0] ?? null;
}

async function processAvatar(id: string, upload: unknown): Promise<string> {
  const { rows } = await pool.query('UPDATE profiles SET avatar_status = $2 WHERE id = $1 RETURNING id', [id, 'processing']);
  return rows[0].id;
}

async function reportError(err: Error, path?: string): Promise<void> {
  Sentry.captureException(err, { extra: { path } });
  await Sentry.flush(2000);
}

app.use(async (ctx, next) => { // ok: floating-promise
  const started = Date.now();
  await next();
  ctx.set('X-Response-Time', `${Date.now() - started}ms`);
});

app.use(async (ctx, next) => {
  const sid = ctx.cookies.get('sid');
  if (sid) {
    touchSession(sid); // expect: floating-promise
  }
  return next();
});

router.get('/profile/:id', async (ctx) => {
  ctx.body = await loadProfile(ctx.params.id); // ok: floating-promise
});

router.post('/profile/:id/avatar', async (ctx) => {
  const job = processAvatar(ctx.params.id, ctx.request.body); // ok: floating-promise
  job.catch((err: Error) => ctx.app.emit('error', err, ctx));
  ctx.status = 202;
});

router.post('/profile/:id/avatar/retry', async (ctx) => {
  processAvatar(ctx.params.id, ctx.request.body).then( // ok: floating-promise
    (id) => console.log(`avatar ${id} reprocessed`),
    (err: Error) => reportError(err, ctx.path),
  );
  ctx.status = 202;
});

app.use(bodyParser());
app.use(router.routes()).use(router.allowedMethods()); // ok: floating-promise

app.on('error', (err: Error, ctx?: Koa.Context) => {
  reportError(err, ctx?.path); // expect: floating-promise
});

async function start(): Promise<void> {
  await pool.query('SELECT 1');
  app.listen(Number(process.env.PORT ?? 3000)); // ok: floating-promise
}

start(); // expect: floating-promise
