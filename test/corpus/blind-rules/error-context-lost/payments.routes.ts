import express, { Router, type Request, type Response, type NextFunction } from 'express';
import pino from 'pino';
import * as Sentry from '@sentry/node';
import Stripe from 'stripe';
import { z } from 'zod';
import { db } from '../db';

const logger = pino({ name: 'payments' });
const stripe = new Stripe(process.env.STRIPE_SECRET_KEY ?? '', { apiVersion: '2024-06-20' });
export const paymentsRouter: Router = express.Router();

const chargeSchema = z.object({ customerId: z.string(), amount: z.number().int().positive() });

async function getCustomerOrThrow(id: string) {
  try {
    return await stripe.customers.retrieve(id);
  } catch (stripeErr) {
    logger.error(stripeErr, 'customer lookup failed'); // ok: error-context-lost
    throw new Error(`Stripe customer ${id} could not be retrieved`); // expect: error-context-lost
  }
}

paymentsRouter.post('/charges', async (req: Request, res: Response) => {
  const parsed = chargeSchema.safeParse(req.body);
  if (!parsed.success) {
    logger.warn({ issues: parsed.error.issues }, 'invalid charge payload'); // ok: error-context-lost
    return res.status(400).json({ error: 'invalid payload' });
  }
  try {
    const intent = await stripe.paymentIntents.create({
      amount: parsed.data.amount,
      currency: 'usd',
      customer: parsed.data.customerId,
    });
    return res.status(201).json({ id: intent.id });
  } catch (err) {
    logger.error({ customerId: parsed.data.customerId }, 'stripe charge failed'); // expect: error-context-lost
    return res.status(502).json({ error: 'payment provider error' });
  }
});

paymentsRouter.post('/refunds/:id', async (req: Request, res: Response, next: NextFunction) => {
  try {
    const refund = await stripe.refunds.create({ payment_intent: req.params.id });
    res.json(refund);
  } catch (err) {
    logger.error({ err, paymentIntent: req.params.id }, 'refund failed'); // ok: error-context-lost
    next(err);
  }
});

paymentsRouter.get('/customers/:id/balance', async (req: Request, res: Response) => {
  try {
    const customer = await getCustomerOrThrow(req.params.id);
    res.json({ balance: (customer as Stripe.Customer).balance });
  } catch (e) {
    Sentry.captureException(e); // ok: error-context-lost
    res.status(500).json({ error: 'balance unavailable' });
  }
});

paymentsRouter.get('/invoices', async (req: Request, res: Response, next: NextFunction) => {
  try {
    const invoices = await stripe.invoices.list({ customer: String(req.query.customer), limit: 20 });
    res.json(invoices.data);
  } catch (e) {
    next(new Error('Could not load invoices')); // ok: error-context-lost
  }
});

paymentsRouter.post('/webhook', express.raw({ type: 'application/json' }), async (req: Request, res: Response) => {
  let event: Stripe.Event;
  try {
    event = stripe.webhooks.constructEvent(
      req.body,
      req.headers['stripe-signature'] as string,
      process.env.STRIPE_WEBHOOK_SECRET ?? '',
    );
  } catch (err) {
    logger.warn(`webhook signature verification failed: ${(err as Error).message}`); // ok: error-context-lost
    return res.status(400).send('bad signature');
  }
  try {
    await db.webhookEvent.create({ data: { id: event.id, type: event.type } });
  } catch {
    logger.info('duplicate webhook event ignored'); // expect: error-context-lost
    return res.status(200).send('duplicate');
  }
  return res.status(200).send('ok');
});

export function paymentsErrorHandler(err: Error, req: Request, res: Response, _next: NextFunction) {
  logger.error({ err, path: req.path }, 'unhandled payments error');
  res.status(500).json({ error: 'internal' });
}
