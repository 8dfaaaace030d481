import { sqlInjection } from '../../src/core/rules/sql-injection';
import { runDocsExamples, runFixtureTests, runRuleTests, type InvalidCase, type RuleCase } from './ruleTester';

const pg = "import { Pool } from 'pg';\nconst pool = new Pool();\n";

const invalid: InvalidCase[] = [
  {
    name: 'pg: template with a parameter, named import',
    code: `${pg}export async function byEmail(email: string) {
  const { rows } = await pool.query(\`SELECT id FROM customers WHERE email = '\${email}'\`);
  return rows[0];
}
`,
    line: 4,
    text: "pool.query(`SELECT id FROM customers WHERE email = '${email}'`)",
    severity: 'CRITICAL',
    messageIncludes: ['`pool.query(…)`', '`email`', 'template literal', '$1', 'allow-list'],
  },
  {
    name: 'pg: concatenation, destructured require',
    code: `const { Pool } = require('pg');
const pool = new Pool();

export function recent(customerId: string, sortColumn: string) {
  return pool.query('SELECT id FROM orders WHERE customer_id = $1 ORDER BY ' + sortColumn + ' DESC', [customerId]);
}
`,
    line: 5,
    messageIncludes: ['`sortColumn`', 'string concatenation'],
  },
  {
    name: 'pg: default import, pg.Client, config object { text }',
    code: `import pg from 'pg';
const client = new pg.Client({ connectionString: process.env.DATABASE_URL });

export const search = (term: string) => client.query({ text: \`SELECT * FROM products WHERE name LIKE '%\${term}%'\`, rowMode: 'array' });
`,
    messageIncludes: ['`client.query(…)`', '`term`'],
  },
  {
    name: 'pg: client from pool.connect() and a local const sql',
    code: `${pg}export async function rename(id: string, name: string) {
  const client = await pool.connect();
  try {
    const sql = \`UPDATE products SET name = '\${name}' WHERE id = \${id}\`;
    await client.query(sql);
  } finally {
    client.release();
  }
}
`,
    line: 7,
    related: 1,
    messageIncludes: ['`name`'],
  },
  {
    name: 'pg: let sql built with += of a parameter',
    code: `${pg}export async function list(status?: string) {
  let sql = 'SELECT id FROM orders WHERE 1 = 1';
  if (status) sql += " AND status = '" + status + "'";
  return pool.query(sql);
}
`,
    line: 6,
    related: 1,
    messageIncludes: ['`status`'],
  },
  {
    name: 'mysql2/promise: createConnection, concatenation',
    code: `import mysql from 'mysql2/promise';

export async function orders(sort: string) {
  const conn = await mysql.createConnection({ host: 'db' });
  return conn.query('SELECT * FROM orders ORDER BY ' + sort);
}
`,
    messageIncludes: ['`?`'],
  },
  {
    name: 'mysql2: createPool().promise() with execute',
    code: `const mysql = require('mysql2');
const db = mysql.createPool({ host: 'db' }).promise();

async function findUser(name) {
  const [rows] = await db.execute(\`SELECT * FROM users WHERE name = '\${name}'\`);
  return rows;
}
module.exports = { findUser };
`,
    file: 'src/users.js',
  },
  {
    name: 'sequelize: sequelize.query with a template',
    code: `import { Sequelize, QueryTypes } from 'sequelize';
const sequelize = new Sequelize(process.env.DATABASE_URL!);

export const totals = (region: string) => sequelize.query(\`SELECT sum(total) FROM orders WHERE region = '\${region}'\`, { type: QueryTypes.SELECT });
`,
    messageIncludes: ['replacements'],
  },
  {
    name: 'knex: db.raw on an instance under another name',
    code: `import knex from 'knex';
const db = knex({ client: 'pg' });

export const archive = (table: string) => db.raw(\`INSERT INTO archive SELECT * FROM \${table}\`);
`,
    messageIncludes: ['`db.raw(…)`', 'bindings'],
  },
  {
    name: 'knex: whereRaw in a chain, Knex typed parameter',
    code: `import type { Knex } from 'knex';

export function byTag(knex: Knex, tag: string) {
  return knex('posts').whereRaw("tags @> '" + tag + "'").select('id');
}
`,
    messageIncludes: ['whereRaw'],
  },
  {
    name: 'knex: transaction callback client',
    code: `import knex from 'knex';
const db = knex({ client: 'pg' });

export function move(from: string, to: string) {
  return db.transaction(async (trx) => {
    await trx.raw(\`UPDATE stock SET warehouse = '\${to}' WHERE warehouse = '\${from}'\`);
  });
}
`,
  },
  {
    name: 'TypeORM: dataSource.query',
    code: `import { DataSource } from 'typeorm';
export const dataSource = new DataSource({ type: 'postgres' });

export const countBy = (column: string) => dataSource.query(\`SELECT \${column}, count(*) FROM users GROUP BY \${column}\`);
`,
  },
  {
    name: 'TypeORM: manager in a transaction callback',
    code: `import { DataSource } from 'typeorm';
const dataSource = new DataSource({ type: 'postgres' });

export async function credit(userId: string, cents: number, note: string) {
  await dataSource.transaction(async (manager) => {
    await manager.query(\`INSERT INTO ledger (user_id, cents, note) VALUES ($1, $2, '\${note}')\`, [userId, cents]);
  });
}
`,
    messageIncludes: ['`note`'],
  },
  {
    name: 'TypeORM: injected EntityManager class member',
    code: `import { EntityManager } from 'typeorm';

export class ReportService {
  constructor(private readonly manager: EntityManager) {}

  revenue(from: string) {
    return this.manager.query("SELECT sum(total) FROM orders WHERE created_at > '" + from + "'");
  }
}
`,
    messageIncludes: ['`this.manager.query(…)`'],
  },
  {
    name: 'Prisma: $queryRawUnsafe with a template',
    code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();

export const byRef = (ref: string) => prisma.$queryRawUnsafe(\`SELECT id FROM shipments WHERE carrier_ref = '\${ref}'\`);
`,
    messageIncludes: ['$queryRaw'],
  },
  {
    name: 'Prisma: $queryRawUnsafe with a nested type argument',
    code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();

export const rows = (r: string) => prisma.$queryRawUnsafe<Array<{ id: string }>>(\`SELECT id FROM t WHERE r = '\${r}'\`);
`,
  },
  {
    name: 'Prisma: $executeRawUnsafe inside $transaction',
    code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();

export function touch(ids: string) {
  return prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe('UPDATE carts SET touched_at = now() WHERE id IN (' + ids + ')');
  });
}
`,
  },
  {
    name: 'Prisma: PrismaService injected in a NestJS service',
    code: `import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma/prisma.service';

@Injectable()
export class SearchService {
  constructor(private readonly prisma: PrismaService) {}

  search(q: string) {
    return this.prisma.$queryRawUnsafe(\`SELECT id FROM products WHERE title ILIKE '%\${q}%'\`);
  }
}
`,
  },
  {
    name: 'postgres (porsager): sql.unsafe',
    code: `import postgres from 'postgres';
const sql = postgres(process.env.DATABASE_URL!);

export const drop = (name: string) => sql.unsafe(\`DROP TABLE IF EXISTS \${name}\`);
`,
  },
  {
    name: 'a pool imported from another module, SQL text is plain',
    code: `import { pool } from '../db/pool';

export async function login(email: string) {
  return pool.query(\`SELECT password_hash FROM users WHERE email = '\${email}'\`);
}
`,
    messageIncludes: ['placeholders'],
  },
  {
    name: 'request data through a property access',
    code: `import { Router } from 'express';
import { db } from './db';

export const router = Router();
router.get('/products', async (req, res) => {
  const rows = await db.query('SELECT * FROM products WHERE category = ' + req.query.category);
  res.json(rows);
});
`,
    messageIncludes: ['`req.query.category`'],
  },
  {
    name: 'a constant that is not a literal does not make the template constant',
    code: `${pg}const SCHEMA = process.env.DB_SCHEMA ?? 'public';

export const tables = (name: string) => pool.query(\`SELECT * FROM \${SCHEMA}.\${name}\`);
`,
    messageIncludes: ['`SCHEMA`'],
  },
  {
    name: 'two calls, two findings',
    code: `${pg}export async function purge(table: string, days: string) {
  await pool.query('DELETE FROM ' + table + ' WHERE created_at < now() - interval \\'' + days + ' days\\'');
  await pool.query(\`VACUUM \${table}\`);
}
`,
    count: 2,
  },
];

const valid: (string | RuleCase)[] = [
  `${pg}export const byEmail = (email: string) => pool.query('SELECT id FROM customers WHERE email = $1', [email]);\n`,
  {
    name: 'pg config object with values',
    code: `${pg}export const byId = (id: string) => pool.query({ text: 'SELECT * FROM orders WHERE id = $1', values: [id] });\n`,
  },
  {
    name: 'template whose substitutions are constants with literal values',
    code: `${pg}const ORDERS_TABLE = 'orders';
const PAGE = 50;
export const latest = () => pool.query(\`SELECT * FROM \${ORDERS_TABLE} ORDER BY created_at DESC LIMIT \${PAGE}\`);
`,
  },
  {
    name: 'placeholders built from indexes',
    code: `${pg}export function byIds(ids: string[]) {
  const placeholders = ids.map((_, i) => \`$\${i + 1}\`).join(', ');
  return pool.query(\`SELECT * FROM orders WHERE id IN (\${placeholders})\`, ids);
}
`,
  },
  {
    name: 'where clauses pushed as constant fragments with numbered placeholders',
    code: `${pg}export function search(filter: { status?: string; customerId?: string }) {
  const where: string[] = [];
  const values: unknown[] = [];
  if (filter.status) {
    values.push(filter.status);
    where.push(\`status = $\${values.length}\`);
  }
  if (filter.customerId) {
    values.push(filter.customerId);
    where.push(\`customer_id = $\${values.length}\`);
  }
  const sql = \`SELECT * FROM orders \${where.length ? 'WHERE ' + where.join(' AND ') : ''}\`;
  return pool.query(sql, values);
}
`,
  },
  {
    name: 'sort column chosen from an allow-list object',
    code: `${pg}const SORTS = { newest: 'created_at DESC', total: 'total_cents DESC' } as const;
export function list(sort: keyof typeof SORTS) {
  return pool.query(\`SELECT * FROM orders ORDER BY \${SORTS[sort] ?? SORTS.newest}\`);
}
`,
  },
  {
    name: 'direction from a ternary of literals, limit through Number()',
    code: `${pg}export function page(desc: boolean, limit: string) {
  return pool.query(\`SELECT * FROM orders ORDER BY id \${desc ? 'DESC' : 'ASC'} LIMIT \${Number(limit)}\`);
}
`,
  },
  {
    name: 'let sql extended only with constant text',
    code: `${pg}export function list(status?: string) {
  let sql = 'SELECT * FROM orders';
  const params: string[] = [];
  if (status) {
    params.push(status);
    sql += ' WHERE status = $1';
  }
  return pool.query(sql, params);
}
`,
  },
  {
    name: 'mysql2 with ? placeholders',
    code: `import mysql from 'mysql2/promise';
const pool = mysql.createPool({ host: 'db' });
export const byName = (name: string) => pool.query('SELECT * FROM users WHERE name = ?', [name]);
`,
  },
  {
    name: 'sequelize with replacements',
    code: `import { Sequelize } from 'sequelize';
const sequelize = new Sequelize('postgres://db');
export const byRegion = (region: string) => sequelize.query('SELECT * FROM orders WHERE region = :region', { replacements: { region } });
`,
  },
  {
    name: 'knex raw with bindings',
    code: `import knex from 'knex';
const db = knex({ client: 'pg' });
export const byTag = (tag: string) => db.raw('SELECT * FROM posts WHERE tags @> ?', [tag]);
export const byCol = (col: string) => db('posts').orderByRaw('?? DESC', [col]);
`,
  },
  {
    name: 'Prisma tagged $queryRaw and Prisma.sql',
    code: `import { PrismaClient, Prisma } from '@prisma/client';
const prisma = new PrismaClient();
export const stale = (cutoff: Date) => prisma.$queryRaw\`SELECT id FROM shipments WHERE updated_at < \${cutoff}\`;
export const byIds = (ids: string[]) => prisma.$queryRaw(Prisma.sql\`SELECT * FROM orders WHERE id IN (\${Prisma.join(ids)})\`);
`,
  },
  {
    name: 'Prisma $queryRawUnsafe with positional parameters',
    code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export const byRef = (ref: string) => prisma.$queryRawUnsafe('SELECT id FROM shipments WHERE carrier_ref = $1', ref);
`,
  },
  {
    name: 'postgres tagged template',
    code: `import postgres from 'postgres';
const sql = postgres();
export const byId = (id: string) => sql\`SELECT * FROM users WHERE id = \${id}\`;
`,
  },
  {
    name: 'SQL passed in by the caller is not built here',
    code: `${pg}export function run(sql: string, params: unknown[]) {
  return pool.query(sql, params);
}
`,
  },
  {
    name: 'a GraphQL client query is not SQL',
    code: `import { client } from './apollo';
export const user = (id: string) => client.query(\`query { user(id: "\${id}") { name } }\`);
`,
  },
  {
    name: 'a search API query on an unknown client',
    code: `import { search } from './search';
export const find = (term: string) => search.query(\`title:\${term}\`);
`,
  },
  {
    name: 'an escaped identifier (pg escapeIdentifier) and an enum member',
    code: `import { Client, escapeIdentifier } from 'pg';
const client = new Client();
enum Table { Orders = 'orders' }
export const rows = (col: string) => client.query(\`SELECT \${escapeIdentifier(col)} FROM \${Table.Orders}\`);
`,
  },
  {
    name: 'a local helper that returns constant fragments',
    code: `${pg}function direction(desc: boolean) {
  return desc ? 'DESC' : 'ASC';
}
export const list = (desc: boolean) => pool.query(\`SELECT * FROM orders ORDER BY id \${direction(desc)}\`);
`,
  },
  {
    name: 'template built in another function is not followed',
    code: `${pg}const q = (email: string) => \`SELECT * FROM users WHERE email = '\${email}'\`;
export const find = (sql: string) => pool.query(sql);
`,
  },
  {
    name: 'knex query builder methods are not raw SQL',
    code: `import knex from 'knex';
const db = knex({ client: 'pg' });
export const byName = (name: string) => db('users').where('name', \`\${name}\`).first();
`,
  },
];

runRuleTests(sqlInjection, { valid, invalid });
runFixtureTests(sqlInjection);
runDocsExamples(sqlInjection);
