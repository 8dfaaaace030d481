#!/usr/bin/env node
// Nightly cron: pull inventory from every store and reconcile the warehouse DB
import knex from 'knex';
import * as fs from 'node:fs/promises';

const warehouse = knex({ client: 'mysql2', connection: process.env.WAREHOUSE_URL });

const CONFIG = { maxSkew: 5, region: process.env.REGION ?? 'eu' };

async function fetchConfig(key) {
  return CONFIG[key];
}

async function normalise(item) {
  return { sku: String(item.sku).trim().toUpperCase(), qty: Number(item.qty) };
}

(async () => {
  const stores = await warehouse('stores').select('id', 'api_url');
  const maxSkew = await fetchConfig('maxSkew');

  storeLoop: for (const store of stores) {
    const res = await fetch(`${store.api_url}/inventory`, { signal: AbortSignal.timeout(10_000) }); // expect: n-plus-one
    if (!res.ok) continue storeLoop;
    const items = await res.json(); // ok: n-plus-one
    for (const raw of items) {
      const item = await normalise(raw); // ok: n-plus-one
      if (item.qty < 0) continue storeLoop;
      const skew = await fetchConfig('maxSkew'); // ok: n-plus-one
      if (Math.abs(item.qty) > skew * 1000) continue;
      await warehouse('inventory') // expect: n-plus-one
        .insert({ store_id: store.id, sku: item.sku, qty: item.qty })
        .onConflict(['store_id', 'sku'])
        .merge();
    }
  }

  const overrides = await fs.readdir('./overrides');
  const rows = [];
  for (const file of overrides) {
    const text = await fs.readFile(`./overrides/${file}`, 'utf8'); // ok: n-plus-one
    rows.push(...JSON.parse(text));
  }
  if (rows.length) {
    await warehouse('inventory_overrides').insert(rows); // ok: n-plus-one
  }

  const flagged = await warehouse('inventory').where('qty', '>', maxSkew * 1000).select('sku');
  await Promise.all(
    flagged.map(({ sku }) =>
      fetch(`${process.env.ALERT_URL}/skus/${sku}`, { method: 'POST', signal: AbortSignal.timeout(5000) }), // expect: n-plus-one
    ),
  );

  let pageToken;
  do {
    const resp = await fetch(`${process.env.CATALOG_URL}/skus?pageToken=${pageToken ?? ''}`, { // ok: n-plus-one
      signal: AbortSignal.timeout(10_000),
    });
    const body = await resp.json(); // ok: n-plus-one
    await warehouse('catalog_skus').insert(body.items).onConflict('sku').ignore(); // ok: n-plus-one
    pageToken = body.nextPageToken;
  } while (pageToken);

  await warehouse.destroy();
})().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
