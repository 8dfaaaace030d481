const { SquareClient } = require('square');
const { randomUUID } = require('node:crypto');
const { v4: uuidv4 } = require('uuid');
const { Client, CheckoutAPI } = require('@adyen/api-library');
const { ulid } = require('ulid');
const cuid = require('cuid');

const square = new SquareClient({ token: process.env.SQUARE_TOKEN });
const adyen = new CheckoutAPI(new Client({ apiKey: process.env.ADYEN_KEY, environment: 'TEST' }));

async function takePayment(sourceId, cents) {
  return square.payments.create({
    sourceId,
    idempotencyKey: randomUUID(), // expect: unstable-idempotency-key
    amountMoney: { amount: BigInt(cents), currency: 'USD' },
  });
}

async function takePaymentForOrder(order) {
  return square.payments.create({
    sourceId: order.sourceId,
    idempotencyKey: `order-${order.id}`, // ok: unstable-idempotency-key
    amountMoney: { amount: BigInt(order.cents), currency: 'USD' },
  });
}

async function refundPayment(paymentId, cents) {
  const idempotencyKey = uuidv4();
  return square.refunds.refundPayment({ paymentId, idempotencyKey, amountMoney: { amount: BigInt(cents), currency: 'USD' } }); // expect: unstable-idempotency-key
}

async function refundPaymentForTicket(paymentId, cents, ticketId) {
  const idempotencyKey = `refund-${ticketId}`;
  return square.refunds.refundPayment({ paymentId, idempotencyKey, amountMoney: { amount: BigInt(cents), currency: 'USD' } }); // ok: unstable-idempotency-key
}

async function createSquareOrder(locationId, items) {
  return square.orders.create({ idempotencyKey: ulid(), order: { locationId, lineItems: items } }); // expect: unstable-idempotency-key
}

async function createSquareCustomer(email) {
  return square.customers.create({ idempotencyKey: cuid(), emailAddress: email }); // expect: unstable-idempotency-key
}

async function adyenPay(request) {
  return adyen.PaymentsApi.payments(request, { idempotencyKey: require('crypto').randomUUID() }); // expect: unstable-idempotency-key
}

async function adyenPayForOrder(request) {
  return adyen.PaymentsApi.payments(request, { idempotencyKey: request.reference }); // ok: unstable-idempotency-key
}

async function adyenCapture(pspReference, body) {
  const key = new Date().getTime().toString();
  return adyen.ModificationsApi.captureAuthorisedPayment(pspReference, body, { idempotencyKey: key }); // expect: unstable-idempotency-key
}

async function adyenCaptureKeyed(pspReference, body) {
  return adyen.ModificationsApi.captureAuthorisedPayment(pspReference, body, { idempotencyKey: `capture-${pspReference}` }); // ok: unstable-idempotency-key
}

// A reference id that is not an idempotency key.
async function squareNote(paymentId) {
  return square.payments.update({ paymentId, idempotencyKey: `note-${paymentId}`, payment: { note: `updated ${Date.now()}` } }); // ok: unstable-idempotency-key
}

module.exports = { takePayment, takePaymentForOrder, refundPayment, refundPaymentForTicket, createSquareOrder, createSquareCustomer, adyenPay, adyenPayForOrder, adyenCapture, adyenCaptureKeyed, squareNote };
