// @ts-nocheck
// Second batch, written after the first measurement: more shapes a judge could write from the issue text.
import promiseRetry from 'promise-retry';
import { setTimeout as sleep } from 'node:timers/promises';
import { logger } from './logger';

const MAX = 5;

export function fetchWithRetry(url: string, retries = 3): Promise<Response> {
  // the count goes down but is never compared: still no bound
  return fetch(url, { signal: AbortSignal.timeout(2000) }).catch(() => fetchWithRetry(url, retries - 1)); // expect: unbounded-retry
}

export function fetchWithRetryChecked(url: string, retries = 3): Promise<Response> {
  return fetch(url, { signal: AbortSignal.timeout(2000) }).catch((err) => (retries > 0 ? fetchWithRetryChecked(url, retries - 1) : Promise.reject(err))); // ok: unbounded-retry
}

export async function limitCheckedBeforeTry(op: () => Promise<void>) {
  let attempt = 0;
  while (true) { // ok: unbounded-retry
    attempt++;
    if (attempt > MAX) throw new Error('gave up');
    try {
      await op();
      return;
    } catch (err) {
      logger.warn({ err, attempt }, 'retrying');
    }
  }
}

export async function counterOnlyLogged(op: () => Promise<void>) {
  let attempt = 0;
  while (true) { // expect: unbounded-retry
    try {
      await op();
      return;
    } catch (err) {
      attempt++;
      if (attempt % 10 === 0) logger.warn({ err, attempt }, 'still failing');
      await sleep(1000);
    }
  }
}

export async function counterOnlyForBackoff(op: () => Promise<void>) {
  let attempt = 0;
  while (true) { // expect: unbounded-retry
    try {
      await op();
      return;
    } catch {
      attempt++;
      await sleep(attempt > 5 ? 30_000 : 1000);
    }
  }
}

export async function untilSuccess(op: () => Promise<void>) {
  let success = false;
  let retries = 0;
  while (!success) { // expect: unbounded-retry
    try {
      await op();
      success = true;
    } catch {
      retries++;
    }
  }
  return retries;
}

export async function retryHelper<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch {
    await sleep(500);
    return retryHelper(fn); // expect: unbounded-retry
  }
}

export class Reconnector {
  connect(): void {
    this.open().catch(() => {
      setTimeout(this.connect.bind(this), 1000); // expect: unbounded-retry
    });
  }

  private open(): Promise<void> {
    return fetch('https://broker.internal/open', { signal: AbortSignal.timeout(1000) }).then(() => undefined);
  }
}

export const publishForever = (send: () => Promise<void>) => promiseRetry((retry) => send().catch(retry), { retries: Infinity }); // expect: unbounded-retry

export const publishFew = (send: () => Promise<void>) => promiseRetry((retry) => send().catch(retry), { retries: MAX }); // ok: unbounded-retry
