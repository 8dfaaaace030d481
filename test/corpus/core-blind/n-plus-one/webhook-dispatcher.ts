import axios, { AxiosError } from 'axios';
import got from 'got';
import { createHmac } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';

const hooksApi = axios.create({ baseURL: process.env.HOOKS_API_URL, timeout: 5000 });

export interface Subscription {
  id: string;
  url: string;
  secret: string;
}

export interface DeliveryEvent {
  id: string;
  type: string;
  payload: unknown;
}

function sign(secret: string, event: DeliveryEvent): string {
  return createHmac('sha256', secret).update(JSON.stringify(event.payload)).digest('hex');
}

export class WebhookDispatcher {
  async fanOut(event: DeliveryEvent, subs: Subscription[]): Promise<void> {
    for (const sub of subs) {
      await axios.post(sub.url, event.payload, { // expect: n-plus-one
        headers: { 'x-signature': sign(sub.secret, event), 'x-event-type': event.type },
        timeout: 5000,
      });
    }
  }

  async fanOutParallel(event: DeliveryEvent, subs: Subscription[]) {
    const results = await Promise.allSettled(
      subs.map((sub) => got.post(sub.url, { json: event.payload, timeout: { request: 5000 } }).json()), // expect: n-plus-one
    );
    return results.filter((r) => r.status === 'rejected').length; // ok: n-plus-one
  }

  async deliverWithRetry(sub: Subscription, event: DeliveryEvent): Promise<number> {
    let attempt = 0;
    for (;;) {
      try {
        const res = await hooksApi.post('/deliveries', { subscriptionId: sub.id, eventId: event.id }); // ok: n-plus-one
        return res.status;
      } catch (err) {
        attempt += 1;
        if (attempt >= 5 || !(err instanceof AxiosError)) throw err;
        await sleep(2 ** attempt * 100); // ok: n-plus-one
      }
    }
  }

  refreshStatuses(subs: Subscription[], onStatus: (id: string, healthy: boolean) => void): void {
    subs.forEach(async (sub) => {
      const { data } = await hooksApi.get(`/subscriptions/${sub.id}/health`); // expect: n-plus-one
      onStatus(sub.id, Boolean(data.ok));
    });
  }

  async statusesBatch(subs: Subscription[]) {
    const { data } = await hooksApi.post('/subscriptions/health:batch', { ids: subs.map((s) => s.id) }); // ok: n-plus-one
    return data as Record<string, boolean>;
  }

  async drainOutbox(outbox: DeliveryEvent[], target: string): Promise<void> {
    while (outbox.length > 0) {
      const event = outbox.shift()!;
      await got(target, { method: 'POST', json: event, timeout: { request: 5000 } }); // expect: n-plus-one
    }
  }

  signAll(subs: Subscription[], body: string): Record<string, string> {
    const out: Record<string, string> = {};
    for (const s of subs) {
      out[s.id] = createHmac('sha256', s.secret).update(body).digest('hex'); // ok: n-plus-one
    }
    return out;
  }
}

export async function pingWithRetry(url: string): Promise<boolean> {
  for (let i = 0; i < 3; i++) {
    const res = await fetch(url, { signal: AbortSignal.timeout(2000) }).catch(() => null); // ok: n-plus-one
    if (res?.ok) return true;
    await sleep(1000); // ok: n-plus-one
  }
  return false;
}
