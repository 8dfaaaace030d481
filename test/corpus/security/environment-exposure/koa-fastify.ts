// @ts-nocheck
import Koa from 'koa';
import Router from '@koa/router';
import Fastify from 'fastify';

const app = new Koa();
const router = new Router();

router.get('/_env', (ctx) => {
  ctx.body = process.env; // expect: environment-exposure
});

router.get('/_diag', (ctx) => {
  ctx.body = { pid: process.pid, env: process.env }; // expect: environment-exposure
});

router.get('/_mode', (ctx) => {
  ctx.body = { mode: process.env.NODE_ENV }; // ok: environment-exposure
});

router.get('/_log', (ctx) => {
  ctx.log.info({ env: process.env }, 'diagnostics requested'); // expect: environment-exposure
  ctx.status = 204;
});

app.use(router.routes());

const fastify = Fastify({ logger: true });

fastify.get('/env', async (_request, reply) => {
  reply.send(process.env); // expect: environment-exposure
});

fastify.get('/env2', async () => {
  return { env: process.env }; // expect: environment-exposure
});

fastify.get('/region', async () => {
  return { region: process.env.FLY_REGION }; // ok: environment-exposure
});

fastify.get('/debug', async (request, reply) => {
  request.log.debug(process.env); // expect: environment-exposure
  fastify.log.info({ env: process.env }, 'env dump'); // expect: environment-exposure
  return reply.code(204).send();
});
