'use strict';

const { Sequelize, DataTypes, Model, Op } = require('sequelize');
const { setTimeout: sleep } = require('node:timers/promises');

const sequelize = new Sequelize(process.env.DATABASE_URL, { logging: false });

class Invoice extends Model {}
Invoice.init(
  {
    customerId: { type: DataTypes.INTEGER, allowNull: false },
    amountCents: { type: DataTypes.INTEGER, allowNull: false },
    status: { type: DataTypes.STRING, defaultValue: 'due' },
    dueAt: DataTypes.DATE,
  },
  { sequelize, modelName: 'invoice' },
);

const Payment = sequelize.define('payment', {
  invoiceId: { type: DataTypes.INTEGER, allowNull: false },
  amountCents: DataTypes.INTEGER,
  status: DataTypes.STRING,
  batchId: DataTypes.INTEGER,
});

async function chargeDueInvoices() {
  const due = await Invoice.findAll({ where: { status: 'due', dueAt: { [Op.lte]: new Date() } } }); // ok: n-plus-one
  for (const invoice of due) {
    const previous = await Payment.findOne({ where: { invoiceId: invoice.id, status: 'succeeded' } }); // expect: n-plus-one
    if (previous) continue;
    await Payment.create({ invoiceId: invoice.id, amountCents: invoice.amountCents, status: 'pending' }); // expect: n-plus-one
    await Invoice.update({ status: 'processing' }, { where: { id: invoice.id } }); // expect: n-plus-one
  }
}

async function settleBatches(batches) {
  if (batches.length === 0) return;
  let i = 0;
  do {
    const batch = batches[i];
    await sequelize.query('UPDATE payments SET status = :status WHERE "batchId" = :id', { // expect: n-plus-one
      replacements: { status: 'settled', id: batch.id },
    });
    i += 1;
  } while (i < batches.length);
}

function refreshInvoiceStatus(invoiceIds) {
  invoiceIds.forEach(async (id) => {
    const paid = await Payment.findAll({ where: { invoiceId: id, status: 'succeeded' } }); // expect: n-plus-one
    if (paid.length > 0) {
      await Invoice.update({ status: 'paid' }, { where: { id } }); // expect: n-plus-one
    }
  });
}

async function recordPayments(rows) {
  const invoiceIds = [...new Set(rows.map((r) => r.invoiceId))]; // ok: n-plus-one
  const invoices = await Invoice.findAll({ where: { id: { [Op.in]: invoiceIds } } }); // ok: n-plus-one
  const byId = new Map(invoices.map((inv) => [inv.id, inv]));
  const valid = rows.filter((r) => byId.has(r.invoiceId));
  const total = valid.reduce((sum, r) => sum + r.amountCents, 0); // ok: n-plus-one
  await Payment.bulkCreate(valid.map((r) => ({ ...r, status: 'recorded' }))); // ok: n-plus-one
  return total;
}

async function waitForDatabase(maxAttempts = 10) {
  let attempt = 0;
  while (attempt < maxAttempts) {
    try {
      await sequelize.query('SELECT 1'); // ok: n-plus-one
      return;
    } catch (err) {
      attempt += 1;
      await sleep(attempt * 1000); // ok: n-plus-one
    }
  }
  throw new Error('database not reachable');
}

module.exports = { chargeDueInvoices, settleBatches, refreshInvoiceStatus, recordPayments, waitForDatabase };
