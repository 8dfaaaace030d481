// @ts-nocheck
import * as StripeSdk from 'stripe';
import { Stripe as StripeClient } from 'stripe';
import type { Request, Response } from 'express';

const payments = new StripeClient(process.env.STRIPE_SECRET!, { apiVersion: '2024-06-20', maxNetworkRetries: 2 });
const legacy = new StripeSdk.Stripe(process.env.STRIPE_SECRET!);

export async function handleCheckout(req: Request, res: Response) {
  const { amount, orderId } = req.body;
  const intent = await payments.paymentIntents.create({ amount, currency: 'gbp', metadata: { orderId } }); // expect: missing-idempotency-key
  res.json({ clientSecret: intent.client_secret });
}

export async function handleCheckoutKeyed(req: Request, res: Response) {
  const { amount, orderId } = req.body;
  const intent = await payments.paymentIntents.create({ amount, currency: 'gbp' }, { idempotencyKey: orderId }); // ok: missing-idempotency-key
  res.json({ clientSecret: intent.client_secret });
}

export async function legacyCharge(amount: number, token: string) {
  return legacy.charges.create({ amount, currency: 'gbp', source: token }); // expect: missing-idempotency-key
}

// Options come from the caller: whether they carry a key cannot be seen here.
export async function chargeWith(params: StripeClient.ChargeCreateParams, options: StripeClient.RequestOptions) {
  return payments.charges.create(params, options); // ok: missing-idempotency-key
}

export async function refundWith(params: StripeClient.RefundCreateParams, requestOptions?: StripeClient.RequestOptions) {
  return payments.refunds.create(params, requestOptions); // ok: missing-idempotency-key
}

export async function subscribeWith(customer: string, price: string, opts: StripeClient.RequestOptions) {
  return payments.subscriptions.create({ customer, items: [{ price }] }, { ...opts }); // ok: missing-idempotency-key
}

export async function confirmWith(id: string, key: string) {
  const options = { idempotencyKey: key };
  return payments.paymentIntents.confirm(id, {}, options); // ok: missing-idempotency-key
}

export async function confirmWithoutKey(id: string, method: string) {
  const params = { payment_method: method, return_url: 'https://shop.example.com/done' };
  return payments.paymentIntents.confirm(id, params); // expect: missing-idempotency-key
}

export async function checkoutSession(priceId: string) {
  // Checkout Sessions are not among the listed resources.
  return payments.checkout.sessions.create({ mode: 'payment', line_items: [{ price: priceId, quantity: 1 }] }); // ok: missing-idempotency-key
}

export async function setupCard(customer: string) {
  return payments.setupIntents.create({ customer }); // ok: missing-idempotency-key
}
