import * as Sentry from '@sentry/node';
import { captureException as reportError, captureMessage } from '@sentry/node';
import { Worker, Job } from 'bullmq';
import Stripe from 'stripe';
import { logger } from './logger';
import { db } from './db';

const stripe = new Stripe(process.env.STRIPE_KEY as string, { apiVersion: '2023-10-16' });

type ChargeData = { customerId: string; amount: number; orderId: string };

export async function chargeJob(job: Job<ChargeData>) {
  try {
    return await stripe.paymentIntents.create({
      customer: job.data.customerId,
      amount: job.data.amount,
      currency: 'eur',
    });
  } catch (err) { // ok: swallowed-exception
    Sentry.captureException(err, { extra: { jobId: job.id } });
    throw err;
  }
}

async function refundJob(job: Job<{ paymentIntentId: string }>) {
  try {
    await stripe.refunds.create({ payment_intent: job.data.paymentIntentId });
  } catch (e) { // ok: swallowed-exception
    reportError(e);
  }
}

async function syncCustomer(job: Job<{ customerId: string }>) {
  try {
    const customer = await stripe.customers.retrieve(job.data.customerId);
    await db.customers.upsert(customer);
  } catch { // ok: swallowed-exception
    captureMessage(`customer sync failed for ${job.data.customerId}`, 'warning');
  }
}

async function sendReceipt(job: Job<ChargeData>) {
  try {
    await stripe.invoices.sendInvoice(job.data.orderId);
    return { sent: true };
  } catch (err) { // expect: swallowed-exception
    return { sent: false };
  }
}

async function markPaid(job: Job<ChargeData>) {
  try {
    await db.orders.update(job.data.orderId, { status: 'paid' });
  } catch (error) { // expect: swallowed-exception
    return { status: 'failed', error: 'could not mark order paid' };
  }
}

async function reconcile(job: Job<ChargeData>) {
  try {
    const intent = await stripe.paymentIntents.retrieve(job.data.orderId);
    await db.orders.update(job.data.orderId, { stripeStatus: intent.status });
  } catch (e) { // ok: swallowed-exception
    Sentry.withScope((scope) => {
      scope.setTag('job', 'reconcile');
      Sentry.captureException(e);
    });
  }
}

export const worker = new Worker(
  'payments',
  async (job: Job) => {
    switch (job.name) {
      case 'charge':
        return chargeJob(job);
      case 'refund':
        return refundJob(job);
      case 'sync-customer':
        return syncCustomer(job);
      case 'receipt':
        return sendReceipt(job);
      case 'mark-paid':
        return markPaid(job);
      default:
        return reconcile(job);
    }
  },
  { connection: { host: process.env.REDIS_HOST ?? 'localhost' } },
);

worker.on('failed', (job, err) => {
  logger.error({ err, jobId: job?.id }, 'payment job failed');
});

export async function shutdown(): Promise<void> {
  await worker.close().catch(() => undefined); // expect: swallowed-exception
  await Sentry.flush(2000).catch(
    (e: Error) => logger.warn({ e }, 'sentry flush failed'), // ok: swallowed-exception
  );
  await db.disconnect().catch(
    () => false, // expect: swallowed-exception
  );
}
