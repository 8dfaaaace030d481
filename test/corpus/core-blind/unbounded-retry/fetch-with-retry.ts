import { setTimeout as sleep } from 'node:timers/promises';
import { logger } from '../logger';
import { storage } from '../storage';

export interface RetryOptions {
  maxAttempts?: number;
  baseDelayMs?: number;
}

export async function fetchWithRetry(
  url: string,
  init: RequestInit = {},
  attempt = 1,
  opts: RetryOptions = {},
): Promise<Response> {
  const { maxAttempts = 3, baseDelayMs = 200 } = opts;
  try {
    const res = await fetch(url, init);
    if (res.status >= 500) throw new Error(`upstream ${res.status}`);
    return res;
  } catch (err) {
    if (attempt >= maxAttempts) throw err;
    await sleep(baseDelayMs * 2 ** (attempt - 1));
    return fetchWithRetry(url, init, attempt + 1, opts); // ok: unbounded-retry
  }
}

export async function fetchJsonForever<T>(url: string): Promise<T> {
  try {
    const res = await fetch(url);
    return (await res.json()) as T;
  } catch (err) {
    logger.warn({ err, url }, 'fetch failed, retrying');
    await sleep(1000);
    return fetchJsonForever<T>(url); // expect: unbounded-retry
  }
}

export function fetchText(url: string): Promise<string> {
  return fetch(url)
    .then((r) => r.text())
    .catch((err) => {
      logger.warn({ err, url }, 'fetchText failed');
      return sleep(500).then(() => fetchText(url)); // expect: unbounded-retry
    });
}

export const getJson = async <T>(url: string, retriesLeft = 3): Promise<T> => {
  try {
    const res = await fetch(url);
    return (await res.json()) as T;
  } catch (err) {
    if (retriesLeft <= 0) throw err;
    return getJson<T>(url, retriesLeft - 1); // ok: unbounded-retry
  }
};

export const headWithRetry = async (url: string): Promise<Response> => {
  try {
    return await fetch(url, { method: 'HEAD' });
  } catch (err) {
    return headWithRetry(url); // expect: unbounded-retry
  }
};

export function postWithRetry(url: string, body: unknown, attempt = 0): Promise<Response> {
  return fetch(url, { method: 'POST', body: JSON.stringify(body) }).catch(
    () =>
      new Promise<Response>((resolve) => {
        setTimeout(() => resolve(postWithRetry(url, body, attempt + 1)), 250 * 2 ** attempt); // expect: unbounded-retry
      }),
  );
}

export async function fetchWithFallback(url: string, mirror: string): Promise<Response> {
  try {
    return await fetch(url);
  } catch (err) {
    logger.warn({ err }, 'primary failed, using mirror');
    return fetchWithRetry(mirror); // ok: unbounded-retry
  }
}

export function putObject(key: string, body: Uint8Array, attempt = 1): Promise<void> {
  return storage.put(key, body).catch((err: Error) =>
    attempt < 4 ? sleep(100 * attempt).then(() => putObject(key, body, attempt + 1)) : Promise.reject(err), // ok: unbounded-retry
  );
}
