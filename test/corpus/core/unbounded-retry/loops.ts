// @ts-nocheck
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { logger } from './logger';

const MAX_ATTEMPTS = 5;

export async function connectForever(client: Client): Promise<void> {
  while (true) { // expect: unbounded-retry
    try {
      await client.connect();
      return;
    } catch (err) {
      logger.warn({ err }, 'database not ready, retrying');
      await sleep(1000);
    }
  }
}

export async function connectBounded(client: Client): Promise<void> {
  for (let attempt = 1; attempt <= 3; attempt++) { // ok: unbounded-retry
    try {
      await client.connect();
      return;
    } catch (err) {
      logger.warn({ err, attempt }, 'database not ready');
      await sleep(attempt * 500);
    }
  }
  throw new Error('database unreachable');
}

export async function sendForever(send: () => Promise<void>): Promise<void> {
  for (;;) { // expect: unbounded-retry
    try {
      return await send();
    } catch {
      await sleep(250);
    }
  }
}

export async function sendUntilOk(send: () => Promise<void>): Promise<void> {
  let ok = false;
  while (!ok) { // expect: unbounded-retry
    try {
      await send();
      ok = true;
    } catch (e) {
      logger.error(e);
      await sleep(2000);
    }
  }
}

export async function sendUntilOkBounded(send: () => Promise<void>): Promise<void> {
  let ok = false;
  let attempts = 0;
  while (!ok && attempts < MAX_ATTEMPTS) { // ok: unbounded-retry
    attempts++;
    try {
      await send();
      ok = true;
    } catch (e) {
      logger.error(e);
    }
  }
}

export async function doUntilDone(task: () => Promise<void>): Promise<void> {
  let done = false;
  do { // expect: unbounded-retry
    try {
      await task();
      done = true;
    } catch (e) {
      logger.warn(e);
    }
  } while (!done);
}

export async function doWhileTrue(task: () => Promise<void>): Promise<void> {
  do { // expect: unbounded-retry
    try {
      await task();
      break;
    } catch (e) {
      await sleep(100);
    }
  } while (true);
}

export async function withBackoffOnly(task: () => Promise<void>): Promise<void> {
  let attempt = 0;
  while (true) { // expect: unbounded-retry
    try {
      await task();
      return;
    } catch (e) {
      attempt++;
      await sleep(Math.min(2 ** attempt * 100, 30_000));
    }
  }
}

export async function withLoggedCounter(task: () => Promise<void>): Promise<void> {
  let attempt = 0;
  while (true) { // expect: unbounded-retry
    attempt += 1;
    try {
      await task();
      return;
    } catch (e) {
      logger.warn(`attempt ${attempt} failed`, e);
    }
  }
}

export async function withCappedDelay(task: () => Promise<void>): Promise<void> {
  let delay = 100;
  while (true) { // expect: unbounded-retry
    try {
      await task();
      return;
    } catch (e) {
      await sleep(delay);
      delay = Math.min(delay * 2, 10_000);
    }
  }
}

export async function withLimit(task: () => Promise<void>, max = 4): Promise<void> {
  let attempt = 0;
  while (true) { // ok: unbounded-retry
    try {
      await task();
      return;
    } catch (err) {
      if (++attempt > max) throw err;
      await sleep(100 * attempt);
    }
  }
}

export async function withLimitBreak(task: () => Promise<void>): Promise<boolean> {
  let tries = 0;
  for (;;) { // ok: unbounded-retry
    try {
      await task();
      return true;
    } catch {
      tries++;
      if (tries >= MAX_ATTEMPTS) break;
      await sleep(200);
    }
  }
  return false;
}

export async function whileAttempts(task: () => Promise<void>): Promise<void> {
  let attempts = 0;
  while (attempts < MAX_ATTEMPTS) { // ok: unbounded-retry
    try {
      await task();
      return;
    } catch (e) {
      attempts++;
      await sleep(100);
    }
  }
}

export async function giveUpOnFailure(read: () => Promise<string | null>): Promise<string[]> {
  const lines: string[] = [];
  while (true) { // ok: unbounded-retry
    try {
      const line = await read();
      if (line === null) break;
      lines.push(line);
    } catch (e) {
      logger.error(e);
      break;
    }
  }
  return lines;
}

export async function rethrowOnFailure(read: () => Promise<string | null>): Promise<void> {
  while (true) { // ok: unbounded-retry
    let line;
    try {
      line = await read();
    } catch (e) {
      throw new Error('stream broke', { cause: e });
    }
    if (line === null) return;
  }
}

export async function returnOnFailure(read: () => Promise<string | null>): Promise<string | null> {
  for (;;) { // ok: unbounded-retry
    try {
      const line = await read();
      if (line) return line;
    } catch {
      return null;
    }
  }
}

export async function forItems(items: string[], handle: (s: string) => Promise<void>): Promise<void> {
  for (const item of items) { // ok: unbounded-retry
    try {
      await handle(item);
    } catch (e) {
      logger.error(e);
    }
  }
}

export async function promiseCatchForever(send: () => Promise<void>): Promise<void> {
  while (true) { // expect: unbounded-retry
    const ok = await send().then(() => true).catch(() => false);
    if (ok) break;
    await sleep(500);
  }
}

export async function promiseCatchBounded(send: () => Promise<void>): Promise<void> {
  let attempt = 0;
  while (true) { // ok: unbounded-retry
    const ok = await send().then(() => true).catch(() => false);
    if (ok) break;
    if (attempt++ >= 3) throw new Error('gave up');
    await sleep(500);
  }
}
