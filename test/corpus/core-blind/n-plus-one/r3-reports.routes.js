// Koa reporting routes (ESM) on mysql2 and Sequelize
import Router from '@koa/router';
import mysql from 'mysql2/promise';
import { DataTypes, Model, Op, Sequelize } from 'sequelize';

const pool = mysql.createPool({ uri: process.env.MYSQL_URL, connectionLimit: 10 });
const sequelize = new Sequelize(process.env.MYSQL_URL, { logging: false });

class Invoice extends Model {}
Invoice.init(
  { customerId: DataTypes.INTEGER, total: DataTypes.DECIMAL(10, 2), status: DataTypes.STRING },
  { sequelize, modelName: 'invoice' },
);
const Customer = sequelize.define('customer', { email: DataTypes.STRING, region: DataTypes.STRING });

export const router = new Router({ prefix: '/reports' });

router.get('/regions', async (ctx) => {
  const regions = String(ctx.query.regions).split(',');
  const result = {};
  for (const region of regions) {
    const [rows] = await pool.query('SELECT COUNT(*) AS n FROM customers WHERE region = ?', [region]); // expect: n-plus-one
    result[region] = rows[0].n;
  }
  ctx.body = result;
});

router.get('/regions-fast', async (ctx) => {
  const regions = String(ctx.query.regions).split(',');
  const [rows] = await pool.query( // ok: n-plus-one
    'SELECT region, COUNT(*) AS n FROM customers WHERE region IN (?) GROUP BY region',
    [regions],
  );
  ctx.body = Object.fromEntries(rows.map((r) => [r.region, r.n])); // ok: n-plus-one
});

router.post('/invoices/close', async (ctx) => {
  const { ids } = ctx.request.body;
  const conn = await pool.getConnection();
  try {
    let i = 0;
    do {
      await conn.execute('UPDATE invoices SET status = ? WHERE id = ?', ['closed', ids[i]]); // expect: n-plus-one
      i += 1;
    } while (i < ids.length);
  } finally {
    conn.release();
  }
  ctx.status = 204;
});

router.get('/customers/:id/invoices', async (ctx) => {
  const invoices = await Invoice.findAll({ where: { customerId: ctx.params.id } });
  ctx.body = await Promise.all(
    invoices.map(async (inv) => ({
      ...inv.toJSON(),
      customer: await Customer.findByPk(inv.customerId), // expect: n-plus-one
    })),
  );
});

router.post('/customers/import', async (ctx) => {
  let created = 0;
  for (const row of ctx.request.body) {
    const [customer, isNew] = await Customer.findOrCreate({ where: { email: row.email }, defaults: row }); // expect: n-plus-one
    if (isNew) {
      created++;
    } else {
      await Customer.update({ region: row.region }, { where: { id: customer.id } }); // expect: n-plus-one
    }
  }
  ctx.body = { created };
});

router.post('/customers/import-bulk', async (ctx) => {
  await Customer.bulkCreate(ctx.request.body, { updateOnDuplicate: ['region'] }); // ok: n-plus-one
  ctx.status = 204;
});

router.post('/invoices/recalc', async (ctx) => {
  for (const id of ctx.request.body.ids) {
    await sequelize.query('CALL recalc_invoice(:id)', { replacements: { id } }); // expect: n-plus-one
  }
  ctx.status = 204;
});

router.post('/invoices/split', async (ctx) => {
  const { customerId, parts } = ctx.request.body;
  for (const part of parts) {
    await Invoice.create({ customerId, total: part.amount, status: 'open' }); // expect: n-plus-one
  }
  ctx.status = 201;
});

router.get('/invoices/by-ids', async (ctx) => {
  const ids = String(ctx.query.ids).split(',').map(Number); // ok: n-plus-one
  const invoices = await Invoice.findAll({ where: { id: { [Op.in]: ids } } }); // ok: n-plus-one
  const byId = new Map(invoices.map((i) => [i.id, i]));
  ctx.body = ids.map((id) => byId.get(id) ?? null); // ok: n-plus-one
});
