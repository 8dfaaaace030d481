'use strict';

const express = require('express');
const { Op } = require('sequelize');
const { Order, Customer, LineItem, sequelize } = require('../models');
const { toCsv } = require('../lib/csv');

const router = express.Router();

router.get('/orders', async (req, res, next) => {
  try {
    const orders = await Order.findAll({ include: [{ model: LineItem }] }); // expect: unbounded-query
    res.json(orders);
  } catch (err) {
    next(err);
  }
});

router.get('/orders/export.csv', async (req, res, next) => {
  try {
    const rows = await Order.findAll({ order: [['createdAt', 'DESC']], raw: true }); // expect: unbounded-query
    res.type('text/csv').send(toCsv(rows));
  } catch (err) {
    next(err);
  }
});

router.get('/customers', async (req, res) => {
  const customers = await Customer.findAll(); // expect: unbounded-query
  res.json(customers);
});

router.get('/customers/emails', async (_req, res) => {
  const list = await Customer.findAll({ // expect: unbounded-query
    attributes: ['id', 'email'],
    where: {},
  });
  res.json(list);
});

router.get('/line-items', async (_req, res) => {
  const items = await sequelize.models.LineItem.findAll({ attributes: ['sku', 'qty'] }); // expect: unbounded-query
  res.json(items);
});

router.get('/orders/page', async (req, res) => {
  const limit = Math.min(Number(req.query.limit) || 25, 100);
  const offset = Number(req.query.offset) || 0;
  const { rows, count } = await Order.findAndCountAll({ limit, offset, order: [['id', 'ASC']] }); // ok: unbounded-query
  res.json({ rows, count });
});

router.get('/orders/latest', async (req, res) => {
  const latest = await Order.findAll({ order: [['createdAt', 'DESC']], limit: 10 }); // ok: unbounded-query
  res.json(latest);
});

router.get('/customers/:id/orders', async (req, res) => {
  const orders = await Order.findAll({ where: { customerId: req.params.id } }); // ok: unbounded-query
  res.json(orders);
});

router.get('/orders/overdue', async (_req, res) => {
  const overdue = await Order.findAll({ // ok: unbounded-query
    where: { status: 'open', dueAt: { [Op.lt]: new Date() } },
    order: [['dueAt', 'ASC']],
  });
  res.json(overdue);
});

function buildWhere(query) {
  const where = {};
  if (query.status) where.status = query.status;
  if (query.customerId) where.customerId = query.customerId;
  return where;
}

router.get('/orders/search', async (req, res) => {
  const found = await Order.findAll({ where: buildWhere(req.query) }); // ok: unbounded-query
  res.json(found);
});

router.get('/orders/:id', async (req, res) => {
  const order = await Order.findByPk(req.params.id, { include: [LineItem] }); // ok: unbounded-query
  if (!order) return res.status(404).end();
  const line = order.LineItems.find((li) => li.sku === req.query.sku); // ok: unbounded-query
  res.json(line ? { order, line } : order);
});

router.get('/customers/first', async (_req, res) => {
  const first = await Customer.findOne({ order: [['createdAt', 'ASC']] }); // ok: unbounded-query
  res.json(first);
});

router.get('/stats', async (_req, res) => {
  const total = await Order.count(); // ok: unbounded-query
  res.json({ total });
});

module.exports = router;
