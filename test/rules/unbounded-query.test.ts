import { unboundedQuery } from '../../src/core/rules/unbounded-query';
import { runDocsExamples, runFixtureTests, runRuleTests, type InvalidCase, type RuleCase } from './ruleTester';

const prisma = "import { PrismaClient } from '@prisma/client';\nconst prisma = new PrismaClient();\n";
const knexDb = "import knex from 'knex';\nconst db = knex({ client: 'pg' });\n";
const mongooseModel = "import mongoose from 'mongoose';\nconst Event = mongoose.model('Event', new mongoose.Schema({ at: Date }));\n";
const typeormRepo = "import { Repository } from 'typeorm';\nimport { User } from './user.entity';\n";

const invalid: InvalidCase[] = [
  {
    name: 'drizzle select on an untyped db parameter, in a drizzle file',
    code: "const { posts } = require('./schema');\nconst { eq } = require('drizzle-orm');\nasync function allPosts(db) {\n  return db.select({ id: posts.id }).from(posts);\n}\nmodule.exports = { allPosts, eq };\n",
    file: 'src/posts.js',
    line: 4,
  },
  // ---- Prisma ----------------------------------------------------------------------------------
  {
    name: 'Prisma findMany() with no argument',
    code: `${prisma}export const all = () => prisma.user.findMany();\n`,
    line: 3,
    text: 'prisma.user.findMany()',
    severity: 'MEDIUM',
    messageIncludes: ['prisma.user.findMany()', 'no filter and no limit', 'memory', '`take`'],
  },
  {
    name: 'Prisma findMany with orderBy and select only',
    code: `${prisma}export const list = () => prisma.product.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true } });\n`,
  },
  {
    name: 'Prisma findMany with an empty where',
    code: `${prisma}export async function list() {\n  return await prisma.product.findMany({ where: {}, include: { images: true } });\n}\n`,
  },
  {
    name: 'Prisma through an injected PrismaService',
    code: "import { PrismaService } from '../prisma.service';\n\nexport class Catalogue {\n  constructor(private readonly prisma: PrismaService) {}\n  products() {\n    return this.prisma.product.findMany({ orderBy: { name: 'asc' } });\n  }\n}\n",
    line: 6,
  },
  {
    name: 'Prisma interactive transaction client',
    code: `${prisma}export const snapshot = () => prisma.$transaction(async (tx) => {\n  const users = await tx.user.findMany();\n  return users.length;\n});\n`,
    line: 4,
  },
  {
    name: 'Prisma options held in a const',
    code: `${prisma}const EVERYTHING = { orderBy: { id: 'asc' as const } };\nexport const all = () => prisma.user.findMany(EVERYTHING);\n`,
  },
  // ---- TypeORM ----------------------------------------------------------------------------------
  {
    name: 'TypeORM repository find() with no options',
    code: `${typeormRepo}export class Users {\n  constructor(private readonly repo: Repository<User>) {}\n  all() {\n    return this.repo.find();\n  }\n}\n`,
    line: 6,
  },
  {
    name: 'TypeORM find with relations and order only',
    code: `${typeormRepo}export const all = (repo: Repository<User>) => repo.find({ relations: { orders: true }, order: { createdAt: 'DESC' } });\n`,
  },
  {
    name: 'TypeORM findBy({})',
    code: `${typeormRepo}export const all = (repo: Repository<User>) => repo.findBy({});\n`,
  },
  {
    name: 'TypeORM EntityManager find(Entity)',
    code: "import { DataSource } from 'typeorm';\nimport { User } from './user.entity';\nconst ds = new DataSource({ type: 'postgres' });\nexport const all = () => ds.manager.find(User);\n",
  },
  {
    name: 'TypeORM getRepository(E).findAndCount()',
    code: "import { DataSource } from 'typeorm';\nimport { User } from './user.entity';\nconst ds = new DataSource({ type: 'postgres' });\nexport const all = () => ds.getRepository(User).findAndCount();\n",
  },
  {
    name: 'TypeORM query builder getMany() with only ordering and joins',
    code: `${typeormRepo}export const all = (repo: Repository<User>) => repo.createQueryBuilder('u').leftJoinAndSelect('u.orders', 'o').orderBy('u.id').getMany();\n`,
  },
  // ---- Sequelize --------------------------------------------------------------------------------
  {
    name: 'Sequelize findAll() on a Model subclass',
    code: "import { Model } from 'sequelize';\nclass Product extends Model {}\nexport const all = () => Product.findAll();\n",
    messageIncludes: ['`limit`'],
  },
  {
    name: 'Sequelize findAll with attributes and order',
    code: "const { Sequelize, DataTypes } = require('sequelize');\nconst sequelize = new Sequelize('postgres://db');\nconst Product = sequelize.define('Product', { name: DataTypes.STRING });\nasync function all() {\n  return Product.findAll({ attributes: ['id', 'name'], order: [['name', 'ASC']] });\n}\nmodule.exports = { all };\n",
    line: 5,
  },
  {
    name: 'Sequelize findAndCountAll with an empty where',
    code: "import { Model } from 'sequelize';\nclass Product extends Model {}\nexport const page = () => Product.findAndCountAll({ where: {} });\n",
  },
  {
    name: 'project model imported from ./models (findAll)',
    code: "import { Invoice } from './models';\nexport const all = () => Invoice.findAll({ order: [['id', 'ASC']] });\n",
  },
  // ---- Mongoose / MongoDB -----------------------------------------------------------------------
  {
    name: 'Mongoose find({}).sort().lean() returned',
    code: `${mongooseModel}export function exportAll() {\n  return Event.find({}).sort({ at: 1 }).lean();\n}\n`,
    line: 4,
    text: 'Event.find({}).sort({ at: 1 }).lean()',
    messageIncludes: ['whole collection', '`.limit()`'],
  },
  {
    name: 'Mongoose find() awaited, with a projection',
    code: `${mongooseModel}export async function ids() {\n  const docs = await Event.find({}, '_id');\n  return docs.map((d) => d._id);\n}\n`,
  },
  {
    name: 'Mongoose Model<T> injected, exec()',
    code: "import { Model } from 'mongoose';\nexport class Events {\n  constructor(private readonly events: Model<unknown>) {}\n  all() {\n    return this.events.find().populate('actor').exec();\n  }\n}\n",
  },
  {
    name: 'a camelCase project model (productModel), default import',
    code: "import productModel from '../models/product';\nexport async function all() {\n  return productModel.find({});\n}\n",
    line: 3,
  },
  {
    name: 'MongoDB driver find({}).toArray()',
    code: "import { MongoClient } from 'mongodb';\nconst client = new MongoClient('mongodb://db');\nexport async function all() {\n  return client.db('app').collection('events').find({}).sort({ at: -1 }).toArray();\n}\n",
  },
  {
    name: 'MongoDB driver, require and a collection variable',
    code: "const { MongoClient } = require('mongodb');\nconst client = new MongoClient('mongodb://db');\nasync function all() {\n  const events = client.db().collection('events');\n  return events.find().toArray();\n}\nmodule.exports = { all };\n",
    line: 5,
  },
  // ---- knex / drizzle ---------------------------------------------------------------------------
  {
    name: 'knex db(table).select() awaited',
    code: `${knexDb}export async function all() {\n  const rows = await db('users').select('id', 'email').orderBy('email');\n  return rows;\n}\n`,
    line: 4,
    text: "db('users').select('id', 'email').orderBy('email')",
  },
  {
    name: 'knex db.select().from(table) returned',
    code: `${knexDb}export function all() {\n  return db.select('*').from('products');\n}\n`,
  },
  {
    name: 'knex typed Knex parameter with leftJoin',
    code: "import type { Knex } from 'knex';\nexport const all = (db: Knex) => db('orders').leftJoin('customers', 'customers.id', 'orders.customer_id').select('orders.*');\n",
  },
  {
    name: 'drizzle select().from(table)',
    code: "import { drizzle } from 'drizzle-orm/node-postgres';\nimport { users } from './schema';\nconst db = drizzle('postgres://db');\nexport const all = () => db.select().from(users).orderBy(users.id);\n",
  },
  {
    name: 'drizzle relational findMany()',
    code: "import { drizzle } from 'drizzle-orm/node-postgres';\nimport * as schema from './schema';\nconst db = drizzle('postgres://db', { schema });\nexport const all = () => db.query.users.findMany({ with: { posts: true } });\n",
  },
];

const valid: (string | RuleCase)[] = [
  { name: 'Mongoose query streamed with for await', code: "import mongoose from 'mongoose';\nconst User = mongoose.model('User', new mongoose.Schema({}));\nexport async function exportAll(write: (u: unknown) => void) {\n  for await (const u of User.find()) write(u);\n}\n" },
  { name: 'drizzle untyped db with a limit', file: 'src/posts.js', code: "const { posts } = require('./schema');\nconst { eq } = require('drizzle-orm');\nasync function some(db) {\n  return db.select().from(posts).limit(10);\n}\nmodule.exports = { some, eq };\n" },
  { name: 'untyped select().from(…) in a file without drizzle', file: 'src/x.js', code: "async function some(q, posts) {\n  return q.select().from(posts);\n}\nmodule.exports = { some };\n" },
  { name: 'Prisma with take', code: `${prisma}export const page = () => prisma.user.findMany({ take: 50, orderBy: { id: 'asc' } });\n` },
  { name: 'Prisma with a filter', code: `${prisma}export const mine = (customerId: string) => prisma.order.findMany({ where: { customerId } });\n` },
  { name: 'Prisma with a cursor page in a spread', code: `${prisma}export const page = (p: object) => prisma.order.findMany({ orderBy: { id: 'asc' }, ...p });\n` },
  { name: 'Prisma arguments from a parameter', code: `${prisma}export const list = (args: { take?: number }) => prisma.order.findMany(args);\n` },
  { name: 'Prisma skip counts as pagination', code: `${prisma}export const page = (n: number) => prisma.order.findMany({ skip: n * 20 });\n` },
  { name: 'Prisma findFirst / findUnique are single-row', code: `${prisma}export const one = () => prisma.order.findFirst();\nexport const byId = (id: string) => prisma.order.findUnique({ where: { id } });\n` },
  { name: 'TypeORM find with take', code: `${typeormRepo}export const page = (repo: Repository<User>) => repo.find({ take: 20 });\n` },
  { name: 'TypeORM find with where', code: `${typeormRepo}export const active = (repo: Repository<User>) => repo.find({ where: { active: true } });\n` },
  { name: 'TypeORM 0.2-style conditions in find()', code: `${typeormRepo}export const of = (repo: Repository<User>, tenantId: string) => repo.find({ tenantId } as any);\n` },
  { name: 'TypeORM query builder with where', code: `${typeormRepo}export const some = (repo: Repository<User>) => repo.createQueryBuilder('u').where('u.active = true').getMany();\n` },
  { name: 'TypeORM query builder with take', code: `${typeormRepo}export const some = (repo: Repository<User>) => repo.createQueryBuilder('u').orderBy('u.id').take(100).getMany();\n` },
  { name: 'Sequelize with limit', code: "import { Model } from 'sequelize';\nclass Product extends Model {}\nexport const page = () => Product.findAll({ limit: 100 });\n" },
  { name: 'Sequelize include with a where filters the parent rows', code: "import { Model } from 'sequelize';\nclass Product extends Model {}\nclass Tag extends Model {}\nexport const tagged = () => Product.findAll({ include: [{ model: Tag, where: { name: 'sale' } }] });\n" },
  { name: 'Mongoose with a filter', code: `${mongooseModel}export const since = (t: Date) => Event.find({ at: { $gte: t } });\n` },
  { name: 'Mongoose with limit', code: `${mongooseModel}export const latest = () => Event.find({}).sort({ at: -1 }).limit(100);\n` },
  { name: 'Mongoose streamed with a cursor', code: `${mongooseModel}export async function exportAll(write: (d: unknown) => void) {\n  for await (const doc of Event.find({}).cursor()) write(doc);\n}\n` },
  { name: 'Mongoose query kept to be extended', code: `${mongooseModel}export function base() {\n  const q = Event.find({});\n  return q;\n}\n` },
  { name: 'Mongoose options with limit', code: `${mongooseModel}export const few = () => Event.find({}, null, { limit: 10 });\n` },
  { name: 'Mongoose where() step adds a filter', code: `${mongooseModel}export const recent = (t: Date) => Event.find().where('at').gte(t as any);\n` },
  { name: 'MongoDB driver cursor not materialised', code: "import { MongoClient } from 'mongodb';\nconst client = new MongoClient('mongodb://db');\nexport async function each(fn: (d: unknown) => void) {\n  for await (const d of client.db().collection('events').find({})) fn(d);\n}\n" },
  { name: 'MongoDB driver with limit', code: "import { MongoClient } from 'mongodb';\nconst client = new MongoClient('mongodb://db');\nexport const few = () => client.db().collection('events').find({}).limit(20).toArray();\n" },
  { name: 'knex with where', code: `${knexDb}export const of = (id: string) => db('orders').select('*').where({ customer_id: id });\n` },
  { name: 'knex with first()', code: `${knexDb}export const one = () => db('settings').select('*').first();\n` },
  { name: 'knex with limit', code: `${knexDb}export const few = () => db('orders').select('*').orderBy('id').limit(100);\n` },
  { name: 'knex builder kept in a variable', code: `${knexDb}export function base() {\n  const q = db('orders').select('*');\n  return q.where({ paid: true });\n}\n` },
  { name: 'knex count is an aggregate', code: `${knexDb}export const n = () => db('orders').count({ n: '*' });\n` },
  { name: 'drizzle with where', code: "import { drizzle } from 'drizzle-orm/node-postgres';\nimport { eq } from 'drizzle-orm';\nimport { users } from './schema';\nconst db = drizzle('postgres://db');\nexport const of = (id: number) => db.select().from(users).where(eq(users.id, id));\n" },
  { name: 'a camelCase name from a package is not a project model', code: "import { searchModel } from 'some-search-sdk';\nexport const all = () => searchModel.find({});\n" },
  { name: 'a local array find()', code: 'const items = [{ id: 1 }];\nexport const one = () => items.find((i) => i.id === 1);\n' },
  { name: 'an unrecognised repository class', code: "import { UserRepository } from './user.repository';\nexport const all = (repo: UserRepository) => repo.findAll();\n" },
  { name: 'migration files are not checked (a one-off backfill)', file: 'db/migrations/20240101_backfill.ts', code: "import type { Knex } from 'knex';\nexport async function up(knex: Knex) {\n  const rows = await knex('users').select('id', 'email');\n  for (const r of rows) await knex('users').where({ id: r.id }).update({ email_lower: r.email.toLowerCase() });\n}\n" },
  { name: 'test files are not checked', file: 'src/users.spec.ts', code: `${prisma}it('lists', async () => {\n  await prisma.user.findMany();\n});\n` },
];

runRuleTests(unboundedQuery, { valid, invalid });
runFixtureTests(unboundedQuery);
runDocsExamples(unboundedQuery);
