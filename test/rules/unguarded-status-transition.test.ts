import { unguardedStatusTransition } from '../../src/core/rules/unguarded-status-transition';
import { runDocsExamples, runFixtureTests, runRuleTests, type InvalidCase, type RuleCase } from './ruleTester';

const prisma = "import { PrismaClient } from '@prisma/client';\nconst prisma = new PrismaClient();\n";
const knexDb = "import knex from 'knex';\nconst db = knex({ client: 'pg' });\n";
const pg = "const { Pool } = require('pg');\nconst pool = new Pool();\n";
const typeorm = "import { DataSource, Repository } from 'typeorm';\nimport { Order } from './order.entity';\n";

const invalid: InvalidCase[] = [
  {
    name: 'Sequelize bulk update filtered by an operator on another column',
    code: "const { Op } = require('sequelize');\nconst { Account } = require('../models');\nasync function suspendOverdue() {\n  await Account.update({ state: 'suspended' }, { where: { balance: { [Op.lt]: 0 } } });\n}\nmodule.exports = { suspendOverdue };\n",
    file: 'src/jobs.js',
    line: 4,
  },
  {
    name: 'MongoDB updateMany selecting by age (updatedAt range is no version check)',
    code: "import { MongoClient } from 'mongodb';\nconst mongo = new MongoClient('mongodb://x');\nexport async function archive(before: Date) {\n  await mongo.db('app').collection('tickets').updateMany({ updatedAt: { $lt: before } }, { $set: { status: 'archived' } });\n}\n",
    line: 4,
  },
  {
    name: 'TypeORM EntityManager getRepository(…).update',
    code: "import { EntityManager } from 'typeorm';\nexport class Invoices {\n  constructor(private readonly manager: EntityManager) {}\n  async void(id: string) {\n    await this.manager.getRepository('Invoice').update(id, { status: 'void' });\n  }\n}\n",
    line: 5,
  },
  // ---- Prisma ----------------------------------------------------------------------------------
  {
    name: 'Prisma update by id',
    code: `${prisma}export function ship(id: string) {\n  return prisma.order.update({ where: { id }, data: { status: 'SHIPPED', shippedAt: new Date() } });\n}\n`,
    line: 4,
    text: "prisma.order.update({ where: { id }, data: { status: 'SHIPPED', shippedAt: new Date() } })",
    severity: 'MEDIUM',
    messageIncludes: ['prisma.order.update(…)', "'SHIPPED'", 'compare-and-set', 'concurrent'],
  },
  {
    name: 'Prisma updateMany with an id list',
    code: `${prisma}export const archive = (ids: string[]) => prisma.order.updateMany({ where: { id: { in: ids } }, data: { status: 'ARCHIVED' } });\n`,
  },
  {
    name: 'Prisma enum member and the set form',
    code: `${prisma}import { OrderStatus } from '@prisma/client';\nexport const cancel = (id: string) => prisma.order.update({ where: { id }, data: { status: { set: OrderStatus.CANCELLED } } });\n`,
    messageIncludes: ['OrderStatus.CANCELLED'],
  },
  {
    name: 'Prisma state field through PrismaService, value in a const',
    code: "import { PrismaService } from './prisma.service';\nconst DONE = 'done';\nexport class Jobs {\n  constructor(private readonly prisma: PrismaService) {}\n  finish(id: number) {\n    return this.prisma.job.update({ where: { id }, data: { state: DONE } });\n  }\n}\n",
    line: 6,
    messageIncludes: ['`state`'],
  },
  {
    name: 'Prisma paymentStatus field',
    code: `${prisma}export const refund = (id: string) => prisma.invoice.update({ where: { id }, data: { paymentStatus: 'REFUNDED' } });\n`,
  },
  // ---- TypeORM ----------------------------------------------------------------------------------
  {
    name: 'TypeORM repository update({ id }, { status })',
    code: `${typeorm}export class Orders {\n  constructor(private readonly repo: Repository<Order>) {}\n  async suspend(id: string) {\n    await this.repo.update({ id }, { status: 'suspended' });\n  }\n}\n`,
    line: 6,
  },
  {
    name: 'TypeORM update with a plain id',
    code: `${typeorm}export const close = (repo: Repository<Order>, orderId: string) => repo.update(orderId, { status: 'closed' });\n`,
  },
  {
    name: 'TypeORM manager.update(Entity, criteria, values)',
    code: `${typeorm}const ds = new DataSource({ type: 'postgres' });\nexport const close = (id: string) => ds.manager.update(Order, { id }, { status: 'closed' });\n`,
  },
  {
    name: 'TypeORM query builder set().where() without the status',
    code: `${typeorm}const ds = new DataSource({ type: 'postgres' });\nexport async function close(id: string) {\n  await ds.createQueryBuilder().update(Order).set({ status: 'closed' }).where('id = :id', { id }).execute();\n}\n`,
    line: 5,
  },
  // ---- Sequelize --------------------------------------------------------------------------------
  {
    name: 'Sequelize Model.update(values, { where: { id } })',
    code: "import { Model } from 'sequelize';\nclass Order extends Model {}\nexport const ship = (id: number) => Order.update({ status: 'shipped' }, { where: { id } });\n",
  },
  {
    name: 'Sequelize define() model, CommonJS',
    code: "const { Sequelize, DataTypes } = require('sequelize');\nconst sequelize = new Sequelize('postgres://db');\nconst Ticket = sequelize.define('Ticket', { state: DataTypes.STRING });\nasync function close(id) {\n  await Ticket.update({ state: 'closed' }, { where: { id }, returning: true });\n}\nmodule.exports = { close };\n",
    line: 5,
  },
  // ---- Mongoose / MongoDB -----------------------------------------------------------------------
  {
    name: 'Mongoose updateOne({ _id }, { $set: { status } })',
    code: "import mongoose from 'mongoose';\nconst Order = mongoose.model('Order', new mongoose.Schema({ status: String }));\nexport const ship = (id: string) => Order.updateOne({ _id: id }, { $set: { status: 'shipped' } });\n",
  },
  {
    name: 'Mongoose findByIdAndUpdate',
    code: "import { model, Schema } from 'mongoose';\nconst Order = model('Order', new Schema({ status: String }));\nexport const ship = (id: string) => Order.findByIdAndUpdate(id, { status: 'shipped' }, { new: true });\n",
  },
  {
    name: 'Mongoose findOneAndUpdate on an injected Model<T>',
    code: "import { Model } from 'mongoose';\nexport class Orders {\n  constructor(private readonly orders: Model<unknown>) {}\n  cancel(orderId: string) {\n    return this.orders.findOneAndUpdate({ orderId }, { $set: { status: 'cancelled', cancelledAt: new Date() } });\n  }\n}\n",
  },
  {
    name: 'a camelCase project model (ordersModel) with findOneAndUpdate',
    code: "import { ordersModel } from '../models/orders';\nexport const cancel = (id: string) => ordersModel.findOneAndUpdate({ _id: id }, { $set: { status: 'Cancelled' } }, { new: true });\n",
  },
  {
    name: 'MongoDB driver updateOne',
    code: "import { MongoClient, ObjectId } from 'mongodb';\nconst client = new MongoClient('mongodb://db');\nexport const ship = (id: string) => client.db().collection('orders').updateOne({ _id: new ObjectId(id) }, { $set: { status: 'shipped' } });\n",
  },
  // ---- knex / drizzle ---------------------------------------------------------------------------
  {
    name: 'knex where({ id }).update({ status })',
    code: `${knexDb}export async function markDelivered(id: string) {\n  await db('shipments').where({ id }).update({ status: 'delivered', delivered_at: db.fn.now() });\n}\n`,
    line: 4,
    text: "db('shipments').where({ id }).update({ status: 'delivered', delivered_at: db.fn.now() })",
  },
  {
    name: "knex where('id', id).update('state', 'done')",
    code: `${knexDb}export const done = (id: number) => db('jobs').where('id', id).update('state', 'done');\n`,
  },
  {
    name: 'knex in a transaction without a lock',
    code: `${knexDb}export const done = (id: number) => db.transaction(async (trx) => {\n  await trx('jobs').where({ id }).update({ state: 'done' });\n});\n`,
    line: 4,
  },
  {
    name: 'drizzle update().set().where() without the status',
    code: "import { drizzle } from 'drizzle-orm/node-postgres';\nimport { eq } from 'drizzle-orm';\nimport { orders } from './schema';\nconst db = drizzle('postgres://db');\nexport const ship = (id: number) => db.update(orders).set({ status: 'shipped' }).where(eq(orders.id, id));\n",
  },
  // ---- raw SQL ----------------------------------------------------------------------------------
  {
    name: 'pg UPDATE … SET status WHERE id = $1',
    code: `${pg}export const ship = (id: string) => pool.query("UPDATE orders SET status = 'shipped' WHERE id = $1", [id]);\n`,
    messageIncludes: ["'shipped'"],
  },
  {
    name: 'pg with the status bound as a parameter',
    code: `${pg}export const ship = (id: string) => pool.query('UPDATE orders SET status = $1, shipped_at = now() WHERE id = $2', ['shipped', id]);\n`,
    messageIncludes: ["'shipped'"],
  },
  {
    name: 'mysql2 with the status bound to a ? placeholder',
    code: "import mysql from 'mysql2/promise';\nconst pool = mysql.createPool({});\nexport const done = (id: number) => pool.query('UPDATE jobs SET state = ? WHERE id = ?', ['done', id]);\n",
  },
  {
    name: 'mysql2 execute with a state column',
    code: "import mysql from 'mysql2/promise';\nconst pool = mysql.createPool({});\nexport const done = (id: number) => pool.execute(\"UPDATE jobs SET state = 'done', finished_at = NOW() WHERE id = ?\", [id]);\n",
  },
  {
    name: 'Prisma tagged $executeRaw with the id as a parameter',
    code: `${prisma}export const ship = (id: string) => prisma.$executeRaw\`UPDATE "Order" SET status = 'SHIPPED' WHERE id = \${id}\`;\n`,
  },
  {
    name: 'a plain read and an in-memory check, without a lock',
    code: `${prisma}export async function ship(id: string) {\n  const order = await prisma.order.findUniqueOrThrow({ where: { id } });\n  if (order.status !== 'PAID') throw new Error('not paid');\n  await prisma.order.update({ where: { id }, data: { status: 'SHIPPED' } });\n}\n`,
    line: 6,
  },
];

const valid: (string | RuleCase)[] = [
  { name: 'Sequelize where with the status under Op.in', code: "import { Op, Model } from 'sequelize';\nclass Invoice extends Model {}\nexport async function v(id: number) {\n  await Invoice.update({ status: 'void' }, { where: { id, status: { [Op.in]: ['draft', 'open'] } } });\n}\n" },
  { name: 'Sequelize where with the status inside Op.or', code: "import { Op, Model } from 'sequelize';\nclass Invoice extends Model {}\nexport async function v(id: number) {\n  await Invoice.update({ status: 'void' }, { where: { id, [Op.or]: [{ status: 'draft' }, { status: 'open' }] } });\n}\n" },
  { name: 'Prisma version check by updatedAt equality', code: `${prisma}export async function ship(id: string, seen: Date) {\n  await prisma.order.updateMany({ where: { id, updatedAt: seen }, data: { status: 'SHIPPED' } });\n}\n` },
  { name: 'Prisma compare-and-set', code: `${prisma}export const markPaid = (id: string) => prisma.order.updateMany({ where: { id, status: 'PENDING' }, data: { status: 'PAID' } });\n` },
  { name: 'Prisma status in a nested filter', code: `${prisma}export const cancel = (id: string) => prisma.order.updateMany({ where: { id, status: { in: ['PENDING', 'PAID'] } }, data: { status: 'CANCELLED' } });\n` },
  { name: 'Prisma status under AND', code: `${prisma}export const cancel = (id: string) => prisma.order.updateMany({ where: { AND: [{ id }, { status: 'PENDING' }] }, data: { status: 'CANCELLED' } });\n` },
  { name: 'Prisma optimistic version check', code: `${prisma}export const ship = (id: string, version: number) => prisma.order.updateMany({ where: { id, version }, data: { status: 'SHIPPED', version: { increment: 1 } } });\n` },
  { name: 'Prisma status from a parameter (not a literal)', code: `${prisma}export const setStatus = (id: string, status: 'A' | 'B') => prisma.order.update({ where: { id }, data: { status } });\n` },
  { name: 'Prisma create with an initial status', code: `${prisma}export const place = (customerId: string) => prisma.order.create({ data: { customerId, status: 'PENDING' } });\n` },
  { name: 'Prisma where held in a variable', code: `${prisma}export const ship = (where: { id: string }) => prisma.order.update({ where, data: { status: 'SHIPPED' } });\n` },
  { name: 'Prisma update of other fields', code: `${prisma}export const rename = (id: string, name: string) => prisma.order.update({ where: { id }, data: { name } });\n` },
  { name: 'TypeORM read under a pessimistic lock in a transaction', code: `${typeorm}const ds = new DataSource({ type: 'postgres' });\nexport const ship = (id: string) => ds.transaction(async (manager) => {\n  const order = await manager.findOneOrFail(Order, { where: { id }, lock: { mode: 'pessimistic_write' } });\n  if (order.status !== 'paid') throw new Error('not paid');\n  await manager.update(Order, { id }, { status: 'shipped' });\n});\n` },
  { name: 'TypeORM criteria object in a variable', code: `${typeorm}export const close = (repo: Repository<Order>, criteria: object) => repo.update(criteria, { status: 'closed' });\n` },
  { name: 'TypeORM criteria with the status', code: `${typeorm}export const close = (repo: Repository<Order>, id: string) => repo.update({ id, status: 'open' }, { status: 'closed' });\n` },
  { name: 'TypeORM query builder where mentions status', code: `${typeorm}const ds = new DataSource({ type: 'postgres' });\nexport const close = (id: string) => ds.createQueryBuilder().update(Order).set({ status: 'closed' }).where('id = :id AND status = :from', { id, from: 'open' }).execute();\n` },
  { name: 'Sequelize instance update (no filter to judge)', code: "import { Model } from 'sequelize';\nclass Order extends Model {}\nexport async function ship(order: Order) {\n  await order.update({ status: 'shipped' });\n}\n" },
  { name: 'Sequelize where with the status', code: "import { Model, Op } from 'sequelize';\nclass Order extends Model {}\nexport const ship = (id: number) => Order.update({ status: 'shipped' }, { where: { id, status: { [Op.eq]: 'paid' } } });\n" },
  { name: 'Sequelize read with lock in a transaction', code: "import { Model, Sequelize } from 'sequelize';\nconst sequelize = new Sequelize('postgres://db');\nclass Order extends Model {}\nexport const ship = (id: number) => sequelize.transaction(async (t) => {\n  const order = await Order.findByPk(id, { transaction: t, lock: t.LOCK.UPDATE });\n  if (!order) return;\n  await Order.update({ status: 'shipped' }, { where: { id }, transaction: t });\n});\n" },
  { name: 'Mongoose filter with the status', code: "import mongoose from 'mongoose';\nconst Order = mongoose.model('Order', new mongoose.Schema({ status: String }));\nexport const ship = (id: string) => Order.updateOne({ _id: id, status: 'paid' }, { $set: { status: 'shipped' } });\n" },
  { name: 'Mongoose $inc only', code: "import mongoose from 'mongoose';\nconst Order = mongoose.model('Order', new mongoose.Schema({ views: Number }));\nexport const view = (id: string) => Order.updateOne({ _id: id }, { $inc: { views: 1 } });\n" },
  { name: 'knex compare-and-set', code: `${knexDb}export const handOver = (id: string) => db('shipments').where({ id, status: 'label_created' }).update({ status: 'handed_over' });\n` },
  { name: "knex where('status', …)", code: `${knexDb}export const handOver = (id: string) => db('shipments').where('id', id).andWhere('status', 'label_created').update({ status: 'handed_over' });\n` },
  { name: 'knex read with forUpdate in a transaction', code: `${knexDb}export const ship = (id: string) => db.transaction(async (trx) => {\n  const row = await trx('orders').where({ id }).forUpdate().first();\n  if (row.status !== 'paid') return;\n  await trx('orders').where({ id }).update({ status: 'shipped' });\n});\n` },
  { name: 'knex mass update without a where (another rule)', code: `${knexDb}export const reset = () => db('jobs').update({ state: 'pending' });\n` },
  { name: 'raw SQL compare-and-set', code: `${pg}export const ship = (id: string) => pool.query("UPDATE orders SET status = 'shipped' WHERE id = $1 AND status = 'paid'", [id]);\n` },
  { name: 'raw SQL status from a parameter', code: `${pg}export const set = (id: string, s: string) => pool.query('UPDATE orders SET status = $2 WHERE id = $1', [id, s]);\n` },
  { name: 'raw SQL status bound from a variable parameter', code: `${pg}export const set = (id: string, status: string) => pool.query('UPDATE orders SET status = $1 WHERE id = $2', [status, id]);\n` },
  { name: 'Prisma boolean status flag', code: `${prisma}export const complete = (id: number) => prisma.order.update({ where: { id }, data: { status: true } });\n` },
  { name: 'raw SELECT … FOR UPDATE before the update', code: `${pg}export async function ship(id: string) {\n  const client = await pool.connect();\n  await client.query('BEGIN');\n  const { rows } = await client.query('SELECT status FROM orders WHERE id = $1 FOR UPDATE', [id]);\n  if (rows[0].status === 'paid') await client.query("UPDATE orders SET status = 'shipped' WHERE id = $1", [id]);\n  await client.query('COMMIT');\n}\n` },
  { name: 'Prisma in a SERIALIZABLE transaction after a read', code: `${prisma}import { Prisma } from '@prisma/client';\nexport const ship = (id: string) => prisma.$transaction(async (tx) => {\n  const o = await tx.order.findUniqueOrThrow({ where: { id } });\n  if (o.status !== 'PAID') throw new Error('x');\n  await tx.order.update({ where: { id }, data: { status: 'SHIPPED' } });\n}, { isolationLevel: Prisma.TransactionIsolationLevel.Serializable });\n` },
  { name: 'an application lock around the transition', code: `${prisma}declare const redlock: { using<T>(keys: string[], ms: number, fn: () => Promise<T>): Promise<T> };\nexport const ship = (id: string) => redlock.using([\`order:\${id}\`], 5000, async () => {\n  await prisma.order.update({ where: { id }, data: { status: 'SHIPPED' } });\n});\n` },
  { name: 'an address state on a non-database object', code: 'const form = { update(v: object) { return v; } };\nexport const setState = () => form.update({ state: "CA" });\n' },
  { name: 'migration files are not checked (a backfill, not a transition)', file: 'src/migrations/1700000000000-Backfill.ts', code: "import { MigrationInterface, QueryRunner } from 'typeorm';\nexport class Backfill1700000000000 implements MigrationInterface {\n  async up(q: QueryRunner) {\n    await q.query(\"UPDATE orders SET status = 'legacy' WHERE created_at < '2020-01-01'\");\n  }\n  async down() {}\n}\n" },
  { name: 'test files are not checked', file: 'test/orders.test.ts', code: `${prisma}it('ships', () => prisma.order.update({ where: { id: '1' }, data: { status: 'SHIPPED' } }));\n` },
];

runRuleTests(unguardedStatusTransition, { valid, invalid });
runFixtureTests(unguardedStatusTransition);
runDocsExamples(unguardedStatusTransition);
