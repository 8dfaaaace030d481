'use strict';

const express = require('express');
const { sequelize, User, Profile, Wallet, Contact, AuditLog } = require('../models');
const logger = require('../lib/logger');

const router = express.Router();

router.post('/users', async (req, res, next) => {
  try {
    const user = await User.create({ email: req.body.email, name: req.body.name });
    await Profile.create({ userId: user.id, bio: '' }); // expect: missing-transaction
    await Wallet.create({ userId: user.id, balance: 0 });
    res.status(201).json(user);
  } catch (err) {
    next(err);
  }
});

router.put('/users/:id/email', async (req, res) => {
  const { id } = req.params;
  await User.update({ email: req.body.email, emailVerified: false }, { where: { id } });
  await AuditLog.create({ userId: id, action: 'email.changed' }); // expect: missing-transaction
  res.sendStatus(204);
});

async function deactivateUser(userId) {
  await User.update({ active: false }, { where: { id: userId } });
  await Wallet.destroy({ where: { userId } }); // expect: missing-transaction
  logger.info({ userId }, 'user deactivated');
}

async function importContacts(userId, rows) {
  await Contact.bulkCreate(rows.map((r) => ({ ...r, userId })));
  await Profile.increment('contactCount', { by: rows.length, where: { userId } }); // expect: missing-transaction
}

async function createUserWithWallet(data) {
  return sequelize.transaction(async (t) => {
    const user = await User.create(data, { transaction: t });
    await Wallet.create({ userId: user.id, balance: 0 }, { transaction: t }); // ok: missing-transaction
    return user;
  });
}

async function transferCredits(fromId, toId, amount) {
  const t = await sequelize.transaction();
  try {
    await Wallet.decrement('balance', { by: amount, where: { userId: fromId }, transaction: t });
    await AuditLog.create({ action: 'credits.transfer', fromId, toId, amount }, { transaction: t }); // ok: missing-transaction
    await t.commit();
  } catch (err) {
    await t.rollback();
    throw err;
  }
}

async function recordLogin(id) {
  await User.update({ lastSeenAt: new Date() }, { where: { id } });
  await User.increment('loginCount', { where: { id } }); // ok: missing-transaction
}

async function verifyEmail(id) {
  await User.update({ emailVerified: true }, { where: { id } });
  const profile = await Profile.findOne({ where: { userId: id } }); // ok: missing-transaction
  logger.info({ id, hasProfile: Boolean(profile) }, 'email verified');
}

module.exports = {
  router,
  deactivateUser,
  importContacts,
  createUserWithWallet,
  transferCredits,
  recordLogin,
  verifyEmail,
};
