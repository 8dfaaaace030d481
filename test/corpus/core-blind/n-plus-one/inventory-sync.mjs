import knexFactory from 'knex';
import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

const db = knexFactory({
  client: 'pg',
  connection: process.env.DATABASE_URL,
  pool: { min: 0, max: 10 },
});

export async function syncStockLevels(feedPath) {
  const feed = JSON.parse(await readFile(feedPath, 'utf8')); // ok: n-plus-one
  for (const entry of feed.items) {
    const existing = await db('stock_levels') // expect: n-plus-one
      .where({ sku: entry.sku, warehouse_id: entry.warehouseId })
      .first();
    if (existing) {
      await db('stock_levels').where({ id: existing.id }).update({ quantity: entry.quantity, updated_at: new Date() }); // expect: n-plus-one
    } else {
      await db('stock_levels').insert({ sku: entry.sku, warehouse_id: entry.warehouseId, quantity: entry.quantity }); // expect: n-plus-one
    }
    await sleep(5); // ok: n-plus-one
  }
}

export async function applyRegionDefaults(defaultsByRegion) {
  for (const region in defaultsByRegion) {
    await db.raw('UPDATE warehouses SET reorder_threshold = ? WHERE region = ?', [defaultsByRegion[region], region]); // expect: n-plus-one
  }
}

export async function transferStock(moves) {
  await db.transaction(async (trx) => {
    for (const move of moves) {
      await trx('stock_levels') // expect: n-plus-one
        .where({ sku: move.sku, warehouse_id: move.from })
        .decrement('quantity', move.qty);
      await trx('stock_levels') // expect: n-plus-one
        .where({ sku: move.sku, warehouse_id: move.to })
        .increment('quantity', move.qty);
    }
  });
}

export async function loadSkus(skus) {
  const rows = await db('products').whereIn('sku', skus).select('sku', 'name', 'price'); // ok: n-plus-one
  const bySku = new Map(rows.map((r) => [r.sku, r]));
  return skus.map((sku) => bySku.get(sku) ?? null); // ok: n-plus-one
}

export async function archiveOldMovements(ids) {
  const CHUNK = 500;
  for (let i = 0; i < ids.length; i += CHUNK) {
    await db('stock_movements').whereIn('id', ids.slice(i, i + CHUNK)).del(); // ok: n-plus-one
  }
}

export async function* streamProducts() {
  let lastId = 0;
  for (;;) {
    const page = await db('products').where('id', '>', lastId).orderBy('id').limit(1000); // ok: n-plus-one
    if (page.length === 0) return;
    yield page;
    lastId = page[page.length - 1].id;
  }
}

export async function lowStockReport(warehouseCodes) {
  const totals = await Promise.all(
    warehouseCodes.map((code) =>
      db // expect: n-plus-one
        .select('sku')
        .sum({ qty: 'quantity' })
        .from('stock_levels')
        .where('warehouse_code', code)
        .groupBy('sku'),
    ),
  );
  return totals.flat().filter((row) => Number(row.qty) < 10); // ok: n-plus-one
}
