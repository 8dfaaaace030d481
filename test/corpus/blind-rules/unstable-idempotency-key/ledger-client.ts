// relabelled by the maintainers: the finding is where the key is sent (the generation is its related location); PayPal-Request-Id and nanoid() keys are reported (see docs/rules/unstable-idempotency-key.md)
import axios, { AxiosInstance } from 'axios';
import * as Crypto from 'crypto';
import { v4 as generateUuid } from 'uuid';
import pRetry from 'p-retry';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Order } from '../orders/types';

export interface ChargeOptions {
  idempotencyKey: string; // ok: unstable-idempotency-key
  idempotencyKeyCreatedAt?: number;
}

// Do NOT write `idempotencyKey: randomUUID()` here: every retry would get a new key. // ok: unstable-idempotency-key
export class LedgerClient {
  private readonly http: AxiosInstance;

  constructor(baseURL: string) {
    this.http = axios.create({ baseURL, timeout: 10_000 });
  }

  async postEntry(accountId: string, amount: number) {
    return this.http.post('/entries', { accountId, amount }, {
      headers: { 'Idempotency-Key': Crypto.randomUUID() }, // expect: unstable-idempotency-key
    });
  }

  async reverseEntry(entryId: string) {
    const idempotency_key = generateUuid();
    return this.http.post(`/entries/${entryId}/reverse`, { idempotency_key }); // expect: unstable-idempotency-key
  }

  async settle(batchId: string) {
    return pRetry(
      () =>
        this.http.post(`/batches/${batchId}/settle`, null, {
          headers: { 'Idempotency-Key': `settle-${batchId}-${Date.now()}` }, // expect: unstable-idempotency-key
        }),
      { retries: 5 },
    );
  }

  // ---- look-alikes ----

  async charge(order: Order, opts: ChargeOptions) {
    return this.http.post('/charges', { orderId: order.id, amount: order.total }, {
      headers: {
        'Idempotency-Key': opts.idempotencyKey, // ok: unstable-idempotency-key
        'X-Key-Age-Ms': String(Date.now() - (opts.idempotencyKeyCreatedAt ?? 0)), // ok: unstable-idempotency-key
      },
    });
  }

  async recordKeyIssued(order: Order, key: string) {
    return this.http.post('/keys', {
      orderId: order.id,
      idempotencyKey: key, // ok: unstable-idempotency-key
      idempotencyKeyCreatedAt: Date.now(), // ok: unstable-idempotency-key
    });
  }

  async postEntryWithJitter(order: Order) {
    for (let attempt = 0; attempt < 4; attempt++) {
      try {
        return await this.http.post('/entries', { orderId: order.id, amount: order.total }, {
          headers: { 'Idempotency-Key': `entry-${order.id}` }, // ok: unstable-idempotency-key
        });
      } catch (err) {
        await sleep(2 ** attempt * 100 + Math.random() * 100); // ok: unstable-idempotency-key
      }
    }
    throw new Error(`ledger entry for ${order.id} failed`);
  }

  // Key minted once, outside the retry loop, so every in-process retry reuses it.
  async postTransferWithRetries(accountId: string, amount: number) {
    const transferKey = generateUuid(); // ok: unstable-idempotency-key
    let lastError: unknown;
    for (let attempt = 1; attempt <= 3; attempt++) {
      try {
        return await this.http.post('/transfers', { accountId, amount }, {
          headers: { 'Idempotency-Key': transferKey }, // ok: unstable-idempotency-key
        });
      } catch (err) {
        lastError = err;
        await sleep(attempt * 500);
      }
    }
    throw lastError;
  }

  async payPalCapture(orderId: string, accessToken: string) {
    return axios.post(`https://api-m.paypal.com/v2/checkout/orders/${orderId}/capture`, {}, {
      headers: {
        Authorization: `Bearer ${accessToken}`,
        'PayPal-Request-Id': generateUuid(), // expect: unstable-idempotency-key
      },
    });
  }

  async exportStatement(accountId: string) {
    const message = 'Pass an Idempotency-Key header such as Date.now() only once'; // ok: unstable-idempotency-key
    const idempotencyKey = Crypto.createHmac('sha256', process.env.LEDGER_SECRET!)
      .update(`statement:${accountId}:${new Date(Date.UTC(2024, 0, 1)).toISOString()}`) // ok: unstable-idempotency-key
      .digest('hex');
    return this.http.post('/statements', { accountId, note: message }, { headers: { 'Idempotency-Key': idempotencyKey } }); // ok: unstable-idempotency-key
  }
}
