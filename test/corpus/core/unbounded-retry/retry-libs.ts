// @ts-nocheck
import pRetry from 'p-retry';
import retry from 'async-retry';
import promiseRetry from 'promise-retry';
import * as nodeRetry from 'retry';
import fetch from 'node-fetch';

const endpoint = 'https://ledger.internal/entries';

export const postEntry = (entry: unknown) => pRetry(() => fetch(endpoint, { method: 'POST', body: JSON.stringify(entry) }), { retries: Infinity }); // expect: unbounded-retry

export const postEntryForever = (entry: unknown) => pRetry(() => fetch(endpoint, { method: 'POST', body: JSON.stringify(entry) }), { forever: true }); // expect: unbounded-retry

export const postEntryBounded = (entry: unknown) => pRetry(() => fetch(endpoint, { method: 'POST', body: JSON.stringify(entry) }), { retries: 5 }); // ok: unbounded-retry

export const postEntryDefault = (entry: unknown) => pRetry(() => fetch(endpoint, { method: 'POST', body: JSON.stringify(entry) })); // ok: unbounded-retry

export async function loadLedger(id: string) {
  return retry(async () => (await fetch(`${endpoint}/${id}`)).json(), { forever: true, minTimeout: 1000 }); // expect: unbounded-retry
}

export async function loadLedgerBounded(id: string) {
  return retry(async () => (await fetch(`${endpoint}/${id}`)).json(), { retries: 5, factor: 2 }); // ok: unbounded-retry
}

export async function loadLedgerMaxSafe(id: string) {
  return retry(async () => (await fetch(`${endpoint}/${id}`)).json(), { retries: Number.MAX_SAFE_INTEGER }); // expect: unbounded-retry
}

export async function loadLedgerPositiveInfinity(id: string) {
  return pRetry(async () => (await fetch(`${endpoint}/${id}`)).json(), { retries: Number.POSITIVE_INFINITY }); // expect: unbounded-retry
}

export function settle(id: string) {
  return promiseRetry({ forever: true, minTimeout: 200 }, (again) => fetch(`${endpoint}/${id}/settle`).catch(again)); // expect: unbounded-retry
}

export function settleBounded(id: string) {
  return promiseRetry({ retries: 4 }, (again) => fetch(`${endpoint}/${id}/settle`).catch(again)); // ok: unbounded-retry
}

export function settleWithOptions(id: string, options: { retries: number }) {
  return promiseRetry(options, (again) => fetch(`${endpoint}/${id}/settle`).catch(again)); // ok: unbounded-retry
}

export function reconcile(cb: (err?: Error) => void) {
  const operation = nodeRetry.operation({ forever: true }); // expect: unbounded-retry
  operation.attempt(() => fetch(endpoint).then(() => cb(), (err) => operation.retry(err) || cb(operation.mainError())));
}

export function reconcileBounded(cb: (err?: Error) => void) {
  const operation = nodeRetry.operation({ retries: 6 }); // ok: unbounded-retry
  operation.attempt(() => fetch(endpoint).then(() => cb(), (err) => operation.retry(err) || cb(operation.mainError())));
}
