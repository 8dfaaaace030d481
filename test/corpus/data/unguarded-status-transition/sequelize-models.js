const { Sequelize, DataTypes, Op } = require('sequelize');
const sequelize = new Sequelize(process.env.DATABASE_URL);
const Invoice = sequelize.define('Invoice', { status: DataTypes.STRING });
const Account = require('../models').Account;

async function voidInvoice(id) {
  await Invoice.update({ status: 'void' }, { where: { id } }); // expect: unguarded-status-transition
}

async function voidInvoiceGuarded(id) {
  await Invoice.update({ status: 'void' }, { where: { id, status: 'draft' } }); // ok: unguarded-status-transition
}

async function voidInvoiceGuardedIn(id) {
  await Invoice.update({ status: 'void' }, { where: { id, status: { [Op.in]: ['draft', 'open'] } } }); // ok: unguarded-status-transition
}

async function suspend(id) {
  await Account.update({ state: 'suspended', suspendedAt: new Date() }, { where: { id } }); // expect: unguarded-status-transition
}

async function suspendAllOverdue() {
  await Account.update({ state: 'suspended' }, { where: { balance: { [Op.lt]: 0 } } }); // expect: unguarded-status-transition
}

async function renameAccount(id, name) {
  await Account.update({ name }, { where: { id } }); // ok: unguarded-status-transition
}

async function setStatusFromVar(id, next) {
  await Account.update({ state: next }, { where: { id } }); // ok: unguarded-status-transition
}

module.exports = { voidInvoice, voidInvoiceGuarded, voidInvoiceGuardedIn, suspend, suspendAllOverdue, renameAccount, setStatusFromVar };
