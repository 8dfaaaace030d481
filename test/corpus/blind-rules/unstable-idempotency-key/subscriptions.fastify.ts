// relabelled by the maintainers: the finding is where the key is sent (the generation is its related location); PayPal-Request-Id and nanoid() keys are reported (see docs/rules/unstable-idempotency-key.md)
import Fastify, { FastifyInstance } from 'fastify';
import * as nodeCrypto from 'node:crypto';
import StripeSdk from 'stripe';
import { Paddle, Environment } from '@paddle/paddle-node-sdk';

const stripe = new StripeSdk(process.env.STRIPE_KEY!, { apiVersion: '2024-06-20' });
const paddle = new Paddle(process.env.PADDLE_KEY!, { environment: Environment.production });

export async function subscriptionRoutes(app: FastifyInstance) {
  app.post<{ Body: { customerId: string; priceId: string } }>('/subscriptions', async (request) => {
    const { customerId, priceId } = request.body;
    return stripe.subscriptions.create(
      { customer: customerId, items: [{ price: priceId }] },
      { idempotencyKey: nodeCrypto.randomUUID() }, // expect: unstable-idempotency-key
    );
  });

  app.post<{ Params: { id: string } }>('/subscriptions/:id/upgrade', async (request) => {
    const ts = Date.now();
    return stripe.subscriptions.update(
      request.params.id,
      { proration_behavior: 'always_invoice' },
      { idempotencyKey: `upgrade-${request.params.id}-${ts}` }, // expect: unstable-idempotency-key
    );
  });

  app.post<{ Params: { id: string } }>('/subscriptions/:id/pause', async (request, reply) => {
    const res = await fetch(`https://api.paddle.com/subscriptions/${request.params.id}/pause`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${process.env.PADDLE_KEY}`,
        ['Idempotency-Key']: Math.random().toString(36).substring(2, 12), // expect: unstable-idempotency-key
      },
    });
    reply.code(res.status);
    return res.json();
  });

  app.post<{ Params: { id: string } }>('/subscriptions/:id/cancel', async (request) => {
    return stripe.subscriptions.cancel(request.params.id, {}, {
      idempotencyKey: 'cancel-' + new Date().getTime().toString(36), // expect: unstable-idempotency-key
    });
  });

  // ---- look-alikes ----

  app.post<{ Params: { id: string }; Headers: { 'idempotency-key'?: string } }>( // ok: unstable-idempotency-key
    '/subscriptions/:id/resume',
    async (request) => {
      const key = request.headers['idempotency-key']; // ok: unstable-idempotency-key
      return stripe.subscriptions.resume(
        request.params.id,
        { billing_cycle_anchor: 'now' },
        key ? { idempotencyKey: key } : undefined, // ok: unstable-idempotency-key
      );
    },
  );

  app.post<{ Body: { customerId: string; items: { priceId: string; quantity: number }[] } }>(
    '/paddle/transactions',
    async (request) => {
      const fingerprint = nodeCrypto
        .createHash('sha256')
        .update(JSON.stringify(request.body))
        .digest('hex'); // ok: unstable-idempotency-key
      const txn = await paddle.transactions.create({
        customerId: request.body.customerId,
        items: request.body.items,
        customData: { idempotencyKey: fingerprint, submittedAt: Date.now() }, // ok: unstable-idempotency-key
      });
      return txn;
    },
  );
}

export function buildServer() {
  const app = Fastify({ logger: true, genReqId: () => nodeCrypto.randomUUID() }); // ok: unstable-idempotency-key
  app.register(subscriptionRoutes);
  return app;
}
