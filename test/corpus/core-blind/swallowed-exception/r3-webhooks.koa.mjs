import Koa from 'koa';
import Router from '@koa/router';
import bodyParser from 'koa-bodyparser';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { from, of, lastValueFrom, catchError, timeout } from 'rxjs';
import { getLogger } from './logging.mjs';

const logger = getLogger('webhooks');
const app = new Koa();
const router = new Router();

// named like a no-op, but it records the failure
const noop = (err) => logger.debug({ err }, 'ignored webhook side effect failure');

function verify(raw, signature) {
  const mac = createHmac('sha256', process.env.WEBHOOK_SECRET).update(raw).digest();
  try {
    return timingSafeEqual(mac, Buffer.from(signature ?? '', 'hex'));
  } catch { // expect: swallowed-exception
    return false;
  }
}

function safeJson(text, fallback = null) {
  try {
    return JSON.parse(text);
  } catch { // expect: swallowed-exception
    return fallback;
  }
}

async function notifyChannel(payload) {
  const res = await fetch(process.env.SLACK_URL, { method: 'POST', body: JSON.stringify({ text: payload.action }) });
  if (!res.ok) throw new Error(`slack ${res.status}`);
}

async function handleStripe(event) {
  const meta = safeJson(event?.data?.object?.metadata?.raw, {});
  await fetch(process.env.BILLING_URL, { method: 'POST', body: JSON.stringify({ type: event.type, meta }) });
}

async function pingUpstream() {
  const res = await fetch(process.env.UPSTREAM_HEALTH_URL);
  return { up: res.ok };
}

app.use(async (ctx, next) => {
  try {
    await next();
  } catch (err) { // ok: swallowed-exception
    ctx.status = err.status ?? 500;
    ctx.body = { error: ctx.status === 500 ? 'internal' : err.message };
    ctx.app.emit('error', err, ctx);
  }
});

router.post('/webhooks/github', bodyParser(), async (ctx) => {
  if (!verify(ctx.request.rawBody, ctx.get('x-hub-signature-256')?.slice(7))) {
    ctx.throw(401);
  }
  notifyChannel(ctx.request.body).catch(noop); // ok: swallowed-exception
  ctx.status = 202;
});

router.post('/webhooks/stripe', bodyParser(), async (ctx) => {
  try {
    await handleStripe(ctx.request.body);
    ctx.status = 200;
  } catch { // expect: swallowed-exception
    ctx.status = 500;
    ctx.body = { received: false };
  }
});

router.get('/webhooks/health', async (ctx) => {
  ctx.body = await lastValueFrom(
    from(pingUpstream()).pipe(
      timeout(1000),
      catchError(() => of({ up: false })), // ok: swallowed-exception
    ),
  );
});

app.on('error', (err, ctx) => logger.error({ err, path: ctx?.path }, 'request failed'));
app.use(router.routes()).use(router.allowedMethods());

export default app;
