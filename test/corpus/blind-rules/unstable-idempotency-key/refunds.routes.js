// relabelled by the maintainers: the finding is where the key is sent (the generation is its related location); PayPal-Request-Id and nanoid() keys are reported (see docs/rules/unstable-idempotency-key.md)
const express = require('express');
const Stripe = require('stripe');
const { v4: uuidv4 } = require('uuid');
const crypto = require('crypto');
const { requireAuth } = require('../middleware/auth');
const db = require('../db');

const stripe = Stripe(process.env.STRIPE_SECRET_KEY);
const router = express.Router();

router.post('/refunds', requireAuth, async (req, res, next) => {
  try {
    const { chargeId, amount } = req.body;
    const refund = await stripe.refunds.create(
      { charge: chargeId, amount },
      { idempotencyKey: uuidv4() } // expect: unstable-idempotency-key
    );
    res.status(201).json(refund);
  } catch (err) {
    next(err);
  }
});

router.post('/payouts', requireAuth, async (req, res, next) => {
  try {
    const reqKey = crypto.randomUUID();
    const payout = await stripe.payouts.create(
      { amount: req.body.amount, currency: 'usd' },
      { idempotencyKey: reqKey } // expect: unstable-idempotency-key
    );
    res.json(payout);
  } catch (err) {
    next(err);
  }
});

router.post('/transfers', requireAuth, async (req, res, next) => {
  try {
    const transfer = await stripe.transfers.create(
      { amount: req.body.amount, currency: 'usd', destination: req.body.accountId },
      { idempotencyKey: 'tr_' + Math.random().toString(36).slice(2) } // expect: unstable-idempotency-key
    );
    res.json(transfer);
  } catch (err) {
    next(err);
  }
});

router.post('/invoices/:id/pay', requireAuth, async (req, res, next) => {
  try {
    const invoice = await stripe.invoices.pay(req.params.id, {}, {
      idempotencyKey: `inv-pay-${req.params.id}-${+new Date()}`, // expect: unstable-idempotency-key
    });
    res.json(invoice);
  } catch (err) {
    next(err);
  }
});

// ---- look-alikes ----

// Client supplies the key; we pass it through unchanged.
router.post('/charges', requireAuth, async (req, res, next) => {
  try {
    const clientKey = req.get('Idempotency-Key'); // ok: unstable-idempotency-key
    if (!clientKey) return res.status(400).json({ error: 'Idempotency-Key header required' }); // ok: unstable-idempotency-key
    const requestId = uuidv4(); // ok: unstable-idempotency-key
    res.set('X-Request-Id', requestId);
    const charge = await stripe.charges.create(
      { amount: req.body.amount, currency: 'usd', source: req.body.source },
      { idempotencyKey: clientKey } // ok: unstable-idempotency-key
    );
    res.json(charge);
  } catch (err) {
    next(err);
  }
});

router.post('/refunds/:orderId/retry', requireAuth, async (req, res, next) => {
  try {
    const order = await db.orders.findById(req.params.orderId);
    const refund = await stripe.refunds.create(
      { payment_intent: order.paymentIntentId, metadata: { retriedAt: new Date().toISOString() } }, // ok: unstable-idempotency-key
      { idempotencyKey: `refund-${order.id}` } // ok: unstable-idempotency-key
    );
    res.json(refund);
  } catch (err) {
    next(err);
  }
});

module.exports = router;
