import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import pRetry, { AbortError } from 'p-retry';
import { setTimeout as sleep } from 'node:timers/promises';
import { PaymentsClient, type Rates, type RefundRequest } from '@acme/payments-sdk';

@Injectable()
export class PaymentsGatewayService implements OnModuleInit {
  private readonly logger = new Logger(PaymentsGatewayService.name);
  private connected = false;
  private readonly maxAttempts: number;

  constructor(
    private readonly client: PaymentsClient,
    config: ConfigService,
  ) {
    this.maxAttempts = config.get<number>('PAYMENTS_MAX_ATTEMPTS', 4);
  }

  async onModuleInit(): Promise<void> {
    await this.connect();
    void this.subscribeWebhooks();
  }

  private async connect(): Promise<void> {
    while (!this.connected) { // expect: unbounded-retry
      try {
        await this.client.connect();
        this.connected = true;
      } catch (err) {
        this.logger.warn(`payments gateway unreachable: ${(err as Error).message}`);
        await sleep(2_000);
      }
    }
  }

  async capture(paymentId: string) {
    return pRetry(() => this.client.capture(paymentId), {
      retries: 5, // ok: unbounded-retry
      onFailedAttempt: (error) =>
        this.logger.warn(`capture ${paymentId} attempt ${error.attemptNumber} failed`),
    });
  }

  async refund(request: RefundRequest) {
    return pRetry(
      async () => {
        const res = await this.client.refund(request);
        if (res.status === 'rejected') throw new AbortError(res.reason);
        return res;
      },
      {
        retries: Infinity, // expect: unbounded-retry
        minTimeout: 500,
        maxTimeout: 60_000,
      },
    );
  }

  async fetchRates(attempt = 1): Promise<Rates> {
    try {
      return await this.client.rates();
    } catch (err) {
      if (attempt >= this.maxAttempts) throw err;
      await sleep(attempt * 500);
      return this.fetchRates(attempt + 1); // ok: unbounded-retry
    }
  }

  private async subscribeWebhooks(): Promise<void> {
    try {
      await this.client.webhooks.subscribe({ events: ['charge.succeeded', 'charge.failed'] });
    } catch (err) {
      this.logger.error('webhook subscription failed, retrying in 5s', err as Error);
      await sleep(5_000);
      return this.subscribeWebhooks(); // expect: unbounded-retry
    }
  }

  async disconnect(): Promise<void> {
    try {
      await this.client.disconnect();
    } catch (err) {
      this.logger.warn('graceful disconnect failed, forcing');
      return this.client.disconnect({ force: true }); // ok: unbounded-retry
    }
  }
}
