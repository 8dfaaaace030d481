const knex = require('knex')({ client: 'pg' });
const { Pool } = require('pg');
const { MongoClient } = require('mongodb');
const { drizzle } = require('drizzle-orm/node-postgres');
const { and, eq } = require('drizzle-orm');
const { orders } = require('./schema');

const pool = new Pool();
const mongo = new MongoClient(process.env.MONGO_URL);
const db = drizzle(pool);

async function knexShip(id) {
  await knex('orders').where({ id }).update({ status: 'shipped' }); // expect: unguarded-status-transition
}

async function knexShipWhereId(id) {
  await knex('orders').where('id', id).update({ state: 'archived' }); // expect: unguarded-status-transition
}

async function knexShipGuarded(id) {
  await knex('orders').where({ id, status: 'paid' }).update({ status: 'shipped' }); // ok: unguarded-status-transition
}

async function knexShipGuardedChain(id) {
  await knex('orders').where('id', id).andWhere('status', 'paid').update({ status: 'shipped' }); // ok: unguarded-status-transition
}

async function knexShipGuardedIn(id) {
  await knex('orders').where('id', id).whereIn('status', ['paid', 'packed']).update({ status: 'shipped' }); // ok: unguarded-status-transition
}

async function knexNonStatus(id) {
  await knex('orders').where({ id }).update({ notes: 'shipped' }); // ok: unguarded-status-transition
}

async function sqlShip(id) {
  await pool.query("UPDATE orders SET status = 'shipped' WHERE id = $1", [id]); // expect: unguarded-status-transition
}

async function sqlShipGuarded(id) {
  await pool.query("UPDATE orders SET status = 'shipped' WHERE id = $1 AND status = 'paid'", [id]); // ok: unguarded-status-transition
}

async function sqlNonStatus(id) {
  await pool.query("UPDATE orders SET note = 'x' WHERE id = $1", [id]); // ok: unguarded-status-transition
}

async function mongoClose(id) {
  await mongo.db('app').collection('tickets').updateOne({ _id: id }, { $set: { state: 'closed' } }); // expect: unguarded-status-transition
}

async function mongoCloseGuarded(id) {
  await mongo.db('app').collection('tickets').updateOne({ _id: id, state: 'open' }, { $set: { state: 'closed' } }); // ok: unguarded-status-transition
}

async function mongoCloseGuardedIn(id) {
  await mongo.db('app').collection('tickets').updateOne({ _id: id, state: { $in: ['open', 'pending'] } }, { $set: { state: 'closed' } }); // ok: unguarded-status-transition
}

async function mongoBulkArchive(before) {
  await mongo.db('app').collection('tickets').updateMany({ updatedAt: { $lt: before } }, { $set: { status: 'archived' } }); // expect: unguarded-status-transition
}

async function drizzleShip(id) {
  await db.update(orders).set({ status: 'shipped' }).where(eq(orders.id, id)); // expect: unguarded-status-transition
}

async function drizzleShipGuarded(id) {
  await db.update(orders).set({ status: 'shipped' }).where(and(eq(orders.id, id), eq(orders.status, 'paid'))); // ok: unguarded-status-transition
}

async function drizzleNonStatus(id) {
  await db.update(orders).set({ total: 0 }).where(eq(orders.id, id)); // ok: unguarded-status-transition
}

// Not database updates.
function notDb(res, setState, store) {
  res.status(404); // ok: unguarded-status-transition
  setState({ status: 'loading' }); // ok: unguarded-status-transition
  store.update({ status: 'idle' }); // ok: unguarded-status-transition
}

module.exports = { knexShip, knexShipWhereId, knexShipGuarded, knexShipGuardedChain, knexShipGuardedIn, knexNonStatus, sqlShip, sqlShipGuarded, sqlNonStatus, mongoClose, mongoCloseGuarded, mongoCloseGuardedIn, mongoBulkArchive, drizzleShip, drizzleShipGuarded, drizzleNonStatus, notDb };
