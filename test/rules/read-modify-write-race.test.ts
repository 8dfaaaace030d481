import { readModifyWriteRace } from '../../src/core/rules/read-modify-write-race';
import { runDocsExamples, runFixtureTests, runRuleTests, type InvalidCase, type RuleCase } from './ruleTester';

const prisma = "import { PrismaClient } from '@prisma/client';\nconst prisma = new PrismaClient();\n";
const knexDb = "import knex from 'knex';\nconst db = knex({ client: 'pg' });\n";
const typeorm = "import { DataSource, Repository } from 'typeorm';\nimport { Account } from './account.entity';\n";
const sequelizeModel = "import { Model } from 'sequelize';\nclass Product extends Model {\n  declare stock: number;\n}\n";
const mongooseModel = "import mongoose from 'mongoose';\nconst Wallet = mongoose.model('Wallet', new mongoose.Schema({ balance: Number }));\n";

const pg = "import { Pool } from 'pg';\nconst pool = new Pool();\n";
const drizzleDb = "import { drizzle } from 'drizzle-orm/node-postgres';\nimport { eq } from 'drizzle-orm';\nimport { counters } from './schema';\nconst db = drizzle(process.env.DATABASE_URL!);\n";

const invalid: InvalidCase[] = [
  {
    name: 'Sequelize instance update on a short-named read variable',
    code: "const { Model } = require('sequelize');\nclass Seat extends Model {}\nasync function book(id, n) {\n  const s = await Seat.findByPk(id);\n  await s.update({ available: s.available - n });\n}\nmodule.exports = { book };\n",
    file: 'src/seats.js',
    line: 5,
  },
  // ---- raw SQL: SELECT, then an UPDATE parameter computed from its rows -------------------------
  {
    name: 'pg SELECT then UPDATE with a const computed from rows',
    code: `${pg}export async function withdraw(id: number, amount: number) {\n  const { rows } = await pool.query('SELECT balance FROM accounts WHERE id = $1', [id]);\n  const balance = rows[0].balance - amount;\n  await pool.query('UPDATE accounts SET balance = $1 WHERE id = $2', [balance, id]);\n}\n`,
    line: 6,
    messageIncludes: ['`rows`'],
  },
  {
    name: 'mysql2 execute SELECT then UPDATE computed inline',
    code: "import mysql from 'mysql2/promise';\nexport async function withdraw(id: number, amount: number) {\n  const conn = await mysql.createConnection({ host: 'db' });\n  const [rows] = await conn.execute('SELECT balance FROM accounts WHERE id = ?', [id]);\n  await conn.execute('UPDATE accounts SET balance = ? WHERE id = ?', [rows[0].balance - amount, id]);\n}\n",
    line: 5,
  },
  // ---- drizzle: first row of a select ----------------------------------------------------------
  {
    name: 'drizzle const [row] = select, then set({ value: row.value + 1 })',
    code: `${drizzleDb}export async function bump(name: string) {\n  const [row] = await db.select().from(counters).where(eq(counters.name, name));\n  await db.update(counters).set({ value: row.value + 1 }).where(eq(counters.name, name));\n}\n`,
    line: 7,
  },
  // ---- values carried through a const object or an in-memory change ------------------------------
  {
    name: 'Prisma const object built from the old value',
    code: `${prisma}export async function flag(id: string, key: string) {\n  const user = await prisma.user.findUniqueOrThrow({ where: { id } });\n  const settings = { ...(user.settings as object), [key]: true };\n  await prisma.user.update({ where: { id }, data: { settings } });\n}\n`,
    line: 6,
  },
  {
    name: 'Prisma field changed in memory, then copied into data',
    code: `${prisma}export async function bump(id: string) {\n  const row = await prisma.counter.findUniqueOrThrow({ where: { id } });\n  row.value += 1;\n  await prisma.counter.update({ where: { id }, data: { value: row.value } });\n}\n`,
    line: 6,
    related: 2,
  },
  // ---- TypeORM ----------------------------------------------------------------------------------
  {
    name: 'TypeORM findOne, -= in memory, repo.save',
    code: `${typeorm}export class Wallets {\n  constructor(private readonly repo: Repository<Account>) {}\n  async spend(id: string, amount: number) {\n    const account = await this.repo.findOne({ where: { id } });\n    if (!account) throw new Error('missing');\n    account.balance -= amount;\n    return this.repo.save(account);\n  }\n}\n`,
    line: 9,
    text: 'this.repo.save(account)',
    severity: 'HIGH',
    related: 2,
    messageIncludes: ['account.balance', 'no transaction, row lock or version check', 'overwrites', 'decrement'],
  },
  {
    name: 'TypeORM findOneBy, += on a nested field, save through getRepository',
    code: `${typeorm}const ds = new DataSource({ type: 'postgres' });\nexport async function credit(id: string, amount: number) {\n  const repo = ds.getRepository(Account);\n  const account = await repo.findOneByOrFail({ id });\n  account.wallet.balance += amount;\n  await repo.save(account);\n}\n`,
    line: 8,
    messageIncludes: ['account.wallet.balance'],
  },
  {
    name: 'TypeORM dataSource.manager.save after x.count++',
    code: `${typeorm}const ds = new DataSource({ type: 'postgres' });\nexport async function visit(id: string) {\n  const account = await ds.manager.findOneBy(Account, { id });\n  account!.visits++;\n  await ds.manager.save(account);\n}\n`,
    line: 7,
  },
  {
    name: 'TypeORM repo.update(id, computed) ',
    code: `${typeorm}export async function spend(repo: Repository<Account>, id: string, n: number) {\n  const a = await repo.findOneByOrFail({ id });\n  await repo.update(id, { balance: a.balance - n });\n}\n`,
  },
  {
    name: 'TypeORM save of a spread copy with the changed field',
    code: `${typeorm}export async function spend(repo: Repository<Account>, id: string, n: number) {\n  const a = await repo.findOneByOrFail({ id });\n  return repo.save({ ...a, balance: a.balance - n });\n}\n`,
  },
  // ---- Prisma -----------------------------------------------------------------------------------
  {
    name: 'Prisma findUnique then update with a computed stock',
    code: `${prisma}export async function reserve(id: string, qty: number) {\n  const product = await prisma.product.findUniqueOrThrow({ where: { id } });\n  if (product.stock < qty) throw new Error('sold out');\n  await prisma.product.update({ where: { id }, data: { stock: product.stock - qty } });\n}\n`,
    line: 6,
    related: 1,
    messageIncludes: ['product.stock'],
  },
  {
    name: 'Prisma new value in a const computed in between',
    code: `${prisma}export async function reserve(id: string, qty: number) {\n  const product = await prisma.product.findUnique({ where: { id } });\n  const left = product!.stock - qty;\n  await prisma.product.update({ where: { id }, data: { stock: left } });\n}\n`,
  },
  {
    name: 'Prisma through an injected PrismaService, Math.max around the old value',
    code: "import { PrismaService } from './prisma.service';\nexport class Points {\n  constructor(private readonly prisma: PrismaService) {}\n  async redeem(userId: string, points: number) {\n    const user = await this.prisma.user.findFirstOrThrow({ where: { id: userId } });\n    return this.prisma.user.update({ where: { id: userId }, data: { points: Math.max(0, user.points - points) } });\n  }\n}\n",
    line: 6,
  },
  // ---- Sequelize --------------------------------------------------------------------------------
  {
    name: 'Sequelize findByPk, -= , instance save()',
    code: `${sequelizeModel}export async function sell(id: number, qty: number) {\n  const product = await Product.findByPk(id);\n  if (!product) return;\n  product.stock -= qty;\n  await product.save();\n}\n`,
    line: 9,
    related: 2,
  },
  {
    name: 'Sequelize instance update with a computed value',
    code: `${sequelizeModel}export async function sell(id: number, qty: number) {\n  const product = await Product.findByPk(id, { rejectOnEmpty: true });\n  await product.update({ stock: product.stock - qty });\n}\n`,
  },
  {
    name: 'Sequelize static Model.update with a computed value',
    code: `${sequelizeModel}export async function sell(id: number, qty: number) {\n  const product = await Product.findOne({ where: { id } });\n  await Product.update({ stock: product!.stock - qty }, { where: { id } });\n}\n`,
  },
  // ---- Mongoose / MongoDB -----------------------------------------------------------------------
  {
    name: 'Mongoose findById, -=, doc.save()',
    code: `${mongooseModel}export async function pay(id: string, amount: number) {\n  const wallet = await Wallet.findById(id);\n  if (!wallet) throw new Error('no wallet');\n  wallet.balance = wallet.balance - amount;\n  await wallet.save();\n}\n`,
    line: 7,
  },
  {
    name: 'Mongoose updateOne with $set computed from a findOne',
    code: `${mongooseModel}export async function pay(id: string, amount: number) {\n  const wallet = await Wallet.findOne({ _id: id }).lean();\n  await Wallet.updateOne({ _id: id }, { $set: { balance: (wallet as any).balance - amount } });\n}\n`,
  },
  {
    name: 'MongoDB driver findOne then updateOne $set',
    code: "import { MongoClient } from 'mongodb';\nconst client = new MongoClient('mongodb://db');\nexport async function pay(id: string, amount: number) {\n  const wallets = client.db().collection('wallets');\n  const wallet = await wallets.findOne({ id });\n  await wallets.updateOne({ id }, { $set: { balance: wallet!.balance - amount } });\n}\n",
    line: 6,
  },
  {
    name: 'project model from ./models: findById, +=, save',
    code: "import { User } from './models/user';\nexport async function award(id: string) {\n  const user = await User.findById(id);\n  user.points += 10;\n  await user.save();\n}\n",
  },
  // ---- knex / drizzle ---------------------------------------------------------------------------
  {
    name: 'knex first() then update with a computed value',
    code: `${knexDb}export async function sell(id: number, qty: number) {\n  const item = await db('items').where({ id }).first();\n  await db('items').where({ id }).update({ stock: item.stock - qty });\n}\n`,
    line: 5,
  },
  {
    name: "knex update('col', value) form",
    code: `${knexDb}export async function sell(id: number, qty: number) {\n  const item = await db('items').where({ id }).first();\n  await db('items').where({ id }).update('stock', item.stock - qty);\n}\n`,
  },
  {
    name: 'drizzle findFirst then update().set()',
    code: "import { drizzle } from 'drizzle-orm/node-postgres';\nimport { eq } from 'drizzle-orm';\nimport * as schema from './schema';\nconst db = drizzle('postgres://db', { schema });\nexport async function sell(id: number, qty: number) {\n  const item = await db.query.items.findFirst({ where: eq(schema.items.id, id) });\n  await db.update(schema.items).set({ stock: item!.stock - qty }).where(eq(schema.items.id, id));\n}\n",
    line: 7,
  },
  {
    name: 'Prisma destructured read',
    code: `${prisma}export async function reserve(id: string, qty: number) {\n  const { stock } = await prisma.product.findUniqueOrThrow({ where: { id } });\n  await prisma.product.update({ where: { id }, data: { stock: stock - qty } });\n}\n`,
    line: 5,
    messageIncludes: ['writes back `stock`'],
  },
  {
    name: 'a text field appended to',
    code: `${typeorm}export async function note(repo: Repository<Account>, id: string, text: string) {\n  const a = await repo.findOneByOrFail({ id });\n  a.notes = a.notes + '\\n' + text;\n  await repo.save(a);\n}\n`,
  },
];

const valid: (string | RuleCase)[] = [
  { name: 'Prisma value computed from one model written to another', code: `${prisma}export async function price(cartId: string, orderId: string) {\n  const cart = await prisma.cart.findUniqueOrThrow({ where: { id: cartId } });\n  await prisma.order.update({ where: { id: orderId }, data: { total: cart.total * 1.2 } });\n}\n` },
  { name: 'pg SELECT from one table, UPDATE of another', code: `${pg}export async function price(pid: number, oid: number, qty: number) {\n  const { rows } = await pool.query('SELECT price FROM products WHERE id = $1', [pid]);\n  await pool.query('UPDATE orders SET total = $1 WHERE id = $2', [rows[0].price * qty, oid]);\n}\n` },
  { name: 'pg SELECT … FOR UPDATE inside BEGIN/COMMIT', code: `${pg}export async function withdraw(id: number, amount: number) {\n  const client = await pool.connect();\n  await client.query('BEGIN');\n  const { rows } = await client.query('SELECT balance FROM accounts WHERE id = $1 FOR UPDATE', [id]);\n  await client.query('UPDATE accounts SET balance = $1 WHERE id = $2', [rows[0].balance - amount, id]);\n  await client.query('COMMIT');\n  client.release();\n}\n` },
  { name: 'pg atomic UPDATE, no read', code: `${pg}export async function withdraw(id: number, amount: number) {\n  await pool.query('UPDATE accounts SET balance = balance - $1 WHERE id = $2', [amount, id]);\n}\n` },
  { name: 'pg UPDATE copying a read column unchanged', code: `${pg}export async function copy(id: number, to: number) {\n  const { rows } = await pool.query('SELECT email FROM users WHERE id = $1', [id]);\n  await pool.query('UPDATE profiles SET email = $1 WHERE user_id = $2', [rows[0].email, to]);\n}\n` },
  { name: 'drizzle first row, unrelated write', code: `${drizzleDb}export async function touch(name: string) {\n  const [row] = await db.select().from(counters).where(eq(counters.name, name));\n  await db.update(counters).set({ seenAt: new Date() }).where(eq(counters.id, row.id));\n}\n` },
  { name: 'Prisma field copied without an in-memory change', code: `${prisma}export async function copy(id: string, other: string) {\n  const row = await prisma.counter.findUniqueOrThrow({ where: { id } });\n  await prisma.counter.update({ where: { id: other }, data: { value: row.value } });\n}\n` },
  { name: 'Prisma atomic decrement', code: `${prisma}export const reserve = (id: string, qty: number) => prisma.product.update({ where: { id }, data: { stock: { decrement: qty } } });\n` },
  { name: 'Prisma read then atomic decrement', code: `${prisma}export async function reserve(id: string, qty: number) {\n  const p = await prisma.product.findUniqueOrThrow({ where: { id } });\n  if (p.stock < qty) throw new Error('sold out');\n  await prisma.product.update({ where: { id }, data: { stock: { decrement: qty } } });\n}\n` },
  { name: 'Prisma version check', code: `${prisma}export async function reserve(id: string, qty: number) {\n  const p = await prisma.product.findUniqueOrThrow({ where: { id } });\n  const { count } = await prisma.product.updateMany({ where: { id, version: p.version }, data: { stock: p.stock - qty, version: { increment: 1 } } });\n  return count === 1;\n}\n` },
  { name: 'Prisma compare-and-set on the old value', code: `${prisma}export async function reserve(id: string, qty: number) {\n  const p = await prisma.product.findUniqueOrThrow({ where: { id } });\n  await prisma.product.updateMany({ where: { id, stock: p.stock }, data: { stock: p.stock - qty } });\n}\n` },
  { name: 'Prisma interactive transaction (a plain transaction counts)', code: `${prisma}export const reserve = (id: string, qty: number) => prisma.$transaction(async (tx) => {\n  const p = await tx.product.findUniqueOrThrow({ where: { id } });\n  await tx.product.update({ where: { id }, data: { stock: p.stock - qty } });\n});\n` },
  { name: 'Prisma copy of an old value (not computed)', code: `${prisma}export async function reprice(id: string, price: number) {\n  const p = await prisma.product.findUniqueOrThrow({ where: { id } });\n  await prisma.product.update({ where: { id }, data: { price, previousPrice: p.price } });\n}\n` },
  { name: 'Prisma value from the caller only', code: `${prisma}export async function restock(id: string, stock: number) {\n  await prisma.product.findUniqueOrThrow({ where: { id } });\n  await prisma.product.update({ where: { id }, data: { stock } });\n}\n` },
  { name: 'TypeORM transaction with a pessimistic lock', code: `${typeorm}const ds = new DataSource({ type: 'postgres' });\nexport const refund = (id: string, n: number) => ds.transaction(async (manager) => {\n  const a = await manager.findOneOrFail(Account, { where: { id }, lock: { mode: 'pessimistic_write' } });\n  a.balance += n;\n  await manager.save(a);\n});\n` },
  { name: 'TypeORM atomic decrement', code: `${typeorm}export const spend = (repo: Repository<Account>, id: string, n: number) => repo.decrement({ id }, 'balance', n);\n` },
  { name: 'TypeORM field set to a new value, not derived', code: `${typeorm}export async function rename(repo: Repository<Account>, id: string, name: string) {\n  const a = await repo.findOneByOrFail({ id });\n  a.name = name;\n  await repo.save(a);\n}\n` },
  { name: 'TypeORM QueryRunner transaction', code: `${typeorm}const ds = new DataSource({ type: 'postgres' });\nexport async function spend(id: string, n: number) {\n  const qr = ds.createQueryRunner();\n  await qr.startTransaction();\n  const a = await qr.manager.findOneByOrFail(Account, { id });\n  a.balance -= n;\n  await qr.manager.save(a);\n  await qr.commitTransaction();\n}\n` },
  { name: 'typeorm-transactional @Transactional() method', code: `${typeorm}declare function Transactional(): MethodDecorator;\nexport class Wallets {\n  constructor(private readonly repo: Repository<Account>) {}\n  @Transactional()\n  async spend(id: string, n: number) {\n    const a = await this.repo.findOneByOrFail({ id });\n    a.balance -= n;\n    await this.repo.save(a);\n  }\n}\n` },
  { name: 'an entity handed in by the caller (not read here)', code: `${typeorm}export async function spend(repo: Repository<Account>, a: Account, n: number) {\n  a.balance -= n;\n  await repo.save(a);\n}\n` },
  { name: 'a list read: elements changed in memory', code: `${typeorm}export async function bump(repo: Repository<Account>) {\n  const all = await repo.find({ take: 10 });\n  for (const a of all) a.visits += 1;\n  await repo.save(all);\n}\n` },
  { name: 'Sequelize managed transaction with a lock', code: "import { Model, Sequelize } from 'sequelize';\nconst sequelize = new Sequelize('postgres://db');\nclass Product extends Model { declare stock: number; }\nexport const sell = (id: number, qty: number) => sequelize.transaction(async (t) => {\n  const p = await Product.findByPk(id, { transaction: t, lock: t.LOCK.UPDATE });\n  p!.stock -= qty;\n  await p!.save({ transaction: t });\n});\n" },
  { name: 'Sequelize unmanaged transaction option', code: `${sequelizeModel}import { Sequelize } from 'sequelize';\nconst sequelize = new Sequelize('postgres://db');\nexport async function sell(id: number, qty: number) {\n  const t = await sequelize.transaction();\n  const p = await Product.findByPk(id, { transaction: t });\n  p!.stock -= qty;\n  await p!.save({ transaction: t });\n  await t.commit();\n}\n` },
  { name: 'Sequelize atomic decrement', code: `${sequelizeModel}export async function sell(id: number, qty: number) {\n  const p = await Product.findByPk(id);\n  await p!.decrement('stock', { by: qty });\n}\n` },
  { name: 'Mongoose $inc', code: `${mongooseModel}export const pay = (id: string, amount: number) => Wallet.updateOne({ _id: id }, { $inc: { balance: -amount } });\n` },
  { name: 'Mongoose versioned write (__v in the filter)', code: `${mongooseModel}export async function pay(id: string, amount: number) {\n  const w = await Wallet.findById(id).lean();\n  await Wallet.updateOne({ _id: id, __v: (w as any).__v }, { $set: { balance: (w as any).balance - amount }, $inc: { __v: 1 } });\n}\n` },
  { name: 'Mongoose session.withTransaction', code: `${mongooseModel}export async function pay(id: string, amount: number) {\n  const session = await mongoose.startSession();\n  await session.withTransaction(async () => {\n    const w = await Wallet.findById(id).session(session);\n    w!.balance -= amount;\n    await w!.save({ session });\n  });\n}\n` },
  { name: 'knex transaction with forUpdate', code: `${knexDb}export const sell = (id: number, qty: number) => db.transaction(async (trx) => {\n  const item = await trx('items').where({ id }).forUpdate().first();\n  await trx('items').where({ id }).update({ stock: item.stock - qty });\n});\n` },
  { name: 'knex atomic decrement', code: `${knexDb}export const sell = (id: number, qty: number) => db('items').where({ id }).decrement('stock', qty);\n` },
  { name: 'an object that is not from the database', code: 'export function tally(cart: { total: number; save(): void }, price: number) {\n  const c = cart;\n  c.total += price;\n  c.save();\n}\n' },
  { name: 'migration files are not checked', file: 'prisma/migrations/data/20240101_fix.ts', code: `${prisma}export async function up() {\n  const s = await prisma.setting.findUniqueOrThrow({ where: { id: 1 } });\n  await prisma.setting.update({ where: { id: 1 }, data: { counter: s.counter + 1 } });\n}\n` },
  { name: 'test files are not checked', file: 'src/wallet.spec.ts', code: `${prisma}it('x', async () => {\n  const p = await prisma.product.findUniqueOrThrow({ where: { id: '1' } });\n  await prisma.product.update({ where: { id: '1' }, data: { stock: p.stock - 1 } });\n});\n` },
];

runRuleTests(readModifyWriteRace, { valid, invalid });
runFixtureTests(readModifyWriteRace);
runDocsExamples(readModifyWriteRace);
