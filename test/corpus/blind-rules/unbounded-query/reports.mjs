import Koa from 'koa';
import Router from '@koa/router';
import knex from 'knex';
import { attachPaginate } from 'knex-paginate';
import config from './knexfile.mjs';

attachPaginate();
const db = knex(config.production);
const router = new Router({ prefix: '/reports' });

function applyTenantScope(qb, tenantId) {
  qb.where('tenant_id', tenantId);
}

router.get('/users', async (ctx) => {
  ctx.body = await db('users').select('id', 'email', 'created_at'); // expect: unbounded-query
});

router.get('/audit', async (ctx) => {
  ctx.body = await db // expect: unbounded-query
    .select('*')
    .from('audit_log')
    .orderBy('id', 'desc');
});

router.get('/invoices', async (ctx) => {
  ctx.body = await db.select('*').from('invoices'); // expect: unbounded-query
});

router.get('/teams', async (ctx) => {
  const teams = await db('teams').select(); // expect: unbounded-query
  ctx.body = teams.map((t) => ({ id: t.id, name: t.name }));
});

router.get('/sessions', async (ctx) => {
  ctx.body = await db('sessions').select('*').where({}); // expect: unbounded-query
});

router.get('/org-users', async (ctx) => {
  ctx.body = await db('users').select('id', 'email').where({ org_id: ctx.state.orgId }); // ok: unbounded-query
});

router.get('/users/page', async (ctx) => {
  const offset = Number(ctx.query.offset ?? 0);
  ctx.body = await db('users').select('*').orderBy('id').limit(50).offset(offset); // ok: unbounded-query
});

router.get('/users/:id', async (ctx) => {
  const user = await db('users').select('*').where('id', ctx.params.id).first(); // ok: unbounded-query
  ctx.assert(user, 404);
  ctx.body = user;
});

router.get('/settings/theme', async (ctx) => {
  const row = await db('settings').select('value').first(); // ok: unbounded-query
  ctx.body = row?.value ?? 'light';
});

router.get('/events', async (ctx) => {
  const ids = String(ctx.query.ids ?? '').split(',').filter(Boolean);
  ctx.body = await db('events').select('*').whereIn('id', ids); // ok: unbounded-query
});

router.get('/open-invoices', async (ctx) => {
  ctx.body = await db // ok: unbounded-query
    .select('*')
    .from('invoices')
    .where('status', 'open')
    .orderBy('due_at');
});

router.get('/tenant-invoices', async (ctx) => {
  ctx.body = await db('invoices').select('*').modify(applyTenantScope, ctx.state.tenantId); // ok: unbounded-query
});

router.get('/logs', async (ctx) => {
  const currentPage = Number(ctx.query.page ?? 1);
  ctx.body = await db('logs').select('*').orderBy('id', 'desc').paginate({ perPage: 50, currentPage }); // ok: unbounded-query
});

router.get('/orders/count', async (ctx) => {
  const [{ total }] = await db('orders').count('* as total'); // ok: unbounded-query
  ctx.body = { total };
});

const app = new Koa();
app.use(router.routes()).use(router.allowedMethods());
app.listen(Number(process.env.PORT ?? 3000));
