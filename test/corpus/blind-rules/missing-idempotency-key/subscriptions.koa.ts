import Router from '@koa/router';
import type { Context } from 'koa';
import { Stripe as StripeClient } from 'stripe';
import { PrismaClient } from '@prisma/client';

const stripe = new StripeClient(process.env.STRIPE_SECRET_KEY ?? '', { apiVersion: '2024-06-20' });
const prisma = new PrismaClient();
const router = new Router({ prefix: '/billing' });

router.post('/subscriptions', async (ctx: Context) => {
  const { customerId, priceId, couponId } = ctx.request.body as Record<string, string>;
  const sub = await stripe.subscriptions.create({ customer: customerId, items: [{ price: priceId }], coupon: couponId }); // expect: missing-idempotency-key
  // Table introspected with `prisma db pull`, hence the plural model name.
  await prisma.subscriptions.create({ data: { stripe_id: sub.id, customer_id: customerId, status: sub.status } }); // ok: missing-idempotency-key
  ctx.status = 201;
  ctx.body = { id: sub.id };
});

router.post('/subscriptions/keyed', async (ctx: Context) => {
  const { customerId, priceId } = ctx.request.body as Record<string, string>;
  const requestId = ctx.get('x-request-id');
  const reqOpts = { idempotencyKey: `sub-create-${customerId}-${requestId}` };
  const sub = await stripe.subscriptions.create({ customer: customerId, items: [{ price: priceId }] }, reqOpts); // ok: missing-idempotency-key
  ctx.body = { id: sub.id };
});

router.post('/invoices', async (ctx: Context) => {
  const { customerId, memo } = ctx.request.body as Record<string, string>;
  const invoice = await stripe.invoices.create({ customer: customerId, description: memo, collection_method: 'send_invoice', days_until_due: 30 }); // expect: missing-idempotency-key
  await prisma.invoices.create({ data: { stripe_id: invoice.id as string, customer_id: customerId } }); // ok: missing-idempotency-key
  ctx.body = { id: invoice.id };
});

router.post('/invoices/monthly', async (ctx: Context) => {
  const { customerId, period } = ctx.request.body as Record<string, string>;
  const invoice = await stripe.invoices.create( // ok: missing-idempotency-key
    { customer: customerId, metadata: { period } },
    { idempotencyKey: `monthly-${customerId}-${period}` },
  );
  const sent = await stripe.invoices.sendInvoice(invoice.id as string); // ok: missing-idempotency-key
  ctx.body = { id: sent.id };
});

router.post('/deposits', async (ctx: Context) => {
  const { paymentIntents } = stripe;
  const { customerId, amountCents } = ctx.request.body as { customerId: string; amountCents: number };
  const pi = await paymentIntents.create({ customer: customerId, amount: amountCents, currency: 'usd', confirm: true, off_session: true }); // expect: missing-idempotency-key
  ctx.body = { id: pi.id, status: pi.status };
});

router.delete('/subscriptions/:id', async (ctx: Context) => {
  const sub = await stripe.subscriptions.cancel(ctx.params.id); // ok: missing-idempotency-key
  await prisma.subscriptions.update({ where: { stripe_id: sub.id }, data: { status: sub.status } });
  ctx.status = 204;
});

export default router;
