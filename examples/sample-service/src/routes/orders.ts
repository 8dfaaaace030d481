import { NotFoundException } from '@nestjs/common';
import { Router } from 'express';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { summariseDeliveryNotes } from '../ai/reviewSummariser';
import { config } from '../config';
import { recordEvent } from '../db/auditLog';
import { PrismaService } from '../db/prismaService';
import { withDeadline } from '../lib/retry';
import { logger } from '../logger';
import { OrderService } from '../services/orderService';

const orders = new OrderService(new PrismaService());
const noop = () => {};

// Read once at startup: the invoice template only changes with a deploy.
const INVOICE_TEMPLATE = readFileSync(path.join(__dirname, '../../templates/invoice.html'), 'utf8');

export const ordersRouter = Router();

async function sendConfirmation(orderId: string, customerId: string): Promise<void> {
  const body = JSON.stringify({ template: 'order-confirmation', orderId, customerId });
  await fetch(`${config.emailServiceUrl}/send`, { method: 'POST', body, signal: AbortSignal.timeout(5_000) });
}

async function findOrderOrNull(orderId: string) {
  try {
    return await orders.getOrder(orderId);
  } catch (e) {
    if (e instanceof NotFoundException) return null;
    throw e;
  }
}

/** Display prices only; checkout always charges in EUR. */
async function eurRate(currency: string): Promise<number | null> {
  try {
    const res = await fetch(`${config.fxRatesUrl}/latest?base=EUR&symbols=${currency}`);
    const body = (await res.json()) as { rates: Record<string, number> };
    return body.rates[currency] ?? null;
  } catch {
    return null;
  }
}

ordersRouter.get('/', (req, res, next) => {
  const cursor = req.query.cursor as string | undefined;
  orders.listForCustomer(String(req.query.customerId), cursor).then((page) => res.json(page)).catch(next);
});

ordersRouter.post('/', async (req, res, next) => {
  try {
    const order = await orders.placeOrder(req.body);
    sendConfirmation(order.id, order.customerId).catch((err) => logger.warn({ err, orderId: order.id }, 'confirmation e-mail not sent'));
    res.status(201).json(order);
  } catch (err) {
    next(err);
  }
});

ordersRouter.get('/:id', async (req, res) => {
  try {
    const order = await findOrderOrNull(req.params.id);
    if (!order) return res.status(404).json({ error: 'Order not found' });
    const rate = req.query.currency ? await eurRate(String(req.query.currency)) : null;
    res.json({ ...order, displayTotal: rate ? Math.round(order.totalCents * rate) : null });
  } catch (err) {
    res.status(500).json({ error: 'Something went wrong' });
  }
});

ordersRouter.get('/:id/invoice', async (req, res, next) => {
  try {
    const order = await orders.getOrder(req.params.id);
    const styles = readFileSync(path.join(__dirname, '../../templates/invoice.css'), 'utf8');
    res.type('html').send(INVOICE_TEMPLATE.replace('{{styles}}', styles).replace('{{orderId}}', order.id));
  } catch (err) {
    next(err);
  }
});

ordersRouter.get('/:id/packing-slip', async (req, res, next) => {
  try {
    const order = await orders.getOrder(req.params.id);
    // The summary is a nice-to-have; the slip prints without it.
    const summary = await withDeadline(summariseDeliveryNotes(order.deliveryNotes), 3_000).catch(() => null);
    res.json({ orderId: order.id, summary });
  } catch (err) {
    next(err);
  }
});

ordersRouter.post('/:id/cancel', async (req, res, next) => {
  try {
    await orders.cancelOrder(req.params.id, String(req.body.reason ?? 'customer request'));
    recordEvent(req.params.id, 'cancelled', 'customer').catch(noop);
    res.status(204).end();
  } catch (err) {
    next(err);
  }
});

ordersRouter.post('/:id/ship', (req, res) => {
  const tracking = String(req.body.trackingNumber ?? '');
  orders.shipOrder(req.params.id, tracking).then((order) => res.json(order), () => res.status(409).json({ error: 'Order cannot be shipped' }));
});
