// @ts-nocheck
import axios from 'axios';
import { setTimeout as delay } from 'node:timers/promises';
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export async function connectDb() {
  for (let i = 0; i < 10; i++) { // expect: retry-without-backoff
    try {
      await prisma.$connect();
      return;
    } catch (err) {
      console.warn('db not ready, retrying'); // expect: error-context-lost
      await delay(3000);
    }
  }
  throw new Error('database unavailable');
}

export async function connectDbJitter() {
  for (let i = 0; i < 10; i++) { // ok: retry-without-backoff
    try {
      await prisma.$connect();
      return;
    } catch (err) {
      await delay(3000 + Math.random() * 1000);
    }
  }
}

export async function postWebhook(url: string, body: unknown) {
  let attempt = 0;
  while (true) { // expect: retry-without-backoff
    try {
      return await axios.post(url, body);
    } catch (err) {
      attempt++;
      if (attempt >= 3) throw err;
    }
  }
}

export async function postWebhookBackoff(url: string, body: unknown) {
  let attempt = 0;
  while (true) { // ok: retry-without-backoff
    try {
      return await axios.post(url, body);
    } catch (err) {
      attempt++;
      if (attempt >= 3) throw err;
      await delay(200 * 2 ** attempt * (1 + Math.random()));
    }
  }
}

export async function retryOn429(url: string) {
  for (let attempt = 0; attempt < 4; attempt++) { // expect: retry-without-backoff
    const res = await fetch(url);
    if (res.status !== 429 && res.status < 500) return res;
    await delay(1000);
  }
  throw new Error('rate limited');
}

export async function retryOn429Backoff(url: string) {
  for (let attempt = 0; attempt < 4; attempt++) { // ok: retry-without-backoff
    const res = await fetch(url);
    if (res.status !== 429 && res.status < 500) return res;
    await delay(Math.random() * 1000 * 2 ** attempt);
  }
}

export async function retryOnStatusNoDelay(url: string) {
  for (let attempt = 0; attempt < 4; attempt++) { // expect: retry-without-backoff
    const res = await fetch(url);
    if (res.ok) return res;
  }
  throw new Error('failed');
}

export class Publisher {
  constructor(private readonly maxAttempts = 3) {}

  async publish(msg: string) {
    for (let attempt = 1; attempt <= this.maxAttempts; attempt++) { // expect: retry-without-backoff
      try {
        return await axios.post('/queue', { msg });
      } catch (e) {
        if (attempt === this.maxAttempts) throw e;
      }
    }
  }

  async publishSafely(msg: string) {
    for (let attempt = 1; attempt <= this.maxAttempts; attempt++) { // ok: retry-without-backoff
      try {
        return await axios.post('/queue', { msg });
      } catch (e) {
        if (attempt === this.maxAttempts) throw e;
        await delay(this.backoff(attempt));
      }
    }
  }

  private backoff(attempt: number) {
    return Math.round(100 * 2 ** attempt * (0.5 + Math.random()));
  }
}

// pagination loop, not a retry
export async function allPages(url: string) {
  const out: unknown[] = [];
  for (let page = 1; page < 10; page++) { // ok: retry-without-backoff
    const res = await axios.get(url, { params: { page } });
    out.push(...res.data);
    if (!res.data.length) break;
  }
  return out;
}

// bounded batch with a fixed pause, not a retry of the same operation
export async function throttled(ids: string[]) {
  for (const id of ids) { // ok: retry-without-backoff
    await axios.delete(`/items/${id}`);
    await delay(100);
  }
}

export async function readWithRetry(key: string) {
  let lastError: unknown;
  for (let n = 0; n < 3; n++) { // expect: retry-without-backoff
    try {
      return await axios.get(`/kv/${key}`);
    } catch (e) {
      lastError = e;
    }
  }
  throw lastError;
}
