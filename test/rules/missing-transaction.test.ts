import { missingTransaction } from '../../src/core/rules/missing-transaction';
import { runDocsExamples, runFixtureTests, runRuleTests, type InvalidCase, type RuleCase } from './ruleTester';

const prisma = "import { PrismaClient } from '@prisma/client';\nconst prisma = new PrismaClient();\n";
const knexDb = "import knex from 'knex';\nconst db = knex({ client: 'pg' });\n";
const pg = "const { Pool } = require('pg');\nconst pool = new Pool();\n";
const typeorm = "import { DataSource, Repository } from 'typeorm';\nimport { Order, OrderItem, AuditLog } from './entities';\n";
const sequelize = "import { Model, Sequelize } from 'sequelize';\nconst sequelize = new Sequelize('postgres://db');\nclass Order extends Model {}\nclass Payment extends Model {}\n";
const mongooseModels = "import mongoose from 'mongoose';\nconst Order = mongoose.model('Order', new mongoose.Schema({ status: String }));\nconst Stock = mongoose.model('Stock', new mongoose.Schema({ sku: String, qty: Number }));\n";

const invalid: InvalidCase[] = [
  {
    name: 'MongoDB collections of an untyped client parameter',
    code: "async function place(client, order) {\n  const db = client.db('app');\n  await db.collection('orders').insertOne(order);\n  await db.collection('inventory').updateOne({ sku: order.sku }, { $inc: { qty: -1 } });\n}\nmodule.exports = { place };\n",
    file: 'src/orders.js',
  },
  // ---- Prisma ----------------------------------------------------------------------------------
  {
    name: 'Prisma update then create on another model',
    code: `${prisma}export async function cancel(id: string, reason: string) {\n  await prisma.order.update({ where: { id }, data: { status: 'CANCELLED' } });\n  await prisma.refundRequest.create({ data: { orderId: id, reason } });\n}\n`,
    line: 5,
    text: 'prisma.refundRequest.create({ data: { orderId: id, reason } })',
    severity: 'MEDIUM',
    related: 1,
    messageIncludes: ['`refundRequest`', '`order`', 'no transaction', 'prisma.$transaction'],
  },
  {
    name: 'Prisma through an injected PrismaService',
    code: "import { PrismaService } from './prisma.service';\nexport class Accounts {\n  constructor(private readonly prisma: PrismaService) {}\n  async close(id: string) {\n    await this.prisma.session.deleteMany({ where: { userId: id } });\n    await this.prisma.user.update({ where: { id }, data: { closedAt: new Date() } });\n  }\n}\n",
    line: 6,
  },
  {
    name: 'Prisma writes side by side in Promise.all',
    code: `${prisma}export async function place(customerId: string) {\n  await Promise.all([\n    prisma.order.create({ data: { customerId } }),\n    prisma.cart.deleteMany({ where: { customerId } }),\n  ]);\n}\n`,
    line: 6,
  },
  {
    name: 'Prisma item writes in a map callback after the order write',
    code: `${prisma}export async function place(customerId: string, lines: { sku: string }[]) {\n  const order = await prisma.order.create({ data: { customerId } });\n  await Promise.all(lines.map((l) => prisma.orderItem.create({ data: { orderId: order.id, sku: l.sku } })));\n  return order;\n}\n`,
    line: 5,
  },
  {
    name: 'Prisma three writes give one finding, at the second',
    code: `${prisma}export async function onboard(email: string) {\n  const user = await prisma.user.create({ data: { email } });\n  await prisma.profile.create({ data: { userId: user.id } });\n  await prisma.auditLog.create({ data: { action: 'onboard', userId: user.id } });\n}\n`,
    line: 5,
    count: 1,
  },
  {
    name: 'Prisma raw write and model write',
    code: `${prisma}export async function move(id: string) {\n  await prisma.$executeRaw\`INSERT INTO "Archive" SELECT * FROM "Order" WHERE id = \${id}\`;\n  await prisma.order.delete({ where: { id } });\n}\n`,
    line: 5,
  },
  // ---- TypeORM ----------------------------------------------------------------------------------
  {
    name: 'TypeORM two repositories',
    code: `${typeorm}export class Checkout {\n  constructor(private readonly orders: Repository<Order>, private readonly items: Repository<OrderItem>) {}\n  async place(order: Order, lines: OrderItem[]) {\n    await this.orders.save(order);\n    await this.items.save(lines);\n  }\n}\n`,
    line: 7,
  },
  {
    name: 'TypeORM dataSource.manager with entity targets',
    code: `${typeorm}const ds = new DataSource({ type: 'postgres' });\nexport async function place(order: Order) {\n  await ds.manager.insert(Order, order);\n  await ds.manager.insert(AuditLog, { action: 'order.placed' });\n}\n`,
    line: 6,
  },
  {
    name: 'TypeORM getRepository(E) writes',
    code: `${typeorm}const ds = new DataSource({ type: 'postgres' });\nexport async function ship(id: string) {\n  await ds.getRepository(Order).update(id, { shippedAt: new Date() });\n  await ds.getRepository(AuditLog).insert({ action: 'order.shipped' });\n}\n`,
  },
  // ---- Sequelize --------------------------------------------------------------------------------
  {
    name: 'Sequelize two models',
    code: `${sequelize}export async function pay(orderId: number, amount: number) {\n  await Payment.create({ orderId, amount });\n  await Order.update({ paid: true }, { where: { id: orderId } });\n}\n`,
    line: 7,
  },
  {
    name: 'Sequelize define() models, CommonJS',
    code: "const { Sequelize, DataTypes } = require('sequelize');\nconst sequelize = new Sequelize('postgres://db');\nconst Cart = sequelize.define('Cart', { id: DataTypes.UUID });\nconst CartItem = sequelize.define('CartItem', { cartId: DataTypes.UUID });\nasync function drop(cartId) {\n  await CartItem.destroy({ where: { cartId } });\n  await Cart.destroy({ where: { id: cartId } });\n}\nmodule.exports = { drop };\n",
    line: 7,
  },
  {
    name: 'project models imported from ./models',
    code: "import { Order, Payment } from './models';\nexport async function pay(orderId: string) {\n  await Payment.create({ orderId });\n  await Order.findByIdAndUpdate(orderId, { paid: true });\n}\n",
    line: 4,
  },
  // ---- Mongoose / MongoDB -----------------------------------------------------------------------
  {
    name: 'Mongoose two models',
    code: `${mongooseModels}export async function reserve(orderId: string, sku: string) {\n  await Stock.updateOne({ sku }, { $inc: { qty: -1 } });\n  await Order.updateOne({ _id: orderId }, { $set: { status: 'reserved' } });\n}\n`,
    line: 6,
  },
  {
    name: 'Mongoose documents saved one after the other',
    code: `${mongooseModels}export async function place(sku: string) {\n  const order = new Order({ status: 'new' });\n  await order.save();\n  const stock = await Stock.findOne({ sku });\n  stock!.qty -= 1;\n  await stock!.save();\n}\n`,
    line: 9,
  },
  {
    name: 'MongoDB driver two collections',
    code: "import { MongoClient } from 'mongodb';\nconst client = new MongoClient('mongodb://db');\nexport async function place(order: { sku: string }) {\n  const db = client.db('shop');\n  await db.collection('orders').insertOne(order);\n  await db.collection('stock').updateOne({ sku: order.sku }, { $inc: { qty: -1 } });\n}\n",
    line: 6,
  },
  // ---- knex / raw SQL / drizzle -----------------------------------------------------------------
  {
    name: 'knex insert into two tables',
    code: `${knexDb}export async function register(email: string) {\n  const [user] = await db('users').insert({ email }).returning('*');\n  await db('audit_log').insert({ user_id: user.id, action: 'register' });\n}\n`,
    line: 5,
    text: "db('audit_log').insert({ user_id: user.id, action: 'register' })",
  },
  {
    name: 'knex typed Knex parameter, update and delete',
    code: "import type { Knex } from 'knex';\nexport async function merge(db: Knex, from: number, into: number) {\n  await db('orders').where({ customer_id: from }).update({ customer_id: into });\n  await db('customers').where({ id: from }).del();\n}\n",
    line: 4,
  },
  {
    name: 'pg pool: two INSERTs without BEGIN',
    code: `${pg}export async function place(customerId: string, sku: string) {\n  const { rows } = await pool.query('INSERT INTO orders (customer_id) VALUES ($1) RETURNING id', [customerId]);\n  await pool.query('INSERT INTO order_items (order_id, sku) VALUES ($1, $2)', [rows[0].id, sku]);\n}\n`,
    line: 5,
    messageIncludes: ['`order_items`', '`orders`', 'BEGIN'],
  },
  {
    name: 'mysql2 execute on two tables',
    code: "import mysql from 'mysql2/promise';\nconst pool = mysql.createPool({});\nexport async function pay(orderId: number) {\n  await pool.execute('UPDATE orders SET paid = 1 WHERE id = ?', [orderId]);\n  await pool.execute('INSERT INTO ledger (order_id) VALUES (?)', [orderId]);\n}\n",
    line: 5,
  },
  {
    name: 'drizzle inserts into two tables',
    code: "import { drizzle } from 'drizzle-orm/node-postgres';\nimport { orders, orderItems } from './schema';\nconst db = drizzle('postgres://db');\nexport async function place(customerId: number) {\n  const [order] = await db.insert(orders).values({ customerId }).returning();\n  await db.insert(orderItems).values({ orderId: order.id, sku: 'x' });\n}\n",
    line: 6,
  },
];

const valid: (string | RuleCase)[] = [
  { name: 'MongoDB: two writes to the same collection of an untyped client', file: 'src/orders.js', code: "async function place(client, a, b) {\n  await client.db('app').collection('orders').insertOne(a);\n  await client.db('app').collection('orders').insertOne(b);\n}\nmodule.exports = { place };\n" },
  { name: 'MongoDB: writes on a session inside withTransaction', file: 'src/orders.js', code: "async function place(client, order) {\n  const session = client.startSession();\n  await session.withTransaction(async () => {\n    await client.db('app').collection('orders').insertOne(order, { session });\n    await client.db('app').collection('inventory').updateOne({ sku: order.sku }, { $inc: { qty: -1 } }, { session });\n  });\n}\nmodule.exports = { place };\n" },
  { name: 'Prisma interactive transaction', code: `${prisma}export const cancel = (id: string) => prisma.$transaction(async (tx) => {\n  await tx.order.update({ where: { id }, data: { status: 'CANCELLED' } });\n  await tx.refundRequest.create({ data: { orderId: id } });\n});\n` },
  { name: 'Prisma batch transaction (array form)', code: `${prisma}export const cancel = (id: string) => prisma.$transaction([\n  prisma.order.update({ where: { id }, data: { status: 'CANCELLED' } }),\n  prisma.refundRequest.create({ data: { orderId: id } }),\n]);\n` },
  { name: 'Prisma helper that receives a transaction client', code: "import { Prisma } from '@prisma/client';\nexport async function cancelIn(tx: Prisma.TransactionClient, id: string) {\n  await tx.order.update({ where: { id }, data: { status: 'CANCELLED' } });\n  await tx.refundRequest.create({ data: { orderId: id } });\n}\n" },
  { name: 'two writes to the same model', code: `${prisma}export async function touch(id: string) {\n  await prisma.order.update({ where: { id }, data: { seenAt: new Date() } });\n  await prisma.order.update({ where: { id }, data: { status: 'SEEN' } });\n}\n` },
  { name: 'Prisma nested write is one statement', code: `${prisma}export const place = (customerId: string) => prisma.order.create({ data: { customerId, items: { create: [{ sku: 'a' }] } } });\n` },
  { name: 'TypeORM dataSource.transaction', code: `${typeorm}const ds = new DataSource({ type: 'postgres' });\nexport const place = (order: Order, items: OrderItem[]) => ds.transaction(async (manager) => {\n  await manager.save(Order, order);\n  await manager.save(OrderItem, items);\n});\n` },
  { name: 'TypeORM @Transactional()', code: `${typeorm}declare function Transactional(): MethodDecorator;\nexport class Checkout {\n  constructor(private readonly orders: Repository<Order>, private readonly items: Repository<OrderItem>) {}\n  @Transactional()\n  async place(order: Order, lines: OrderItem[]) {\n    await this.orders.save(order);\n    await this.items.save(lines);\n  }\n}\n` },
  { name: 'TypeORM QueryRunner transaction', code: `${typeorm}const ds = new DataSource({ type: 'postgres' });\nexport async function place(order: Order) {\n  const qr = ds.createQueryRunner();\n  await qr.startTransaction();\n  try {\n    await qr.manager.insert(Order, order);\n    await qr.manager.insert(AuditLog, { action: 'placed' });\n    await qr.commitTransaction();\n  } catch (e) {\n    await qr.rollbackTransaction();\n    throw e;\n  }\n}\n` },
  { name: 'Sequelize managed transaction', code: `${sequelize}export const pay = (orderId: number) => sequelize.transaction(async (t) => {\n  await Payment.create({ orderId }, { transaction: t });\n  await Order.update({ paid: true }, { where: { id: orderId }, transaction: t });\n});\n` },
  { name: 'Sequelize unmanaged transaction', code: `${sequelize}export async function pay(orderId: number) {\n  const t = await sequelize.transaction();\n  await Payment.create({ orderId }, { transaction: t });\n  await Order.update({ paid: true }, { where: { id: orderId }, transaction: t });\n  await t.commit();\n}\n` },
  { name: 'knex transaction', code: `${knexDb}export const register = (email: string) => db.transaction(async (trx) => {\n  const [user] = await trx('users').insert({ email }).returning('*');\n  await trx('audit_log').insert({ user_id: user.id });\n});\n` },
  { name: 'knex helper taking a Knex.Transaction', code: "import type { Knex } from 'knex';\nexport async function register(trx: Knex.Transaction, email: string) {\n  await trx('users').insert({ email });\n  await trx('audit_log').insert({ action: 'register' });\n}\n" },
  { name: 'pg BEGIN / COMMIT on one client', code: `${pg}export async function place(customerId: string) {\n  const client = await pool.connect();\n  try {\n    await client.query('BEGIN');\n    const { rows } = await client.query('INSERT INTO orders (customer_id) VALUES ($1) RETURNING id', [customerId]);\n    await client.query('INSERT INTO order_items (order_id) VALUES ($1)', [rows[0].id]);\n    await client.query('COMMIT');\n  } catch (e) {\n    await client.query('ROLLBACK');\n    throw e;\n  } finally {\n    client.release();\n  }\n}\n` },
  { name: 'Mongoose session.withTransaction', code: `${mongooseModels}export async function reserve(orderId: string, sku: string) {\n  const session = await mongoose.startSession();\n  await session.withTransaction(async () => {\n    await Stock.updateOne({ sku }, { $inc: { qty: -1 } }, { session });\n    await Order.updateOne({ _id: orderId }, { status: 'reserved' }, { session });\n  });\n}\n` },
  { name: 'writes in different branches of an if', code: `${prisma}export async function record(kind: 'a' | 'b', id: string) {\n  if (kind === 'a') {\n    await prisma.alpha.create({ data: { id } });\n  } else {\n    await prisma.beta.create({ data: { id } });\n  }\n}\n` },
  { name: 'the first branch returns', code: `${prisma}export async function record(existing: boolean, id: string) {\n  if (existing) {\n    await prisma.alpha.update({ where: { id }, data: { seen: true } });\n    return;\n  }\n  await prisma.beta.create({ data: { id } });\n}\n` },
  { name: 'a write in the catch records the failure', code: `${prisma}export async function charge(id: string) {\n  try {\n    await prisma.payment.create({ data: { orderId: id } });\n  } catch (err) {\n    await prisma.paymentFailure.create({ data: { orderId: id, reason: String(err) } });\n  }\n}\n` },
  { name: 'writes to two different databases', code: `${prisma}import mongoose from 'mongoose';\nconst Audit = mongoose.model('Audit', new mongoose.Schema({ action: String }));\nexport async function ship(id: string) {\n  await prisma.order.update({ where: { id }, data: { shippedAt: new Date() } });\n  await Audit.create({ action: 'shipped' });\n}\n` },
  { name: 'helpers that write are not followed', code: `${prisma}async function markShipped(id: string) {\n  await prisma.order.update({ where: { id }, data: { shippedAt: new Date() } });\n}\nasync function logShipment(id: string) {\n  await prisma.auditLog.create({ data: { action: 'ship', ref: id } });\n}\nexport async function ship(id: string) {\n  await markShipped(id);\n  await logShipment(id);\n}\n` },
  { name: 'two route handlers registered by one function', code: `${prisma}export function routes(app: { post(path: string, h: (req: any) => Promise<void>): void }) {\n  app.post('/a', async (req) => {\n    await prisma.alpha.create({ data: req.body });\n  });\n  app.post('/b', async (req) => {\n    await prisma.beta.create({ data: req.body });\n  });\n}\n` },
  { name: 'a read and one write', code: `${prisma}export async function ship(id: string) {\n  const order = await prisma.order.findUniqueOrThrow({ where: { id } });\n  await prisma.shipment.create({ data: { orderId: order.id } });\n}\n` },
  { name: 'migration files are not checked (the tool runs each in a transaction)', file: 'migrations/20240101_split.ts', code: "import type { Knex } from 'knex';\nexport async function up(knex: Knex) {\n  await knex('profiles').insert({ user_id: 1, bio: '' });\n  await knex('users').where({ id: 1 }).update({ bio: null });\n}\n" },
  { name: 'seed scripts are not checked', file: 'prisma/seed.ts', code: `${prisma}async function main() {\n  await prisma.user.create({ data: { email: 'a@example.com' } });\n  await prisma.product.create({ data: { name: 'x' } });\n}\nmain();\n` },
];

runRuleTests(missingTransaction, { valid, invalid });
runFixtureTests(missingTransaction);
runDocsExamples(missingTransaction);
