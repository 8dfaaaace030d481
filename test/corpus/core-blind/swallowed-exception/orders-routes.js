const express = require('express');
const { body, validationResult } = require('express-validator');
const { captureException } = require('@sentry/node');
const log = require('../lib/log');
const { OrderService } = require('../services/order-service');
const { HttpError } = require('../lib/http-error');

const router = express.Router();
const orders = new OrderService();

router.get('/orders/:id', async (req, res, next) => {
  try {
    const order = await orders.get(req.params.id);
    res.json(order);
  } catch (err) { // ok: swallowed-exception
    next(err);
  }
});

router.get('/orders', async (req, res) => {
  try {
    const list = await orders.list(req.query);
    res.json(list);
  } catch (err) { // expect: swallowed-exception
    res.status(500).json({ message: 'Internal Server Error', requestId: req.id });
  }
});

router.post('/orders/import', async (req, res) => {
  let payload;
  try {
    payload = JSON.parse(req.body.raw);
  } catch (error) { // expect: swallowed-exception
    return res.status(400).json({ error: 'Invalid JSON body' });
  }
  const created = await orders.bulkCreate(payload);
  res.status(201).json(created);
});

router.post('/orders', body('sku').isString(), async (req, res) => {
  const errors = validationResult(req);
  if (!errors.isEmpty()) return res.status(422).json({ errors: errors.array() });
  try {
    const order = await orders.create(req.body);
    res.status(201).json(order);
  } catch (error) { // ok: swallowed-exception
    res.status(error.status || 500).json({ error: error.message });
  }
});

router.post('/orders/:id/cancel', async (req, res) => {
  try {
    await orders.cancel(req.params.id);
    res.sendStatus(204);
  } catch (error) { // ok: swallowed-exception
    captureException(error);
    res.sendStatus(500);
  }
});

router.delete('/orders/:id', (req, res, next) => {
  orders.remove(req.params.id).then(() => res.sendStatus(204)).catch(next); // ok: swallowed-exception
});

router.get('/orders/:id/invoice', (req, res) => {
  orders
    .invoice(req.params.id)
    .then((pdf) => res.type('pdf').send(pdf))
    .catch(() => res.sendStatus(500)); // expect: swallowed-exception
});

router.get('/orders/:id/receipt', (req, res) => {
  orders
    .receipt(req.params.id)
    .then((html) => res.send(html))
    .catch((e) => res.status(502).send(`receipt service failed: ${e.message}`)); // ok: swallowed-exception
});

router.get('/orders/:id/status', async (req, res, next) => {
  try {
    const status = await orders.fetchCarrierStatus(req.params.id);
    res.json({ status });
  } catch (e) { // ok: swallowed-exception
    return next(new HttpError(502, 'carrier status unavailable'));
  }
});

router.get('/orders/:id/summary', async (req, res) => {
  try {
    res.json(await orders.summary(req.params.id));
  } catch (err) { // expect: swallowed-exception
    res.sendStatus(503);
  }
});

router.get('/health', async (req, res) => {
  try {
    await orders.ping();
    res.send('ok');
  } catch (e) { // ok: swallowed-exception
    log.warn('health check failed');
    res.status(503).send('unhealthy');
  }
});

module.exports = router;
