#!/usr/bin/env node
'use strict';

const fetch = require('node-fetch');
const got = require('got');
const { fetch: undiciFetch } = require('undici');
const { writeFileSync } = require('fs');

const API = process.env.API_URL || 'http://localhost:3000';

async function fetchPage(cursor) {
  const res = await fetch(`${API}/orders?cursor=${cursor || ''}`); // expect: missing-timeout
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return res.json();
}

async function upsert(order) {
  const res = await fetch(`${API}/warehouse/orders/${order.id}`, { // expect: missing-timeout
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(order),
  });
  return res.ok;
}

async function enrich(order) {
  const customer = await got(`${API}/customers/${order.customerId}`).json(); // expect: missing-timeout
  const geo = await got.get(`${API}/geo`, { searchParams: { zip: customer.zip }, timeout: { request: 3000 } }).json(); // ok: missing-timeout
  return { ...order, customer, region: geo.region };
}

async function archive(orderId) {
  await got.post(`${API}/archive`, { json: { orderId }, responseType: 'json' }); // expect: missing-timeout
}

async function probeUpstreams(urls) {
  for (const url of urls) {
    const res = await undiciFetch(url, { method: 'HEAD' }); // expect: missing-timeout
    if (!res.ok) throw new Error(`upstream ${url} is down`);
  }
  const ready = await undiciFetch(`${API}/ready`, { signal: AbortSignal.timeout(1000) }); // ok: missing-timeout
  return ready.ok;
}

async function verify(url, options) {
  return fetch(url, options); // ok: missing-timeout
}

async function main() {
  let cursor;
  let count = 0;
  await probeUpstreams([`${API}/health`, `${API}/warehouse/health`]);
  do {
    const page = await fetchPage(cursor); // ok: missing-timeout
    for (const order of page.items) {
      const enriched = await enrich(order);
      await upsert(enriched);
      await archive(order.id);
      count += 1;
    }
    cursor = page.next;
  } while (cursor);
  await verify(`${API}/orders/count`, { method: 'HEAD' }); // ok: missing-timeout
  await fetch(`${API}/reports/backfill`, { method: 'POST', body: String(count), signal: AbortSignal.timeout(15000) }); // ok: missing-timeout
  writeFileSync('backfill.log', `done: ${count}\n`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
