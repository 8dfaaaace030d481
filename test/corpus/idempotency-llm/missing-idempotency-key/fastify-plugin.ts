// @ts-nocheck
import type { FastifyInstance } from 'fastify';
import Stripe from 'stripe';

export class BillingGateway {
  private stripe: Stripe;

  constructor(secret: string) {
    this.stripe = new Stripe(secret, { apiVersion: '2024-06-20' });
  }

  chargeDeposit(customer: string, amount: number) {
    return this.stripe.paymentIntents.create({ customer, amount, currency: 'usd', capture_method: 'manual' }, {}); // expect: missing-idempotency-key
  }

  releaseDeposit(intentId: string) {
    return this.stripe.paymentIntents.capture(intentId, { amount_to_capture: 0 }); // expect: missing-idempotency-key
  }

  releaseDepositOnce(intentId: string) {
    return this.stripe.paymentIntents.capture(intentId, { amount_to_capture: 0 }, { idempotencyKey: `release:${intentId}` }); // ok: missing-idempotency-key
  }

  chargeLateFee(customer: string, account: string) {
    const base = { stripeAccount: account, apiVersion: '2024-06-20' };
    return this.stripe.invoices.create({ customer, description: 'late fee' }, base); // expect: missing-idempotency-key
  }

  chargeLateFeeWith(customer: string, shared: Stripe.RequestOptions) {
    const options = { ...shared, stripeAccount: 'acct_9' };
    // the spread may carry the key: not visible
    return this.stripe.invoices.create({ customer }, options); // ok: missing-idempotency-key
  }
}

export async function billingRoutes(app: FastifyInstance) {
  const stripe = new Stripe(app.config.STRIPE_KEY);

  app.post('/refunds', async (request) => {
    const { chargeId } = request.body as { chargeId: string };
    return stripe.refunds.create({ charge: chargeId, reason: 'requested_by_customer' }); // expect: missing-idempotency-key
  });

  app.post('/refunds/keyed', async (request) => {
    const { chargeId } = request.body as { chargeId: string };
    const key = request.headers['idempotency-key'] as string;
    return stripe.refunds.create({ charge: chargeId }, { idempotencyKey: key }); // ok: missing-idempotency-key
  });

  app.post('/intents/:id/confirm', async (request) => {
    const { id } = request.params as { id: string };
    return stripe.paymentIntents.confirm(id, { return_url: 'https://shop.example.com/return' }); // expect: missing-idempotency-key
  });

  app.post('/tips', async (request) => {
    const { amount, account } = request.body as { amount: number; account: string };
    await stripe.transfers.create({ amount, currency: 'usd', destination: account }); // expect: missing-idempotency-key
    return { ok: true };
  });

  app.get('/intents/:id', async (request) => {
    const { id } = request.params as { id: string };
    return stripe.paymentIntents.retrieve(id); // ok: missing-idempotency-key
  });
}
