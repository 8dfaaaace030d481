import { Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import Stripe from 'stripe';
import { Order } from './order.entity';
import { Refund } from './refund.entity';

@Injectable()
export class PaymentsService {
  private readonly logger = new Logger(PaymentsService.name);
  private readonly stripe: Stripe;

  constructor(
    @InjectRepository(Order) private readonly orders: Repository<Order>,
    @InjectRepository(Refund) private readonly refunds: Repository<Refund>,
  ) {
    this.stripe = new Stripe(process.env.STRIPE_SECRET_KEY as string, { apiVersion: '2024-06-20' });
  }

  async createIntent(orderId: string): Promise<string> {
    const order = await this.orders.findOneBy({ id: orderId });
    if (!order) throw new NotFoundException(`order ${orderId}`);
    const intent = await this.stripe.paymentIntents.create({ // expect: missing-idempotency-key
      amount: order.totalCents,
      currency: order.currency,
      customer: order.stripeCustomerId,
      metadata: { orderId },
    });
    await this.orders.update(order.id, { paymentIntentId: intent.id });
    return intent.client_secret as string;
  }

  async createIntentForCheckout(order: Order): Promise<Stripe.PaymentIntent> {
    return this.stripe.paymentIntents.create( // ok: missing-idempotency-key
      { amount: order.totalCents, currency: order.currency, metadata: { orderId: order.id } },
      { idempotencyKey: `order-${order.id}-intent-v1` },
    );
  }

  async refundOrder(order: Order, amountCents: number): Promise<void> {
    const refund = await this.stripe.refunds.create({ payment_intent: order.paymentIntentId, amount: amountCents }); // expect: missing-idempotency-key
    const row = this.refunds.create({ orderId: order.id, stripeRefundId: refund.id, amountCents }); // ok: missing-idempotency-key
    await this.refunds.save(row);
    this.logger.log(`refunded order ${order.id}`);
  }

  async capture(order: Order): Promise<void> {
    await this.stripe.paymentIntents.capture(order.paymentIntentId); // expect: missing-idempotency-key
    await this.orders.update(order.id, { status: 'captured' });
  }

  async capturePartial(order: Order, amountCents: number): Promise<void> {
    await this.stripe.paymentIntents.capture( // ok: missing-idempotency-key
      order.paymentIntentId,
      { amount_to_capture: amountCents },
      { idempotencyKey: `capture-${order.id}-${amountCents}` },
    );
  }

  async cancel(order: Order): Promise<void> {
    await this.stripe.paymentIntents.cancel(order.paymentIntentId); // ok: missing-idempotency-key
  }

  async status(order: Order): Promise<string> {
    const pi = await this.stripe.paymentIntents.retrieve(order.paymentIntentId); // ok: missing-idempotency-key
    return pi.status;
  }
}
