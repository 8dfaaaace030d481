'use strict';

const { Worker } = require('bullmq');
const { Sequelize, Op } = require('sequelize');
const { Account, Invoice, UsageCounter } = require('../models');
const { sequelize } = require('../db');
const logger = require('../lib/logger');

async function chargeInvoice(job) {
  const { invoiceId } = job.data;
  const invoice = await Invoice.findByPk(invoiceId);
  const account = await Account.findByPk(invoice.accountId);
  account.balance = account.balance - invoice.total;
  await account.save(); // expect: read-modify-write-race
  invoice.paidAt = new Date();
  await invoice.save(); // ok: read-modify-write-race
  logger.info({ invoiceId }, 'invoice charged');
}

async function recordUsage(job) {
  const { accountId, period, units } = job.data;
  const counter = await UsageCounter.findOne({ where: { accountId, period } });
  await UsageCounter.update({ units: counter.units + units }, { where: { id: counter.id } }); // expect: read-modify-write-race
}

async function applyCredit(job) {
  const account = await Account.findOne({ where: { externalId: job.data.customer } });
  if (!account) return;
  await account.update({ credit: account.credit + job.data.amount }); // expect: read-modify-write-race
}

async function accrueInterest(job) {
  const accounts = await Account.findAll({ where: { interestBearing: true }, limit: 500 });
  for (const acct of accounts) {
    acct.balance += Math.round(acct.balance * job.data.rate);
    await acct.save(); // expect: read-modify-write-race
  }
}

async function chargeInvoiceSafely(job) {
  await sequelize.transaction(async (t) => {
    const invoice = await Invoice.findByPk(job.data.invoiceId, { transaction: t });
    const account = await Account.findByPk(invoice.accountId, { transaction: t, lock: t.LOCK.UPDATE });
    account.balance -= invoice.total;
    await account.save({ transaction: t }); // ok: read-modify-write-race
  });
}

async function recordUsageAtomic(job) {
  const { accountId, period, units } = job.data;
  const [counter] = await UsageCounter.findOrCreate({ where: { accountId, period }, defaults: { units: 0 } });
  await counter.increment('units', { by: units }); // ok: read-modify-write-race
}

async function consumeFreeRefund(job) {
  const account = await Account.findByPk(job.data.accountId);
  if (!account || account.freeRefundsLeft === 0) return false;
  const [affected] = await Account.update( // ok: read-modify-write-race
    { freeRefundsLeft: Sequelize.literal('free_refunds_left - 1') },
    { where: { id: account.id, freeRefundsLeft: { [Op.gt]: 0 } } },
  );
  return affected === 1;
}

async function settlePending(job) {
  const t = await sequelize.transaction();
  try {
    const account = await Account.findByPk(job.data.accountId, { transaction: t, lock: true });
    account.pending -= job.data.amount;
    account.balance += job.data.amount;
    await account.save({ transaction: t }); // ok: read-modify-write-race
    await t.commit();
  } catch (err) {
    await t.rollback();
    throw err;
  }
}

async function applyAdjustment(job) {
  const account = await Account.findByPk(job.data.accountId);
  const [affected] = await Account.update( // ok: read-modify-write-race
    { balance: account.balance + job.data.delta, version: account.version + 1 },
    { where: { id: account.id, version: account.version } },
  );
  if (affected === 0) throw new Error('account changed concurrently, retrying');
}

async function refund(job) {
  const account = await Account.findByPk(job.data.accountId);
  if (!account) return;
  await Account.increment({ balance: job.data.amount }, { where: { id: account.id } }); // ok: read-modify-write-race
}

async function updateBillingEmail(job) {
  const account = await Account.findByPk(job.data.accountId);
  account.billingEmail = job.data.email;
  await account.save(); // ok: read-modify-write-race
}

const handlers = {
  chargeInvoice,
  recordUsage,
  applyCredit,
  accrueInterest,
  chargeInvoiceSafely,
  recordUsageAtomic,
  consumeFreeRefund,
  settlePending,
  applyAdjustment,
  refund,
  updateBillingEmail,
};

const worker = new Worker(
  'billing',
  async (job) => {
    const handler = handlers[job.name];
    if (!handler) throw new Error(`unknown job ${job.name}`);
    return handler(job);
  },
  { connection: { host: process.env.REDIS_HOST, port: 6379 }, concurrency: 8 },
);

worker.on('failed', (job, err) => logger.error({ jobId: job && job.id, err }, 'billing job failed'));

module.exports = { worker, handlers };
