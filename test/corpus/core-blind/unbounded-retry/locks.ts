import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';

const redis = new Redis(process.env.REDIS_URL!);

const RELEASE_SCRIPT = `
if redis.call("get", KEYS[1]) == ARGV[1] then
  return redis.call("del", KEYS[1])
end
return 0`;

export async function acquireLock(key: string, ttlMs: number): Promise<string> {
  const token = randomUUID();
  let acquired = false;
  while (!acquired) { // expect: unbounded-retry
    try {
      acquired = (await redis.set(key, token, 'PX', ttlMs, 'NX')) === 'OK';
    } catch (err) {
      console.warn('redis SET NX failed', err);
    }
    if (!acquired) await sleep(50);
  }
  return token;
}

export async function spinLock(key: string, ttlMs: number): Promise<string> {
  const token = randomUUID();
  let acquired = false;
  while (!acquired) { // ok: unbounded-retry
    acquired = (await redis.set(key, token, 'PX', ttlMs, 'NX')) === 'OK';
    if (!acquired) await sleep(25);
  }
  return token;
}

export async function tryAcquireLock(key: string, ttlMs: number, maxWaitMs = 5_000): Promise<string | null> {
  const token = randomUUID();
  const maxAttempts = Math.ceil(maxWaitMs / 50);
  let attempts = 0;
  while (attempts++ < maxAttempts) { // ok: unbounded-retry
    try {
      if ((await redis.set(key, token, 'PX', ttlMs, 'NX')) === 'OK') return token;
    } catch (err) {
      console.warn('redis SET NX failed', err);
    }
    await sleep(50);
  }
  return null;
}

export async function releaseLock(key: string, token: string): Promise<void> {
  for (let i = 0; ; i++) { // expect: unbounded-retry
    try {
      await redis.eval(RELEASE_SCRIPT, 1, key, token);
      return;
    } catch (err) {
      console.warn(`release attempt ${i + 1} failed`, err);
      await sleep(100 * Math.min(i + 1, 20));
    }
  }
}

export async function extendLock(key: string, ttlMs: number, attempt = 0): Promise<boolean> {
  try {
    return (await redis.pexpire(key, ttlMs)) === 1;
  } catch (err) {
    if (attempt < 2) return extendLock(key, ttlMs, attempt + 1); // ok: unbounded-retry
    throw err;
  }
}

export async function withLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const token = await acquireLock(key, 30_000);
  try {
    return await fn();
  } finally {
    await releaseLock(key, token);
  }
}
