'use strict';

const { MongoClient, ObjectId } = require('mongodb');
const mongoose = require('mongoose');
const { Worker } = require('bullmq');
const { uploadJsonl } = require('./storage');

const client = new MongoClient(process.env.MONGO_URL);
const Invoice = mongoose.model(
  'Invoice',
  new mongoose.Schema({ customer: { type: mongoose.Schema.Types.ObjectId, ref: 'Customer' }, status: String, paidAt: Date }),
);

async function fullExport() {
  const db = client.db('analytics');
  const events = await db.collection('events').find({}).toArray(); // expect: unbounded-query
  const sessions = await db.collection('sessions').find().sort({ startedAt: -1 }).toArray(); // expect: unbounded-query
  const invoices = await Invoice.find({}).lean(); // expect: unbounded-query
  const withCustomers = await Invoice.find().populate('customer').exec(); // expect: unbounded-query
  await uploadJsonl('full-export', { events, sessions, invoices, withCustomers });
}

async function accountExport(job) {
  const db = client.db('analytics');
  const accountId = new ObjectId(job.data.accountId);
  const recent = await db.collection('events').find({}).sort({ ts: -1 }).limit(1000).toArray(); // ok: unbounded-query
  const mine = await db.collection('events').find({ accountId }).toArray(); // ok: unbounded-query
  const page = await db.collection('sessions').find({}, { limit: 200, skip: job.data.offset || 0 }).toArray(); // ok: unbounded-query
  const since = new Date(Date.now() - 30 * 24 * 3600 * 1000);
  const paid = await Invoice.find({ status: 'paid', paidAt: { $gte: since } }).lean(); // ok: unbounded-query
  const total = await db.collection('events').countDocuments(); // ok: unbounded-query
  const sample = await db.collection('events').findOne({}); // ok: unbounded-query
  await uploadJsonl(`account-${job.data.accountId}`, { recent, mine, page, paid, total, sample });
}

async function streamInvoices() {
  const lines = [];
  const cursor = Invoice.find({}).cursor(); // ok: unbounded-query
  for await (const doc of cursor) {
    lines.push(JSON.stringify({ id: doc._id, status: doc.status }));
    if (lines.length >= 5000) {
      await uploadJsonl('invoices-chunk', lines.splice(0));
    }
  }
  if (lines.length) await uploadJsonl('invoices-chunk', lines);
}

async function handle(job) {
  await client.connect();
  await mongoose.connect(process.env.MONGO_URL);
  if (job.name === 'full') return fullExport();
  if (job.name === 'stream-invoices') return streamInvoices();
  return accountExport(job);
}

const worker = new Worker('exports', handle, {
  connection: { host: process.env.REDIS_HOST, port: Number(process.env.REDIS_PORT || 6379) },
});

worker.on('failed', (job, err) => {
  console.error('export failed', job && job.id, err);
});

module.exports = { handle };
