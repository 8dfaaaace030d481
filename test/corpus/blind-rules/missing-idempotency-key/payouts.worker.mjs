import { Worker } from 'bullmq';
import Stripe from 'stripe';
import pino from 'pino';
import { connection } from './redis.mjs';
import { markPayoutSent, listSplits } from './ledger.mjs';

const log = pino({ name: 'payouts-worker' });
const stripe = new Stripe(process.env.STRIPE_SECRET_KEY, { maxNetworkRetries: 2 });

async function payoutSeller(job) {
  const { accountId, amountCents, currency } = job.data;

  const transfer = await stripe.transfers.create({ // expect: missing-idempotency-key
    amount: amountCents,
    currency,
    destination: accountId,
    transfer_group: `job-${job.id}`,
  });

  const payout = await stripe.payouts.create({ amount: amountCents, currency }, { stripeAccount: accountId }); // expect: missing-idempotency-key

  await markPayoutSent(job.data.payoutId, transfer.id, payout.id);
}

async function instantPayout(job) {
  const { accountId, amountCents } = job.data;
  const requestOptions = { stripeAccount: accountId };
  const payout = await stripe.payouts.create({ amount: amountCents, currency: 'usd', method: 'instant' }, requestOptions); // expect: missing-idempotency-key
  log.info({ payout: payout.id }, 'instant payout created');
}

async function scheduledPayout(job) {
  const { accountId, amountCents } = job.data;
  const opts = { stripeAccount: accountId, idempotencyKey: `payout-${job.data.payoutId}` };
  const payout = await stripe.payouts.create({ amount: amountCents, currency: 'usd' }, opts); // ok: missing-idempotency-key
  const balance = await stripe.balance.retrieve({ stripeAccount: accountId }); // ok: missing-idempotency-key
  log.info({ payout: payout.id, available: balance.available }, 'scheduled payout created');
}

async function splitOrder(job) {
  const splits = await listSplits(job.data.orderId);
  const transfers = await Promise.all(
    splits.map((s) => stripe.transfers.create({ amount: s.amountCents, currency: 'usd', destination: s.accountId })), // expect: missing-idempotency-key
  );
  log.info({ count: transfers.length }, 'split transfers created');
}

async function splitOrderSafely(job) {
  const splits = await listSplits(job.data.orderId);
  for (const s of splits) {
    await stripe.transfers.create( // ok: missing-idempotency-key
      { amount: s.amountCents, currency: 'usd', destination: s.accountId },
      { idempotencyKey: `split-${job.data.orderId}-${s.accountId}` },
    );
  }
}

async function reverseTransfer(job) {
  await stripe.transfers.createReversal(job.data.transferId, { amount: job.data.amountCents }); // ok: missing-idempotency-key
  await stripe.payouts.cancel(job.data.payoutId, { stripeAccount: job.data.accountId }); // ok: missing-idempotency-key
}

async function onboardSeller(job) {
  const account = await stripe.accounts.create({ type: 'express', email: job.data.email }); // ok: missing-idempotency-key
  log.info({ account: account.id }, 'seller onboarded');
}

const handlers = { payoutSeller, instantPayout, scheduledPayout, splitOrder, splitOrderSafely, reverseTransfer, onboardSeller };

export const worker = new Worker(
  'payouts',
  async (job) => {
    const handler = handlers[job.name];
    if (!handler) throw new Error(`unknown job ${job.name}`);
    await handler(job);
  },
  { connection, concurrency: 4 },
);

worker.on('failed', (job, err) => log.error({ err, jobId: job?.id }, 'payout job failed'));
