const express = require('express');
const { Op } = require('sequelize');
const { User, Session, AuditLog, Cart, CartItem, Notification, sequelize } = require('../models');
const { requireAdmin } = require('../middleware/auth');
const { formatTable } = require('../lib/format');

const router = express.Router();

router.delete('/admin/sessions', requireAdmin, async (req, res) => {
  await Session.destroy({ where: {} }); // expect: delete-without-filter
  res.sendStatus(204);
});

router.post('/admin/reset-carts', requireAdmin, async (req, res, next) => {
  try {
    await CartItem.destroy({ truncate: true, cascade: true }); // expect: delete-without-filter
    await Cart.destroy({ truncate: true }); // expect: delete-without-filter
    res.json({ ok: true });
  } catch (err) {
    next(err);
  }
});

router.delete('/admin/audit-log', requireAdmin, async (req, res) => {
  const removed = await AuditLog.destroy({ // expect: delete-without-filter
    where: {},
    force: true,
  });
  res.json({ removed });
});

router.post('/admin/notifications/reset', requireAdmin, async (req, res) => {
  await sequelize.transaction(async (t) => {
    await Notification.destroy({ // expect: delete-without-filter
      truncate: true,
      restartIdentity: true,
      transaction: t,
    });
    await Session.destroy({ where: {}, transaction: t, individualHooks: true }); // expect: delete-without-filter
  });
  res.sendStatus(204);
});

router.delete('/users/:id', async (req, res) => {
  await User.destroy({ where: { id: req.params.id } }); // ok: delete-without-filter
  res.sendStatus(204);
});

router.delete('/me', async (req, res) => {
  const user = await User.findByPk(req.user.id);
  await user.destroy(); // ok: delete-without-filter
  res.sendStatus(204);
});

router.delete('/me/sessions/stale', async (req, res) => {
  const cutoff = new Date(Date.now() - 7 * 864e5);
  await Session.destroy({ where: { userId: req.user.id, lastSeenAt: { [Op.lt]: cutoff } } }); // ok: delete-without-filter
  await Session.destroy({ where: { userId: req.user.id, revoked: true }, truncate: false }); // ok: delete-without-filter
  res.sendStatus(204);
});

router.delete('/admin/audit-log/search', requireAdmin, async (req, res) => {
  const where = buildAuditFilter(req.query);
  await AuditLog.destroy({ where }); // ok: delete-without-filter
  res.sendStatus(204);
});

router.get('/admin/audit-log.txt', requireAdmin, async (req, res) => {
  const rows = await AuditLog.findAll({ limit: 100, order: [['createdAt', 'DESC']] });
  res.type('text/plain').send(formatTable(rows, { truncate: true, maxWidth: 120 })); // ok: delete-without-filter
});

function buildAuditFilter(query) {
  const where = { tenantId: query.tenantId };
  if (query.before) where.createdAt = { [Op.lt]: new Date(query.before) };
  return where;
}

module.exports = router;
