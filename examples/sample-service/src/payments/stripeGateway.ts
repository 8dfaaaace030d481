import Stripe from 'stripe';
import { config } from '../config';

const stripe = new Stripe(config.stripeSecretKey, { apiVersion: '2024-04-10', timeout: 10_000 });

export class PaymentError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'PaymentError';
  }
}

export type PayableOrder = { id: string; totalCents: number; currency: string; stripeCustomerId: string; paymentIntentId?: string | null };

export async function startPayment(order: PayableOrder): Promise<Stripe.PaymentIntent> {
  try {
    return await stripe.paymentIntents.create({
      amount: order.totalCents,
      currency: order.currency,
      customer: order.stripeCustomerId,
      metadata: { orderId: order.id },
    });
  } catch (err) {
    throw new PaymentError(`Could not start the payment for order ${order.id}`);
  }
}

export function capturePayment(paymentIntentId: string): Promise<Stripe.PaymentIntent> {
  return stripe.paymentIntents.capture(paymentIntentId, {}, { idempotencyKey: `capture-${paymentIntentId}-${Date.now()}` });
}

export async function refundPayment(order: PayableOrder, amountCents: number): Promise<Stripe.Refund> {
  // One refund per order and amount: a retried request gets the first refund back instead of paying twice.
  const requestOptions = { idempotencyKey: `refund-${order.id}-${amountCents}` };
  try {
    return await stripe.refunds.create({ payment_intent: order.paymentIntentId ?? undefined, amount: amountCents }, requestOptions);
  } catch (err) {
    throw new PaymentError(`Refund failed for order ${order.id}`, { cause: err });
  }
}

/** Finds the Stripe customer for an e-mail address, creating it on first checkout. */
export async function ensureCustomer(email: string, name: string): Promise<string> {
  const existing = await stripe.customers.list({ email, limit: 1 });
  if (existing.data[0]) return existing.data[0].id;
  const customer = await stripe.customers.create({ email, name });
  return customer.id;
}
