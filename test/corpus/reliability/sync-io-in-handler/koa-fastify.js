const Koa = require('koa');
const Router = require('@koa/router');
const fastify = require('fastify')();
const fs = require('node:fs');
const { scryptSync, randomBytes } = require('node:crypto');
const cp = require('child_process');

const app = new Koa();
const router = new Router();

router.get('/users/:id/avatar', (ctx) => {
  ctx.body = fs.readFileSync(`avatars/${ctx.params.id}.png`); // expect: sync-io-in-handler
});

router.post('/register', async (ctx) => {
  const salt = randomBytes(16); // ok: sync-io-in-handler
  const key = scryptSync(ctx.request.body.password, salt, 64); // expect: sync-io-in-handler
  ctx.body = { ok: key.length };
});

app.use(async (ctx, next) => {
  const stat = fs.statSync('maintenance.flag'); // expect: sync-io-in-handler
  if (stat) ctx.status = 503;
  await next();
});

fastify.get('/health', async () => {
  const out = cp.execSync('df -h').toString(); // expect: sync-io-in-handler
  return { out };
});

fastify.route({
  method: 'GET',
  url: '/docs',
  handler: async (request, reply) => {
    const html = fs.readFileSync('docs.html', 'utf8'); // expect: sync-io-in-handler
    reply.type('text/html').send(html);
  },
});

fastify.post('/ok', async (request) => {
  const content = await fs.promises.readFile('x'); // ok: sync-io-in-handler
  return { size: content.length };
});

// a CLI script, not a server
function buildIndex() {
  const files = fs.readdirSync('docs'); // ok: sync-io-in-handler
  for (const f of files) fs.copyFileSync(f, `dist/${f}`); // ok: sync-io-in-handler
  cp.execFileSync('tar', ['czf', 'docs.tgz', 'dist']); // ok: sync-io-in-handler
}

app.use(router.routes());
module.exports = { app, buildIndex };
