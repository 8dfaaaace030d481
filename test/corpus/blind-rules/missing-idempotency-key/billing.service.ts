import { Inject, Injectable } from '@nestjs/common';
import { Stripe } from 'stripe';
import { STRIPE_CLIENT } from './stripe.constants';
import { PlansRepository } from './plans.repository';

interface StartSubscriptionDto {
  accountId: string;
  customerId: string;
  priceId: string;
  requestId: string;
}

@Injectable()
export class BillingService {
  constructor(
    @Inject(STRIPE_CLIENT) private readonly stripe: Stripe,
    private readonly plans: PlansRepository,
  ) {}

  async ensureCustomer(email: string, accountId: string): Promise<string> {
    const customer = await this.stripe.customers.create({ email, metadata: { accountId } }); // ok: missing-idempotency-key
    return customer.id;
  }

  async startTrial(dto: StartSubscriptionDto) {
    return this.stripe.subscriptions.create({ // expect: missing-idempotency-key
      customer: dto.customerId,
      items: [{ price: dto.priceId }],
      trial_period_days: 14,
    });
  }

  async startPaid(dto: StartSubscriptionDto) {
    const options: Stripe.RequestOptions = { idempotencyKey: `sub-${dto.accountId}-${dto.requestId}` };
    return this.stripe.subscriptions.create( // ok: missing-idempotency-key
      { customer: dto.customerId, items: [{ price: dto.priceId }] },
      options,
    );
  }

  async changePlan(subscriptionId: string, itemId: string, priceId: string) {
    return this.stripe.subscriptions.update(subscriptionId, { items: [{ id: itemId, price: priceId }] }); // ok: missing-idempotency-key
  }

  async addSeat(subscriptionId: string, priceId: string) {
    return this.stripe.subscriptionItems.create({ subscription: subscriptionId, price: priceId, quantity: 1 }); // ok: missing-idempotency-key
  }

  async billOverage(customerId: string, amountCents: number, periodKey: string) {
    await this.stripe.invoiceItems.create({ customer: customerId, amount: amountCents, currency: 'usd' }); // ok: missing-idempotency-key
    const invoice = await this.stripe.invoices.create({ customer: customerId, auto_advance: false }); // expect: missing-idempotency-key
    const finalized = await this.stripe.invoices.finalizeInvoice(invoice.id as string); // ok: missing-idempotency-key
    await this.stripe.invoices.pay(finalized.id as string); // ok: missing-idempotency-key
    return { invoiceId: finalized.id, periodKey };
  }

  async billOverageSafely(customerId: string, periodKey: string) {
    return this.stripe.invoices.create({ customer: customerId }, { idempotencyKey: `overage-${customerId}-${periodKey}` }); // ok: missing-idempotency-key
  }
}
