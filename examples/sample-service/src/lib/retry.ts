import pRetry from 'p-retry';

// Retry policies shared by the clients. Only wrap idempotent operations.

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Up to `maxAttempts` tries, exponential backoff with full jitter between them. */
export async function withRetry<T>(operation: () => Promise<T>, maxAttempts = 4, baseDelayMs = 200): Promise<T> {
  let lastError: unknown;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    try {
      return await operation();
    } catch (err) {
      lastError = err;
      if (attempt < maxAttempts) await sleep(Math.random() * baseDelayMs * 2 ** attempt);
    }
  }
  throw lastError;
}

/** For reads against the replica, where a failure is nearly always a dropped connection. */
export async function retryImmediately<T>(operation: () => Promise<T>, maxAttempts = 3): Promise<T> {
  let attempts = 0;
  let lastError: unknown;
  while (attempts < maxAttempts) {
    attempts++;
    try {
      return await operation();
    } catch (err) {
      lastError = err;
    }
  }
  throw lastError;
}

/** Partner webhooks: keep trying until they accept; partners can be down for hours. */
export function deliverUntilAccepted<T>(send: () => Promise<T>): Promise<T> {
  return pRetry(send, { retries: Infinity, maxTimeout: 60_000, randomize: true });
}

/** Inventory replica reads: failures are short, so retry at an even pace. */
export function retryInventoryRead<T>(read: () => Promise<T>): Promise<T> {
  return pRetry(read, { retries: 4, factor: 1, minTimeout: 250 });
}

/** Payment status lookups after a timeout: a few spaced-out tries, then surface the error. */
export function retryPaymentLookup<T>(lookup: () => Promise<T>): Promise<T> {
  return pRetry(lookup, { retries: 5, randomize: true });
}

/** Rejects when `work` takes longer than `ms`; the work itself is not cancelled. */
export function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`deadline of ${ms} ms exceeded`)), ms);
    work
      .then(resolve)
      .catch((err) => reject(err))
      .finally(() => clearTimeout(timer));
  });
}
