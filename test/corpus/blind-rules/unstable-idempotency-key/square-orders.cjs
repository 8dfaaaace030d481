// relabelled by the maintainers: the finding is where the key is sent (the generation is its related location); PayPal-Request-Id and nanoid() keys are reported (see docs/rules/unstable-idempotency-key.md)
'use strict';

const { Client, Environment } = require('square');
const crypto = require('node:crypto');
const { randomUUID: makeId } = require('crypto');
const { nanoid } = require('nanoid');

const square = new Client({
  accessToken: process.env.SQUARE_ACCESS_TOKEN,
  environment: Environment.Production,
});

async function createSquarePayment(sourceId, amountCents, locationId) {
  const { result } = await square.paymentsApi.createPayment({
    sourceId,
    idempotencyKey: crypto.randomUUID(), // expect: unstable-idempotency-key
    amountMoney: { amount: BigInt(amountCents), currency: 'USD' },
    locationId,
  });
  return result.payment;
}

async function createSquareOrder(locationId, lineItems) {
  const { result } = await square.ordersApi.createOrder({
    order: { locationId, lineItems },
    idempotencyKey: makeId(), // expect: unstable-idempotency-key
  });
  return result.order;
}

async function refundSquarePayment(paymentId, amountCents) {
  const idemKey = `${paymentId}:${Date.now()}:${Math.floor(Math.random() * 1e6)}`;
  const { result } = await square.refundsApi.refundPayment({
    idempotencyKey: idemKey, // expect: unstable-idempotency-key
    paymentId,
    amountMoney: { amount: BigInt(amountCents), currency: 'USD' },
  });
  return result.refund;
}

async function createGiftCard(locationId) {
  const body = {
    idempotency_key: String(new Date().getTime()), // expect: unstable-idempotency-key
    location_id: locationId,
    gift_card: { type: 'DIGITAL' },
  };
  const res = await fetch('https://connect.squareup.com/v2/gift-cards', {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${process.env.SQUARE_ACCESS_TOKEN}`,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify(body),
  });
  return res.json();
}

// ---- look-alikes ----

async function completeSquarePayment(payment) {
  const { result } = await square.paymentsApi.completePayment(payment.id, {
    versionToken: payment.versionToken,
  });
  return { result, completedAt: new Date() }; // ok: unstable-idempotency-key
}

async function createSquarePaymentForOrder(order) {
  const { result } = await square.paymentsApi.createPayment({
    sourceId: order.sourceId,
    idempotencyKey: `order-${order.id}-attempt-${order.paymentAttempt}`, // ok: unstable-idempotency-key
    amountMoney: { amount: BigInt(order.totalCents), currency: 'USD' },
    referenceId: order.id,
    note: `created ${new Date(order.createdAt).toISOString()}`, // ok: unstable-idempotency-key
  });
  return result.payment;
}

// Not a UUID: nanoid is a random id of a different kind.
async function createSquareCustomer(email) {
  const { result } = await square.customersApi.createCustomer({
    emailAddress: email,
    idempotencyKey: nanoid(), // expect: unstable-idempotency-key
  });
  return result.customer;
}

module.exports = {
  createSquarePayment,
  createSquareOrder,
  refundSquarePayment,
  createGiftCard,
  completeSquarePayment,
  createSquarePaymentForOrder,
  createSquareCustomer,
};
