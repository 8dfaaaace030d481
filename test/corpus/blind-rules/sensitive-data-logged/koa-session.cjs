const Koa = require('koa');
const Router = require('@koa/router');
const bodyParser = require('koa-bodyparser');
const { login, refresh } = require('./session-store.cjs');
const { listInventory } = require('./inventory.cjs');

const app = new Koa();
const session = new Router({ prefix: '/session' });
const api = new Router({ prefix: '/api' });

session.post('/login', async (ctx) => {
  console.log('login payload:', ctx.request.body); // expect: sensitive-data-logged
  const { email, password } = ctx.request.body;
  console.info('login attempt', { email }); // ok: sensitive-data-logged
  const s = await login(email, password);
  ctx.body = { sessionToken: s.token }; // ok: sensitive-data-logged
});

session.post('/refresh', async (ctx) => {
  const refreshToken = ctx.get('x-refresh-token');
  console.debug('refreshing with', refreshToken); // expect: sensitive-data-logged
  const next = await refresh(refreshToken);
  console.log('refreshed session', next.id, 'tokenRotated=', true); // ok: sensitive-data-logged
  ctx.body = next;
});

api.get('/inventory', async (ctx) => {
  console.log('inventory request headers', ctx.request.headers); // ok: sensitive-data-logged
  ctx.body = await listInventory({ limit: 100 });
});

app.use(async (ctx, next) => {
  const start = Date.now();
  await next();
  console.log(`${ctx.method} ${ctx.url} ${ctx.status} ${Date.now() - start}ms`); // ok: sensitive-data-logged
});
app.use(bodyParser());
app.use(session.routes());
app.use(api.routes());
app.listen(3000);
