// @ts-nocheck
import { NextResponse } from 'next/server';
import type Stripe from 'stripe';
// The app's shared client module (lib/stripe.ts does `export const stripe = new Stripe(...)`).
// Not labelled by the issue's words; an engineer reading `stripe.paymentIntents.create` here knows it is Stripe.
import { stripe } from '@/lib/stripe';

export async function POST(req: Request) {
  const { amount, cartId } = await req.json();
  const intent = await stripe.paymentIntents.create({ amount, currency: 'usd', metadata: { cartId } }); // expect: missing-idempotency-key
  return NextResponse.json({ clientSecret: intent.client_secret });
}

export async function PUT(req: Request) {
  const { amount, cartId } = await req.json();
  const intent = await stripe.paymentIntents.create({ amount, currency: 'usd' }, { idempotencyKey: `cart-${cartId}` }); // ok: missing-idempotency-key
  return NextResponse.json({ clientSecret: intent.client_secret });
}

export async function GET(req: Request) {
  const id = new URL(req.url).searchParams.get('id')!;
  const intent = await stripe.paymentIntents.retrieve(id); // ok: missing-idempotency-key
  return NextResponse.json({ status: intent.status });
}

// A client handed in as a parameter typed by the SDK.
export async function issueRefund(client: Stripe, charge: string, amount: number) {
  return client.refunds.create({ charge, amount }); // expect: missing-idempotency-key
}

export async function issueRefundOnce(client: Stripe, charge: string, amount: number, refundId: string) {
  return client.refunds.create({ charge, amount }, { idempotencyKey: refundId }); // ok: missing-idempotency-key
}

export async function captureHeld(client: Stripe, intentId: string) {
  const opts: Stripe.RequestOptions = { stripeAccount: 'acct_123' };
  return client.paymentIntents.capture(intentId, {}, opts); // expect: missing-idempotency-key
}

export async function captureHeldOnce(client: Stripe, intentId: string) {
  const opts: Stripe.RequestOptions = { idempotencyKey: `capture:${intentId}` };
  return client.paymentIntents.capture(intentId, {}, opts); // ok: missing-idempotency-key
}

export async function chargeCustomer(client: Stripe, customer: string, amount: number) {
  return client.charges.create({ customer, amount, currency: 'usd' }); // expect: missing-idempotency-key
}

export async function listInvoices(client: Stripe, customer: string) {
  return client.invoices.list({ customer }); // ok: missing-idempotency-key
}
