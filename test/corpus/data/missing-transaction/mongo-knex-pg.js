const mongoose = require('mongoose');
const knex = require('knex')({ client: 'pg' });
const { Pool } = require('pg');
const { drizzle } = require('drizzle-orm/node-postgres');
const { eq } = require('drizzle-orm');
const { users, auditLog } = require('./schema');

const Order = mongoose.model('Order', new mongoose.Schema({ total: Number }));
const Inventory = mongoose.model('Inventory', new mongoose.Schema({ qty: Number }));
const pool = new Pool();
const db = drizzle(pool);

async function mongoosePlace(order) {
  await Order.create(order);
  await Inventory.updateOne({ sku: order.sku }, { $inc: { qty: -order.qty } }); // expect: missing-transaction
}

async function mongoosePlaceTx(order) {
  const session = await mongoose.startSession();
  await session.withTransaction(async () => {
    await Order.create([order], { session }); // ok: missing-transaction
    await Inventory.updateOne({ sku: order.sku }, { $inc: { qty: -order.qty } }, { session }); // ok: missing-transaction
  });
  await session.endSession();
}

async function mongoDriverPlace(client, order) {
  const appDb = client.db('app');
  await appDb.collection('orders').insertOne(order);
  await appDb.collection('inventory').updateOne({ sku: order.sku }, { $inc: { qty: -1 } }); // expect: missing-transaction
}

async function knexPlace(order) {
  const [id] = await knex('orders').insert(order).returning('id');
  await knex('order_events').insert({ order_id: id, type: 'created' }); // expect: missing-transaction
}

async function knexPlaceTx(order) {
  await knex.transaction(async (trx) => {
    const [id] = await trx('orders').insert(order).returning('id'); // ok: missing-transaction
    await trx('order_events').insert({ order_id: id, type: 'created' }); // ok: missing-transaction
  });
}

async function knexUpdateAndDelete(id) {
  await knex('carts').where({ user_id: id }).del();
  await knex('users').where({ id }).update({ cart_count: 0 }); // expect: missing-transaction
}

async function pgPlace(order) {
  await pool.query('INSERT INTO orders (id, total) VALUES ($1, $2)', [order.id, order.total]);
  await pool.query('UPDATE inventory SET qty = qty - 1 WHERE sku = $1', [order.sku]); // expect: missing-transaction
}

async function pgPlaceTx(order) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('INSERT INTO orders (id, total) VALUES ($1, $2)', [order.id, order.total]); // ok: missing-transaction
    await client.query('UPDATE inventory SET qty = qty - 1 WHERE sku = $1', [order.sku]); // ok: missing-transaction
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK');
    throw e;
  } finally {
    client.release();
  }
}

async function drizzleTwo(id) {
  await db.update(users).set({ disabled: true }).where(eq(users.id, id));
  await db.insert(auditLog).values({ userId: id, action: 'disable' }); // expect: missing-transaction
}

async function drizzleTwoTx(id) {
  await db.transaction(async (tx) => {
    await tx.update(users).set({ disabled: true }).where(eq(users.id, id)); // ok: missing-transaction
    await tx.insert(auditLog).values({ userId: id, action: 'disable' }); // ok: missing-transaction
  });
}

async function writeAndNotify(order, mailer, logger) {
  await Order.create(order); // ok: missing-transaction
  await mailer.send({ to: order.email }); // ok: missing-transaction
  logger.info('order created'); // ok: missing-transaction
}

async function readsOnly(id) {
  const o = await Order.findById(id); // ok: missing-transaction
  const i = await Inventory.findOne({ sku: o.sku }); // ok: missing-transaction
  return [o, i];
}

module.exports = { mongoosePlace, mongoosePlaceTx, mongoDriverPlace, knexPlace, knexPlaceTx, knexUpdateAndDelete, pgPlace, pgPlaceTx, drizzleTwo, drizzleTwoTx, writeAndNotify, readsOnly };
