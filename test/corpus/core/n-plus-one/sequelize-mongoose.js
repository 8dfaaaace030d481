const { Sequelize, DataTypes, Model, Op } = require('sequelize');
const mongoose = require('mongoose');
const { Order, LineItem } = require('./models');
const Review = require('./models/review');

const sequelize = new Sequelize(process.env.DATABASE_URL);
const Customer = sequelize.define('Customer', { email: DataTypes.STRING });
class Coupon extends Model {}
Coupon.init({ code: DataTypes.STRING }, { sequelize });

const userSchema = new mongoose.Schema({ name: String, teamId: String });
const User = mongoose.model('User', userSchema);

async function customersForOrders(orders) {
  for (const order of orders) {
    order.customer = await Customer.findByPk(order.customerId); // expect: n-plus-one
  }
  return orders;
}

async function customersForOrdersBatched(orders) {
  const customers = await Customer.findAll({ where: { id: { [Op.in]: orders.map((o) => o.customerId) } } }); // ok: n-plus-one
  const byId = new Map(customers.map((c) => [c.id, c]));
  return orders.map((o) => ({ ...o, customer: byId.get(o.customerId) })); // ok: n-plus-one
}

async function redeem(codes) {
  for (const code of codes) {
    await Coupon.update({ redeemed: true }, { where: { code } }); // expect: n-plus-one
  }
}

async function itemsPerOrder(orderIds) {
  return Promise.all(orderIds.map((id) => LineItem.findAll({ where: { orderId: id } }))); // expect: n-plus-one
}

async function createOrders(payloads) {
  const created = [];
  for (const p of payloads) {
    created.push(await Order.create(p)); // expect: n-plus-one
  }
  return created;
}

async function createOrdersBulk(payloads) {
  return Order.bulkCreate(payloads); // ok: n-plus-one
}

async function rawCounts(tables) {
  const counts = {};
  for (const t of tables) {
    const [rows] = await sequelize.query(`SELECT count(*) AS n FROM "${t}"`); // expect: n-plus-one
    counts[t] = rows[0].n;
  }
  return counts;
}

async function teamMembers(teamIds) {
  const members = {};
  for (const teamId of teamIds) {
    members[teamId] = await User.find({ teamId }); // expect: n-plus-one
  }
  return members;
}

async function teamMembersBatched(teamIds) {
  const users = await User.find({ teamId: { $in: teamIds } }); // ok: n-plus-one
  return teamIds.map((t) => users.filter((u) => u.teamId === t)); // ok: n-plus-one
}

function renameUsers(pairs) {
  return Promise.all(pairs.map(([id, name]) => User.findByIdAndUpdate(id, { name }))); // expect: n-plus-one
}

async function ratings(productIds) {
  const out = [];
  for (const productId of productIds) {
    out.push(await Review.countDocuments({ productId })); // expect: n-plus-one
  }
  return out;
}

async function ratingsAggregated(productIds) {
  return Review.aggregate([{ $match: { productId: { $in: productIds } } }, { $group: { _id: '$productId', n: { $sum: 1 } } }]); // ok: n-plus-one
}

function notifyAll(users, notifier) {
  users.forEach((u) => notifier.queue(u.email)); // ok: n-plus-one
}

module.exports = { customersForOrders, customersForOrdersBatched, redeem, itemsPerOrder, createOrders, createOrdersBulk, rawCounts, teamMembers, teamMembersBatched, renameUsers, ratings, ratingsAggregated, notifyAll };
