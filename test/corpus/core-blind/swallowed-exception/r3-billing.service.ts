import { Injectable, Logger, NotFoundException, InternalServerErrorException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import Stripe from 'stripe';
import * as Sentry from '@sentry/node';
import { Invoice } from './invoice.entity';

@Injectable()
export class BillingService {
  private readonly logger = new Logger(BillingService.name);
  private readonly retryQueue = new Set<string>();
  private readonly swallow = () => {};

  constructor(
    @InjectRepository(Invoice) private readonly invoices: Repository<Invoice>,
    private readonly stripe: Stripe,
  ) {}

  get defaultCurrency(): string {
    try {
      return JSON.parse(process.env.BILLING_CONFIG ?? '{}').currency ?? 'usd';
    } catch { // expect: swallowed-exception
      return 'usd';
    }
  }

  async findInvoice(id: string): Promise<Invoice | null> {
    try {
      return await this.invoices.findOneByOrFail({ id });
    } catch (e) { // ok: swallowed-exception
      if (e instanceof NotFoundException) return null;
      throw e;
    }
  }

  async charge(customerId: string, amount: number) {
    try {
      return await this.stripe.paymentIntents.create({
        customer: customerId,
        amount,
        currency: this.defaultCurrency,
      });
    } catch (err) { // ok: swallowed-exception
      throw new InternalServerErrorException('charge failed', { cause: err });
    }
  }

  async refund(paymentIntent: string) {
    try {
      await this.stripe.refunds.create({ payment_intent: paymentIntent });
      return true;
    } catch { // ok: swallowed-exception
      this.logger.error(`refund failed for ${paymentIntent}`);
      return false;
    }
  }

  async syncCustomer(customerId: string) {
    try {
      await this.stripe.customers.retrieve(customerId);
      return { synced: true };
    } catch (error) { // expect: swallowed-exception
      return { synced: false, error: 'stripe_unavailable' };
    }
  }

  async voidInvoice(id: string) {
    try {
      await this.stripe.invoices.voidInvoice(id);
    } catch (e: unknown) { // ok: swallowed-exception
      Sentry.captureException(e);
      return false;
    }
    return true;
  }

  async warmCache(ids: string[]) {
    await Promise.all(
      ids.map((id) =>
        this.invoices
          .findOneBy({ id })
          .catch(this.swallow), // expect: swallowed-exception
      ),
    );
  }

  async markPaid(ids: string[]) {
    try {
      await this.invoices.update(ids, { status: 'paid' });
    } catch (e) { // expect: swallowed-exception
      ids.forEach((e) => this.retryQueue.add(e));
    }
  }

  prefetch(customerId: string) {
    return this.stripe.customers.retrieve(customerId).then(
      (c) => c,
      () => undefined, // expect: swallowed-exception
    );
  }

  fetchUpcoming(customerId: string) {
    return this.stripe.invoices
      .retrieveUpcoming({ customer: customerId })
      .then((inv) => inv.amount_due, (err) => { this.logger.warn(err); return 0; }); // ok: swallowed-exception
  }
}
