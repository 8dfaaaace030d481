'use strict';
const stripe = require('stripe')(process.env.STRIPE_KEY);
const { randomUUID } = require('crypto');

async function paySeller(sellerAccount, amount, payoutId) {
  const transfer = await stripe.transfers.create({ amount, currency: 'usd', destination: sellerAccount }); // expect: missing-idempotency-key
  return transfer.id;
}

async function paySellerSafely(sellerAccount, amount, payoutId) {
  const transfer = await stripe.transfers.create( // ok: missing-idempotency-key
    { amount, currency: 'usd', destination: sellerAccount },
    { idempotencyKey: `transfer-${payoutId}` },
  );
  return transfer.id;
}

async function withdraw(amount, accountId) {
  return stripe.payouts.create({ amount, currency: 'usd' }, { stripeAccount: accountId }); // expect: missing-idempotency-key
}

async function withdrawSafely(amount, accountId, requestId) {
  return stripe.payouts.create({ amount, currency: 'usd' }, { stripeAccount: accountId, idempotencyKey: requestId }); // ok: missing-idempotency-key
}

async function subscribe(customer, price) {
  return stripe.subscriptions.create({ customer, items: [{ price }] }); // expect: missing-idempotency-key
}

async function subscribeSafely(customer, price, signupId) {
  const options = { idempotencyKey: `sub-${signupId}` };
  return stripe.subscriptions.create({ customer, items: [{ price }] }, options); // ok: missing-idempotency-key
}

async function invoiceCustomer(customer) {
  const invoice = await stripe.invoices.create({ customer, auto_advance: true }); // expect: missing-idempotency-key
  return invoice;
}

async function invoiceCustomerWithOptions(customer, account) {
  const opts = { stripeAccount: account };
  const invoice = await stripe.invoices.create({ customer }, opts); // expect: missing-idempotency-key
  return invoice;
}

async function invoiceCustomerKeyed(customer, billingRunId) {
  const opts = { stripeAccount: 'acct_1', idempotencyKey: `inv-${billingRunId}-${customer}` };
  return stripe.invoices.create({ customer }, opts); // ok: missing-idempotency-key
}

// Invoice item creation is not in the list of resources.
async function addLineItem(customer, price) {
  return stripe.invoiceItems.create({ customer, price }); // ok: missing-idempotency-key
}

async function finalize(invoiceId) {
  return stripe.invoices.finalizeInvoice(invoiceId); // ok: missing-idempotency-key
}

async function showSubscription(id) {
  return stripe.subscriptions.retrieve(id); // ok: missing-idempotency-key
}

async function listPayouts() {
  return stripe.payouts.list({ limit: 20 }); // ok: missing-idempotency-key
}

module.exports = { paySeller, paySellerSafely, withdraw, withdrawSafely, subscribe, subscribeSafely, invoiceCustomer, invoiceCustomerWithOptions, invoiceCustomerKeyed, addLineItem, finalize, showSubscription, listPayouts };
