const pRetry = require('p-retry');
const asyncRetry = require('async-retry');
const promiseRetry = require('promise-retry');
const axios = require('axios');

async function syncAccount(id) {
  return asyncRetry(() => axios.post(`https://sync.internal/accounts/${id}`), { forever: true }); // expect: unbounded-retry
}

async function syncAccountBounded(id) {
  return asyncRetry(() => axios.post(`https://sync.internal/accounts/${id}`), { retries: 3 }); // ok: unbounded-retry
}

async function pushMetrics(batch) {
  return pRetry(() => axios.post('https://metrics.internal/batch', batch), { retries: Infinity, onFailedAttempt: (e) => console.warn(e.message) }); // expect: unbounded-retry
}

async function pushMetricsBounded(batch) {
  return pRetry(() => axios.post('https://metrics.internal/batch', batch), { retries: 8, onFailedAttempt: (e) => console.warn(e.message) }); // ok: unbounded-retry
}

function notify(hook) {
  return promiseRetry((retry, number) => axios.post(hook).catch(retry), { forever: true }); // expect: unbounded-retry
}

function notifyBounded(hook) {
  return promiseRetry((retry, number) => axios.post(hook).catch(retry), { retries: 2 }); // ok: unbounded-retry
}

module.exports = { syncAccount, syncAccountBounded, pushMetrics, pushMetricsBounded, notify, notifyBounded };
