// relabelled by the maintainers: the finding is where the key is sent (the generation is its related location); PayPal-Request-Id and nanoid() keys are reported (see docs/rules/unstable-idempotency-key.md)
import { Worker, Queue } from 'bullmq';
import axios from 'axios';
import * as uuid from 'uuid';
import { createHash } from 'node:crypto';
import { connection } from './redis.mjs';
import { logger } from './logger.mjs';

const wise = axios.create({
  baseURL: 'https://api.transferwise.com',
  headers: { Authorization: `Bearer ${process.env.WISE_TOKEN}` },
});

const notifications = new Queue('notifications', { connection });

export const payoutWorker = new Worker(
  'payouts',
  async (job) => {
    const { recipientId, amount, currency } = job.data;

    // BullMQ retries this job on failure: each attempt posts a brand-new key.
    const { data: transfer } = await wise.post(
      '/v1/transfers',
      { targetAccount: recipientId, amount, currency },
      { headers: { 'Idempotency-Key': uuid.v4() } } // expect: unstable-idempotency-key
    );

    await wise.post(
      `/v3/profiles/${process.env.WISE_PROFILE}/transfers/${transfer.id}/payments`,
      { type: 'BALANCE' },
      {
        headers: {
          'X-Idempotency-Key': `fund-${transfer.id}-${Date.now()}`, // expect: unstable-idempotency-key
        },
      }
    );

    await notifications.add(
      'payout-sent',
      { recipientId, transferId: transfer.id },
      { jobId: uuid.v4() } // ok: unstable-idempotency-key
    );

    return transfer.id;
  },
  { connection, concurrency: 5 }
);

export const reversalWorker = new Worker(
  'reversals',
  async (job) => {
    const key = uuid.v1();
    await wise.post(`/v1/transfers/${job.data.transferId}/cancel`, null, {
      headers: { 'idempotency-key': key }, // expect: unstable-idempotency-key
    });
  },
  { connection }
);

// ---- look-alikes ----

export const settlementWorker = new Worker(
  'settlements',
  async (job) => {
    const { batchId, lines } = job.data;
    const digest = createHash('sha256').update(`${batchId}:${lines.length}`).digest('hex'); // ok: unstable-idempotency-key
    const correlationId = uuid.v4(); // ok: unstable-idempotency-key
    logger.info({ batchId, correlationId, startedAt: Date.now() }, 'settling batch'); // ok: unstable-idempotency-key
    await wise.post('/v1/batch-groups', { lines }, {
      headers: {
        'Idempotency-Key': digest, // ok: unstable-idempotency-key
        'X-Correlation-Id': correlationId, // ok: unstable-idempotency-key
      },
    });
  },
  { connection }
);

export const refundWorker = new Worker(
  'refund-transfers',
  async (job) => {
    // job.id is stable across BullMQ retries of the same job
    await wise.post(`/v1/transfers/${job.data.transferId}/refund`, null, {
      headers: { 'Idempotency-Key': `refund-${job.id}` }, // ok: unstable-idempotency-key
    });
  },
  { connection }
);
