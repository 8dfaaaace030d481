import Koa from 'koa';
import Router from '@koa/router';
import Database from 'better-sqlite3';
import mysql from 'mysql2/promise';

const app = new Koa();
const router = new Router({ prefix: '/admin' });
const db = new Database(process.env.SQLITE_PATH ?? 'cache.db');
const pool = mysql.createPool(process.env.MYSQL_URL);

router.post('/cache/flush', (ctx) => {
  const info = db.prepare('DELETE FROM cache').run(); // expect: delete-without-filter
  db.exec('DELETE FROM rate_limits'); // expect: delete-without-filter
  ctx.body = { removed: info.changes };
});

router.post('/counters/reset', (ctx) => {
  const stmt = db.prepare('UPDATE counters SET value = 0'); // expect: delete-without-filter
  stmt.run();
  ctx.status = 204;
});

router.post('/flags/disable-all', async (ctx) => {
  const conn = await pool.getConnection();
  try {
    await conn.execute('UPDATE feature_flags SET enabled = 0'); // expect: delete-without-filter
    await conn.query('DELETE FROM `carts`'); // expect: delete-without-filter
  } finally {
    conn.release();
  }
  ctx.status = 204;
});

router.delete('/cache/:key', (ctx) => {
  db.prepare('DELETE FROM cache WHERE key = ?').run(ctx.params.key); // ok: delete-without-filter
  ctx.status = 204;
});

router.post('/flags/:name', async (ctx) => {
  await pool.execute('UPDATE feature_flags SET enabled = ? WHERE name = ?', [ctx.request.body.enabled ? 1 : 0, ctx.params.name]); // ok: delete-without-filter
  ctx.status = 204;
});

router.get('/cache/stats', (ctx) => {
  const row = db.prepare('SELECT count(*) AS n FROM cache').get(); // ok: delete-without-filter
  ctx.body = { entries: row.n, hint: 'POST /admin/cache/flush runs DELETE FROM cache' }; // ok: delete-without-filter
});

app.use(router.routes()).use(router.allowedMethods());
app.listen(3000);
