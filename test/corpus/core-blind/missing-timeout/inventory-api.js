'use strict';

const axios = require('axios');
const { URLSearchParams } = require('url');
const config = require('../config');
const logger = require('../logger');

const inventoryApi = axios.create({ // expect: missing-timeout
  baseURL: config.inventoryUrl,
  headers: { 'X-Api-Key': config.inventoryKey },
});

const billingApi = axios.create({ baseURL: config.billingUrl, timeout: 5000 }); // ok: missing-timeout

const pricingApi = axios.create(); // expect: missing-timeout

const shippingApi = axios.create({ // ok: missing-timeout
  baseURL: config.shippingUrl,
  timeout: config.shippingTimeoutMs,
  headers: { Accept: 'application/json' },
});

inventoryApi.interceptors.response.use(
  (res) => res,
  (err) => {
    logger.warn({ url: err.config && err.config.url }, 'inventory call failed');
    return Promise.reject(err);
  },
);

async function getStock(sku) {
  const { data } = await inventoryApi.get(`/stock/${encodeURIComponent(sku)}`); // ok: missing-timeout
  return data.available;
}

async function reserve(sku, qty) {
  return inventoryApi.post('/reservations', { sku, qty }); // ok: missing-timeout
}

async function charge(customerId, amountCents) {
  const res = await billingApi.post('/charges', { customerId, amountCents }); // ok: missing-timeout
  return res.data;
}

async function quote(items) {
  const res = await pricingApi.post('/quote', { items }); // ok: missing-timeout
  return res.data;
}

async function track(trackingNo) {
  const res = await shippingApi.get('/track', { params: { trackingNo } }); // ok: missing-timeout
  return res.data.events;
}

async function legacyLookup(sku) {
  const qs = new URLSearchParams({ sku }).toString();
  const res = await axios.get(`${config.legacyUrl}/lookup?${qs}`, { timeout: 2000 }); // ok: missing-timeout
  return res.data;
}

async function notifyWarehouse(payload) {
  return axios.post(`${config.warehouseUrl}/events`, payload); // expect: missing-timeout
}

async function cancelReservation(id) {
  await axios // expect: missing-timeout
    .delete(`${config.inventoryUrl}/reservations/${id}`, { headers: { 'X-Api-Key': config.inventoryKey } });
}

module.exports = { getStock, reserve, charge, quote, track, legacyLookup, notifyWarehouse, cancelReservation };
