'use strict';
const stripe = require('stripe')(process.env.STRIPE_KEY);
const uuid = require('uuid');
const { nanoid } = require('nanoid');
const crypto = require('crypto');
const axios = require('axios');

exports.charge = async (order) =>
  stripe.charges.create({ amount: order.total, currency: 'usd' }, { idempotencyKey: uuid.v4() }); // expect: unstable-idempotency-key

exports.chargeOnce = async (order) =>
  stripe.charges.create({ amount: order.total, currency: 'usd' }, { idempotencyKey: 'order_' + order.id }); // ok: unstable-idempotency-key

exports.refund = async (chargeId) => {
  const idempotencyKey = require('uuid').v4();
  return stripe.refunds.create({ charge: chargeId }, { idempotencyKey: idempotencyKey }); // expect: unstable-idempotency-key
};

exports.refundOnce = async (chargeId, requestId) => {
  const idempotencyKey = 'refund_' + requestId;
  return stripe.refunds.create({ charge: chargeId }, { idempotencyKey: idempotencyKey }); // ok: unstable-idempotency-key
};

exports.payout = async (amount) => stripe.payouts.create({ amount, currency: 'usd' }, { idempotencyKey: 'payout_' + nanoid() }); // expect: unstable-idempotency-key

exports.payoutOnce = async (amount, statement) => stripe.payouts.create({ amount, currency: 'usd' }, { idempotencyKey: 'payout_' + statement.id }); // ok: unstable-idempotency-key

exports.ledger = async (entry) =>
  axios.post('https://ledger.example.com/entries', entry, { timeout: 4000, headers: { 'Idempotency-Key': crypto.randomBytes(8).toString('hex') } }); // expect: unstable-idempotency-key

exports.ledgerOnce = async (entry) =>
  axios.post('https://ledger.example.com/entries', entry, { timeout: 4000, headers: { 'Idempotency-Key': crypto.createHash('md5').update(entry.id).digest('hex') } }); // ok: unstable-idempotency-key

exports.transfer = async (amount, destination) => {
  const now = new Date();
  return stripe.transfers.create({ amount, currency: 'usd', destination }, { idempotencyKey: destination + now.toISOString() }); // expect: unstable-idempotency-key
};

exports.transferDaily = async (amount, destination, businessDay) =>
  // one transfer per destination per business day: the day comes from the caller
  stripe.transfers.create({ amount, currency: 'usd', destination }, { idempotencyKey: destination + ':' + businessDay }); // ok: unstable-idempotency-key

exports.trace = async (entry) =>
  axios.post('https://ledger.example.com/entries', entry, { timeout: 4000, headers: { 'X-Trace-Id': uuid.v4(), 'Idempotency-Key': entry.id } }); // ok: unstable-idempotency-key
