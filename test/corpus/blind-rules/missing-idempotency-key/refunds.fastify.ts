import type { FastifyInstance, FastifyRequest } from 'fastify';
import type Stripe from 'stripe';
import { stripe } from '../lib/stripe';
import { prisma } from '../lib/prisma';

const PLATFORM_OPTIONS = { apiVersion: '2024-06-20' as const };

type RefundBody = { orderId: string; amountCents?: number; reason?: Stripe.RefundCreateParams.Reason };

export async function refundPayment(params: Stripe.RefundCreateParams, options: Stripe.RequestOptions) {
  // Options come from the caller; the literal is not visible here.
  return stripe.refunds.create(params, options); // ok: missing-idempotency-key
}

export async function refundWithDefaults(params: Stripe.RefundCreateParams, requestOptions: Stripe.RequestOptions) {
  return stripe.refunds.create(params, { ...requestOptions }); // ok: missing-idempotency-key
}

export default async function refundRoutes(app: FastifyInstance) {
  app.post('/refunds', async (request: FastifyRequest<{ Body: RefundBody }>, reply) => {
    const order = await prisma.order.findUniqueOrThrow({ where: { id: request.body.orderId } });
    const refund = await stripe.refunds.create({ // expect: missing-idempotency-key
      payment_intent: order.paymentIntentId,
      amount: request.body.amountCents,
      reason: request.body.reason,
    });
    await prisma.refund.create({ data: { orderId: order.id, stripeRefundId: refund.id, amountCents: refund.amount } }); // ok: missing-idempotency-key
    return reply.code(201).send({ id: refund.id });
  });

  app.post('/refunds/keyed', async (request: FastifyRequest<{ Body: RefundBody }>, reply) => {
    const order = await prisma.order.findUniqueOrThrow({ where: { id: request.body.orderId } });
    const baseOptions = { timeout: 20_000 };
    const refund = await stripe.refunds.create( // ok: missing-idempotency-key
      { payment_intent: order.paymentIntentId, amount: request.body.amountCents },
      { ...baseOptions, idempotencyKey: `refund-${order.id}-${request.body.amountCents ?? 'full'}` },
    );
    return reply.code(201).send({ id: refund.id });
  });

  app.post('/refunds/conditional', async (request: FastifyRequest<{ Body: RefundBody }>, reply) => {
    const key = request.headers['idempotency-key'] as string | undefined;
    const opts = key ? { idempotencyKey: key } : {};
    const refund = await stripe.refunds.create({ payment_intent: request.body.orderId }, opts); // ok: missing-idempotency-key
    return reply.send({ id: refund.id });
  });

  app.post('/refunds/timeout', async (request: FastifyRequest<{ Body: RefundBody }>, reply) => {
    const order = await prisma.order.findUniqueOrThrow({ where: { id: request.body.orderId } });
    const localOptions = { timeout: 10_000, maxNetworkRetries: 3 };
    const refund = await stripe.refunds.create({ payment_intent: order.paymentIntentId }, localOptions); // expect: missing-idempotency-key
    return reply.send({ id: refund.id });
  });

  app.post('/refunds/platform', async (request: FastifyRequest<{ Body: RefundBody }>, reply) => {
    // Options object defined at module scope, not in this function.
    const refund = await stripe.refunds.create({ payment_intent: request.body.orderId }, PLATFORM_OPTIONS); // ok: missing-idempotency-key
    return reply.send({ id: refund.id });
  });

  app.get('/refunds/:id', async (request: FastifyRequest<{ Params: { id: string } }>) => {
    return stripe.refunds.retrieve(request.params.id); // ok: missing-idempotency-key
  });
}
