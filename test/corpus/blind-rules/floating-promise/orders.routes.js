const express = require('express');
const { enqueue, queueName } = require('./queue.cjs');
const pino = require('pino');

const logger = pino({ name: 'orders-api', level: process.env.LOG_LEVEL || 'info' });

const router = express.Router();

async function loadOrder(db, id) {
  const { rows } = await db.query('SELECT * FROM orders WHERE id = $1', [id]);
  return rows[0] || null;
}

async function createOrder(db, body) {
  const { rows } = await db.query(
    'INSERT INTO orders (customer_id, total_cents) VALUES ($1, $2) RETURNING *',
    [body.customerId, body.totalCents],
  );
  return rows[0];
}

async function markViewed(db, id) {
  await db.query('UPDATE orders SET viewed_at = now() WHERE id = $1', [id]);
}

const refundOrder = async (db, id) => {
  const { rows } = await db.query("UPDATE orders SET status = 'refunded' WHERE id = $1 RETURNING *", [id]);
  return rows[0];
};

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function logEvent(kind, data) {
  logger.info({ kind, ...data }, kind);
}

function toDto(row) {
  return { id: row.id, customerId: row.customer_id, totalCents: row.total_cents, status: row.status };
}

router.get('/:id', async (req, res, next) => { // ok: floating-promise
  try {
    const order = await loadOrder(req.db, req.params.id); // ok: floating-promise
    if (!order) return res.status(404).end();
    markViewed(req.db, order.id); // expect: floating-promise
    logEvent('order.viewed', { id: order.id }); // ok: floating-promise
    res.json(toDto(order)); // ok: floating-promise
  } catch (err) {
    next(err);
  }
});

router.post('/', async (req, res) => {
  const order = await createOrder(req.db, req.body);
  enqueue('order.created', { id: order.id }); // expect: floating-promise
  res.status(201).json(toDto(order));
});

router.post('/:id/resend', async (req, res) => {
  enqueue('order.resend', { id: req.params.id }).catch((err) => logger.error({ err }, `enqueue to ${queueName()} failed`)); // ok: floating-promise
  res.status(202).end();
});

router.post('/:id/refund', (req, res, next) => {
  refundOrder(req.db, req.params.id) // ok: floating-promise
    .then((row) => res.json(toDto(row)), next);
});

router.post('/:id/refund-async', (req, res) => {
  refundOrder(req.db, req.params.id); // expect: floating-promise
  res.status(202).json({ accepted: true });
});

router.post('/bulk/reprice', async (req, res) => {
  const jobs = req.body.ids.map((id) => enqueue('order.reprice', { id })); // ok: floating-promise
  await Promise.all(jobs);
  await sleep(50);
  res.status(202).json({ queued: jobs.length });
});

router.post('/bulk/notify', async (req, res) => {
  for (const id of req.body.ids) enqueue('order.notify', { id }); // expect: floating-promise
  sleep(10); // ok: floating-promise
  res.status(202).end();
});

module.exports = router;
