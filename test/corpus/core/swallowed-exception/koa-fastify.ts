// @ts-nocheck
import Koa from 'koa';
import Router from '@koa/router';
import Fastify from 'fastify';
import Bugsnag from '@bugsnag/js';
import { users } from './users';
import { reportError } from './telemetry';

const app = new Koa();
const router = new Router();
const fastify = Fastify({ logger: true });

router.get('/users/:id', async (ctx) => {
  try {
    ctx.body = await users.get(ctx.params.id);
  } catch (e) { // expect: swallowed-exception
    ctx.status = 500;
    ctx.body = { error: 'internal' };
  }
});

router.get('/users/:id/avatar', async (ctx) => {
  try {
    ctx.body = await users.avatar(ctx.params.id);
  } catch (err) { // ok: swallowed-exception
    ctx.app.emit('error', err, ctx);
  }
});

app.use(async (ctx, next) => {
  try {
    await next();
  } catch (err) { // ok: swallowed-exception
    ctx.status = err.status || 500;
    ctx.body = { message: err.expose ? err.message : 'Internal error' };
  }
});

fastify.get('/users', async (request, reply) => {
  try {
    return await users.list();
  } catch (e) { // expect: swallowed-exception
    reply.code(500).send({ error: 'failed to list users' });
  }
});

fastify.get('/users/:id/settings', async (request, reply) => {
  try {
    return await users.settings(request.params.id);
  } catch (e) { // ok: swallowed-exception
    request.log.error(e);
    return reply.code(500).send();
  }
});

fastify.post('/users/:id/ping', async (request) => {
  try {
    await users.ping(request.params.id);
  } catch { // ok: swallowed-exception
    fastify.log.warn('ping failed');
  }
  return { ok: true };
});

export function syncProfiles() {
  users.syncAll().catch((err) => {}); // expect: swallowed-exception
}

export function syncProfilesReported() {
  users.syncAll().catch(reportError); // ok: swallowed-exception
}

export function syncProfilesToConsole() {
  users.syncAll().catch(console.error); // ok: swallowed-exception
}

export function syncProfilesNotify() {
  users.syncAll().catch((e) => Bugsnag.notify(e)); // ok: swallowed-exception
}

export function preload() {
  return users.preload().catch((_) => undefined); // expect: swallowed-exception
}

export const lookup = async (email: string) => {
  const found = await users.byEmail(email).catch(() => null); // expect: swallowed-exception
  return found ?? { email, guest: true };
};

export async function* streamUsers() {
  let page = 0;
  while (true) {
    let batch;
    try {
      batch = await users.page(page++);
    } catch (e) { // ok: swallowed-exception
      return Promise.reject(e);
    }
    if (!batch.length) return;
    yield* batch;
  }
}

export class ProfileCache {
  private entries = new Map<string, unknown>();
  private failed = false;

  async get(id: string) {
    if (this.entries.has(id)) return this.entries.get(id);
    try {
      const v = await users.get(id);
      this.entries.set(id, v);
      return v;
    } catch (e) { // expect: swallowed-exception
      this.failed = true;
      return undefined;
    }
  }

  refresh = () => {
    users.list().then((all) => all.forEach((u) => this.entries.set(u.id, u))).catch(() => { this.failed = true; }); // expect: swallowed-exception
  };

  refreshLogged = () => {
    users.list().then((all) => all.forEach((u) => this.entries.set(u.id, u)), (reason) => console.error(reason)); // ok: swallowed-exception
  };
}

app.use(router.routes());
