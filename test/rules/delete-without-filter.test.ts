import { deleteWithoutFilter } from '../../src/core/rules/delete-without-filter';
import { runDocsExamples, runFixtureTests, runRuleTests, type InvalidCase, type RuleCase } from './ruleTester';

const prisma = "import { PrismaClient } from '@prisma/client';\nconst prisma = new PrismaClient();\n";
const pg = "const { Pool } = require('pg');\nconst pool = new Pool();\n";
const knexDb = "import knex from 'knex';\nconst db = knex({ client: 'pg' });\n";

const invalid: InvalidCase[] = [
  // ---- Prisma ----------------------------------------------------------------------------------
  {
    name: 'Prisma deleteMany() with no argument',
    code: `${prisma}export async function purge() {\n  await prisma.guestSession.deleteMany();\n}\n`,
    line: 4,
    text: 'prisma.guestSession.deleteMany()',
    severity: 'CRITICAL',
    messageIncludes: ['prisma.guestSession.deleteMany()', 'every row', 'backup', 'suppress'],
  },
  {
    name: 'Prisma deleteMany({})',
    code: `${prisma}export const purge = () => prisma.session.deleteMany({});\n`,
    messageIncludes: ['empty filter'],
  },
  {
    name: 'Prisma deleteMany({ where: {} })',
    code: `${prisma}export async function purge() {\n  return prisma.session.deleteMany({ where: {} });\n}\n`,
    messageIncludes: ['where: {}'],
  },
  {
    name: 'Prisma through an injected PrismaService (NestJS)',
    code: "import { Injectable } from '@nestjs/common';\nimport { PrismaService } from './prisma.service';\n\n@Injectable()\nexport class CartService {\n  constructor(private readonly prisma: PrismaService) {}\n  clearAll() {\n    return this.prisma.cartItem.deleteMany();\n  }\n}\n",
    line: 8,
  },
  {
    name: 'Prisma $executeRawUnsafe with DELETE FROM and no WHERE',
    code: `${prisma}export async function reset() {\n  await prisma.$executeRawUnsafe('DELETE FROM "Session"');\n}\n`,
    messageIncludes: ['DELETE FROM'],
  },
  {
    name: 'Prisma tagged $executeRaw with TRUNCATE',
    code: `${prisma}export async function reset() {\n  await prisma.$executeRaw\`TRUNCATE TABLE "AuditLog"\`;\n}\n`,
    messageIncludes: ['TRUNCATE'],
  },
  // ---- Mongo / Mongoose -------------------------------------------------------------------------
  {
    name: 'Mongoose model deleteMany({})',
    code: "import mongoose from 'mongoose';\nconst Event = mongoose.model('Event', new mongoose.Schema({ at: Date }));\n\nexport async function reset() {\n  await Event.deleteMany({});\n}\n",
    line: 5,
    messageIncludes: ['every document of the collection'],
  },
  {
    name: 'Mongoose model with no argument, named import of model',
    code: "import { model, Schema } from 'mongoose';\nconst Token = model('Token', new Schema({ value: String }));\n\nexport const revokeAll = () => Token.deleteMany();\n",
  },
  {
    name: 'Mongoose Model<T> injected in NestJS',
    code: "import { Model } from 'mongoose';\nimport { InjectModel } from '@nestjs/mongoose';\n\nexport class Tokens {\n  constructor(@InjectModel('Token') private readonly tokens: Model<unknown>) {}\n  async revokeAll() {\n    await this.tokens.deleteMany({});\n  }\n}\n",
    line: 7,
  },
  {
    name: 'MongoDB driver collection deleteMany({})',
    code: "import { MongoClient } from 'mongodb';\nconst client = new MongoClient(process.env.MONGO_URL ?? '');\n\nexport async function wipe() {\n  await client.db('app').collection('events').deleteMany({});\n}\n",
  },
  {
    name: 'MongoDB driver: filter held in a const that is empty',
    code: "const { MongoClient } = require('mongodb');\nconst client = new MongoClient('mongodb://db');\nconst everything = {};\n\nasync function wipe() {\n  const events = client.db().collection('events');\n  await events.deleteMany(everything);\n}\nmodule.exports = { wipe };\n",
    line: 7,
  },
  {
    name: 'MongoDB collection on a handle from another module',
    code: "import { getDb } from './mongo';\n\nexport async function wipe() {\n  const db = await getDb();\n  await db.collection('sessions').deleteMany({});\n}\n",
    line: 5,
  },
  {
    name: 'a camelCase project model (sessionModel)',
    code: "const { sessionModel } = require('./models/session');\nasync function reset() {\n  await sessionModel.deleteMany({});\n}\nmodule.exports = { reset };\n",
    line: 3,
  },
  {
    name: 'project model imported from ./models (Mongoose style)',
    code: "import { Session } from './models/session';\n\nexport async function logoutEverybody() {\n  await Session.deleteMany({});\n}\n",
  },
  // ---- Sequelize --------------------------------------------------------------------------------
  {
    name: 'Sequelize destroy({ where: {} }) on a Model subclass',
    code: "import { Model } from 'sequelize';\nclass Session extends Model {}\n\nexport function resetSessions() {\n  return Session.destroy({ where: {} });\n}\n",
    messageIncludes: ['Session.destroy(…)', 'where: {}'],
  },
  {
    name: 'Sequelize destroy({ truncate: true }) on sequelize.define()',
    code: "const { Sequelize, DataTypes } = require('sequelize');\nconst sequelize = new Sequelize('postgres://db');\nconst Cart = sequelize.define('Cart', { id: DataTypes.UUID });\n\nasync function reset() {\n  await Cart.destroy({ truncate: true, cascade: true });\n}\nmodule.exports = { reset };\n",
    messageIncludes: ['truncate: true'],
  },
  {
    name: 'Sequelize raw query DELETE without WHERE',
    code: "import { Sequelize } from 'sequelize';\nconst sequelize = new Sequelize('postgres://db');\n\nexport async function clear() {\n  await sequelize.query('DELETE FROM carts');\n}\n",
  },
  {
    name: 'Sequelize Model.truncate()',
    code: "import { Model } from 'sequelize';\nclass Cache extends Model {}\n\nexport const flush = () => Cache.truncate();\n",
  },
  // ---- knex -------------------------------------------------------------------------------------
  {
    name: 'knex db(table).del() with no where',
    code: `${knexDb}export async function forgetCarts() {\n  await db('carts').del();\n}\n`,
    line: 4,
    text: "db('carts').del()",
    messageIncludes: ['`carts`', 'no `where`'],
  },
  {
    name: 'knex .delete() with returning, named import and no where',
    code: "import { knex } from 'knex';\nconst db = knex({ client: 'pg' });\n\nexport function forget() {\n  return db('carts').delete().returning('id');\n}\n",
  },
  {
    name: 'knex truncate()',
    code: `${knexDb}export async function reset() {\n  await db('cache_entries').truncate();\n}\n`,
    messageIncludes: ['empties the whole table'],
  },
  {
    name: 'knex inside a transaction callback (trx) still deletes everything',
    code: `${knexDb}export async function reset() {\n  await db.transaction(async (trx) => {\n    await trx('sessions').del();\n  });\n}\n`,
    line: 5,
  },
  {
    name: 'knex raw DELETE',
    code: `${knexDb}export const reset = () => db.raw('DELETE FROM sessions;');\n`,
  },
  {
    name: 'knex transaction typed Knex.Transaction',
    code: "import type { Knex } from 'knex';\n\nexport async function reset(trx: Knex.Transaction) {\n  await trx('sessions').del();\n}\n",
    line: 4,
  },
  {
    name: 'knex typed Knex parameter',
    code: "import type { Knex } from 'knex';\n\nexport async function reset(db: Knex) {\n  await db.from('sessions').del();\n}\n",
  },
  // ---- TypeORM ----------------------------------------------------------------------------------
  {
    name: 'TypeORM repository clear()',
    code: "import { Repository } from 'typeorm';\nimport { Session } from './session.entity';\n\nexport class Sessions {\n  constructor(private readonly repo: Repository<Session>) {}\n  revokeAll() {\n    return this.repo.clear();\n  }\n}\n",
    line: 7,
    messageIncludes: ['clear'],
  },
  {
    name: 'TypeORM getRepository(E).clear() on a data source from another module',
    code: "import { AppDataSource } from './data-source';\nimport { Session } from './entity/session';\n\nexport async function revokeAll() {\n  await AppDataSource.getRepository(Session).clear();\n}\n",
    line: 5,
  },
  {
    name: 'TypeORM repository delete({})',
    code: "import { DataSource } from 'typeorm';\nimport { Session } from './session.entity';\nconst dataSource = new DataSource({ type: 'postgres' });\n\nexport async function revokeAll() {\n  await dataSource.getRepository(Session).delete({});\n}\n",
  },
  {
    name: 'TypeORM EntityManager delete(Entity, {})',
    code: "import { EntityManager } from 'typeorm';\nimport { Session } from './session.entity';\n\nexport async function revokeAll(manager: EntityManager) {\n  await manager.delete(Session, {});\n}\n",
  },
  {
    name: 'TypeORM query(…) with DELETE and no WHERE',
    code: "import { DataSource } from 'typeorm';\nconst ds = new DataSource({ type: 'postgres' });\n\nexport async function revokeAll() {\n  await ds.query('DELETE FROM session');\n}\n",
  },
  {
    name: 'TypeORM query builder delete() with no where',
    code: "import { Repository } from 'typeorm';\n\nexport async function revokeAll(repo: Repository<unknown>) {\n  await repo.createQueryBuilder().delete().execute();\n}\n",
  },
  // ---- raw SQL: pg / mysql2 --------------------------------------------------------------------
  {
    name: 'pg pool.query DELETE FROM without WHERE',
    code: `${pg}export async function revokeAllSessions() {\n  await pool.query('DELETE FROM sessions');\n}\n`,
    line: 4,
    text: "pool.query('DELETE FROM sessions')",
  },
  {
    name: 'pg UPDATE … SET without WHERE (SQL in a const)',
    code: `${pg}const RESET = \`UPDATE users SET failed_logins = 0\`;\nexport async function resetCounters() {\n  await pool.query(RESET);\n}\n`,
    messageIncludes: ['UPDATE … SET'],
  },
  {
    name: 'pg client from pool.connect(), WHERE only inside a sub-query',
    code: `${pg}export async function clean() {\n  const client = await pool.connect();\n  await client.query('UPDATE carts SET total = (SELECT sum(x) FROM items WHERE items.cart_id = carts.id)');\n  client.release();\n}\n`,
  },
  {
    name: 'pg query config object { text }',
    code: `${pg}export const wipe = () => pool.query({ text: 'DELETE FROM audit_log RETURNING id' });\n`,
  },
  {
    name: 'mysql2/promise pool.execute DELETE without WHERE',
    code: "import mysql from 'mysql2/promise';\nconst pool = mysql.createPool({ host: 'db' });\n\nexport async function purge() {\n  await pool.execute('DELETE FROM password_resets');\n}\n",
  },
  {
    name: 'mysql2 namespace import, connection query with a template whose substitution is the table',
    code: "import * as mysql from 'mysql2';\nconst conn = mysql.createConnection({ host: 'db' });\n\nexport function purge(table: string) {\n  conn.query(`DELETE FROM ${table}`);\n}\n",
  },
  {
    name: 'pg through node: prefix-free destructured require and a comment containing WHERE',
    code: "const { Client } = require('pg');\nconst client = new Client();\n\nasync function wipe() {\n  await client.query(`-- WHERE intentionally omitted\n    DELETE FROM sessions`);\n}\nmodule.exports = { wipe };\n",
    line: 5,
  },
  // ---- drizzle ----------------------------------------------------------------------------------
  {
    name: 'drizzle delete(table) with no where',
    code: "import { drizzle } from 'drizzle-orm/node-postgres';\nimport { sessions } from './schema';\nconst db = drizzle(process.env.DATABASE_URL!);\n\nexport async function revokeAll() {\n  await db.delete(sessions);\n}\n",
  },
];

const valid: (string | RuleCase)[] = [
  `${prisma}export const purge = (now: Date) => prisma.guestSession.deleteMany({ where: { expiresAt: { lt: now } } });\n`,
  `${prisma}export const drop = (id: string) => prisma.session.delete({ where: { id } });\n`,
  { name: 'Prisma filter passed in a variable (cannot be seen)', code: `${prisma}export const purge = (filter: object) => prisma.session.deleteMany(filter);\n` },
  { name: 'Prisma where from a parameter', code: `${prisma}export const purge = (where: any) => prisma.session.deleteMany({ where });\n` },
  { name: 'Prisma tagged $executeRaw with WHERE', code: `${prisma}export const purge = (id: string) => prisma.$executeRaw\`DELETE FROM "Session" WHERE "userId" = \${id}\`;\n` },
  "import mongoose from 'mongoose';\nconst Event = mongoose.model('Event', new mongoose.Schema({ at: Date }));\nexport const purge = (cutoff: Date) => Event.deleteMany({ at: { $lt: cutoff } });\n",
  "import { MongoClient } from 'mongodb';\nconst client = new MongoClient('mongodb://db');\nexport const purge = (userId: string) => client.db().collection('sessions').deleteMany({ userId });\n",
  { name: 'an unrelated object with a deleteMany method', code: 'const cache = { deleteMany(keys?: string[]) { return keys; } };\nexport const flush = () => cache.deleteMany();\n' },
  { name: 'Sequelize instance destroy() deletes one row', code: "import { Model } from 'sequelize';\nclass Session extends Model {}\nexport async function end(s: Session) {\n  await s.destroy();\n}\n" },
  "import { Model } from 'sequelize';\nclass Session extends Model {}\nexport const end = (userId: string) => Session.destroy({ where: { userId } });\n",
  { name: 'Sequelize destroy() with no options throws instead of deleting everything', code: "import { Model } from 'sequelize';\nclass Session extends Model {}\nexport const end = () => Session.destroy();\n" },
  `${knexDb}export const forget = (id: string) => db('carts').where({ id }).del();\n`,
  `${knexDb}export const forget = (ids: string[]) => db('carts').whereIn('id', ids).delete();\n`,
  { name: 'knex builder kept in a variable and filtered conditionally', code: `${knexDb}export async function forget(id?: string) {\n  const q = db('carts');\n  if (id) q.where({ id });\n  await q.del();\n}\n` },
  { name: 'knex del() chain not run here', code: `${knexDb}export function deleteQuery() {\n  const q = db('carts').del();\n  return q;\n}\n` },
  "import { Repository } from 'typeorm';\nexport const end = (repo: Repository<unknown>, id: string) => repo.delete({ id });\n",
  { name: 'TypeORM delete(id) with a plain id', code: "import { Repository } from 'typeorm';\nexport const end = (repo: Repository<unknown>, id: string) => repo.delete(id);\n" },
  "import { Repository } from 'typeorm';\nexport const end = (repo: Repository<unknown>, id: string) => repo.createQueryBuilder().delete().where('id = :id', { id }).execute();\n",
  `${pg}export const end = (id: string) => pool.query('DELETE FROM sessions WHERE id = $1', [id]);\n`,
  { name: 'pg DELETE with LIMIT (MySQL-style batch)', code: "import mysql from 'mysql2/promise';\nconst pool = mysql.createPool({});\nexport const batch = () => pool.query('DELETE FROM outbox ORDER BY id LIMIT 500');\n" },
  { name: 'WHERE in a substitution after the table name', code: `${pg}export const run = (where: string) => pool.query(\`DELETE FROM sessions \${where}\`);\n` },
  { name: 'concatenated clause', code: `${pg}export const run = (clause: string) => pool.query('DELETE FROM sessions ' + clause);\n` },
  { name: 'UPDATE with WHERE', code: `${pg}export const reset = (id: string) => pool.query('UPDATE users SET failed_logins = 0 WHERE id = $1', [id]);\n` },
  { name: 'SELECT is not a write', code: `${pg}export const all = () => pool.query('SELECT * FROM sessions');\n` },
  { name: 'a DELETE string that is not sent to the database', code: "export const HELP = 'DELETE FROM sessions removes every session';\nexport const describe = () => console.log(HELP);\n" },
  { name: 'SQL passed to an HTTP client named query', code: "import axios from 'axios';\nexport const q = () => axios.get('DELETE FROM x');\n" },
  { name: 'drizzle delete with where', code: "import { drizzle } from 'drizzle-orm/node-postgres';\nimport { eq } from 'drizzle-orm';\nimport { sessions } from './schema';\nconst db = drizzle('postgres://db');\nexport const end = (id: string) => db.delete(sessions).where(eq(sessions.id, id));\n" },
  { name: 'test files are not checked', file: 'src/sessions.test.ts', code: `${prisma}beforeEach(async () => {\n  await prisma.session.deleteMany();\n});\n` },
  { name: 'seed scripts are not checked', file: 'prisma/seed.ts', code: `${prisma}async function main() {\n  await prisma.user.deleteMany();\n}\nmain();\n` },
  { name: 'a local deleteMany helper that shadows nothing from a library', code: 'async function deleteMany(ids?: string[]) { return ids; }\nexport const run = () => deleteMany();\n' },
];

runRuleTests(deleteWithoutFilter, { valid, invalid });
runFixtureTests(deleteWithoutFilter);
runDocsExamples(deleteWithoutFilter);
