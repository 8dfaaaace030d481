import { Injectable, Logger, ServiceUnavailableException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { HttpService } from '@nestjs/axios';
import { firstValueFrom } from 'rxjs';
import { Prisma, PrismaClient } from '@prisma/client';
import Stripe from 'stripe';

const MAX_ATTEMPTS = 3;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

@Injectable()
export class PaymentsService {
  private readonly logger = new Logger(PaymentsService.name);
  private readonly maxRetries: number;

  constructor(
    private readonly http: HttpService,
    private readonly prisma: PrismaClient,
    private readonly stripe: Stripe,
    config: ConfigService,
  ) {
    this.maxRetries = config.get<number>('PAYMENTS_MAX_RETRIES', 4);
  }

  async capture(paymentIntentId: string): Promise<Stripe.PaymentIntent> {
    let lastError: unknown;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) { // expect: retry-without-backoff
      try {
        return await this.stripe.paymentIntents.capture(paymentIntentId);
      } catch (err) {
        lastError = err;
        this.logger.warn(`capture attempt ${attempt} failed for ${paymentIntentId}`);
      }
    }
    throw new ServiceUnavailableException('capture failed', { cause: lastError });
  }

  async fetchCustomer(customerId: string): Promise<Stripe.Customer> {
    let lastError: unknown;
    for (let attempt = 0; attempt < this.maxRetries; attempt++) { // expect: retry-without-backoff
      try {
        return (await this.stripe.customers.retrieve(customerId)) as Stripe.Customer;
      } catch (err) {
        lastError = err;
        await sleep(1000);
      }
    }
    throw lastError;
  }

  async fetchFxRate(currency: string): Promise<number> {
    for (let attempt = 0; attempt < 5; attempt++) { // ok: retry-without-backoff
      try {
        const { data } = await firstValueFrom(this.http.get(`https://fx.internal/rates/${currency}`));
        return data.rate;
      } catch (err) {
        if (attempt === 4) throw err;
        const backoff = Math.min(200 * 2 ** attempt, 5000);
        await sleep(backoff + Math.floor(Math.random() * 100));
      }
    }
    throw new Error('unreachable');
  }

  async transferFunds(fromId: string, toId: string, amountCents: number) {
    let retries = 0;
    while (retries < 3) { // expect: retry-without-backoff
      try {
        return await this.prisma.$transaction(
          async (tx) => {
            const from = await tx.account.update({
              where: { id: fromId },
              data: { balanceCents: { decrement: amountCents } },
            });
            if (from.balanceCents < 0) throw new Error('insufficient funds');
            return tx.account.update({
              where: { id: toId },
              data: { balanceCents: { increment: amountCents } },
            });
          },
          { isolationLevel: Prisma.TransactionIsolationLevel.Serializable },
        );
      } catch (error) {
        if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2034') {
          retries++;
          continue;
        }
        throw error;
      }
    }
    throw new ServiceUnavailableException('too much write contention, try again later');
  }

  async refundBatch(paymentIntentIds: string[]): Promise<string[]> {
    const failed: string[] = [];
    for (const id of paymentIntentIds) { // ok: retry-without-backoff
      try {
        await this.stripe.refunds.create({ payment_intent: id });
      } catch (err) {
        failed.push(id);
        this.logger.error(`refund failed for ${id}`, (err as Error).stack);
      }
    }
    return failed;
  }

  async settle(batchId: string): Promise<void> {
    for (let attempt = 1; attempt <= 4; attempt++) { // ok: retry-without-backoff
      try {
        await firstValueFrom(this.http.post(`https://ledger.internal/batches/${batchId}/settle`, {}));
        return;
      } catch (err) {
        if (attempt === 4) throw err;
        await sleep(attempt * 750);
      }
    }
  }
}
