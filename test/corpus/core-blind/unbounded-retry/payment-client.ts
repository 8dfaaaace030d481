import pRetry, { AbortError } from 'p-retry';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import { StripeGateway, PaymentIntent } from './gateway';

const MAX_ATTEMPTS = 4;
const MAX_DELAY_MS = 30_000;

export class PaymentClient {
  private connected = false;

  constructor(
    private readonly gateway: StripeGateway,
    private readonly log: Logger,
  ) {}

  async createIntent(amount: number, currency: string): Promise<PaymentIntent> {
    return pRetry(
      async () => {
        const res = await this.gateway.createIntent({ amount, currency });
        if (res.status === 402) throw new AbortError('card declined');
        return res;
      },
      {
        retries: Infinity, // expect: unbounded-retry
        onFailedAttempt: (error) =>
          this.log.warn({ attempt: error.attemptNumber }, 'createIntent failed'),
      },
    );
  }

  async capture(intentId: string): Promise<void> {
    await pRetry(() => this.gateway.capture(intentId), { retries: 5, minTimeout: 200 }); // ok: unbounded-retry
  }

  async refund(intentId: string): Promise<void> {
    await pRetry(() => this.gateway.refund(intentId), {
      retries: Number.MAX_SAFE_INTEGER, // expect: unbounded-retry
      factor: 2,
    });
  }

  async payout(payoutId: string): Promise<void> {
    await pRetry(() => this.gateway.payout(payoutId), {
      retries: Number.POSITIVE_INFINITY, // expect: unbounded-retry
      minTimeout: 1_000,
    });
  }

  async settleBatch(batchId: string): Promise<void> {
    // time-boxed, but still no maximum attempt count
    await pRetry(() => this.gateway.settle(batchId), {
      // relabelled (blind label: expect): a finite maxRetryTime is a bound, see docs/rules/unbounded-retry.md
      retries: Infinity, // ok: unbounded-retry
      maxRetryTime: 60_000,
    });
  }

  async syncRates(): Promise<void> {
    const retries = MAX_ATTEMPTS;
    await pRetry(() => this.gateway.syncRates(), { retries }); // ok: unbounded-retry
  }

  async fetchBalance(): Promise<number> {
    let attempt = 0;
    while (true) { // expect: unbounded-retry
      try {
        const balance = await this.gateway.balance();
        return balance.available;
      } catch (err) {
        attempt++;
        const delay = Math.min(250 * 2 ** attempt, MAX_DELAY_MS);
        this.log.warn({ err, attempt, delay }, 'balance fetch failed, retrying');
        await sleep(delay);
      }
    }
  }

  async listDisputes(): Promise<unknown[]> {
    let attempt = 0;
    while (true) { // ok: unbounded-retry
      try {
        return await this.gateway.listDisputes();
      } catch (err) {
        if (++attempt > MAX_ATTEMPTS) throw err;
        await sleep(500 * attempt);
      }
    }
  }

  async connect(): Promise<void> {
    try {
      await this.gateway.handshake();
      this.connected = true;
    } catch (err) {
      this.log.error({ err }, 'gateway handshake failed');
      setTimeout(() => this.connect(), 2_000); // expect: unbounded-retry
    }
  }

  async verifyWebhookKey(): Promise<boolean> {
    for (let attempt = 1; attempt <= 3; attempt++) { // ok: unbounded-retry
      try {
        return await this.gateway.verifyKey();
      } catch (err) {
        if (attempt === 3) throw err;
        await sleep(1_000);
      }
    }
    return false;
  }

  async reconnect(attempt = 1): Promise<void> {
    try {
      await this.gateway.handshake();
      this.connected = true;
    } catch (err) {
      if (attempt >= MAX_ATTEMPTS) throw err;
      this.log.warn({ err, attempt }, 'reconnect failed');
      setTimeout(() => this.reconnect(attempt + 1), 1_000 * attempt); // ok: unbounded-retry
    }
  }

  isConnected(): boolean {
    return this.connected;
  }
}
