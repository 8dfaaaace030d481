// unbounded-query: a list query with no limit whose filter is absent or empty, so it reads the
// whole table: Prisma / drizzle `findMany()`, TypeORM `find()` / `findBy({})` / a query builder's
// `getMany()`, Sequelize `findAll()`, Mongoose `find({})`, the MongoDB driver's
// `find({}).toArray()`, and knex / drizzle `.select()` chains with no `where`, `limit` or `first`.
// See docs/rules/unbounded-query.md for the decisions.
import { ts } from 'ts-morph';
import { calleeName, skipOuterExpressions } from '../engine/ast';
import type { FileFacts } from '../engine/fileFacts';
import type { CallKind } from '../engine/recognizers';
import { defineRule } from '../engine/rule';
import {
  chainLinks,
  dbCallKind,
  describeCall,
  hasHiddenKeys,
  isEmptyObject,
  isExecuted,
  isKnexInstance,
  isMigrationFile,
  isTestOrSeedFile,
  lookupProperty,
  objectLiteralOf,
  outermostCall,
  propertyName,
  type ChainLink,
  includesAny,
} from './shared/dataAccess';

const CANDIDATES = new Set(['findMany', 'find', 'findAll', 'findBy', 'findAndCount', 'findAndCountBy', 'findAndCountAll', 'select', 'selectDistinct', 'column', 'columns', 'getMany', 'getRawMany', 'getManyAndCount']);
/** Cheap gate: a file without any of these cannot hold a finding. */
const QUICK = ['findMany', '.find', 'findAll', 'findBy', 'findAndCount', 'select', 'column', 'getMany', 'getRawMany'];

/** Option keys that bound or page a list query. */
const LIMIT_KEYS = ['take', 'limit', 'skip', 'offset', 'cursor', 'first', 'last', 'page', 'perPage', 'pageSize'];
/** TypeORM FindManyOptions: any other key in `find({ … })` is a condition (the 0.2 style `find({ userId })`). */
const TYPEORM_OPTION_KEYS = new Set(['select', 'where', 'relations', 'join', 'order', 'cache', 'lock', 'withDeleted', 'loadRelationIds', 'loadEagerRelations', 'transaction', 'comment', 'relationLoadStrategy', 'skip', 'take']);

/** Mongoose query steps that neither filter nor limit. */
const MONGOOSE_NEUTRAL = new Set(['sort', 'select', 'lean', 'populate', 'exec', 'collation', 'hint', 'session', 'maxTimeMS', 'batchSize', 'comment', 'read', 'projection', 'allowDiskUse', 'then', 'catch', 'finally', 'orFail', 'setOptions', 'slice']);
/** MongoDB driver cursor steps that neither filter nor limit. */
const MONGODB_NEUTRAL = new Set(['sort', 'project', 'toArray', 'batchSize', 'maxTimeMS', 'collation', 'hint', 'comment', 'allowDiskUse', 'then', 'catch', 'finally', 'map']);
/** Steps before `find` that only pick the collection or model. */
const MODEL_PICKERS = new Set(['', 'model', 'collection', 'db', 'useDb', 'getRepository', 'getMongoRepository', 'getTreeRepository']);
/** knex steps that neither filter nor limit. */
const KNEX_NEUTRAL = new Set(['', 'select', 'column', 'columns', 'from', 'table', 'distinct', 'distinctOn', 'orderBy', 'orderByRaw', 'leftJoin', 'leftOuterJoin', 'as', 'withSchema', 'timeout', 'options', 'clearOrder', 'clearSelect', 'then', 'catch', 'finally', 'connection', 'transacting', 'debug']);
/** drizzle steps that neither filter nor limit. */
const DRIZZLE_NEUTRAL = new Set(['select', 'selectDistinct', 'from', 'orderBy', 'leftJoin', 'then', 'catch', 'finally', 'execute', 'prepare']);
/** TypeORM query-builder steps that neither filter nor limit. */
const QB_NEUTRAL = new Set(['createQueryBuilder', 'select', 'addSelect', 'orderBy', 'addOrderBy', 'leftJoinAndSelect', 'leftJoin', 'leftJoinAndMapMany', 'leftJoinAndMapOne', 'from', 'cache', 'withDeleted', 'setParameter', 'setParameters', 'getMany', 'getRawMany', 'getManyAndCount', 'getRepository', 'loadAllRelationIds', 'loadRelationCountAndMap', 'comment', 'useTransaction']);

interface Verdict {
  node: ts.CallExpression;
  /** The name of the bound the message suggests (`take`, `limit`, `.limit()`). */
  limit: string;
}

export const unboundedQuery = defineRule({
  id: 'unbounded-query',
  category: 'throughput',
  defaultSeverity: 'MEDIUM',
  title: 'List query with no filter and no limit',
  requiresTypeInfo: false,
  options: {},
  docs: {
    summary:
      'Flags list queries that read a whole table: no limit (`take`, `limit`, `first`, pagination) and a filter that is absent or empty: Prisma `findMany()`, TypeORM `find()`, Sequelize `findAll()`, Mongoose / MongoDB `find({})`, knex and drizzle `.select()` chains.',
    why:
      'A query that returns every row grows with the table. It is quick in development and in the first months, then each call pulls more rows over the network, into memory and into the response, until it times out, exhausts the process memory or saturates the database, usually all at once under a traffic peak.',
    fix:
      'Page the results (`take` + `cursor`, `limit` + `offset`, keyset pagination) or put a hard upper limit on them, or filter to the rows the caller needs. Exports and batch jobs should stream or walk the table in fixed-size pages.',
    invalid: [
      {
        code: [
          "import { PrismaClient } from '@prisma/client';",
          'const prisma = new PrismaClient();',
          '',
          'export function listProducts() {',
          "  return prisma.product.findMany({ orderBy: { name: 'asc' } });",
          '}',
          '',
        ].join('\n'),
      },
      {
        code: [
          "import mongoose from 'mongoose';",
          "const AuditEvent = mongoose.model('AuditEvent', new mongoose.Schema({ at: Date }));",
          '',
          'export function exportAllEvents() {',
          '  return AuditEvent.find({}).sort({ at: 1 }).lean();',
          '}',
          '',
        ].join('\n'),
      },
      {
        code: [
          "import knex from 'knex';",
          "const db = knex({ client: 'pg' });",
          '',
          'export async function allUsers() {',
          "  return db('users').select('id', 'email').orderBy('email');",
          '}',
          '',
        ].join('\n'),
      },
    ],
    valid: [
      {
        code: [
          "import { PrismaClient } from '@prisma/client';",
          'const prisma = new PrismaClient();',
          '',
          'export function listProducts(cursor?: string) {',
          "  return prisma.product.findMany({ orderBy: { id: 'asc' }, take: 50, ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}) });",
          '}',
          '',
        ].join('\n'),
      },
      {
        code: [
          "import { PrismaClient } from '@prisma/client';",
          'const prisma = new PrismaClient();',
          '',
          'export function ordersOf(customerId: string) {',
          '  return prisma.order.findMany({ where: { customerId } });',
          '}',
          '',
        ].join('\n'),
      },
    ],
  },
  create(context) {
    if (isTestOrSeedFile(context.file) || isMigrationFile(context.file)) return {};
    // the text gate runs on a file's first candidate node only: most files never get that far
    let gate: boolean | undefined;
    const open = (): boolean => (gate ??= includesAny(context.sourceFile.text, QUICK));
    const facts = context.facts;
    const sf = context.sourceFile;
    const reported = new Set<ts.Node>();
    const drizzleFile = sf.text.includes('drizzle-orm');

    return {
      CallExpression: (node: ts.Node) => {
        const call = node as ts.CallExpression;
        const name = calleeName(call);
        if (!name || !CANDIDATES.has(name)) return;
        if (!open()) return;
        const kind = dbCallKind(facts, call) ?? (drizzleFile && name === 'select' ? untracedDrizzleSelect(call) : undefined);
        if (!kind) return;
        const verdict = judge(facts, call, name, kind);
        if (!verdict || reported.has(verdict.node)) return;
        // `for await (const doc of User.find())` streams through a cursor, like `.cursor()`
        const loop = verdict.node.parent;
        if (loop && ts.isForOfStatement(loop) && loop.awaitModifier && loop.expression === verdict.node) return;
        reported.add(verdict.node);
        const shown = describeCall(call, sf);
        context.report(
          verdict.node,
          `\`${shown}\` reads the whole ${kind.library === 'mongoose' || kind.library === 'mongodb' ? 'collection' : 'table'}: it has no filter and no limit. ` +
            'Its cost grows with the data: each call pulls every row over the network and into memory, so a query that is quick today times out or exhausts memory once the data is large, typically under peak traffic. ' +
            `Page it (${verdict.limit} with a cursor or offset) or cap it, filter it to the rows the caller needs, or stream the rows in batches for exports.`,
        );
      },
    };
  },
});

function judge(facts: FileFacts, call: ts.CallExpression, name: string, kind: CallKind): Verdict | undefined {
  switch (kind.library) {
    case 'prisma':
      return name === 'findMany' ? judgeOptions(facts, call, call.arguments, 0, '`take`', new Set()) : undefined;
    case 'drizzle':
      if (name === 'findMany') return judgeOptions(facts, call, call.arguments, 0, '`limit`', new Set());
      if (name === 'select' || name === 'selectDistinct') return judgeDrizzleSelect(call);
      return undefined;
    case 'typeorm':
      return judgeTypeorm(facts, call, name, kind);
    case 'sequelize':
      return name === 'findAll' || name === 'findAndCountAll' ? judgeSequelize(facts, call) : undefined;
    case 'mongoose':
      return name === 'find' ? judgeMongoose(facts, call) : undefined;
    case 'mongodb':
      return name === 'find' ? judgeMongodb(facts, call) : undefined;
    case 'model':
      // a project model: Sequelize statics by name, otherwise Mongoose-style find(filter)
      if (name === 'findAll' || name === 'findAndCountAll') return judgeSequelize(facts, call);
      if (name === 'find') return judgeMongoose(facts, call);
      return undefined;
    case 'knex':
      return name === 'select' || name === 'column' || name === 'columns' ? judgeKnex(facts, call) : undefined;
    default:
      return undefined;
  }
}

/**
 * An options object (`{ where, take, orderBy }`): unbounded when it is absent, or a literal with no
 * limit key and a `where` that is absent or `{}`. A spread, a variable or a computed key hides
 * what it holds: not flagged. `conditionKeys` are other keys that filter (for TypeORM: every key
 * that is not one of its find options).
 */
function judgeOptions(facts: FileFacts, call: ts.CallExpression, args: readonly ts.Expression[], index: number, limit: string, conditionKeys: Set<string> | 'all-but-options'): Verdict | undefined {
  const arg = args[index];
  if (!arg) return { node: outermostCall(call), limit };
  const obj = objectLiteralOf(facts, arg);
  if (!obj || hasHiddenKeys(obj)) return undefined;
  for (const key of LIMIT_KEYS) if (lookupProperty(obj, key).kind !== 'absent') return undefined;
  const where = lookupProperty(obj, 'where');
  if (where.kind === 'unknown') return undefined;
  if (where.kind === 'value' && !isEmptyObject(facts, where.value)) return undefined;
  for (const p of obj.properties) {
    const key = propertyName(p);
    if (key === undefined) return undefined;
    if (conditionKeys === 'all-but-options' ? !TYPEORM_OPTION_KEYS.has(key) : conditionKeys.has(key)) return undefined;
  }
  return { node: outermostCall(call), limit };
}

function judgeTypeorm(facts: FileFacts, call: ts.CallExpression, name: string, kind: CallKind): Verdict | undefined {
  if (name === 'getMany' || name === 'getRawMany' || name === 'getManyAndCount') return judgeQueryBuilder(call);
  const manager = isManager(kind);
  const index = manager ? 1 : 0;
  if (manager && call.arguments.length === 0) return undefined;
  if (name === 'find' || name === 'findAndCount') return judgeOptions(facts, call, call.arguments, index, '`take`', 'all-but-options');
  if (name === 'findBy' || name === 'findAndCountBy') {
    const where = call.arguments[index];
    return where && isEmptyObject(facts, where) ? { node: outermostCall(call), limit: '`take`' } : undefined;
  }
  return undefined;
}

function isManager(kind: CallKind): boolean {
  const path = kind.origin.path;
  if (path.some((s) => s === 'getRepository' || s === 'getTreeRepository' || s === 'getMongoRepository' || s === 'Repository' || s === 'TreeRepository' || s === 'MongoRepository')) return false;
  return path.some((s) => s === 'EntityManager' || s === 'MongoEntityManager' || s === 'manager' || s === 'getManager' || s.endsWith(':tx'));
}

/** `repo.createQueryBuilder('u').orderBy(…).getMany()` with no where, take or limit. */
function judgeQueryBuilder(call: ts.CallExpression): Verdict | undefined {
  const { links } = chainLinks(call);
  const at = links.findIndex((l) => l.name === 'createQueryBuilder');
  if (at < 0) return undefined;
  for (const l of links.slice(at)) if (!QB_NEUTRAL.has(l.name)) return undefined;
  return { node: call, limit: '`take`' };
}

function judgeSequelize(facts: FileFacts, call: ts.CallExpression): Verdict | undefined {
  const verdict = judgeOptions(facts, call, call.arguments, 0, '`limit`', new Set());
  if (!verdict || !call.arguments[0]) return verdict;
  // an include with its own where (required by default) filters the parent rows too
  const obj = objectLiteralOf(facts, call.arguments[0]);
  const include = obj && lookupProperty(obj, 'include');
  if (include?.kind === 'value' && /\bwhere\b|required\s*:\s*true/.test(include.value.getText())) return undefined;
  return verdict;
}

/** `Model.find()` / `find({})` with no limit in its options or its chain, run where it is written. */
function judgeMongoose(facts: FileFacts, call: ts.CallExpression): Verdict | undefined {
  if (!emptyFilter(facts, call.arguments[0])) return undefined;
  if (call.arguments.length >= 3 && !optionsWithoutLimit(facts, call.arguments[2])) return undefined;
  if (call.arguments.length >= 4) return undefined; // a callback: old-style API, not read
  const outer = outermostCall(call);
  const { links } = chainLinks(outer);
  const at = links.findIndex((l) => l.call === call);
  if (at < 0 || !onlyPickers(links.slice(0, at))) return undefined;
  const after = links.slice(at + 1);
  if (after.some((l) => !MONGOOSE_NEUTRAL.has(l.name))) return undefined;
  if (!isExecuted(outer) && !after.some((l) => l.name === 'exec' || l.name === 'then')) return undefined;
  return { node: outer, limit: '`.limit()`' };
}

/** `collection.find({}).toArray()` with no limit: the driver's cursor is read to the end. */
function judgeMongodb(facts: FileFacts, call: ts.CallExpression): Verdict | undefined {
  if (!emptyFilter(facts, call.arguments[0])) return undefined;
  if (call.arguments.length >= 2 && !optionsWithoutLimit(facts, call.arguments[1])) return undefined;
  const outer = outermostCall(call);
  const { links } = chainLinks(outer);
  const at = links.findIndex((l) => l.call === call);
  if (at < 0 || !onlyPickers(links.slice(0, at))) return undefined;
  const after = links.slice(at + 1);
  if (!after.some((l) => l.name === 'toArray')) return undefined;
  if (after.some((l) => !MONGODB_NEUTRAL.has(l.name))) return undefined;
  return { node: outer, limit: '`.limit()`' };
}

function emptyFilter(facts: FileFacts, arg: ts.Expression | undefined): boolean {
  if (!arg) return true;
  return isEmptyObject(facts, arg);
}

function optionsWithoutLimit(facts: FileFacts, arg: ts.Expression): boolean {
  const e = skipOuterExpressions(arg);
  if (e.kind === ts.SyntaxKind.NullKeyword || e.kind === ts.SyntaxKind.UndefinedKeyword || (ts.isIdentifier(e) && e.text === 'undefined')) return true;
  const obj = objectLiteralOf(facts, e);
  if (!obj || hasHiddenKeys(obj)) return false;
  return LIMIT_KEYS.every((k) => lookupProperty(obj, k).kind === 'absent');
}

function onlyPickers(links: readonly ChainLink[]): boolean {
  return links.every((l) => MODEL_PICKERS.has(l.name));
}

/** `db('users').select(…)` / `db.select(…).from('users')` with only ordering and column steps, run here. */
function judgeKnex(facts: FileFacts, call: ts.CallExpression): Verdict | undefined {
  const outer = outermostCall(call);
  const { links, base } = chainLinks(outer);
  const first = links[0];
  if (!first) return undefined;
  if (first.name !== '' && !((first.name === 'select' || first.name === 'from' || first.name === 'table' || first.name === 'column' || first.name === 'columns' || first.name === 'distinct') && isKnexInstance(facts, base))) return undefined;
  if (first.name === '' && first.call.arguments.length === 0) return undefined;
  // `.where({})` filters nothing
  if (links.some((l) => !KNEX_NEUTRAL.has(l.name) && !(l.name === 'where' && l.call.arguments.length === 1 && isEmptyObject(facts, l.call.arguments[0])))) return undefined;
  // the first select-like step of the chain reports (a chain with two selects is one query)
  const firstSelect = links.find((l) => l.name === 'select' || l.name === 'column' || l.name === 'columns');
  if (!firstSelect || firstSelect.call !== call) return undefined;
  if (!isExecuted(outer) && !links.some((l) => l.name === 'then')) return undefined;
  return { node: outer, limit: '`.limit()`' };
}

/** drizzle `db.select().from(users).orderBy(…)` with no where, limit or offset, run here. */
/**
 * In a file that imports drizzle-orm, `db.select(…).from(table)` on a `db` the resolver cannot trace
 * (an untyped parameter): the table is an identifier (a drizzle table object), not a string as in knex.
 */
function untracedDrizzleSelect(call: ts.CallExpression): CallKind | undefined {
  const callee = skipOuterExpressions(call.expression);
  if (!ts.isPropertyAccessExpression(callee) || !ts.isIdentifier(skipOuterExpressions(callee.expression))) return undefined;
  const from = chainLinks(outermostCall(call)).links.find((l) => l.name === 'from');
  const table = from?.call.arguments[0] && skipOuterExpressions(from.call.arguments[0]);
  if (!table || !(ts.isIdentifier(table) || ts.isPropertyAccessExpression(table))) return undefined;
  return { kind: 'db', library: 'drizzle', method: 'select', origin: { module: 'drizzle-orm', path: ['select'] } };
}

const AGGREGATES = /^(count|countDistinct|sum|sumDistinct|avg|avgDistinct|min|max)$/;

function selectsOnlyAggregates(select: ts.CallExpression): boolean {
  const arg = select.arguments[0] && skipOuterExpressions(select.arguments[0]);
  if (!arg || !ts.isObjectLiteralExpression(arg) || arg.properties.length === 0) return false;
  return arg.properties.every((p) => {
    if (!ts.isPropertyAssignment(p)) return false;
    const v = skipOuterExpressions(p.initializer);
    if (ts.isCallExpression(v)) return AGGREGATES.test(calleeName(v) ?? '');
    // sql<number>`count(*)`
    return ts.isTaggedTemplateExpression(v) && /^\s*(count|sum|avg|min|max)\s*\(/i.test(v.template.getText().slice(1));
  });
}

function judgeDrizzleSelect(call: ts.CallExpression): Verdict | undefined {
  const outer = outermostCall(call);
  const { links } = chainLinks(outer);
  if (links[0]?.call !== call) return undefined;
  if (!links.some((l) => l.name === 'from')) return undefined;
  if (links.some((l) => !DRIZZLE_NEUTRAL.has(l.name))) return undefined;
  // `db.select({ total: count() }).from(users)`: aggregates answer with one row
  if (selectsOnlyAggregates(links[0].call)) return undefined;
  if (!isExecuted(outer) && !links.some((l) => l.name === 'then' || l.name === 'execute')) return undefined;
  return { node: outer, limit: '`.limit()`' };
}
