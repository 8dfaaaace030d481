import { nPlusOne } from '../../src/core/rules/n-plus-one';
import { runDocsExamples, runFixtureTests, runRuleTests, type InvalidCase, type RuleCase } from './ruleTester';

const invalid: InvalidCase[] = [
  {
    name: 'a Prisma transaction client of a client imported from the project (found by the third blind corpus)',
    code: `import { prisma } from '@/lib/prisma';

export async function rename(updates: { id: string; title: string }[]) {
  await prisma.$transaction(async (tx) => {
    for (const u of updates) {
      await tx.order.update({ where: { id: u.id }, data: { title: u.title } });
    }
  });
}
`,
    line: 6,
  },
  {
    name: 'a repository returned by a getter of the class',
    code: `import { DataSource } from 'typeorm';
import { Role } from './entities/role.entity';

export class Roles {
  constructor(private readonly dataSource: DataSource) {}

  private get roles() {
    return this.dataSource.getRepository(Role);
  }

  async assign(names: string[]) {
    for (const name of names) {
      await this.roles.findOne({ where: { name } });
    }
  }
}
`,
    line: 13,
  },
  {
    name: 'a list declared empty and filled later is data, not a fixed list',
    code: `import { Pool } from 'pg';

const pool = new Pool();

export async function backfill(pages: { items: { id: string }[] }[]) {
  const all = [];
  for (const page of pages) all.push(...page.items);
  for (const c of all) {
    await pool.query('UPDATE contacts SET synced_at = now() WHERE id = $1', [c.id]);
  }
}
`,
    line: 9,
  },
  // ---- found by the second blind corpus ----------------------------------------------------------
  {
    name: 'a record called a batch, read by its id, in a do…while index loop (not a chunk of rows)',
    code: `const { Sequelize } = require('sequelize');
const sequelize = new Sequelize(process.env.DATABASE_URL);

async function settleBatches(batches) {
  let i = 0;
  do {
    const batch = batches[i];
    await sequelize.query('UPDATE payments SET status = :status WHERE "batchId" = :id', { replacements: { status: 'settled', id: batch.id } });
    i += 1;
  } while (i < batches.length);
}
`,
    line: 8,
  },
  {
    name: 'a countdown while loop from the size of the array',
    code: `import { AuditEntry } from './models/audit-entry.js';

export async function auditEach(userIds, action) {
  let i = userIds.length;
  while (i > 0) {
    i -= 1;
    await AuditEntry.create({ userId: userIds[i], action });
  }
}
`,
    line: 7,
  },
  {
    name: 'got imported by its named export under another name',
    code: `import { got as request } from 'got';

export async function fetchRates(currencies: string[]) {
  const rates: Record<string, number> = {};
  for (const ccy of currencies) {
    rates[ccy] = await request(\`https://rates.example.com/v1/\${ccy}\`, { timeout: { request: 3000 } }).json<number>();
  }
  return rates;
}
`,
    line: 6,
  },
  {
    name: "drizzle insert(…).values(…) per element (values is drizzle's step here, not Array#values)",
    code: `import { drizzle } from 'drizzle-orm/node-postgres';
import { Pool } from 'pg';
import { priceHistory } from './schema';

export const db = drizzle(new Pool());

export async function recordPrices(updates: { variantId: number; cents: number }[]) {
  for (let i = 0; i < updates.length; i += 1) {
    const u = updates[i];
    await db.insert(priceHistory).values({ variantId: u.variantId, cents: u.cents });
  }
}
`,
    line: 10,
  },
  // ---- Prisma -----------------------------------------------------------------------------------
  {
    name: 'Prisma: new PrismaClient(), sequential findUnique in for…of',
    code: `import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export async function customersFor(orders: { id: string; customerId: string }[]) {
  const out = [];
  for (const order of orders) {
    const customer = await prisma.customer.findUnique({ where: { id: order.customerId } });
    out.push({ order, customer });
  }
  return out;
}
`,
    line: 8,
    text: 'prisma.customer.findUnique({ where: { id: order.customerId } })',
    severity: 'HIGH',
    related: 1,
    messageIncludes: ['`prisma.customer.findUnique` runs once per element of `orders`', 'for…of', 'round trips', '10,000', 'findMany({ where: { id: { in: ids } } })', 'Map'],
  },
  {
    name: 'Prisma: NestJS PrismaService injected through the constructor',
    code: `import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma/prisma.service';

@Injectable()
export class InvoiceService {
  constructor(private readonly prisma: PrismaService) {}

  async linesFor(invoiceIds: string[]) {
    const lines = new Map<string, unknown[]>();
    for (const invoiceId of invoiceIds) {
      lines.set(invoiceId, await this.prisma.invoiceLine.findMany({ where: { invoiceId } }));
    }
    return lines;
  }
}
`,
    line: 11,
    text: 'this.prisma.invoiceLine.findMany({ where: { invoiceId } })',
    messageIncludes: ['`this.prisma.invoiceLine.findMany`', '`invoiceIds`'],
  },
  {
    name: 'Prisma: writes per element inside an interactive $transaction',
    code: `import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export async function restock(items: { sku: string; quantity: number }[]) {
  await prisma.$transaction(async (tx) => {
    for (const item of items) {
      await tx.product.update({ where: { sku: item.sku }, data: { stock: { increment: item.quantity } } });
    }
  });
}
`,
    line: 8,
    messageIncludes: ['`tx.product.update`', 'Batch the writes', '`updateMany`'],
  },
  {
    name: 'Prisma: Prisma.TransactionClient parameter, index loop',
    code: `import { Prisma } from '@prisma/client';

export async function archive(tx: Prisma.TransactionClient, ids: string[]) {
  for (let i = 0; i < ids.length; i++) {
    await tx.ticket.update({ where: { id: ids[i] }, data: { archived: true } });
  }
}
`,
    line: 5,
    messageIncludes: ['element of `ids` in this `for` loop'],
  },
  {
    name: 'Prisma: findUnique batched by Prisma inside a .map is still one query per element of the outer loop',
    code: `import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export async function cartsWithProducts(carts: { id: string; productIds: string[] }[]) {
  const result = [];
  for (const cart of carts) {
    const products = await Promise.all(cart.productIds.map((id) => prisma.product.findUnique({ where: { id } })));
    result.push({ cart, products });
  }
  return result;
}
`,
    line: 8,
    severity: 'HIGH',
    messageIncludes: ['element of `carts` in this `for…of` loop'],
  },
  {
    name: 'Prisma: findFirst is not batched, so Promise.all(map) is a concurrent N+1 (MEDIUM)',
    code: `import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export function latestOrders(customerIds: string[]) {
  return Promise.all(customerIds.map((customerId) => prisma.order.findFirst({ where: { customerId }, orderBy: { createdAt: 'desc' } })));
}
`,
    line: 6,
    severity: 'MEDIUM',
    messageIncludes: ['`.map` callback', 'concurrently', 'connection pool'],
  },
  {
    name: 'Prisma: a client exported by the project (import { prisma } from "@/lib/prisma")',
    code: `import { prisma } from '@/lib/prisma';

export async function touch(userIds: string[]) {
  for (const id of userIds) {
    await prisma.user.update({ where: { id }, data: { lastSeenAt: new Date() } });
  }
}
`,
    line: 5,
  },
  {
    name: 'Prisma: a search loop that returns the first hit still queries once per element',
    code: `import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export async function firstActive(ids: string[]) {
  for (const id of ids) {
    const user = await prisma.user.findUnique({ where: { id } });
    if (user?.active) return user;
  }
  return null;
}
`,
    line: 7,
  },
  // ---- TypeORM ----------------------------------------------------------------------------------
  {
    name: 'TypeORM: @InjectRepository(User) private repo: Repository<User>',
    code: `import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { User } from './user.entity';

@Injectable()
export class UsersService {
  constructor(@InjectRepository(User) private readonly repo: Repository<User>) {}

  async byIds(ids: string[]) {
    const users: User[] = [];
    for (const id of ids) {
      const user = await this.repo.findOneBy({ id });
      if (user) users.push(user);
    }
    return users;
  }
}
`,
    line: 13,
    text: 'this.repo.findOneBy({ id })',
    messageIncludes: ['`findBy({ id: In(ids) })`'],
  },
  {
    name: 'TypeORM: dataSource.getRepository(User).findOneBy',
    code: `import { DataSource } from 'typeorm';
import { User } from './entities/user';

const dataSource = new DataSource({ type: 'postgres' });

export async function emails(ids: number[]) {
  const out: string[] = [];
  for (const id of ids) {
    const user = await dataSource.getRepository(User).findOneBy({ id });
    if (user) out.push(user.email);
  }
  return out;
}
`,
    line: 9,
  },
  {
    name: 'TypeORM: manager.save in a loop inside dataSource.transaction',
    code: `import { DataSource } from 'typeorm';
import { AuditEntry } from './entities/audit-entry';

export class AuditWriter {
  constructor(private readonly dataSource: DataSource) {}

  async write(entries: AuditEntry[]) {
    await this.dataSource.transaction(async (manager) => {
      for (const entry of entries) {
        await manager.save(entry);
      }
    });
  }
}
`,
    line: 10,
    messageIncludes: ['`manager.save`', '`save(entities)`'],
  },
  {
    name: 'TypeORM: createQueryBuilder chain per element',
    code: `import { Repository } from 'typeorm';
import { Order } from './order.entity';

export async function totals(repo: Repository<Order>, customerIds: string[]) {
  const totals: Record<string, number> = {};
  for (const customerId of customerIds) {
    const row = await repo.createQueryBuilder('o').select('SUM(o.total)', 'sum').where('o.customerId = :customerId', { customerId }).getRawOne();
    totals[customerId] = Number(row.sum);
  }
  return totals;
}
`,
    line: 7,
  },
  // ---- Sequelize --------------------------------------------------------------------------------
  {
    name: 'Sequelize: class User extends Model, findByPk in for…of',
    code: `import { DataTypes, Model, Sequelize } from 'sequelize';

const sequelize = new Sequelize(process.env.DATABASE_URL!);
class User extends Model {}
User.init({ name: DataTypes.STRING }, { sequelize });

export async function names(ids: number[]) {
  const names: string[] = [];
  for (const id of ids) {
    const user = await User.findByPk(id);
    if (user) names.push(user.get('name') as string);
  }
  return names;
}
`,
    line: 10,
    messageIncludes: ['`User.findByPk`', '`findAll({ where: { id: ids } })`'],
  },
  {
    name: 'Sequelize: models required from ./models, forEach(async …) is HIGH',
    code: `const { Order } = require('./models');

async function closeAll(orderIds) {
  orderIds.forEach(async (id) => {
    await Order.update({ status: 'closed' }, { where: { id } });
  });
}

module.exports = { closeAll };
`,
    file: 'src/orders.js',
    line: 5,
    severity: 'HIGH',
    messageIncludes: ['`.forEach` callback'],
  },
  {
    name: 'Sequelize: sequelize.query per element',
    code: `import { QueryTypes, Sequelize } from 'sequelize';

const sequelize = new Sequelize('postgres://localhost/shop');

export async function stock(skus: string[]) {
  const levels: Record<string, number> = {};
  for (const sku of skus) {
    const [row] = await sequelize.query<{ qty: number }>('SELECT qty FROM stock WHERE sku = :sku', { replacements: { sku }, type: QueryTypes.SELECT });
    levels[sku] = row?.qty ?? 0;
  }
  return levels;
}
`,
    line: 8,
  },
  // ---- Mongoose / MongoDB -----------------------------------------------------------------------
  {
    name: "Mongoose: mongoose.model('User', schema), findById in for…of",
    code: `import mongoose, { Schema } from 'mongoose';

const User = mongoose.model('User', new Schema({ name: String }));

export async function names(ids: string[]) {
  const names: string[] = [];
  for (const id of ids) {
    const user = await User.findById(id).lean();
    if (user) names.push(user.name as string);
  }
  return names;
}
`,
    line: 8,
    text: 'User.findById(id).lean()',
    messageIncludes: ['`find({ _id: { $in: ids } })`'],
  },
  {
    name: "Mongoose: import { User } from '../models/user' in a queue-draining while",
    code: `import { User } from '../models/user';

export async function notify(queue: string[]) {
  while (queue.length) {
    const id = queue.shift()!;
    const user = await User.findOne({ _id: id });
    if (user) console.log('notify', user.id);
  }
}
`,
    line: 6,
    messageIncludes: ['element of `queue` in this `while` loop'],
  },
  {
    name: 'Mongoose: default-imported model from ../models/user, write per element',
    code: `import User from '../models/user';

export async function deactivate(ids: string[]) {
  for (const id of ids) {
    await User.updateOne({ _id: id }, { $set: { active: false } });
  }
}
`,
    line: 5,
    messageIncludes: ['`User.updateOne`', 'Batch the writes'],
  },
  {
    name: 'Mongoose: @InjectModel Model<UserDocument> in a NestJS service',
    code: `import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { User, UserDocument } from './user.schema';

@Injectable()
export class UsersService {
  constructor(@InjectModel(User.name) private userModel: Model<UserDocument>) {}

  async load(ids: string[]) {
    return Promise.all(ids.map(async (id) => this.userModel.findById(id).exec()));
  }
}
`,
    line: 11,
    severity: 'MEDIUM',
  },
  {
    name: 'MongoDB driver: collection().findOne inside for await over a cursor',
    code: `import { MongoClient } from 'mongodb';

const client = new MongoClient(process.env.MONGO_URL!);

export async function enrich() {
  const db = client.db('shop');
  for await (const order of db.collection('orders').find({ status: 'open' })) {
    const customer = await db.collection('customers').findOne({ _id: order.customerId });
    console.log(order._id, customer?.email);
  }
}
`,
    line: 8,
    messageIncludes: ['for await…of'],
  },
  // ---- knex ---------------------------------------------------------------------------------------
  {
    name: "knex: an instance called db, db('users').where(…).first() per element",
    code: `import knex from 'knex';

const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });

export async function owners(projects: { ownerId: number }[]) {
  const owners = [];
  for (const project of projects) {
    owners.push(await db('users').where({ id: project.ownerId }).first());
  }
  return owners;
}
`,
    line: 8,
    text: "db('users').where({ id: project.ownerId }).first()",
    messageIncludes: ["`db('users').where(…).first`", "`whereIn('id', ids)`"],
  },
  {
    name: 'knex: trx inside db.transaction, writes per element',
    code: `const knex = require('knex')({ client: 'mysql2' });

async function saveAll(rows) {
  await knex.transaction(async (trx) => {
    for (const row of rows) {
      await trx('events').insert(row);
    }
  });
}

module.exports = { saveAll };
`,
    file: 'src/events.js',
    line: 6,
    messageIncludes: ['`insert(rows)`'],
  },
  // ---- pg / mysql2 --------------------------------------------------------------------------------
  {
    name: "pg: const { Pool } = require('pg'), index loop",
    code: `const { Pool } = require('pg');

const pool = new Pool();

async function balances(accountIds) {
  const out = {};
  for (let i = 0; i < accountIds.length; i++) {
    const { rows } = await pool.query('SELECT balance FROM accounts WHERE id = $1', [accountIds[i]]);
    out[accountIds[i]] = rows[0]?.balance;
  }
  return out;
}

module.exports = { balances };
`,
    file: 'src/balances.js',
    line: 8,
    messageIncludes: ['element of `accountIds` in this `for` loop', '`WHERE id = ANY($1)`'],
  },
  {
    name: 'pg: named import with alias, Client.query in a do…while walking an array',
    code: `import { Client as PgClient } from 'pg';

const client = new PgClient();

export async function touchAll(ids: string[]) {
  let i = 0;
  do {
    await client.query('UPDATE sessions SET seen_at = now() WHERE id = $1', [ids[i]]);
    i++;
  } while (i < ids.length);
}
`,
    line: 8,
    messageIncludes: ['do…while', 'multi-row'],
  },
  {
    name: 'mysql2: mysql.createPool().promise() query per element',
    code: `import mysql from 'mysql2';

const pool = mysql.createPool({ host: 'db', user: 'app' }).promise();

export async function prices(skus: string[]) {
  const prices = new Map<string, number>();
  for (const sku of skus) {
    const [rows] = await pool.query('SELECT price FROM products WHERE sku = ?', [sku]);
    prices.set(sku, (rows as { price: number }[])[0]?.price);
  }
  return prices;
}
`,
    line: 8,
    messageIncludes: ['`WHERE id IN (?)`'],
  },
  {
    name: 'mysql2/promise: execute in Promise.all(map) is MEDIUM',
    code: `import * as mysql from 'mysql2/promise';

const pool = mysql.createPool({ uri: process.env.MYSQL_URL });

export async function stock(skus: string[]) {
  return Promise.all(skus.map(async (sku) => {
    const [rows] = await pool.execute('SELECT qty FROM stock WHERE sku = ?', [sku]);
    return rows;
  }));
}
`,
    line: 7,
    severity: 'MEDIUM',
  },
  // ---- drizzle ------------------------------------------------------------------------------------
  {
    name: 'drizzle: db.select().from(users).where(eq(…)) per element',
    code: `import { drizzle } from 'drizzle-orm/node-postgres';
import { eq } from 'drizzle-orm';
import { users } from './schema';

const db = drizzle(process.env.DATABASE_URL!);

export async function names(ids: number[]) {
  const out: string[] = [];
  for (const id of ids) {
    const [user] = await db.select().from(users).where(eq(users.id, id));
    if (user) out.push(user.name);
  }
  return out;
}
`,
    line: 10,
    messageIncludes: ['`where(inArray(table.id, ids))`'],
  },
  {
    name: 'drizzle: db.query.users.findFirst in a .map inside Promise.all',
    code: `import { drizzle } from 'drizzle-orm/postgres-js';
import { eq } from 'drizzle-orm';
import * as schema from './schema';

const db = drizzle(process.env.DATABASE_URL!, { schema });

export function authors(posts: { authorId: number }[]) {
  return Promise.all(posts.map((post) => db.query.users.findFirst({ where: eq(schema.users.id, post.authorId) })));
}
`,
    line: 8,
    severity: 'MEDIUM',
  },
  // ---- HTTP -------------------------------------------------------------------------------------
  {
    name: 'fetch: Promise.all(ids.map(id => fetch(…))) is a concurrent N+1',
    code: `export function profiles(ids: string[]) {
  return Promise.all(ids.map((id) => fetch(\`https://users.internal/profiles/\${id}\`, { signal: AbortSignal.timeout(2000) })));
}
`,
    line: 2,
    severity: 'MEDIUM',
    related: 1,
    messageIncludes: ['`fetch` runs once per element of `ids` in this `.map` callback', 'requests', 'batch'],
  },
  {
    name: 'fetch: Promise.allSettled with an async callback that awaits',
    code: `export async function ping(urls: string[]) {
  const results = await Promise.allSettled(urls.map(async (url) => {
    const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
    return res.status;
  }));
  return results;
}
`,
    line: 3,
    severity: 'MEDIUM',
  },
  {
    name: 'axios: default import, get per element in for…of',
    code: `import axios from 'axios';

export async function rates(currencies: string[]) {
  const rates: Record<string, number> = {};
  for (const c of currencies) {
    const { data } = await axios.get(\`https://fx.example.com/rates/\${c}\`, { timeout: 3000 });
    rates[c] = data.rate;
  }
  return rates;
}
`,
    line: 6,
    messageIncludes: ['`axios.get`', 'requests to the remote service'],
  },
  {
    name: 'axios: an instance from axios.create, post per element (a write)',
    code: `import axios from 'axios';

const crm = axios.create({ baseURL: 'https://crm.example.com', timeout: 5000 });

export async function sync(contacts: { id: string }[]) {
  for (const contact of contacts) {
    await crm.post('/contacts', contact);
  }
}
`,
    line: 7,
    messageIncludes: ["bulk endpoint"],
  },
  {
    name: 'got: for…in over an object of ids',
    code: `import got from 'got';

export async function resolveAll(byName: Record<string, string>) {
  const out: Record<string, unknown> = {};
  for (const name in byName) {
    out[name] = await got(\`https://registry.example.com/\${byName[name]}\`, { timeout: { request: 2000 } }).json();
  }
  return out;
}
`,
    line: 6,
    text: "got(`https://registry.example.com/${byName[name]}`, { timeout: { request: 2000 } })",
    messageIncludes: ['key of `byName` in this `for…in` loop'],
  },
  {
    name: 'NestJS HttpService through firstValueFrom in a loop',
    code: `import { Injectable } from '@nestjs/common';
import { HttpService } from '@nestjs/axios';
import { firstValueFrom } from 'rxjs';

@Injectable()
export class ShippingService {
  constructor(private readonly http: HttpService) {}

  async quotes(parcels: { id: string }[]) {
    const out = [];
    for (const parcel of parcels) {
      out.push(await firstValueFrom(this.http.get(\`/quotes/\${parcel.id}\`)));
    }
    return out;
  }
}
`,
    line: 12,
    text: 'this.http.get(`/quotes/${parcel.id}`)',
  },
  // ---- shapes -----------------------------------------------------------------------------------
  {
    name: 'a callback that returns the call without await (.map inside Promise.all)',
    code: `import axios from 'axios';

export async function load(ids: number[]) {
  const responses = await Promise.all(ids.map(function (id) {
    return axios.get('https://api.example.com/items/' + id, { timeout: 1000 });
  }));
  return responses.map((r) => r.data);
}
`,
    line: 5,
    severity: 'MEDIUM',
  },
  {
    name: 'promises pushed in a for loop, then Promise.all',
    code: `import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export async function counts(tagIds: string[]) {
  const pending = [];
  for (const tagId of tagIds) {
    pending.push(prisma.post.count({ where: { tagId } }));
  }
  return Promise.all(pending);
}
`,
    line: 8,
    severity: 'MEDIUM',
  },
  {
    name: 'two queries per element in Promise.all([…]) inside a for loop',
    code: `import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export async function dashboard(teamIds: string[]) {
  const rows = [];
  for (const teamId of teamIds) {
    const [members, projects] = await Promise.all([
      prisma.member.count({ where: { teamId } }),
      prisma.project.count({ where: { teamId } }),
    ]);
    rows.push({ teamId, members, projects });
  }
  return rows;
}
`,
    count: 2,
    line: 9,
    severity: 'HIGH',
  },
  {
    name: 'a retry wrapper around each element still runs one call per element',
    code: `import pRetry from 'p-retry';

export async function deliver(webhooks: { url: string; body: string }[]) {
  for (const hook of webhooks) {
    await pRetry(() => fetch(hook.url, { method: 'POST', body: hook.body, signal: AbortSignal.timeout(3000) }), { retries: 3 });
  }
}
`,
    line: 5,
    text: "fetch(hook.url, { method: 'POST', body: hook.body, signal: AbortSignal.timeout(3000) })",
  },
  {
    name: 'reduce with an awaited accumulator runs the queries one after another (HIGH)',
    code: `import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export function sumBalances(accountIds: string[]) {
  return accountIds.reduce(async (totalP, id) => {
    const total = await totalP;
    const account = await prisma.account.findUniqueOrThrow({ where: { id } });
    return total + account.balance;
  }, Promise.resolve(0));
}
`,
    line: 8,
    severity: 'HIGH',
    messageIncludes: ['`.reduce` callback'],
  },
  {
    name: 'flatMap callback',
    code: `import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export async function comments(postIds: string[]) {
  return (await Promise.all(postIds.flatMap((postId) => [prisma.comment.findMany({ where: { postId } })]))).flat();
}
`,
    line: 6,
    severity: 'MEDIUM',
  },
  {
    name: 'while draining with assignment in the condition',
    code: `import axios from 'axios';

export async function crawl(start: string[]) {
  const queue = [...start];
  let url: string | undefined;
  while ((url = queue.shift())) {
    const { data } = await axios.get<string[]>(url, { timeout: 2000 });
    queue.push(...data);
  }
}
`,
    line: 7,
  },
  {
    name: 'a count loop writing one row per iteration (i < count)',
    code: `import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export async function issueCodes(campaignId: string, count: number) {
  for (let i = 0; i < count; i++) {
    await prisma.voucher.create({ data: { campaignId, code: Math.random().toString(36).slice(2) } });
  }
}
`,
    line: 7,
    messageIncludes: ['`createMany`'],
  },
  {
    name: 'nested callbacks: the innermost per-element callback is related',
    code: `import { Pool } from 'pg';

const pool = new Pool();

export function audit(orders: { id: string; lines: { sku: string }[] }[]) {
  orders.forEach((order) => {
    order.lines.forEach(async (line) => {
      await pool.query('INSERT INTO audit (order_id, sku) VALUES ($1, $2)', [order.id, line.sku]);
    });
  });
}
`,
    line: 8,
    messageIncludes: ['element of `order.lines`'],
  },
  {
    name: 'p-limit inside Promise.all(map) bounds the concurrency but is still one call per element',
    code: `import pLimit from 'p-limit';
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();
const limit = pLimit(5);

export function latest(userIds: string[]) {
  return Promise.all(userIds.map((id) => limit(() => prisma.session.findFirst({ where: { userId: id } }))));
}
`,
    line: 8,
    severity: 'MEDIUM',
  },
  {
    name: 'mongoose namespace import, spread of data is not a fixed list',
    code: `import * as mongoose from 'mongoose';

const Invoice = mongoose.model('Invoice', new mongoose.Schema({ number: String }));

export async function reopen(open: string[], late: string[]) {
  for (const id of [...open, ...late]) {
    await Invoice.findByIdAndUpdate(id, { status: 'open' });
  }
}
`,
    line: 7,
  },
  {
    name: 'includeErrorPaths: true reports a call in a catch block',
    code: `import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export async function processAll(jobs: { id: string; run(): Promise<void> }[]) {
  for (const job of jobs) {
    try {
      await job.run();
    } catch (err) {
      await prisma.failedJob.create({ data: { jobId: job.id, error: String(err) } });
    }
  }
}
`,
    options: { includeErrorPaths: true },
    line: 10,
  },
  {
    name: 'a MongoDB cursor drained with while (await cursor.hasNext())',
    code: `import { MongoClient } from 'mongodb';

const client = new MongoClient('mongodb://localhost');

export async function backfill() {
  const orders = client.db('shop').collection('orders');
  const cursor = orders.find({ region: null });
  while (await cursor.hasNext()) {
    const order = await cursor.next();
    await orders.updateOne({ _id: order!._id }, { $set: { region: 'eu' } });
  }
}
`,
    line: 10,
    messageIncludes: ['`orders.updateOne`'],
  },
  {
    name: 'pMap from p-map is a concurrent N+1',
    code: `import pMap from 'p-map';
import axios from 'axios';

export function thumbnails(ids: string[]) {
  return pMap(ids, (id) => axios.get(\`https://img.example.com/\${id}/thumb\`, { timeout: 3000 }), { concurrency: 8 });
}
`,
    line: 5,
    severity: 'MEDIUM',
    messageIncludes: ['`pMap` callback'],
  },
  {
    name: 'lodash _.forEach with an async callback',
    code: `import _ from 'lodash';
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export function touch(ids: string[]) {
  _.forEach(ids, async (id) => {
    await prisma.user.update({ where: { id }, data: { touchedAt: new Date() } });
  });
}
`,
    line: 8,
    severity: 'HIGH',
  },
  {
    name: 'a document fetched in the loop and saved again gives two findings',
    code: `import mongoose from 'mongoose';

const Cart = mongoose.model('Cart', new mongoose.Schema({ total: Number }));

export async function recalc(ids: string[]) {
  for (const id of ids) {
    const cart = await Cart.findById(id);
    if (!cart) continue;
    cart.set('total', 0);
    await cart.save();
  }
}
`,
    count: 2,
    line: 7,
  },
  {
    name: 'a cross-file drizzle db (import { db } from "@/db")',
    code: `import { eq } from 'drizzle-orm';
import { db } from '@/db';
import { users } from '@/db/schema';

export async function names(ids: number[]) {
  const out: string[] = [];
  for (const id of ids) {
    const user = await db.query.users.findFirst({ where: eq(users.id, id) });
    if (user) out.push(user.name);
  }
  return out;
}
`,
    line: 8,
  },
  {
    name: 'a cross-file TypeORM data source (AppDataSource.getRepository)',
    code: `import { AppDataSource } from '../data-source';
import { Photo } from '../entity/Photo';

const photos = AppDataSource.getRepository(Photo);

export async function publish(ids: number[]) {
  for (const id of ids) {
    await photos.update({ id }, { published: true });
  }
}
`,
    line: 8,
    messageIncludes: ['`save(entities)`'],
  },
  {
    name: 'a while (i--) walk backwards over an array',
    code: `import got from 'got';

export async function purge(urls: string[]) {
  let i = urls.length;
  while (i--) {
    await got.delete(urls[i], { timeout: { request: 2000 } });
  }
}
`,
    line: 6,
  },
  {
    name: 'a custom TypeORM repository class imported from another file',
    code: `import { Injectable } from '@nestjs/common';
import { UserRepository } from './user.repository';

@Injectable()
export class Mailer {
  constructor(private readonly users: UserRepository) {}

  async addresses(ids: string[]) {
    const out: string[] = [];
    for (const id of ids) {
      const user = await this.users.findOne({ where: { id } });
      if (user) out.push(user.email);
    }
    return out;
  }
}
`,
    line: 11,
  },
  {
    name: 'the Next.js singletons: globalForPrisma.prisma ?? new PrismaClient(), mongoose.models.X || mongoose.model(…)',
    code: `import { PrismaClient } from '@prisma/client';
import mongoose from 'mongoose';

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };
export const prisma = globalForPrisma.prisma ?? new PrismaClient();
const Visit = mongoose.models.Visit || mongoose.model('Visit', new mongoose.Schema({ path: String }));

export async function record(paths: string[], userId: string) {
  for (const path of paths) {
    await Visit.create({ path, userId });
    await prisma.user.update({ where: { id: userId }, data: { visits: { increment: 1 } } });
  }
}
`,
    count: 2,
    line: 10,
  },
  {
    name: 'a local helper function that queries, awaited in a for…of',
    code: `import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

async function loadUser(id: string) {
  return prisma.user.findFirst({ where: { id } });
}

export async function users(ids: string[]) {
  const out = [];
  for (const id of ids) {
    out.push(await loadUser(id));
  }
  return out;
}
`,
    line: 12,
    text: 'loadUser(id)',
    related: 1,
    messageIncludes: ['loadUser(…)', 'prisma.user.findFirst'],
  },
  {
    name: 'a method of the same class that calls axios, through another local helper, in Promise.all(map)',
    code: `import axios from 'axios';

const get = (url: string) => axios.get(url, { timeout: 2000 });

export class Avatars {
  private async fetchOne(id: string) {
    const res = await get('https://avatars.internal/' + id);
    return res.data;
  }

  all(ids: string[]) {
    return Promise.all(ids.map((id) => this.fetchOne(id)));
  }
}
`,
    line: 12,
    text: 'this.fetchOne(id)',
    severity: 'MEDIUM',
  },
  {
    name: 'Mongoose: documents loaded before the loop, doc.save() per element',
    code: `import mongoose from 'mongoose';

const User = mongoose.model('User', new mongoose.Schema({ name: String, archived: Boolean }));

export async function archiveInactive() {
  const users = await User.find({ active: false });
  for (const user of users) {
    user.archived = true;
    await user.save();
  }
}
`,
    line: 9,
    text: 'user.save()',
    related: 1,
    messageIncludes: ['`user.save` runs once per element of `users`', 'bulkWrite'],
  },
  {
    name: 'Sequelize: instances from findAll updated in Promise.all(map)',
    code: `import { Order } from '../models/order';

export async function closeOpen() {
  const orders = await Order.findAll({ where: { status: 'open' } });
  await Promise.all(orders.map((o) => o.update({ status: 'closed' })));
}
`,
    line: 5,
    text: "o.update({ status: 'closed' })",
    severity: 'MEDIUM',
  },
];

const valid: (string | RuleCase)[] = [
  {
    name: 'a real chunk named batch: the whole chunk goes into one query',
    code: `import { Pool } from 'pg';

const pool = new Pool();

export async function archive(batches: string[][]) {
  for (const batch of batches) {
    await pool.query('UPDATE orders SET archived = true WHERE id = ANY($1)', [batch]);
    await pool.query('INSERT INTO audit (count) VALUES ($1)', [batch.length]);
  }
}
`,
  },
  {
    name: 'one batched query before the loop, then an in-memory lookup',
    code: `import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export async function customersFor(orders: { customerId: string }[]) {
  const customers = await prisma.customer.findMany({ where: { id: { in: orders.map((o) => o.customerId) } } });
  const byId = new Map(customers.map((c) => [c.id, c]));
  const out = [];
  for (const order of orders) out.push({ order, customer: byId.get(order.customerId) });
  return out;
}
`,
  },
  {
    name: 'findMany with { id: { in: ids } }',
    code: `import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export function usersByIds(ids: string[]) {
  return prisma.user.findMany({ where: { id: { in: ids } } });
}
`,
  },
  {
    name: 'sleep, fs.promises.readFile and a local helper awaited in a loop',
    code: `import { promises as fs } from 'node:fs';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function normalise(text: string) {
  return text.trim().toLowerCase();
}

export async function loadAll(paths: string[]) {
  const out: string[] = [];
  for (const p of paths) {
    const text = await fs.readFile(p, 'utf8');
    out.push(await normalise(text));
    await sleep(10);
  }
  return out;
}
`,
  },
  {
    name: 'createMany outside a loop',
    code: `import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export async function importRows(rows: { sku: string; name: string }[]) {
  await prisma.product.createMany({ data: rows, skipDuplicates: true });
}
`,
  },
  {
    name: 'Prisma findUnique issued together in Promise.all(items.map(async …))',
    code: `import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export async function owners(items: { ownerId: string }[]) {
  return Promise.all(items.map(async (item) => {
    const owner = await prisma.user.findUnique({ where: { id: item.ownerId } });
    return owner?.email;
  }));
}
`,
  },
  {
    name: 'Prisma findUnique returned from a concise .map callback (NestJS PrismaService)',
    code: `import { Injectable } from '@nestjs/common';
import { PrismaService } from './prisma.service';

@Injectable()
export class CartService {
  constructor(private prisma: PrismaService) {}

  products(ids: string[]) {
    return Promise.all(ids.map((id) => this.prisma.product.findUnique({ where: { id } })));
  }
}
`,
  },
  {
    name: 'retry loop with a bounded counter and return on success',
    code: `import axios from 'axios';

export async function getConfig(url: string) {
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      return (await axios.get(url, { timeout: 2000 })).data;
    } catch (err) {
      if (attempt === 3) throw err;
    }
  }
}
`,
  },
  {
    name: 'while (true) retry around one query, leaving on success',
    code: `const { Pool } = require('pg');

const pool = new Pool();

async function waitForDb() {
  let attempt = 0;
  while (true) {
    try {
      await pool.query('SELECT 1');
      return;
    } catch (err) {
      if (++attempt > 10) throw err;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

module.exports = { waitForDb };
`,
    file: 'src/wait.js',
  },
  {
    name: 'for (let i = 0; i < 3; i++) retry-ish loop with break',
    code: `export async function ping(url: string) {
  for (let i = 0; i < 3; i++) {
    const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
    if (res.ok) break;
  }
}
`,
  },
  {
    name: 'pagination with a cursor taken from the previous page (do … while)',
    code: `import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export async function exportAll() {
  const all = [];
  let cursor: string | undefined;
  do {
    const page = await prisma.event.findMany({ take: 500, orderBy: { id: 'asc' }, ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}) });
    all.push(...page);
    cursor = page.length === 500 ? page[page.length - 1].id : undefined;
  } while (cursor);
  return all;
}
`,
  },
  {
    name: 'pagination with a next-page token (while (hasMore))',
    code: `import axios from 'axios';

export async function allCharges() {
  const charges: unknown[] = [];
  let startingAfter: string | undefined;
  let hasMore = true;
  while (hasMore) {
    const { data } = await axios.get('https://api.example.com/charges', { params: { limit: 100, starting_after: startingAfter }, timeout: 5000 });
    charges.push(...data.data);
    hasMore = data.has_more;
    startingAfter = data.data[data.data.length - 1]?.id;
  }
  return charges;
}
`,
  },
  {
    name: 'pagination by page number in a for loop',
    code: `import axios from 'axios';

export async function allOrders(totalPages: number) {
  const orders: unknown[] = [];
  for (let page = 1; page <= totalPages; page++) {
    const { data } = await axios.get('https://shop.example.com/orders', { params: { page }, timeout: 5000 });
    orders.push(...data);
  }
  return orders;
}
`,
  },
  {
    name: 'pagination in a for loop over a collection whose cursor comes from the answer',
    code: `import got from 'got';

export async function sync(feeds: string[]) {
  let token = '';
  for (const feed of feeds) {
    const page: { next: string } = await got(\`https://feeds.example.com/\${feed}?from=\${token}\`, { timeout: { request: 2000 } }).json();
    token = page.next;
  }
}
`,
  },
  {
    name: "a fixed literal array: for (const region of ['eu', 'us'])",
    code: `export async function health() {
  const out: Record<string, number> = {};
  for (const region of ['eu', 'us']) {
    const res = await fetch(\`https://\${region}.api.example.com/health\`, { signal: AbortSignal.timeout(1000) });
    out[region] = res.status;
  }
  return out;
}
`,
  },
  {
    name: 'a const literal list and an enum',
    code: `import axios from 'axios';

const REGIONS = ['eu-west-1', 'us-east-1', 'ap-south-1'] as const;
enum Queue { Orders = 'orders', Refunds = 'refunds' }

export async function depth() {
  for (const region of REGIONS) await axios.get(\`https://\${region}.example.com/ping\`, { timeout: 500 });
  await Promise.all(Object.values(Queue).map((q) => axios.get(\`https://mq.example.com/queues/\${q}\`, { timeout: 500 })));
}
`,
  },
  {
    name: 'two known ids in a literal array',
    code: `import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export async function parties(order: { buyerId: string; sellerId: string }) {
  return Promise.all([order.buyerId, order.sellerId].map((id) => prisma.user.findFirst({ where: { id } })));
}
`,
  },
  {
    name: 'the query only runs on the error path of each iteration (catch)',
    code: `import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export async function processAll(jobs: { id: string; run(): Promise<void> }[]) {
  for (const job of jobs) {
    try {
      await job.run();
    } catch (err) {
      await prisma.failedJob.create({ data: { jobId: job.id, error: String(err) } });
    }
  }
}
`,
  },
  {
    name: 'chunks: one createMany per chunk',
    code: `import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export async function importAll(chunks: { sku: string }[][]) {
  for (const chunk of chunks) {
    await prisma.product.createMany({ data: chunk });
  }
}
`,
  },
  {
    name: 'chunks: an index loop stepping by the batch size, whereIn with a slice',
    code: `import knex from 'knex';

const db = knex({ client: 'pg' });
const BATCH = 500;

export async function load(ids: number[]) {
  const rows = [];
  for (let i = 0; i < ids.length; i += BATCH) {
    rows.push(...(await db('users').whereIn('id', ids.slice(i, i + BATCH))));
  }
  return rows;
}
`,
  },
  {
    name: 'chunks: the loop element itself is the list given to ANY($1)',
    code: `import { Pool } from 'pg';

const pool = new Pool();

export async function load(groups: string[][]) {
  const rows = [];
  for (const ids of groups) {
    const res = await pool.query('SELECT * FROM users WHERE id = ANY($1)', [ids]);
    rows.push(...res.rows);
  }
  return rows;
}
`,
  },
  {
    name: 'Prisma $transaction over a mapped array of writes (one transaction)',
    code: `import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export function reorder(ids: string[]) {
  return prisma.$transaction(ids.map((id, position) => prisma.task.update({ where: { id }, data: { position } })));
}
`,
  },
  {
    name: 'the loop walks rows fetched once; the body does no I/O',
    code: `import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export async function totals() {
  let sum = 0;
  for (const order of await prisma.order.findMany({ select: { total: true } })) sum += order.total;
  return sum;
}
`,
  },
  {
    name: 'an LLM call in a loop is another rule (llm-call-in-loop)',
    code: `import OpenAI from 'openai';

const openai = new OpenAI();

export async function summarise(texts: string[]) {
  const out: string[] = [];
  for (const text of texts) {
    const r = await openai.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 50, messages: [{ role: 'user', content: text }] });
    out.push(r.choices[0].message.content ?? '');
  }
  return out;
}
`,
  },
  {
    name: 'a local function named fetch, and a service wrapper method',
    code: `const cache = new Map<string, string>();
async function fetch(key: string) {
  return cache.get(key);
}

export async function all(keys: string[], users: { findOne(id: string): Promise<unknown> }) {
  for (const key of keys) {
    await fetch(key);
    await users.findOne(key);
  }
}
`,
  },
  {
    name: 'a worker loop that takes one job at a time is not a loop over a collection',
    code: `import knex from 'knex';

const db = knex({ client: 'pg' });

export async function work(signal: AbortSignal) {
  while (!signal.aborted) {
    const job = await db('jobs').where({ state: 'pending' }).orderBy('id').first();
    if (!job) {
      await new Promise((r) => setTimeout(r, 1000));
      continue;
    }
    await db('jobs').where({ id: job.id }).update({ state: 'done' });
  }
}
`,
  },
  {
    name: 'a fixed object of services (Object.entries of a const literal)',
    code: `import axios from 'axios';

const SERVICES = { billing: 'https://billing.internal/health', search: 'https://search.internal/health' };

export async function status() {
  const out: Record<string, number> = {};
  for (const [name, url] of Object.entries(SERVICES)) {
    out[name] = (await axios.get(url, { timeout: 1000 })).status;
  }
  return out;
}
`,
  },
  {
    name: 'fail-over across hosts: the loop ends on the first success',
    code: `import axios from 'axios';

export class Mirror {
  constructor(private readonly hosts: string[]) {}

  async get(path: string) {
    let lastError: unknown;
    for (const host of this.hosts) {
      try {
        return await axios.get(host + path, { timeout: 2000 });
      } catch (err) {
        lastError = err;
      }
    }
    throw lastError;
  }
}
`,
  },
  {
    name: 'includeHttp: false leaves HTTP calls alone',
    code: `export async function statuses(urls: string[]) {
  const out: number[] = [];
  for (const url of urls) out.push((await fetch(url, { signal: AbortSignal.timeout(1000) })).status);
  return out;
}
`,
    options: { includeHttp: false },
  },
  {
    name: 'calls that are neither awaited nor returned (values kept for later, event handlers)',
    code: `import { EventEmitter } from 'node:events';
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export function wire(emitters: EventEmitter[]) {
  for (const e of emitters) {
    e.on('order', async (id: string) => {
      await prisma.order.update({ where: { id }, data: { seen: true } });
    });
  }
}
`,
  },
  {
    name: 'rows of an awaited knex query are mapped in memory',
    code: `import knex from 'knex';

const db = knex({ client: 'pg' });

export async function names(teams: string[]) {
  const rows = await db('users').whereIn('team', teams);
  const out: string[][] = [];
  for (const team of teams) {
    out.push(await Promise.all(rows.filter((r: { team: string }) => r.team === team).map(async (r: { name: string }) => r.name)));
  }
  return out;
}
`,
  },
  {
    name: 'drizzle batch over a mapped array',
    code: `import { drizzle } from 'drizzle-orm/neon-http';
import { eq } from 'drizzle-orm';
import { users } from './schema';

const db = drizzle(process.env.DATABASE_URL!);

export function rename(changes: { id: number; name: string }[]) {
  return db.batch(changes.map((c) => db.update(users).set({ name: c.name }).where(eq(users.id, c.id))) as any);
}
`,
  },
  {
    name: 'Prisma findUniqueOrThrow and the fluent API in Promise.all(map) are batched too',
    code: `import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export async function load(ids: string[]) {
  const users = await Promise.all(ids.map((id) => prisma.user.findUniqueOrThrow({ where: { id } })));
  const posts = await Promise.all(ids.map((id) => prisma.user.findUnique({ where: { id } }).posts()));
  return { users, posts };
}
`,
  },
  {
    name: 'a queue drained in batches with splice, whereIn with the batch',
    code: `import knex from 'knex';

const db = knex({ client: 'pg' });

export async function purge(ids: string[]) {
  while (ids.length) {
    const batch = ids.splice(0, 100);
    await db('sessions').whereIn('id', batch).del();
  }
}
`,
  },
  {
    name: 'offset pagination: offset += rows.length',
    code: `import { Pool } from 'pg';

const pool = new Pool();

export async function exportRows(tables: string[]) {
  let offset = 0;
  for (const table of tables) {
    const { rows } = await pool.query('SELECT * FROM audit WHERE source = $1 OFFSET $2 LIMIT 1000', [table, offset]);
    offset += rows.length;
  }
}
`,
  },
  {
    name: 'a seed script and a test file are skipped',
    code: `import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

async function main(users: { email: string }[]) {
  for (const u of users) await prisma.user.create({ data: u });
}

main([]);
`,
    file: 'prisma/seed.ts',
  },
  {
    code: `import axios from 'axios';

export async function check(ids: string[]) {
  for (const id of ids) await axios.get('http://localhost:3000/users/' + id);
}
`,
    file: 'src/users.e2e-spec.ts',
  },
  {
    name: 'offset pagination driven by the size of the last page',
    code: `import knex from 'knex';

const db = knex({ client: 'pg' });
const PAGE = 1000;

export async function exportEvents() {
  const all = [];
  let offset = 0;
  let rows = await db('events').orderBy('id').limit(PAGE);
  while (rows.length === PAGE) {
    all.push(...rows);
    offset += PAGE;
    rows = await db('events').orderBy('id').offset(offset).limit(PAGE);
  }
  all.push(...rows);
  return all;
}
`,
  },
  {
    name: 'save() on elements that did not come from a recognised query (a parameter, a plain array)',
    code: `import { Uploader } from './uploader';

export async function saveAll(forms: { save(): Promise<void> }[], uploader: Uploader) {
  for (const form of forms) await form.save();
  const drafts = [uploader.draft('a'), uploader.draft('b')];
  for (const d of drafts) await d.save();
}
`,
  },
  {
    name: 'documents loaded before the loop and only changed in memory, then saved in one bulk call',
    code: `import mongoose from 'mongoose';

const User = mongoose.model('User', new mongoose.Schema({ name: String }));

export async function rename() {
  const users = await User.find({ legacy: true });
  for (const user of users) user.name = user.name.trim();
  await User.bulkSave(users);
}
`,
  },
  {
    name: 'a local helper that queries only by Prisma findUnique, in a concurrent map (batched by Prisma)',
    code: `import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

const byId = (id: string) => prisma.user.findUnique({ where: { id } });

export function users(ids: string[]) {
  return Promise.all(ids.map(async (id) => byId(id)));
}
`,
  },
  {
    name: 'a recursive walk over a tree is not a helper of its own loop; a helper from another file is not followed',
    code: `import { loadChildren } from './tree';

export async function walk(node: { id: string; children: { id: string }[] }, visit: (id: string) => void): Promise<void> {
  visit(node.id);
  for (const child of node.children) {
    await walk({ ...child, children: await loadChildren(child.id) }, visit);
  }
}
`,
  },
  {
    name: 'a local helper without I/O, a mutable binding holding a function, awaited in a loop',
    code: `import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();
let lookup = async (id: string) => id.toUpperCase();

async function format(id: string) {
  return id.padStart(8, '0');
}

export async function labels(ids: string[]) {
  const out = [];
  for (const id of ids) out.push(await format(id), await lookup(id));
  return out;
}

export function later() {
  lookup = (id: string) => prisma.user.findFirst({ where: { id } }).then((u) => u?.name ?? id);
}
`,
  },
];

runRuleTests(nPlusOne, { valid, invalid });
runFixtureTests(nPlusOne);
runDocsExamples(nPlusOne);
