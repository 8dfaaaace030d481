// relabelled by the maintainers: the finding is where the key is sent (the generation is its related location); PayPal-Request-Id and nanoid() keys are reported (see docs/rules/unstable-idempotency-key.md)
import { Injectable, Logger } from '@nestjs/common';
import Stripe from 'stripe';
import { randomUUID } from 'crypto';
import { v4 as uuidv4, v5 as uuidv5 } from 'uuid';
import { PrismaService } from '../prisma/prisma.service';

const CHARGE_NAMESPACE = '6f1d2c3a-8b9e-4f7a-9c1d-2e3f4a5b6c7d';

@Injectable()
export class StripeCheckoutService {
  private readonly logger = new Logger(StripeCheckoutService.name);
  private readonly stripe = new Stripe(process.env.STRIPE_SECRET_KEY as string, {
    apiVersion: '2024-06-20',
    maxNetworkRetries: 2,
  });

  constructor(private readonly prisma: PrismaService) {}

  async createPaymentIntent(orderId: string, amount: number, currency: string) {
    return this.stripe.paymentIntents.create(
      { amount, currency, metadata: { orderId } },
      { idempotencyKey: randomUUID() }, // expect: unstable-idempotency-key
    );
  }

  async capture(paymentIntentId: string) {
    const idempotencyKey = uuidv4();
    return this.stripe.paymentIntents.capture(paymentIntentId, {}, { idempotencyKey }); // expect: unstable-idempotency-key
  }

  async createCustomer(email: string) {
    const key = `customer-${email}-${Date.now()}`;
    this.logger.log(`creating customer for ${email}`);
    return this.stripe.customers.create({ email }, { idempotencyKey: key }); // expect: unstable-idempotency-key
  }

  async chargeSavedCard(customerId: string, amountCents: number) {
    return this.stripe.paymentIntents.create(
      {
        amount: amountCents,
        currency: 'usd',
        customer: customerId,
        confirm: true,
        off_session: true,
      },
      {
        idempotencyKey: `charge_${customerId}_${new Date().toISOString()}`, // expect: unstable-idempotency-key
      },
    );
  }

  // ---- look-alikes below ----

  async createPaymentIntentForOrder(order: { id: string; total: number; currency: string }) {
    return this.stripe.paymentIntents.create(
      { amount: order.total, currency: order.currency, metadata: { orderId: order.id } },
      { idempotencyKey: `pi-order-${order.id}` }, // ok: unstable-idempotency-key
    );
  }

  async refundOrder(order: { id: string; paymentIntentId: string; refundVersion: number }) {
    const startedAt = Date.now(); // ok: unstable-idempotency-key
    const refund = await this.stripe.refunds.create(
      { payment_intent: order.paymentIntentId },
      { idempotencyKey: `refund-${order.id}-v${order.refundVersion}` }, // ok: unstable-idempotency-key
    );
    this.logger.log(`refund for ${order.id} took ${Date.now() - startedAt}ms`); // ok: unstable-idempotency-key
    return refund;
  }

  async chargeDeterministic(orderId: string, amount: number) {
    const idempotencyKey = uuidv5(`charge:${orderId}`, CHARGE_NAMESPACE); // ok: unstable-idempotency-key
    return this.stripe.paymentIntents.create({ amount, currency: 'eur' }, { idempotencyKey });
  }

  // Key generated once when the payment row is created, persisted, and reused by every retry.
  async preparePayment(orderId: string, amount: number) {
    return this.prisma.payment.create({
      data: {
        orderId,
        amount,
        status: 'pending',
        idempotencyKey: randomUUID(), // ok: unstable-idempotency-key
      },
    });
  }

  async submitPreparedPayment(paymentId: string) {
    const payment = await this.prisma.payment.findUniqueOrThrow({ where: { id: paymentId } });
    return this.stripe.paymentIntents.create(
      {
        amount: payment.amount,
        currency: 'usd',
        metadata: { paymentId, requestedAt: String(Date.now()) }, // ok: unstable-idempotency-key
      },
      { idempotencyKey: payment.idempotencyKey }, // ok: unstable-idempotency-key
    );
  }
}
