import Koa from 'koa';
import Router from '@koa/router';
import mysql from 'mysql2/promise';

const app = new Koa();
const router = new Router();

const db = mysql.createPool({
  host: process.env.MYSQL_HOST,
  user: process.env.MYSQL_USER,
  database: 'catalog',
  waitForConnections: true,
});

const PRODUCTS = 'products';
const PAGE = 25;

router.get('/products/search', async (ctx) => {
  const q = ctx.query.q;
  const [rows] = await db.query(`SELECT * FROM products WHERE name LIKE '%${q}%' LIMIT ${PAGE}`); // expect: sql-injection
  ctx.body = rows;
});

router.get('/products/by-brand', async (ctx) => {
  const [rows] = await db.query('SELECT * FROM products WHERE brand = ? LIMIT ?', [ctx.query.brand, PAGE]); // ok: sql-injection
  ctx.body = rows;
});

router.get('/products/by-category/:cat', async (ctx) => {
  const [rows] = await db.execute('SELECT * FROM products WHERE category = ?', [ctx.params.cat]); // ok: sql-injection
  ctx.body = rows;
});

router.get('/products/:sku', async (ctx) => {
  const conn = await db.getConnection();
  try {
    const [rows] = await conn.query("SELECT * FROM products WHERE sku = '" + ctx.params.sku + "'"); // expect: sql-injection
    ctx.body = rows[0];
  } finally {
    conn.release();
  }
});

router.get('/products', async (ctx) => {
  const [rows] = await db.query(`SELECT id, name FROM ${PRODUCTS} ORDER BY id LIMIT ${PAGE}`); // ok: sql-injection
  ctx.body = rows;
});

router.post('/products/:id/price', async (ctx) => {
  const { price } = ctx.request.body;
  const conn = await mysql.createConnection({ uri: process.env.MYSQL_URL });
  await conn.query( // expect: sql-injection
    `UPDATE products
        SET price = ${price}
      WHERE id = ${ctx.params.id}`,
  );
  await conn.query({ sql: 'INSERT INTO price_history (product_id, price) VALUES (?, ?)', values: [ctx.params.id, price] }); // ok: sql-injection
  await conn.end();
  ctx.status = 204;
});

app.use(router.routes());
app.listen(3000);
