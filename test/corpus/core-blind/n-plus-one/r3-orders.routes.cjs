// Express router for orders (CommonJS)
'use strict';
const express = require('express');
const knexFactory = require('knex');
const axios = require('axios');
const path = require('node:path');
const { promises: fsp } = require('node:fs');

const db = knexFactory({ client: 'pg', connection: process.env.DATABASE_URL });
const router = express.Router();

router.get('/orders', async (req, res, next) => {
  try {
    const orders = await db('orders').where({ customer_id: req.query.customerId }).limit(50);
    for (const order of orders) {
      order.lines = await db('order_lines') // expect: n-plus-one
        .where({ order_id: order.id })
        .select('sku', 'qty');
    }
    res.json(orders);
  } catch (err) {
    next(err);
  }
});

router.get('/orders/with-lines', async (req, res) => {
  const orders = await db('orders').where({ customer_id: req.query.customerId });
  const lines = await db('order_lines').whereIn('order_id', orders.map((o) => o.id)); // ok: n-plus-one
  const grouped = lines.reduce((acc, l) => { // ok: n-plus-one
    (acc[l.order_id] ||= []).push(l);
    return acc;
  }, {});
  res.json(orders.map((o) => ({ ...o, lines: grouped[o.id] || [] })));
});

router.post('/orders/bulk-cancel', async (req, res) => {
  const { ids } = req.body;
  await db.transaction(async (trx) => {
    for (const idx in ids) {
      await trx('orders').where('id', ids[idx]).update({ status: 'cancelled' }); // expect: n-plus-one
    }
  });
  res.sendStatus(204);
});

router.get('/products/search', async (req, res) => {
  let q = db('products').select('id', 'name', 'price');
  for (const [col, val] of Object.entries(req.query)) {
    q = q.where(col, val); // ok: n-plus-one
  }
  res.json(await q.limit(100));
});

router.post('/stock/reserve', async (req, res) => {
  const reserved = await req.body.items.reduce(async (prevP, item) => {
    const prev = await prevP;
    const row = await db('stock') // expect: n-plus-one
      .where({ sku: item.sku })
      .decrement('available', item.qty);
    return [...prev, row];
  }, Promise.resolve([]));
  res.json({ reserved });
});

router.post('/orders/:id/notify', async (req, res) => {
  const templates = ['header.html', 'body.html', 'footer.html'];
  const parts = [];
  for (const name of templates) {
    parts.push(await fsp.readFile(path.join(__dirname, 'templates', name), 'utf8')); // ok: n-plus-one
  }
  const recipients = await db('order_watchers').where({ order_id: req.params.id }).pluck('email');
  await Promise.all(
    recipients.map((email) =>
      axios.post(process.env.MAILER_URL, { to: email, html: parts.join('') }, { timeout: 5000 }) // expect: n-plus-one
        .catch(() => undefined),
    ),
  );
  res.sendStatus(202);
});

router.post('/orders/:id/notify-batched', async (req, res) => {
  const recipients = await db('order_watchers').where({ order_id: req.params.id }).pluck('email');
  await axios.post(`${process.env.MAILER_URL}/batch`, { to: recipients }, { timeout: 5000 }); // ok: n-plus-one
  res.sendStatus(202);
});

module.exports = router;
