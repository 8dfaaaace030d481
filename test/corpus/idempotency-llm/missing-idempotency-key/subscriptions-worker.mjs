import Stripe from 'stripe';
import { logger } from './logger.mjs';

const Client = Stripe;
const stripe = new Client(process.env.STRIPE_KEY);

export async function renew(job) {
  const { customerId, priceId, renewalId } = job.data;
  const sub = await stripe.subscriptions.create({ customer: customerId, items: [{ price: priceId }] }); // expect: missing-idempotency-key
  logger.info({ sub: sub.id }, 'renewed');
  return sub;
}

export async function renewOnce(job) {
  const { customerId, priceId, renewalId } = job.data;
  const requestOptions = { idempotencyKey: `renewal:${renewalId}` };
  const sub = await stripe.subscriptions.create({ customer: customerId, items: [{ price: priceId }] }, requestOptions); // ok: missing-idempotency-key
  return sub;
}

export async function monthlyInvoice(job) {
  const invoice = await stripe.invoices.create({ customer: job.data.customerId, collection_method: 'charge_automatically' }); // expect: missing-idempotency-key
  await stripe.invoices.pay(invoice.id); // ok: missing-idempotency-key
  return invoice.id;
}

export async function settleMarketplace(job) {
  for (const line of job.data.lines) {
    await stripe.transfers.create({ amount: line.amount, currency: 'usd', destination: line.account, transfer_group: job.id }); // expect: missing-idempotency-key
  }
}

export async function settleMarketplaceOnce(job) {
  for (const line of job.data.lines) {
    await stripe.transfers.create( // ok: missing-idempotency-key
      { amount: line.amount, currency: 'usd', destination: line.account },
      { idempotencyKey: `${job.id}:${line.id}` },
    );
  }
}

export async function refundMany(job) {
  await Promise.all(job.data.charges.map((charge) => stripe.refunds.create({ charge }))); // expect: missing-idempotency-key
}

export async function refundManyOnce(job) {
  await Promise.all(job.data.charges.map((charge) => stripe.refunds.create({ charge }, { idempotencyKey: `refund:${charge}` }))); // ok: missing-idempotency-key
}

export async function cancelSubscription(id) {
  return stripe.subscriptions.cancel(id); // ok: missing-idempotency-key
}

export async function searchCharges(query) {
  return stripe.charges.search({ query }); // ok: missing-idempotency-key
}

export async function createPrice(product) {
  return stripe.prices.create({ product, unit_amount: 500, currency: 'usd' }); // ok: missing-idempotency-key
}
