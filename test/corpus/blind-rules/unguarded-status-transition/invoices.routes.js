const express = require('express');
const { Op } = require('sequelize');
const { Invoice, InvoiceLine, sequelize } = require('../models');
const { requireAuth } = require('../middleware/auth');

const router = express.Router();

router.post('/invoices', requireAuth, async (req, res) => {
  const invoice = await Invoice.create({ customerId: req.body.customerId, status: 'draft' }); // ok: unguarded-status-transition
  res.status(201).json(invoice);
});

router.post('/invoices/:id/void', requireAuth, async (req, res) => {
  await Invoice.update({ status: 'void', voidedAt: new Date() }, { where: { id: req.params.id } }); // expect: unguarded-status-transition
  res.status(204).end();
});

router.post('/invoices/:id/pay', requireAuth, async (req, res) => {
  const [count] = await Invoice.update( // ok: unguarded-status-transition
    { status: 'paid', paidAt: new Date() },
    { where: { id: req.params.id, status: 'open' } },
  );
  if (count === 0) return res.status(409).json({ error: 'invoice is not open' });
  res.json({ status: 'paid' });
});

router.post('/invoices/:id/send', requireAuth, async (req, res) => {
  const invoice = await Invoice.findByPk(req.params.id);
  if (!invoice) return res.sendStatus(404);
  await Invoice.update( // expect: unguarded-status-transition
    { status: 'sent', sentAt: new Date() },
    { where: { id: invoice.id } },
  );
  res.json({ ok: true });
});

router.post('/invoices/:id/remind', requireAuth, async (req, res) => {
  const [count] = await Invoice.update( // ok: unguarded-status-transition
    { status: 'reminded' },
    { where: { id: req.params.id, status: { [Op.in]: ['sent', 'overdue'] } } },
  );
  res.json({ updated: count });
});

router.post('/invoices/:id/reopen', requireAuth, async (req, res) => {
  await Invoice.update({ status: 'open' }, { where: { id: req.params.id, status: { [Op.ne]: 'void' } } }); // ok: unguarded-status-transition
  res.json({ ok: true });
});

router.patch('/invoices/:id', requireAuth, async (req, res) => {
  await Invoice.update({ memo: req.body.memo, dueDate: req.body.dueDate }, { where: { id: req.params.id } }); // ok: unguarded-status-transition
  res.json({ ok: true });
});

router.post('/invoices/:id/status', requireAuth, async (req, res) => {
  const { status } = req.body;
  await Invoice.update({ status }, { where: { id: req.params.id } }); // ok: unguarded-status-transition
  res.json({ status });
});

router.post('/admin/invoices/mark-overdue', requireAuth, async (req, res) => {
  const [count] = await Invoice.update( // expect: unguarded-status-transition
    { status: 'overdue' },
    { where: { dueDate: { [Op.lt]: new Date() } } },
  );
  res.json({ updated: count });
});

router.post('/admin/invoices/mark-overdue-safe', requireAuth, async (req, res) => {
  const [count] = await Invoice.update( // ok: unguarded-status-transition
    { status: 'overdue' },
    { where: { dueDate: { [Op.lt]: new Date() }, status: 'sent' } },
  );
  res.json({ updated: count });
});

router.post('/invoices/:id/finalize', requireAuth, async (req, res) => {
  await sequelize.transaction(async (t) => {
    await InvoiceLine.update({ locked: true }, { where: { invoiceId: req.params.id }, transaction: t });
    await Invoice.update({ state: 'finalized' }, { where: { id: req.params.id }, transaction: t }); // expect: unguarded-status-transition
  });
  res.json({ ok: true });
});

module.exports = router;
