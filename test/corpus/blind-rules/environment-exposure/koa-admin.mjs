import Koa from 'koa';
import Router from '@koa/router';
import * as util from 'node:util';
import createDebug from 'debug';
import { env as appEnv } from './env.mjs';

const debug = createDebug('admin:diagnostics');
const app = new Koa();
const router = new Router({ prefix: '/admin' });

router.get('/env', async (ctx) => {
  ctx.body = process.env; // expect: environment-exposure
});

router.get('/diagnostics', async (ctx) => {
  ctx.status = 200;
  ctx.body = { pid: process.pid, env: process.env, versions: process.versions }; // expect: environment-exposure
});

router.get('/env.txt', async (ctx) => {
  ctx.type = 'text/plain';
  ctx.body = util.inspect(process.env, { depth: null }); // expect: environment-exposure
});

router.get('/env/audit', async (ctx) => {
  console.info('admin env requested by', ctx.state.user?.id, process.env); // expect: environment-exposure
  debug('current env %O', process.env); // expect: environment-exposure
  ctx.status = 204;
});

router.get('/env-keys', async (ctx) => {
  ctx.body = Object.keys(process.env).sort(); // ok: environment-exposure
});

router.get('/mode', async (ctx) => {
  ctx.set('X-App-Env', process.env.NODE_ENV ?? 'development'); // ok: environment-exposure
  ctx.body = { env: process.env.NODE_ENV, region: process.env.AWS_REGION }; // ok: environment-exposure
});

router.get('/config', async (ctx) => {
  console.log('validated config', appEnv); // ok: environment-exposure
  ctx.body = { port: appEnv.PORT, logLevel: appEnv.LOG_LEVEL };
});

app.on('error', (err, ctx) => {
  console.error('koa error', err, ctx?.path, process.env); // expect: environment-exposure
});

app.use(router.routes()).use(router.allowedMethods());
app.listen(Number(process.env.ADMIN_PORT) || 4000, () => {
  console.log(`admin listening in ${process.env.NODE_ENV} mode`); // ok: environment-exposure
});
