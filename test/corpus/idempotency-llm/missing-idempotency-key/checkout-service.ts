// @ts-nocheck
import Stripe from 'stripe';
import { db } from './db';

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!, { apiVersion: '2024-06-20' });

export async function chargeCard(orderId: string, amount: number, source: string) {
  const charge = await stripe.charges.create({ amount, currency: 'usd', source }); // expect: missing-idempotency-key
  await db.orders.update(orderId, { chargeId: charge.id });
  return charge;
}

export async function chargeCardSafely(orderId: string, amount: number, source: string) {
  const charge = await stripe.charges.create({ amount, currency: 'usd', source }, { idempotencyKey: `charge-${orderId}` }); // ok: missing-idempotency-key
  return charge;
}

export async function startPayment(orderId: string, amount: number, customer: string) {
  return stripe.paymentIntents.create({ amount, currency: 'eur', customer, metadata: { orderId } }); // expect: missing-idempotency-key
}

export async function startPaymentSafely(orderId: string, amount: number, customer: string) {
  return stripe.paymentIntents.create( // ok: missing-idempotency-key
    { amount, currency: 'eur', customer, metadata: { orderId } },
    { idempotencyKey: `pi-${orderId}` },
  );
}

export async function confirmPayment(intentId: string, paymentMethod: string) {
  return stripe.paymentIntents.confirm(intentId, { payment_method: paymentMethod }); // expect: missing-idempotency-key
}

export async function confirmPaymentSafely(intentId: string, paymentMethod: string) {
  return stripe.paymentIntents.confirm(intentId, { payment_method: paymentMethod }, { idempotencyKey: `confirm-${intentId}` }); // ok: missing-idempotency-key
}

export async function capturePayment(intentId: string) {
  return stripe.paymentIntents.capture(intentId); // expect: missing-idempotency-key
}

export async function capturePaymentPartially(intentId: string, amount: number) {
  return stripe.paymentIntents.capture(intentId, { amount_to_capture: amount }); // expect: missing-idempotency-key
}

export async function capturePaymentSafely(intentId: string) {
  return stripe.paymentIntents.capture(intentId, {}, { idempotencyKey: `capture-${intentId}` }); // ok: missing-idempotency-key
}

export async function captureCharge(chargeId: string) {
  return stripe.charges.capture(chargeId); // expect: missing-idempotency-key
}

export async function refundOrder(paymentIntent: string) {
  const refund = await stripe.refunds.create({ payment_intent: paymentIntent }); // expect: missing-idempotency-key
  return refund.status;
}

export async function refundOrderSafely(paymentIntent: string, refundRequestId: string) {
  const refund = await stripe.refunds.create({ payment_intent: paymentIntent }, { idempotencyKey: refundRequestId }); // ok: missing-idempotency-key
  return refund.status;
}

// Reads and non-listed resources: not payment writes in the list.
export async function loadPayment(intentId: string) {
  return stripe.paymentIntents.retrieve(intentId); // ok: missing-idempotency-key
}

export async function listRefunds(charge: string) {
  return stripe.refunds.list({ charge, limit: 10 }); // ok: missing-idempotency-key
}

export async function createCustomer(email: string) {
  return stripe.customers.create({ email }); // ok: missing-idempotency-key
}

export async function cancelPayment(intentId: string) {
  // cancel is not one of create/confirm/capture
  return stripe.paymentIntents.cancel(intentId); // ok: missing-idempotency-key
}

export async function updatePayment(intentId: string, amount: number) {
  return stripe.paymentIntents.update(intentId, { amount }); // ok: missing-idempotency-key
}
