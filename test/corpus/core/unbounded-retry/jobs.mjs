import { setTimeout as sleep } from 'node:timers/promises';
import got from 'got';

export function createUploader(bucketUrl) {
  async function attempt(file) {
    try {
      return await got.put(`${bucketUrl}/${file.name}`, { body: file.data, timeout: { request: 10000 } });
    } catch (err) {
      console.warn('upload failed, retrying', err.message);
      return attempt(file); // expect: unbounded-retry
    }
  }
  return attempt;
}

export function createUploaderBounded(bucketUrl, maxAttempts = 3) {
  async function attempt(file, n = 1) {
    try {
      return await got.put(`${bucketUrl}/${file.name}`, { body: file.data, timeout: { request: 10000 } });
    } catch (err) {
      if (n >= maxAttempts) throw err;
      return attempt(file, n + 1); // ok: unbounded-retry
    }
  }
  return attempt;
}

export function scheduleRefresh(load) {
  const refresh = () => {
    load().catch(() => {
      setTimeout(() => {
        refresh(); // expect: unbounded-retry
      }, 5000);
    });
  };
  refresh();
}

export async function waitForService(url) {
  for (;;) { // expect: unbounded-retry
    const up = await got(url, { timeout: { request: 1000 } }).then(() => true, () => false);
    if (up) return;
    await sleep(1000);
  }
}

export async function waitForServiceBounded(url, maxChecks = 30) {
  for (let i = 0; i < maxChecks; i++) { // ok: unbounded-retry
    const up = await got(url, { timeout: { request: 1000 } }).then(() => true, () => false);
    if (up) return;
    await sleep(1000);
  }
  throw new Error(`${url} did not come up`);
}

export async function lockLoop(acquire) {
  let locked = false;
  while (!locked) { // expect: unbounded-retry
    try {
      await acquire();
      locked = true;
    } catch {
      await sleep(50 + Math.random() * 50);
    }
  }
}
