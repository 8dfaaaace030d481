import Knex from 'knex';
import config from './knexfile.mjs';
import { publish } from './events.mjs';

const db = Knex(config);

export async function receiveShipment(shipmentId, lines) {
  await db('shipments').where({ id: shipmentId }).update({ status: 'received', received_at: db.fn.now() });
  for (const line of lines) {
    await db('stock_levels').where({ sku: line.sku }).increment('on_hand', line.qty); // expect: missing-transaction
  }
}

export async function reserveStock(orderId, sku, qty) {
  await db('reservations').insert({ order_id: orderId, sku, qty });
  await db('stock_levels').where({ sku }).decrement('available', qty); // expect: missing-transaction
}

export const discontinueSku = async (sku) => {
  await db.insert({ sku, reason: 'discontinued' }).into('sku_history');
  await db('skus').where({ sku }).del(); // expect: missing-transaction
};

export async function reserveStockAtomically(orderId, sku, qty) {
  await db.transaction(async (trx) => {
    await trx('reservations').insert({ order_id: orderId, sku, qty });
    await trx('stock_levels').where({ sku }).decrement('available', qty); // ok: missing-transaction
  });
}

export async function adjustStock(sku, delta, reason) {
  const trx = await db.transaction();
  try {
    await trx('stock_levels').where({ sku }).increment('on_hand', delta);
    await trx('stock_adjustments').insert({ sku, delta, reason }); // ok: missing-transaction
    await trx.commit();
  } catch (err) {
    await trx.rollback();
    throw err;
  }
}

export async function moveBetweenBins(sku, fromBin, toBin, qty) {
  await db('bin_stock').where({ sku, bin: fromBin }).decrement('qty', qty);
  await db('bin_stock').where({ sku, bin: toBin }).increment('qty', qty); // ok: missing-transaction
}

export async function markCounted(sku) {
  await db('stock_levels').where({ sku }).update({ counted_at: db.fn.now() });
  await publish('stock.counted', { sku }); // ok: missing-transaction
}
