import Koa from 'koa';
import Router from '@koa/router';
import bodyParser from 'koa-bodyparser';
import Fastify from 'fastify';
import replyFrom from '@fastify/reply-from';
import { request as httpsRequest, RequestOptions } from 'https';

const koa = new Koa();
const router = new Router();

function relay(target: string, payload: unknown, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(target, { method: 'POST', rejectUnauthorized: false, headers }, (res) => { // expect: tls-verification-disabled
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end(JSON.stringify(payload));
  });
}

function relayStrict(target: string, payload: unknown): Promise<number> {
  const options: RequestOptions = { method: 'POST', rejectUnauthorized: true, timeout: 3000 }; // ok: tls-verification-disabled
  return new Promise((resolve, reject) => {
    const req = httpsRequest(target, options, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end(JSON.stringify(payload));
  });
}

router.post('/webhooks/:tenant', async (ctx) => {
  const target = `https://${ctx.params.tenant}.hooks.internal/ingest`;
  const status = await relay(target, ctx.request.body, { 'content-type': 'application/json' });
  ctx.status = status >= 200 && status < 300 ? 202 : 502;
});

router.post('/webhooks/:tenant/strict', async (ctx) => {
  const status = await relayStrict(`https://${ctx.params.tenant}.hooks.example.com/ingest`, ctx.request.body);
  ctx.status = status >= 200 && status < 300 ? 202 : 502;
});

koa.use(bodyParser()).use(router.routes()).use(router.allowedMethods());

export const gateway = Fastify({ logger: true });

gateway.register(replyFrom, {
  base: process.env.LEGACY_BACKEND_URL,
  http: {
    requestOptions: { timeout: 10000 },
    agentOptions: { keepAlive: true, rejectUnauthorized: false }, // expect: tls-verification-disabled
  },
});

gateway.get('/legacy/*', (request, reply) => {
  reply.from(request.url.replace(/^\/legacy/, ''));
});

const rejectUnauthorizedWebhooks = false; // ok: tls-verification-disabled
const flags = { allowUnauthorized: false, requestCert: false, rejectUnauthorizedTenants: false }; // ok: tls-verification-disabled

gateway.get('/relay/config', async () => ({ rejectUnauthorizedWebhooks, flags }));

export default koa;
