'use strict';

const promiseRetry = require('promise-retry');
const { default: pRetry, AbortError } = require('p-retry');
const { operation: retryOperation } = require('retry');
const request = require('request');
const axios = require('axios');
const { Inventory } = require('../models');
const log = require('../lib/logger').child({ job: 'sync-inventory' });

const keepAliveRequest = request.defaults({ forever: true, timeout: 10_000 }); // ok: unbounded-retry

async function fetchSupplierStock(supplier) {
  return promiseRetry(
    (retry, number) =>
      axios.get(`${supplier.baseUrl}/stock`, { timeout: 10_000 }).catch((err) => {
        log.warn({ err, number, supplier: supplier.id }, 'stock fetch failed');
        retry(err); // ok: unbounded-retry
      }),
    { retries: Infinity, randomize: true } // expect: unbounded-retry
  );
}

async function fetchSupplierPrices(supplier) {
  return promiseRetry((retry) => axios.get(`${supplier.baseUrl}/prices`, { timeout: 10_000 }).catch(retry), {
    retries: 4, // ok: unbounded-retry
  });
}

async function pushStock(sku, qty) {
  return pRetry(
    async () => {
      const res = await axios.put(`${process.env.SHOP_API}/inventory/${sku}`, { qty }, { timeout: 5_000 });
      if (res.status === 404) throw new AbortError('unknown sku');
      return res.data;
    },
    { retries: 6, onFailedAttempt: (e) => log.warn({ sku, attempt: e.attemptNumber }, 'push failed') } // ok: unbounded-retry
  );
}

function lockInventoryTable(cb) {
  const op = retryOperation({ forever: true, minTimeout: 1000, maxTimeout: 30_000 }); // expect: unbounded-retry
  op.attempt(async () => {
    try {
      await Inventory.lockTable();
      cb(null);
    } catch (err) {
      if (op.retry(err)) return; // ok: unbounded-retry
      cb(op.mainError());
    }
  });
}

function reconcileSku(sku, cb) {
  const op = retryOperation({ retries: 4, factor: 2 }); // ok: unbounded-retry
  op.attempt(() => {
    Inventory.reconcile(sku)
      .then(() => cb(null))
      .catch((err) => {
        if (op.retry(err)) return; // ok: unbounded-retry
        cb(op.mainError());
      });
  });
}

function fetchCatalogLegacy(url, cb) {
  keepAliveRequest.get(url, (err, res, body) => {
    if (err) return cb(err);
    cb(null, JSON.parse(body));
  });
}

async function syncAll(suppliers) {
  for (const supplier of suppliers) { // ok: unbounded-retry
    let stock;
    let ok = false;
    while (!ok) { // expect: unbounded-retry
      try {
        stock = await fetchSupplierStock(supplier);
        ok = true;
      } catch (err) {
        log.error({ err, supplier: supplier.id }, 'supplier sync failed');
      }
    }
    const prices = await fetchSupplierPrices(supplier);
    for (const item of stock.data) {
      await pushStock(item.sku, item.qty);
      reconcileSku(item.sku, () => {});
    }
    log.info({ supplier: supplier.id, prices: prices.data.length }, 'supplier synced');
  }
}

module.exports = { syncAll, lockInventoryTable, reconcileSku, fetchCatalogLegacy };
