#!/usr/bin/env node
'use strict';

const { Stripe } = require('stripe');
const fs = require('node:fs/promises');

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY);

async function refundAll(chargeIds, reason) {
  for (const id of chargeIds) {
    const refund = await stripe.refunds.create({ charge: id, reason }); // expect: missing-idempotency-key
    console.log(`refunded ${id} -> ${refund.id}`);
  }
}

async function refundAllSafely(chargeIds, reason, runId) {
  for (const id of chargeIds) {
    const refund = await stripe.refunds.create({ charge: id, reason }, { idempotencyKey: `bulk-${runId}-${id}` }); // ok: missing-idempotency-key
    console.log(`refunded ${id} -> ${refund.id}`);
  }
}

async function chargesForDay(day) {
  const gte = Math.floor(new Date(`${day}T00:00:00Z`).getTime() / 1000);
  const page = await stripe.charges.list({ created: { gte, lt: gte + 86400 }, limit: 100 }); // ok: missing-idempotency-key
  return page.data.filter((c) => c.paid && !c.refunded).map((c) => c.id);
}

async function recharge(customerId, amountCents) {
  return stripe.charges.create({ customer: customerId, amount: amountCents, currency: 'usd' }).catch((err) => { // expect: missing-idempotency-key
    console.error(`recharge failed for ${customerId}: ${err.message}`);
    return null;
  });
}

async function main() {
  const [mode, arg, reason = 'requested_by_customer'] = process.argv.slice(2);
  if (mode === 'file') {
    const ids = (await fs.readFile(arg, 'utf8')).split('\n').filter(Boolean);
    await refundAllSafely(ids, reason, process.env.RUN_ID || arg);
  } else if (mode === 'day') {
    await refundAll(await chargesForDay(arg), reason);
  } else if (mode === 'recharge') {
    await recharge(arg, Number(reason));
  }
  const existing = await stripe.refunds.list({ limit: 10 }); // ok: missing-idempotency-key
  console.log(`latest refunds: ${existing.data.length}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
