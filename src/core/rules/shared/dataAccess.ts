// Shared knowledge about database calls for the data rules (delete-without-filter,
// destructive-migration, unbounded-query, unguarded-status-transition, read-modify-write-race,
// missing-transaction): call chains (`db('t').where(…).del()`), raw SQL text, object-literal
// arguments, transactions and row locks. Everything is read from the syntax of one file; the
// library of a call comes from the engine's recognisers (`facts.callKind`).
import { ts } from 'ts-morph';
import { calleeName, isFunctionNode, skipOuterExpressions, walk, type FunctionNode } from '../../engine/ast';
import type { FileFacts } from '../../engine/fileFacts';
import type { CallKind } from '../../engine/recognizers';
import { HOLE, hasRowLock, isBeginStatement, sqlStatements } from './sqlStatements';

const MAX_DEPTH = 8;

// ---- files ----------------------------------------------------------------------------------

const TEST_FILE = /(^|\/)__tests__\/|\.(test|spec|e2e-spec|e2e)\.[cm]?[jt]sx?$/i;
const SEED_FILE = /(^|\/)(seeds?|seeders?)(\/|\.[cm]?[jt]s$)|(^|\/)[^/]*\.seed\.[cm]?[jt]s$/i;

/**
 * Test and seed files: they empty tables, load fixtures table by table and read whole tables on
 * purpose, against throw-away databases. The data rules stay quiet there.
 */
/** A test file: `__tests__/…`, `*.test.ts`, `*.spec.js`, `*.e2e-spec.ts`. */
export function isTestFile(file: string): boolean {
  return TEST_FILE.test(file);
}

export function isTestOrSeedFile(file: string): boolean {
  return TEST_FILE.test(file) || SEED_FILE.test(file);
}

const MIGRATION_FILE = /(^|\/)migrations?\//i;

/**
 * Migration files (under a `migrations/` or `migration/` folder): their data steps run once,
 * offline, usually inside the migration tool's own transaction (knex and TypeORM wrap each
 * migration in one). Rules about request-time queries and writes stay quiet there.
 */
export function isMigrationFile(file: string): boolean {
  return MIGRATION_FILE.test(file);
}

// ---- calls and chains -----------------------------------------------------------------------

/** Model methods that are data access when called on a project model named like `ordersModel`. */
const CAMEL_MODEL_METHODS = new Set([
  'find', 'findOne', 'findById', 'findAll', 'findByPk', 'create', 'insertMany', 'update', 'updateOne', 'updateMany',
  'findOneAndUpdate', 'findByIdAndUpdate', 'findOneAndDelete', 'findByIdAndDelete', 'deleteOne', 'deleteMany', 'destroy', 'replaceOne', 'bulkWrite',
]);

/**
 * The recognised database call (`kind: 'db'`), or undefined. Besides the engine's recognisers, a
 * model exported by the project under a camelCase name ending in `Model` counts
 * (`import { ordersModel } from '../models/orders'`, `ordersModel.findOneAndUpdate(…)`).
 */
export function dbCallKind(facts: FileFacts, call: ts.CallExpression): CallKind | undefined {
  const k = facts.callKind(call);
  if (k) return k.kind === 'db' ? k : undefined;
  const callee = skipOuterExpressions(call.expression);
  if (!ts.isPropertyAccessExpression(callee) || !CAMEL_MODEL_METHODS.has(callee.name.text)) return undefined;
  const receiver = skipOuterExpressions(callee.expression);
  if (!ts.isIdentifier(receiver) || !/^[a-z][A-Za-z0-9]*Model$/.test(receiver.text)) return undefined;
  const origin = facts.originOf(callee);
  if (!origin || !/^(\.|@\/|~\/|#\/|src\/)/.test(origin.module)) return undefined;
  return { kind: 'db', library: 'model', method: callee.name.text, origin };
}

const MONGO_COLLECTION_METHODS = new Set(['insertOne', 'insertMany', 'updateOne', 'updateMany', 'replaceOne', 'deleteOne', 'deleteMany', 'findOneAndUpdate', 'findOneAndReplace', 'findOneAndDelete', 'bulkWrite', 'find', 'findOne', 'aggregate', 'countDocuments']);

/**
 * `<anything>.collection('orders').insertOne(…)`: a MongoDB driver collection call on a client or
 * `Db` the resolver cannot trace (a parameter without a type, a property set elsewhere). The
 * `collection('<literal>')` receiver and a driver method name together are specific enough.
 */
export function mongoCollectionCall(call: ts.CallExpression): CallKind | undefined {
  const callee = skipOuterExpressions(call.expression);
  if (!ts.isPropertyAccessExpression(callee) || !MONGO_COLLECTION_METHODS.has(callee.name.text)) return undefined;
  const receiver = skipOuterExpressions(callee.expression);
  if (!ts.isCallExpression(receiver) || calleeName(receiver) !== 'collection' || receiver.arguments.length !== 1 || !ts.isStringLiteralLike(receiver.arguments[0])) return undefined;
  return { kind: 'db', library: 'mongodb', method: callee.name.text, origin: { module: '?', path: ['collection', '()', callee.name.text] } };
}

/**
 * True when `text` contains one of `words`: a file gate for rules whose words usually occur (the first
 * hit ends it). For words that are usually absent, one case-insensitive regex measured faster (see
 * missing-idempotency-key).
 */
export function includesAny(text: string, words: readonly string[]): boolean {
  for (const w of words) if (text.includes(w)) return true;
  return false;
}

export interface ChainLink {
  /** The method name (`where`, `del`), or '' for a direct call such as `db('users')`. */
  name: string;
  call: ts.CallExpression;
}

/** The outermost call of a fluent chain that `call` is part of (`db('t')` → `db('t').where(…).del()`). */
export function outermostCall(call: ts.CallExpression): ts.CallExpression {
  let current: ts.CallExpression = call;
  for (;;) {
    let p: ts.Node = current.parent;
    while (p && (ts.isParenthesizedExpression(p) || ts.isNonNullExpression(p))) p = p.parent;
    if (!p || !ts.isPropertyAccessExpression(p) || skipOuterExpressions(p.expression) !== current) return current;
    const q = p.parent;
    if (!q || !ts.isCallExpression(q) || q.expression !== p) return current;
    current = q;
  }
}

/** The calls of a chain from its root to `outer`, and the expression the root is called on. */
export function chainLinks(outer: ts.CallExpression): { links: ChainLink[]; base: ts.Expression } {
  const links: ChainLink[] = [];
  let e: ts.Expression = outer;
  for (let i = 0; i < 32; i++) {
    e = skipOuterExpressions(e);
    if (ts.isAwaitExpression(e)) e = skipOuterExpressions(e.expression);
    if (!ts.isCallExpression(e)) break;
    const callee = skipOuterExpressions(e.expression);
    if (ts.isPropertyAccessExpression(callee)) {
      links.unshift({ name: callee.name.text, call: e });
      e = callee.expression;
      continue;
    }
    links.unshift({ name: '', call: e });
    e = callee;
    break;
  }
  return { links, base: skipOuterExpressions(e) };
}

/**
 * The query a chain builds is run here: the chain is awaited, returned, yielded, the body of an
 * arrow function, handed to `Promise.all`, or ends in `.then(…)`/`.exec()`.
 */
export function isExecuted(outer: ts.CallExpression): boolean {
  let n: ts.Node = outer;
  let p: ts.Node = n.parent;
  while (p && (ts.isParenthesizedExpression(p) || ts.isAsExpression(p) || ts.isNonNullExpression(p) || ts.isSatisfiesExpression(p))) {
    n = p;
    p = p.parent;
  }
  if (!p) return false;
  if (ts.isAwaitExpression(p) || ts.isReturnStatement(p) || ts.isYieldExpression(p)) return true;
  if (ts.isArrowFunction(p) && p.body === n) return true;
  if (ts.isForOfStatement(p) && p.expression === n) return true;
  if (ts.isArrayLiteralExpression(p) || (ts.isCallExpression(p) && p.arguments.includes(n as ts.Expression))) {
    const call = ts.isArrayLiteralExpression(p) ? p.parent : p;
    if (call && ts.isCallExpression(call)) {
      const name = calleeName(call);
      if (name === 'all' || name === 'allSettled' || name === 'race' || name === 'any') return true;
    }
  }
  return false;
}

/** `db` in `db.from('users')` is the knex instance (or a transaction), not a builder kept in a variable. */
export function isKnexInstance(facts: FileFacts, base: ts.Expression): boolean {
  const origin = facts.originOf(base);
  if (!origin) return false;
  const path = origin.path;
  const last = path[path.length - 1];
  if (origin.module.startsWith('.') || origin.module.startsWith('@/') || origin.module.startsWith('~/')) return path.length <= 1;
  if (last === undefined) return false;
  if (last === 'new' || last.endsWith(':tx')) return true;
  return last === '()' && path.filter((s) => s === '()').length === 1;
}

/** Chain link names, for quick membership tests. */
export function linkNames(links: readonly ChainLink[]): Set<string> {
  return new Set(links.map((l) => l.name));
}

// ---- object literals --------------------------------------------------------------------------

/** The object literal an expression stands for: written in place, or a `const` holding one. */
export function objectLiteralOf(facts: FileFacts, expr0: ts.Expression | undefined, depth = 0): ts.ObjectLiteralExpression | undefined {
  if (!expr0 || depth > MAX_DEPTH) return undefined;
  const expr = skipOuterExpressions(expr0);
  if (ts.isObjectLiteralExpression(expr)) return expr;
  if (ts.isIdentifier(expr)) {
    const decl = facts.resolver.declarationOf(expr);
    if (decl && ts.isVariableDeclaration(decl) && ts.isIdentifier(decl.name) && decl.initializer && isConstDeclaration(decl)) {
      return objectLiteralOf(facts, decl.initializer, depth + 1);
    }
  }
  return undefined;
}

/** The initializer of the `const` an identifier names (`const OPTS = {…}`), if it is one declared in this file. */
export function constInitializer(facts: FileFacts, id: ts.Identifier): ts.Expression | undefined {
  const decl = facts.resolver.declarationOf(id);
  if (!decl || !ts.isVariableDeclaration(decl) || !ts.isIdentifier(decl.name) || !decl.initializer) return undefined;
  return isConstDeclaration(decl) ? decl.initializer : undefined;
}

export function isConstDeclaration(decl: ts.VariableDeclaration): boolean {
  const list = decl.parent;
  return ts.isVariableDeclarationList(list) && (list.flags & ts.NodeFlags.Const) !== 0;
}

/** The name of a property (`a`, `'a'`, `1`), or undefined for computed names. */
export function propertyName(p: ts.ObjectLiteralElementLike): string | undefined {
  const n = p.name;
  if (!n) return undefined;
  if (ts.isIdentifier(n) || ts.isStringLiteral(n) || ts.isNumericLiteral(n) || ts.isPrivateIdentifier(n)) return n.text;
  if (ts.isComputedPropertyName(n) && ts.isStringLiteralLike(n.expression)) return n.expression.text;
  return undefined;
}

export type PropertyLookup = { kind: 'absent' } | { kind: 'unknown' } | { kind: 'value'; value: ts.Expression; property: ts.ObjectLiteralElementLike };

/** A property of an object literal: its value, absent, or unknown (a spread or computed key could hold it). */
export function lookupProperty(obj: ts.ObjectLiteralExpression, name: string): PropertyLookup {
  let unknown = false;
  for (let i = obj.properties.length - 1; i >= 0; i--) {
    const p = obj.properties[i];
    if (ts.isSpreadAssignment(p)) {
      unknown = true;
      continue;
    }
    const key = propertyName(p);
    if (key === undefined) {
      if (p.name && ts.isComputedPropertyName(p.name)) unknown = true;
      continue;
    }
    if (key !== name) continue;
    if (unknown) return { kind: 'unknown' };
    if (ts.isPropertyAssignment(p)) return { kind: 'value', value: p.initializer, property: p };
    if (ts.isShorthandPropertyAssignment(p)) return { kind: 'value', value: p.name, property: p };
    return { kind: 'unknown' };
  }
  return unknown ? { kind: 'unknown' } : { kind: 'absent' };
}

/** `{}` written in place (or held in a `const`): an object literal with no properties at all. */
export function isEmptyObject(facts: FileFacts, expr: ts.Expression | undefined): boolean {
  const obj = objectLiteralOf(facts, expr);
  return !!obj && obj.properties.length === 0;
}

/** True when the object literal has a spread or a computed key: some of its content cannot be seen. */
export function hasHiddenKeys(obj: ts.ObjectLiteralExpression): boolean {
  return obj.properties.some((p) => ts.isSpreadAssignment(p) || (p.name !== undefined && ts.isComputedPropertyName(p.name) && !ts.isStringLiteralLike(p.name.expression)));
}

// ---- raw SQL ----------------------------------------------------------------------------------

/** Methods that send SQL text to the database. */
export const RAW_SQL_METHODS = new Set(['query', 'execute', 'raw', 'unsafe', '$executeRaw', '$executeRawUnsafe', '$queryRaw', '$queryRawUnsafe', 'sql', 'runSql', 'executeSql']);
/** Libraries whose `query`/`execute`/`raw` take SQL text. */
const SQL_LIBRARIES = new Set(['pg', 'mysql2', 'knex', 'sequelize', 'typeorm', 'prisma', 'postgres', 'sql', 'drizzle']);
const SQL_START = /^\s*\(?\s*(?:select|insert|update|delete|with|truncate|merge|replace|alter|drop|create|rename|begin|start\s+transaction|commit|rollback|lock)\b/i;

/**
 * The SQL text of an expression, with `HOLE` where a value stands: a string, a template (its
 * substitutions become holes), a concatenation, a `const` holding one of these, a tagged
 * `sql`…`` template, or `{ text }` / `{ sql }` query config objects.
 */
export function sqlTextOf(facts: FileFacts, expr0: ts.Expression | undefined, depth = 0): string | undefined {
  if (!expr0 || depth > MAX_DEPTH) return undefined;
  const expr = skipOuterExpressions(expr0);
  if (ts.isStringLiteralLike(expr)) return expr.text;
  if (ts.isTemplateExpression(expr)) return templateText(expr);
  if (ts.isTaggedTemplateExpression(expr)) {
    const tag = calleeNameOfTag(expr.tag);
    if (tag === 'sql' || tag === 'raw' || tag === 'SQL') return ts.isTemplateExpression(expr.template) ? templateText(expr.template) : expr.template.text;
    return undefined;
  }
  if (ts.isBinaryExpression(expr) && expr.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = sqlTextOf(facts, expr.left, depth + 1);
    const right = sqlTextOf(facts, expr.right, depth + 1);
    if (left === undefined && right === undefined) return undefined;
    return (left ?? HOLE) + (right ?? HOLE);
  }
  if (ts.isIdentifier(expr)) {
    const decl = facts.resolver.declarationOf(expr);
    if (decl && ts.isVariableDeclaration(decl) && ts.isIdentifier(decl.name) && decl.initializer && isConstDeclaration(decl)) return sqlTextOf(facts, decl.initializer, depth + 1);
    return undefined;
  }
  if (ts.isObjectLiteralExpression(expr)) {
    for (const key of ['text', 'sql']) {
      const p = lookupProperty(expr, key);
      if (p.kind === 'value') return sqlTextOf(facts, p.value, depth + 1);
    }
    return undefined;
  }
  if (ts.isCallExpression(expr)) {
    // sql.raw('…'), Prisma.sql`…` handed over as an argument, String.raw`…`
    const name = calleeName(expr);
    if ((name === 'raw' || name === 'sql') && expr.arguments.length >= 1) return sqlTextOf(facts, expr.arguments[0], depth + 1);
  }
  return undefined;
}

function templateText(t: ts.TemplateExpression): string {
  let s = t.head.text;
  for (const span of t.templateSpans) s += HOLE + span.literal.text;
  return s;
}

function calleeNameOfTag(tag: ts.Expression): string | undefined {
  const e = skipOuterExpressions(tag);
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  return undefined;
}

/** True when the text reads as SQL (starts with a statement keyword). */
export function looksLikeSql(text: string): boolean {
  return SQL_START.test(text.replace(LEADING_COMMENTS, ''));
}

const LEADING_COMMENTS = /^(?:\s+|--[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/)*/;

/**
 * The SQL a call sends to the database, when it is a raw-SQL API call: pg / mysql2 `query` and
 * `execute`, knex `raw`, Sequelize and TypeORM `query`, Prisma `$executeRaw(Unsafe)` /
 * `$queryRaw(Unsafe)`, postgres `unsafe`. A recognised client is trusted; an unrecognised
 * receiver counts only when the text plainly is SQL.
 */
export function rawSqlOfCall(facts: FileFacts, call: ts.CallExpression): string | undefined {
  const name = calleeName(call);
  if (!name || !RAW_SQL_METHODS.has(name) || call.arguments.length === 0) return undefined;
  const text = sqlTextOf(facts, call.arguments[0]);
  if (text === undefined || !looksLikeSql(text)) return undefined;
  const kind = facts.callKind(call);
  if (kind && kind.kind !== 'db') return undefined;
  if (kind && !SQL_LIBRARIES.has(kind.library)) return undefined;
  return text;
}

/** The SQL of a tagged template sent to the database: prisma.$executeRaw`…`, prisma.$queryRaw`…`, sql`…` run by postgres. */
export function rawSqlOfTaggedTemplate(node: ts.TaggedTemplateExpression): string | undefined {
  const name = calleeNameOfTag(node.tag);
  if (name !== '$executeRaw' && name !== '$queryRaw') return undefined;
  const text = ts.isTemplateExpression(node.template) ? templateText(node.template) : node.template.text;
  return looksLikeSql(text) ? text : undefined;
}

// ---- transactions and locks -----------------------------------------------------------------

/** Calls that run their callback (or array of queries) inside a transaction. */
const TX_METHODS = new Set(['$transaction', 'transaction', 'withTransaction', 'runInTransaction', 'inTransaction', 'runTransaction', 'transactional', 'startTransaction', 'withSession']);
const TX_DECORATORS = /^(Transactional|Transaction|UseTransaction|InTransaction|WithTransaction)$/;
/** Parameter names and types that stand for a transaction handed in by the caller. */
const TX_PARAM_NAME = /^(tx|trx|transaction|t|manager|em|entityManager|transactionalEntityManager|session|client|conn|connection|queryRunner|qr|db)$/;
const TX_PARAM_TYPE = /Transaction|EntityManager|QueryRunner|TransactionClient|ClientSession|Trx/;

/** The enclosing transaction call (`prisma.$transaction(…)`, `dataSource.transaction(…)`) whose arguments contain `node`. */
export function enclosingTransactionCall(node: ts.Node): ts.CallExpression | undefined {
  let child: ts.Node = node;
  for (let p: ts.Node | undefined = node.parent; p; child = p, p = p.parent) {
    if (ts.isCallExpression(p) && p.arguments.includes(child as ts.Expression)) {
      const name = calleeName(p);
      if (name && TX_METHODS.has(name)) return p;
    }
    if (ts.isSourceFile(p)) break;
  }
  return undefined;
}

/** A method or class decorated `@Transactional()` (typeorm-transactional, NestJS CLS transactions). */
export function hasTransactionDecorator(node: ts.Node): boolean {
  for (let p: ts.Node | undefined = node.parent; p; p = p.parent) {
    if (ts.isMethodDeclaration(p) || ts.isClassDeclaration(p)) {
      const decorators = ts.canHaveDecorators(p) ? ts.getDecorators(p) ?? [] : [];
      for (const d of decorators) {
        const e = ts.isCallExpression(d.expression) ? d.expression.expression : d.expression;
        const name = ts.isIdentifier(e) ? e.text : ts.isPropertyAccessExpression(e) ? e.name.text : undefined;
        if (name && TX_DECORATORS.test(name)) return true;
      }
    }
  }
  return false;
}

/** The outer function a statement belongs to, seen through callbacks of array methods and promise chains. */
export function owningFunction(node: ts.Node): FunctionNode | undefined {
  for (let p: ts.Node | undefined = node.parent; p; p = p.parent) {
    if (!isFunctionNode(p)) continue;
    if ((ts.isArrowFunction(p) || ts.isFunctionExpression(p)) && isInlineCallback(p)) continue;
    return p;
  }
  return undefined;
}

const INLINE_CALLBACK_METHODS = new Set(['map', 'forEach', 'flatMap', 'reduce', 'filter', 'some', 'every', 'find', 'then', 'all', 'allSettled']);

function isInlineCallback(fn: ts.ArrowFunction | ts.FunctionExpression): boolean {
  const call = fn.parent;
  if (!call || !ts.isCallExpression(call) || !call.arguments.includes(fn)) return false;
  const name = calleeName(call);
  return !!name && INLINE_CALLBACK_METHODS.has(name);
}

/**
 * The function manages a transaction itself: `queryRunner.startTransaction()`,
 * `connection.beginTransaction()`, an unmanaged `await sequelize.transaction()` /
 * `await knex.transaction()`, `session.startTransaction()`, a raw `BEGIN`, or it passes a
 * `transaction:` option or `.transacting(trx)` to its queries.
 */
export function functionManagesTransaction(facts: FileFacts, fn: ts.Node): boolean {
  return walk(fn, (n) => {
    if (ts.isCallExpression(n)) {
      const name = calleeName(n);
      if (name === 'startTransaction' || name === 'beginTransaction' || name === 'transacting' || name === 'begin') return 'stop';
      if (name === 'transaction' && !n.arguments.some((a) => ts.isArrowFunction(skipOuterExpressions(a)) || ts.isFunctionExpression(skipOuterExpressions(a)))) return 'stop';
      if (name && RAW_SQL_METHODS.has(name) && n.arguments.length) {
        const text = sqlTextOf(facts, n.arguments[0]);
        if (text && sqlStatements(text).some(isBeginStatement)) return 'stop';
      }
    }
    if (ts.isPropertyAssignment(n) || ts.isShorthandPropertyAssignment(n)) {
      const key = propertyName(n);
      if (key === 'transaction' && ts.isObjectLiteralExpression(n.parent) && ts.isCallExpression(n.parent.parent)) return 'stop';
    }
    return true;
  });
}

/**
 * The call runs on a client that is a transaction: a Prisma interactive-transaction client, a
 * TypeORM transactional manager, a knex `trx`, or a transaction-like parameter of the enclosing
 * function (`tx: Prisma.TransactionClient`, `manager: EntityManager`, `trx: Knex.Transaction`).
 */
export function runsOnTransactionClient(facts: FileFacts, call: ts.CallExpression, kind: CallKind | undefined): boolean {
  if (kind && kind.origin.path.some((s) => s.endsWith(':tx'))) return true;
  if (kind?.origin.typeName && TX_PARAM_TYPE.test(kind.origin.typeName)) {
    const base = chainLinks(outermostCall(call)).base;
    if (isParameterReference(facts, base)) return true;
  }
  const base = chainLinks(outermostCall(call)).base;
  const root = rootIdentifier(base);
  if (root) {
    const decl = facts.resolver.declarationOf(root);
    if (decl && ts.isParameter(decl) && !ts.isConstructorDeclaration(decl.parent)) {
      const typeText = decl.type ? decl.type.getText(facts.sourceFile) : '';
      if (TX_PARAM_TYPE.test(typeText) || (ts.isIdentifier(decl.name) && /^(tx|trx|transaction|em|transactionalEntityManager)$/.test(decl.name.text))) return true;
    }
  }
  return false;
}

function isParameterReference(facts: FileFacts, expr: ts.Expression): boolean {
  const root = rootIdentifier(expr);
  if (!root) return false;
  const decl = facts.resolver.declarationOf(root);
  return !!decl && ts.isParameter(decl) && !ts.isConstructorDeclaration(decl.parent) && ts.isIdentifier(decl.name) && TX_PARAM_NAME.test(decl.name.text);
}

function rootIdentifier(expr: ts.Expression): ts.Identifier | undefined {
  let e = skipOuterExpressions(expr);
  for (let i = 0; i < 16; i++) {
    if (ts.isIdentifier(e)) return e;
    if (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) e = skipOuterExpressions(e.expression);
    else if (ts.isCallExpression(e)) e = skipOuterExpressions(e.expression);
    else return undefined;
  }
  return undefined;
}

/** `node` runs inside a transaction as far as this file shows (callback, decorator, managed in the function, transactional client). */
export function inTransaction(facts: FileFacts, call: ts.CallExpression, kind: CallKind | undefined): boolean {
  if (enclosingTransactionCall(call)) return true;
  if (hasTransactionDecorator(call)) return true;
  if (runsOnTransactionClient(facts, call, kind)) return true;
  const fn = owningFunction(call);
  if (fn && functionManagesTransaction(facts, fn)) return true;
  return false;
}

const SERIALIZABLE = /serializable/i;

/** The enclosing transaction asks for SERIALIZABLE isolation (Prisma, TypeORM, Sequelize, knex options). */
export function inSerializableTransaction(call: ts.Node, sf: ts.SourceFile): boolean {
  const tx = enclosingTransactionCall(call);
  if (!tx) return false;
  return tx.arguments.some((a) => {
    const e = skipOuterExpressions(a);
    if (ts.isArrowFunction(e) || ts.isFunctionExpression(e)) return false;
    return SERIALIZABLE.test(e.getText(sf));
  });
}

const LOCK_METHODS = new Set(['forUpdate', 'forShare', 'forNoKeyUpdate', 'forKeyShare', 'setLock', 'useLock']);

/**
 * The read takes a row lock: a `lock:` option (TypeORM `{ mode: 'pessimistic_write' }`,
 * Sequelize `t.LOCK.UPDATE` / `true`), knex `.forUpdate()`/`.forShare()`, TypeORM
 * `.setLock(…)`, drizzle `.for('update')`, or SQL with `FOR UPDATE` / `FOR SHARE`.
 */
export function readTakesLock(facts: FileFacts, outer: ts.CallExpression): boolean {
  const { links } = chainLinks(outer);
  for (const l of links) {
    if (LOCK_METHODS.has(l.name)) return true;
    if (l.name === 'for' && l.call.arguments.length && ts.isStringLiteralLike(l.call.arguments[0]) && /update|share/i.test(l.call.arguments[0].text)) return true;
    for (const a of l.call.arguments) {
      const obj = objectLiteralOf(facts, a);
      if (obj) {
        const lock = lookupProperty(obj, 'lock');
        if (lock.kind === 'value' && skipOuterExpressions(lock.value).kind !== ts.SyntaxKind.FalseKeyword) return true;
      }
    }
    const sql = rawSqlOfCall(facts, l.call);
    if (sql && sqlStatements(sql).some(hasRowLock)) return true;
  }
  return false;
}

// ---- functions ------------------------------------------------------------------------------

/** The name a function goes by: its own name, the variable or property it is assigned to. */
export function functionName(fn: ts.Node): string | undefined {
  if ((ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn) || ts.isFunctionExpression(fn)) && fn.name && (ts.isIdentifier(fn.name) || ts.isStringLiteral(fn.name))) {
    if (!ts.isFunctionExpression(fn)) return fn.name.text;
  }
  const p = fn.parent;
  if (!p) return undefined;
  if (ts.isVariableDeclaration(p) && ts.isIdentifier(p.name)) return p.name.text;
  if (ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p)) {
    const n = p.name;
    return ts.isIdentifier(n) || ts.isStringLiteral(n) ? n.text : undefined;
  }
  if (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    const left = skipOuterExpressions(p.left);
    if (ts.isPropertyAccessExpression(left)) return left.name.text;
    if (ts.isIdentifier(left)) return left.text;
  }
  if (ts.isFunctionExpression(fn) && fn.name) return fn.name.text;
  return undefined;
}

/** The text of a reference (`user`, `this.repo`, `ctx.db.orders`), or undefined for anything else. */
export function refText(expr: ts.Expression): string | undefined {
  const e = skipOuterExpressions(expr);
  if (ts.isIdentifier(e)) return e.text;
  if (e.kind === ts.SyntaxKind.ThisKeyword) return 'this';
  if (ts.isPropertyAccessExpression(e)) {
    const base = refText(e.expression);
    return base === undefined ? undefined : `${base}.${e.name.text}`;
  }
  return undefined;
}

/** A short, readable name for a call in a message: `prisma.user.deleteMany()`, `db('sessions').del()`. */
export function describeCall(call: ts.CallExpression, sf: ts.SourceFile): string {
  const calleeText = call.expression.getText(sf).replace(/\s+/g, ' ');
  const args = call.arguments.length ? '…' : '';
  if (calleeText.length <= 70) return `${calleeText}(${args})`;
  const name = calleeName(call) ?? 'call';
  return `….${name}(${args})`;
}
