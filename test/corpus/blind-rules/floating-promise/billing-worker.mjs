import { Worker } from 'bullmq';
import pino from 'pino';
import Stripe from 'stripe';
import knex from 'knex';

const log = pino({ name: 'billing-worker' });
const stripe = new Stripe(process.env.STRIPE_SECRET_KEY);
const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });

async function logEvent(kind, data) {
  await db('billing_events').insert({ kind, data: JSON.stringify(data), created_at: new Date() });
}

async function chargeInvoice(invoice) {
  return stripe.paymentIntents.create(
    { amount: invoice.amountCents, currency: invoice.currency, customer: invoice.customerId, confirm: true },
    { idempotencyKey: `invoice-${invoice.id}` },
  );
}

async function reportFailure(invoice, err) {
  await db('invoices').where({ id: invoice.id }).update({ last_error: String(err.message).slice(0, 500) });
}

const markPaid = async (id) => {
  await db('invoices').where({ id }).update({ status: 'paid', paid_at: new Date() });
};

const worker = new Worker(
  'billing',
  async (job) => {
    const invoice = job.data;
    try {
      const charge = await chargeInvoice(invoice); // ok: floating-promise
      markPaid(invoice.id); // expect: floating-promise
      logEvent('invoice.charged', { id: invoice.id, charge: charge.id }); // expect: floating-promise
    } catch (err) {
      reportFailure(invoice, err); // expect: floating-promise
      throw err;
    }
  },
  { connection: { url: process.env.REDIS_URL }, concurrency: 4 },
);

worker.on('failed', (job, err) => {
  log.error({ err, jobId: job?.id }, 'billing job failed'); // ok: floating-promise
  reportFailure(job.data, err).catch((e) => log.error({ e }, 'could not record failure')); // ok: floating-promise
});

worker.on('completed', (job) => {
  logEvent('job.completed', { id: job.id }); // expect: floating-promise
});

worker.on('progress', (job, progress) => logEvent('job.progress', { id: job.id, progress })); // ok: floating-promise

async function shutdown(signal) {
  log.info({ signal }, 'shutting down billing worker');
  await worker.close();
  await db.destroy();
  process.exit(0);
}

process.on('SIGTERM', () => shutdown('SIGTERM')); // ok: floating-promise
process.on('SIGINT', () => {
  shutdown('SIGINT'); // expect: floating-promise
});

await worker.waitUntilReady();
// best-effort: a failed startup marker must not stop the worker, logEvent failures are visible in the DB logs
void logEvent('worker.started', { pid: process.pid }); // ok: floating-promise
