const Koa = require('koa');
const Router = require('@koa/router');
const bunyan = require('bunyan');
const { Pool } = require('pg');
const { hashPassword } = require('../lib/passwords');

const log = bunyan.createLogger({ name: 'users-api' });
const pool = new Pool({ connectionString: process.env.DATABASE_URL });
const router = new Router({ prefix: '/users' });

router.get('/:id', async (ctx) => {
  try {
    const { rows } = await pool.query('SELECT id, email, name FROM users WHERE id = $1', [ctx.params.id]);
    if (rows.length === 0) ctx.throw(404, 'user not found');
    ctx.body = rows[0];
  } catch (err) {
    if (err.status === 404) throw err; // ok: error-context-lost
    log.error({ err, userId: ctx.params.id }, 'user lookup failed'); // ok: error-context-lost
    ctx.throw(500, 'lookup failed'); // ok: error-context-lost
  }
});

router.post('/', async (ctx) => {
  const { email, password, name } = ctx.request.body;
  let hash;
  try {
    hash = await hashPassword(password);
  } catch (e) {
    log.error('password hashing failed'); // expect: error-context-lost
    ctx.throw(500); // ok: error-context-lost
  }
  try {
    const { rows } = await pool.query(
      'INSERT INTO users (email, name, password_hash) VALUES ($1, $2, $3) RETURNING id',
      [email, name, hash],
    );
    ctx.status = 201;
    ctx.body = { id: rows[0].id };
  } catch (err) {
    if (err.code === '23505') {
      ctx.status = 409;
      ctx.body = { error: 'email already registered' };
      return;
    }
    throw new Error('Could not create user'); // expect: error-context-lost
  }
});

router.delete('/:id', async (ctx) => {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('DELETE FROM sessions WHERE user_id = $1', [ctx.params.id]);
    await client.query('DELETE FROM users WHERE id = $1', [ctx.params.id]);
    await client.query('COMMIT');
    ctx.status = 204;
  } catch (err) {
    await client.query('ROLLBACK').catch((rollbackErr) => log.error({ err: rollbackErr }, 'rollback failed')); // ok: error-context-lost
    log.error({ err }, 'delete user failed'); // ok: error-context-lost
    throw err;
  } finally {
    client.release();
  }
});

const app = new Koa();
app.use(async (ctx, next) => {
  try {
    await next();
  } catch (err) {
    ctx.status = err.status || 500;
    ctx.body = { error: ctx.status === 500 ? 'internal error' : err.message };
    ctx.app.emit('error', err, ctx); // ok: error-context-lost
  }
});
app.use(router.routes());
app.on('error', (err, ctx) => {
  log.error({ err, path: ctx && ctx.path }, 'request error');
});

module.exports = app;
