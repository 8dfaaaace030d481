'use strict';

const express = require('express');
const stripe = require('stripe')(process.env.STRIPE_SECRET_KEY);
const { requireUser } = require('../middleware/auth');
const orders = require('../models/orders');

const router = express.Router();

router.post('/charges', requireUser, async (req, res, next) => {
  try {
    const { amount, currency, source } = req.body;
    const charge = await stripe.charges.create({ amount, currency, source, customer: req.user.stripeCustomerId }); // expect: missing-idempotency-key
    res.status(201).json({ id: charge.id });
  } catch (err) {
    next(err);
  }
});

router.post('/charges/v2', requireUser, async (req, res, next) => {
  try {
    const key = req.get('Idempotency-Key');
    if (!key) return res.status(400).json({ error: 'Idempotency-Key header required' });
    const charge = await stripe.charges.create( // ok: missing-idempotency-key
      { amount: req.body.amount, currency: req.body.currency, source: req.body.source },
      { idempotencyKey: key },
    );
    res.status(201).json({ id: charge.id });
  } catch (err) {
    next(err);
  }
});

// Someone put the key in the params object instead of the request options: it is sent as a body
// parameter, not as the Idempotency-Key header, so the request is still not idempotent.
router.post('/charges/legacy', requireUser, async (req, res, next) => {
  try {
    const order = await orders.findById(req.body.orderId);
    const charge = await stripe.charges.create({ // expect: missing-idempotency-key
      amount: order.totalCents,
      currency: 'usd',
      source: req.body.source,
      idempotencyKey: `order-${order.id}`,
    });
    res.json({ id: charge.id });
  } catch (err) {
    next(err);
  }
});

router.post('/charges/:id/capture', requireUser, async (req, res, next) => {
  try {
    const charge = await stripe.charges.capture(req.params.id); // expect: missing-idempotency-key
    res.json({ captured: charge.captured });
  } catch (err) {
    next(err);
  }
});

router.post('/charges/:id/capture-partial', requireUser, async (req, res, next) => {
  try {
    const charge = await stripe.charges.capture(req.params.id, { amount: req.body.amount }); // expect: missing-idempotency-key
    res.json({ captured: charge.captured });
  } catch (err) {
    next(err);
  }
});

router.post('/charges/:id/capture-safe', requireUser, async (req, res, next) => {
  try {
    const charge = await stripe.charges.capture(req.params.id, { amount: req.body.amount }, { idempotencyKey: `cap-${req.params.id}` }); // ok: missing-idempotency-key
    res.json({ captured: charge.captured });
  } catch (err) {
    next(err);
  }
});

router.post('/intents/:id/confirm', requireUser, async (req, res, next) => {
  try {
    const intent = await stripe.paymentIntents.confirm(req.params.id, { payment_method: req.body.paymentMethodId }); // expect: missing-idempotency-key
    res.json({ status: intent.status });
  } catch (err) {
    next(err);
  }
});

// stripe-node accepts a trailing options-only object in place of params.
router.post('/intents/:id/confirm-safe', requireUser, async (req, res, next) => {
  try {
    const intent = await stripe.paymentIntents.confirm(req.params.id, { idempotencyKey: `confirm-${req.params.id}` }); // ok: missing-idempotency-key
    res.json({ status: intent.status });
  } catch (err) {
    next(err);
  }
});

router.get('/charges', requireUser, async (req, res, next) => {
  try {
    const page = await stripe.charges.list({ customer: req.user.stripeCustomerId, limit: 20 }); // ok: missing-idempotency-key
    res.json(page.data);
  } catch (err) {
    next(err);
  }
});

router.patch('/charges/:id', requireUser, async (req, res, next) => {
  try {
    const charge = await stripe.charges.update(req.params.id, { description: req.body.description }); // ok: missing-idempotency-key
    res.json(charge);
  } catch (err) {
    next(err);
  }
});

module.exports = router;
