// @ts-nocheck
import pRetry from 'p-retry';
import retry from 'async-retry';
import promiseRetry from 'promise-retry';
import * as retryLib from 'retry';

export async function a(url: string) {
  await pRetry(() => fetch(url), { retries: 5, minTimeout: 0 }); // expect: retry-without-backoff
  await pRetry(() => fetch(url), { retries: 5, factor: 1 }); // expect: retry-without-backoff
  await pRetry(() => fetch(url), { retries: 5, factor: 1, randomize: true }); // ok: retry-without-backoff
  await pRetry(() => fetch(url), { retries: 5 }); // ok: retry-without-backoff
  await pRetry(() => fetch(url), { retries: 5, minTimeout: 200, factor: 2 }); // ok: retry-without-backoff
  await pRetry(() => fetch(url), { retries: 3, minTimeout: 1000, maxTimeout: 1000 }); // expect: retry-without-backoff
}

export async function b(url: string) {
  await retry(async () => fetch(url), { retries: 3, minTimeout: 0 }); // expect: retry-without-backoff
  await retry(async () => fetch(url), { retries: 3, factor: 1, minTimeout: 500 }); // expect: retry-without-backoff
  await retry(async () => fetch(url), { retries: 3 }); // ok: retry-without-backoff
  await retry(async () => fetch(url), { retries: 3, factor: 1, minTimeout: 500, randomize: true }); // ok: retry-without-backoff
}

export async function c(url: string) {
  await promiseRetry((again: (e: unknown) => never) => fetch(url).catch(again), { retries: 4, factor: 1 }); // expect: retry-without-backoff
  await promiseRetry((again: (e: unknown) => never) => fetch(url).catch(again), { retries: 4, minTimeout: 0, maxTimeout: 0 }); // expect: retry-without-backoff
  await promiseRetry((again: (e: unknown) => never) => fetch(url).catch(again), { retries: 4 }); // ok: retry-without-backoff
}

export function d() {
  const op = retryLib.operation({ retries: 5, factor: 1, minTimeout: 100 }); // expect: retry-without-backoff
  const op2 = retryLib.operation({ retries: 5, factor: 2, minTimeout: 100, randomize: true }); // ok: retry-without-backoff
  const op3 = retryLib.operation({ retries: 5 }); // ok: retry-without-backoff
  return [op, op2, op3];
}

// relabelled after the first run: options held in a constant are reported where they are written (one
// finding however many calls share them, with the call as related location)
const opts = { retries: 5, minTimeout: 0 }; // expect: retry-without-backoff
export async function e(url: string) {
  await pRetry(() => fetch(url), opts); // ok: retry-without-backoff (reported at the options above)
}

// not retry libraries: a config object that happens to have these names
export const pool = { factor: 1, minTimeout: 0 }; // ok: retry-without-backoff
export function f(url: string) {
  return setup({ retries: 3, factor: 1 }, url); // ok: retry-without-backoff
}
function setup(_o: object, u: string) { return u; }
