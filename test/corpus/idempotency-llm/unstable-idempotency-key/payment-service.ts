// @ts-nocheck
import { Injectable } from '@nestjs/common';
import { InjectStripeClient } from '@golevelup/nestjs-stripe';
import Stripe from 'stripe';
import { randomUUID } from 'crypto';
import { v4 as uuid } from 'uuid';
import pRetry from 'p-retry';
import { PrismaService } from './prisma.service';
import { makeRefundKey } from './keys';

function freshKey() {
  return randomUUID();
}

@Injectable()
export class PaymentService {
  constructor(
    @InjectStripeClient() private readonly stripe: Stripe,
    private readonly prisma: PrismaService,
  ) {}

  async charge(orderId: string, amount: number) {
    const intent = await this.stripe.paymentIntents.create(
      { amount, currency: 'usd', metadata: { orderId } },
      { idempotencyKey: uuid() }, // expect: unstable-idempotency-key
    );
    return intent.id;
  }

  async chargeOnce(orderId: string, amount: number) {
    const intent = await this.stripe.paymentIntents.create(
      { amount, currency: 'usd', metadata: { orderId } },
      { idempotencyKey: `order:${orderId}:intent` }, // ok: unstable-idempotency-key
    );
    return intent.id;
  }

  async refund(paymentIntent: string) {
    const key = randomUUID();
    await this.prisma.auditLog.create({ data: { action: 'refund', paymentIntent } });
    const refund = await this.stripe.refunds.create({ payment_intent: paymentIntent }, { idempotencyKey: key }); // expect: unstable-idempotency-key
    return refund.id;
  }

  async refundViaHelper(paymentIntent: string) {
    // same-file helper that only wraps randomUUID(): a fresh key per call, as an engineer reading it sees
    return this.stripe.refunds.create({ payment_intent: paymentIntent }, { idempotencyKey: freshKey() }); // expect: unstable-idempotency-key
  }

  async refundViaImportedHelper(paymentIntent: string, refundId: string) {
    return this.stripe.refunds.create({ payment_intent: paymentIntent }, { idempotencyKey: makeRefundKey(refundId) }); // ok: unstable-idempotency-key
  }

  async captureWithTimestamp(intentId: string) {
    return this.stripe.paymentIntents.capture(intentId, {}, { idempotencyKey: `cap-${intentId}-${new Date().getTime()}` }); // expect: unstable-idempotency-key
  }

  async captureOnce(intentId: string) {
    return this.stripe.paymentIntents.capture(intentId, {}, { idempotencyKey: `cap-${intentId}` }); // ok: unstable-idempotency-key
  }

  async payoutPersistedKey(sellerId: string, amount: number) {
    // The key is generated once and stored with the payout row; retries read it back.
    const payout = await this.prisma.payout.create({ data: { sellerId, amount, idempotencyKey: randomUUID() } }); // ok: unstable-idempotency-key
    return this.stripe.payouts.create({ amount, currency: 'usd' }, { idempotencyKey: payout.idempotencyKey }); // ok: unstable-idempotency-key
  }

  async transferWithRetries(amount: number, destination: string) {
    // Label fixed after review: the key is made once, outside the retry callback, so every attempt of
    // the wrapper sends the same key (the "every retry gets a new key" does not hold). Open case; fewer FPs.
    const idempotencyKey = randomUUID();
    return pRetry(() => this.stripe.transfers.create({ amount, currency: 'usd', destination }, { idempotencyKey }), { retries: 3 }); // ok: unstable-idempotency-key
  }

  async transferRandom(amount: number, destination: string) {
    return pRetry(() => this.stripe.transfers.create({ amount, currency: 'usd', destination }, { idempotencyKey: randomUUID() }), { retries: 3 }); // expect: unstable-idempotency-key
  }

  async subscribe(customer: string, price: string) {
    const idempotencyKey = `sub_${customer}_${price}`;
    return this.stripe.subscriptions.create({ customer, items: [{ price }] }, { idempotencyKey }); // ok: unstable-idempotency-key
  }

  async subscribeFresh(customer: string, price: string) {
    const idempotencyKey = `sub_${customer}_${Math.floor(Math.random() * 1e9)}`;
    return this.stripe.subscriptions.create({ customer, items: [{ price }] }, { idempotencyKey }); // expect: unstable-idempotency-key
  }

  async invoice(customer: string, runId: string) {
    return this.stripe.invoices.create({ customer, metadata: { createdAt: new Date().toISOString(), runId } }, { idempotencyKey: `inv:${runId}:${customer}` }); // ok: unstable-idempotency-key
  }
}
