const { Sequelize, DataTypes } = require('sequelize');
const mongoose = require('mongoose');
const { MongoClient } = require('mongodb');
const knex = require('knex')({ client: 'pg' });

const sequelize = new Sequelize(process.env.DATABASE_URL);
const Seat = sequelize.define('Seat', { available: DataTypes.INTEGER });
const Credit = mongoose.model('Credit', new mongoose.Schema({ amount: Number, version: Number }));
const mongo = new MongoClient(process.env.MONGO_URL);

async function book(id, n) {
  const seat = await Seat.findByPk(id);
  seat.available = seat.available - n;
  await seat.save(); // expect: read-modify-write-race
}

async function bookCompound(id, n) {
  const seat = await Seat.findOne({ where: { id } });
  seat.available -= n;
  await seat.save(); // expect: read-modify-write-race
}

async function bookWithUpdate(id, n) {
  const seat = await Seat.findByPk(id);
  await seat.update({ available: seat.available - n }); // expect: read-modify-write-race
}

async function bookStatic(id, n) {
  const seat = await Seat.findByPk(id);
  await Seat.update({ available: seat.available - n }, { where: { id } }); // expect: read-modify-write-race
}

async function bookInTransaction(id, n) {
  await sequelize.transaction(async (t) => {
    const seat = await Seat.findByPk(id, { transaction: t, lock: t.LOCK.UPDATE });
    seat.available -= n;
    await seat.save({ transaction: t }); // ok: read-modify-write-race
  });
}

async function bookLockTrue(id, n) {
  const t = await sequelize.transaction();
  const seat = await Seat.findByPk(id, { transaction: t, lock: true });
  seat.available -= n;
  await seat.save({ transaction: t }); // ok: read-modify-write-race
  await t.commit();
}

async function bookAtomic(id, n) {
  await Seat.decrement('available', { by: n, where: { id } }); // ok: read-modify-write-race
}

async function bookAtomicInstance(id, n) {
  const seat = await Seat.findByPk(id);
  await seat.decrement('available', { by: n }); // ok: read-modify-write-race
}

async function spend(id, amount) {
  const credit = await Credit.findById(id);
  credit.amount -= amount;
  await credit.save(); // expect: read-modify-write-race
}

async function spendUpdateOne(id, amount) {
  const credit = await Credit.findOne({ _id: id });
  await Credit.updateOne({ _id: id }, { $set: { amount: credit.amount - amount } }); // expect: read-modify-write-race
}

async function spendFindByIdAndUpdate(id, amount) {
  const credit = await Credit.findById(id).lean();
  await Credit.findByIdAndUpdate(id, { amount: credit.amount - amount }); // expect: read-modify-write-race
}

async function spendAtomic(id, amount) {
  await Credit.updateOne({ _id: id, amount: { $gte: amount } }, { $inc: { amount: -amount } }); // ok: read-modify-write-race
}

async function spendVersioned(id, amount) {
  const credit = await Credit.findById(id);
  const res = await Credit.updateOne({ _id: id, version: credit.version }, { $set: { amount: credit.amount - amount }, $inc: { version: 1 } }); // ok: read-modify-write-race
  if (res.modifiedCount === 0) throw new Error('retry');
}

async function spendSession(id, amount) {
  const session = await mongoose.startSession();
  await session.withTransaction(async () => {
    const credit = await Credit.findById(id).session(session);
    credit.amount -= amount;
    await credit.save({ session }); // ok: read-modify-write-race
  });
}

async function mongoDriver(id, amount) {
  const col = mongo.db('app').collection('wallets');
  const w = await col.findOne({ _id: id });
  await col.updateOne({ _id: id }, { $set: { balance: w.balance - amount } }); // expect: read-modify-write-race
}

async function mongoDriverAtomic(id, amount) {
  const col = mongo.db('app').collection('wallets');
  await col.updateOne({ _id: id }, { $inc: { balance: -amount } }); // ok: read-modify-write-race
}

async function knexRmw(id, qty) {
  const row = await knex('stock').where({ id }).first();
  await knex('stock').where({ id }).update({ qty: row.qty - qty }); // expect: read-modify-write-race
}

async function knexForUpdate(id, qty) {
  await knex.transaction(async (trx) => {
    const row = await trx('stock').where({ id }).forUpdate().first();
    await trx('stock').where({ id }).update({ qty: row.qty - qty }); // ok: read-modify-write-race
  });
}

async function knexAtomic(id, qty) {
  await knex('stock').where({ id }).decrement('qty', qty); // ok: read-modify-write-race
}

module.exports = { book, bookCompound, bookWithUpdate, bookStatic, bookInTransaction, bookLockTrue, bookAtomic, bookAtomicInstance, spend, spendUpdateOne, spendFindByIdAndUpdate, spendAtomic, spendVersioned, spendSession, mongoDriver, mongoDriverAtomic, knexRmw, knexForUpdate, knexAtomic };
