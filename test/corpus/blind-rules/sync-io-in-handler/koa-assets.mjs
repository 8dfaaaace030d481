import Koa from 'koa';
import Router from '@koa/router';
import { readFileSync, writeFileSync, mkdirSync, createReadStream } from 'node:fs';
import { stat, writeFile, mkdir } from 'node:fs/promises';
import { join, basename } from 'node:path';

const UPLOAD_DIR = process.env.UPLOAD_DIR || '/srv/uploads';
mkdirSync(UPLOAD_DIR, { recursive: true }); // ok: sync-io-in-handler
const manifest = JSON.parse(readFileSync(new URL('./manifest.json', import.meta.url), 'utf8')); // ok: sync-io-in-handler

const app = new Koa();
const router = new Router({ prefix: '/assets' });

app.use(async (ctx, next) => {
  const start = Date.now();
  await next();
  ctx.set('X-Response-Time', `${Date.now() - start}ms`);
});

app.use(async (ctx, next) => {
  if (ctx.path === '/robots.txt') {
    ctx.type = 'text/plain';
    ctx.body = readFileSync(join(process.cwd(), 'public', 'robots.txt')); // expect: sync-io-in-handler
    return;
  }
  await next();
});

router.get('/:name', async (ctx) => {
  const file = join(UPLOAD_DIR, basename(ctx.params.name));
  const info = await stat(file); // ok: sync-io-in-handler
  ctx.length = info.size;
  ctx.body = createReadStream(file); // ok: sync-io-in-handler
});

router.get('/:name/inline', (ctx) => {
  ctx.body = readFileSync(join(UPLOAD_DIR, basename(ctx.params.name)), 'utf8'); // expect: sync-io-in-handler
});

router.put('/:name', async (ctx) => {
  const dir = join(UPLOAD_DIR, String(ctx.state.user.id));
  mkdirSync(dir, { recursive: true }); // expect: sync-io-in-handler
  writeFileSync(join(dir, basename(ctx.params.name)), ctx.request.rawBody); // expect: sync-io-in-handler
  ctx.status = 201;
});

router.post('/:name/copy', async (ctx) => {
  const dir = join(UPLOAD_DIR, 'copies');
  await mkdir(dir, { recursive: true }); // ok: sync-io-in-handler
  await writeFile(join(dir, basename(ctx.params.name)), ctx.request.rawBody); // ok: sync-io-in-handler
  ctx.status = 201;
});

router.get('/', (ctx) => {
  ctx.body = { version: manifest.version, files: manifest.files.length };
});

app.use(router.routes()).use(router.allowedMethods());

export default app;
