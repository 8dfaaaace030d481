// @ts-nocheck
import { Injectable, Inject } from '@nestjs/common';
import Stripe from 'stripe';
import { InjectStripeClient } from '@golevelup/nestjs-stripe';

export interface RefundCommand {
  paymentIntentId: string;
  amount: number;
  requestId: string;
}

@Injectable()
export class PaymentsService {
  constructor(@InjectStripeClient() private readonly stripe: Stripe) {}

  async createIntent(cartId: string, amount: number) {
    const intent = await this.stripe.paymentIntents.create({ // expect: missing-idempotency-key
      amount,
      currency: 'usd',
      automatic_payment_methods: { enabled: true },
      metadata: { cartId },
    });
    return intent.client_secret;
  }

  async createIntentOnce(cartId: string, amount: number) {
    const intent = await this.stripe.paymentIntents.create( // ok: missing-idempotency-key
      { amount, currency: 'usd', metadata: { cartId } },
      { idempotencyKey: `cart:${cartId}:intent` },
    );
    return intent.client_secret;
  }

  async refund(cmd: RefundCommand) {
    return this.stripe.refunds.create({ payment_intent: cmd.paymentIntentId, amount: cmd.amount }); // expect: missing-idempotency-key
  }

  async refundOnce(cmd: RefundCommand) {
    return this.stripe.refunds.create( // ok: missing-idempotency-key
      { payment_intent: cmd.paymentIntentId, amount: cmd.amount },
      { idempotencyKey: cmd.requestId },
    );
  }

  async confirm(intentId: string) {
    return this.stripe.paymentIntents.confirm(intentId); // expect: missing-idempotency-key
  }

  async customerPortal(customer: string) {
    return this.stripe.billingPortal.sessions.create({ customer }); // ok: missing-idempotency-key
  }

  async history(customer: string) {
    return this.stripe.charges.list({ customer }); // ok: missing-idempotency-key
  }
}

@Injectable()
export class PayoutsService {
  private readonly client: Stripe;

  constructor(@Inject('STRIPE_KEY') key: string) {
    this.client = new Stripe(key, { apiVersion: '2024-06-20' });
  }

  async payOut(amount: number, destinationAccount: string) {
    return this.client.payouts.create({ amount, currency: 'usd' }, { stripeAccount: destinationAccount }); // expect: missing-idempotency-key
  }

  async payOutOnce(amount: number, destinationAccount: string, payoutRequestId: string) {
    return this.client.payouts.create({ amount, currency: 'usd' }, { stripeAccount: destinationAccount, idempotencyKey: payoutRequestId }); // ok: missing-idempotency-key
  }

  async transfer(amount: number, destination: string) {
    return this.client.transfers.create({ amount, currency: 'usd', destination }); // expect: missing-idempotency-key
  }

  async balance() {
    return this.client.balance.retrieve(); // ok: missing-idempotency-key
  }
}
