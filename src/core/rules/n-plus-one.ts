// n-plus-one: a database query or remote call made once per element of a collection. The call is a
// recognised data-access call (ctx.facts: Prisma, TypeORM, Sequelize, Mongoose, MongoDB, knex, pg,
// mysql2, drizzle, fetch/axios/got …) that is awaited, or returned from a callback, inside the body
// of a loop that walks a collection (`for…of`, `for…in`, an index loop, a queue-draining `while`),
// or inside a callback given to `.map` / `.forEach` / `.flatMap` / `.reduce` (and p-map, Bluebird,
// async). Loops that are not per-element work are left alone: fixed literal lists, retry loops
// (bounded counters, or the loop ends once the call succeeds), pagination loops (the call asks for
// the next page with a cursor taken from the previous answer), chunked batches, and calls that only
// run on the error path. Prisma `findUnique` issued together in a concurrent `.map` is batched by
// the client, so it is not reported. Concurrent calls (`Promise.all(xs.map(…))`) are MEDIUM.
// See docs/rules/n-plus-one.md for every decision.
import { ts } from 'ts-morph';
import { isFunctionNode, referenceText, skipOuterExpressions, walk, type FunctionNode, type LoopNode } from '../engine/ast';
import type { FileFacts } from '../engine/fileFacts';
import type { CallKind } from '../engine/recognizers';
import { defineRule, type RuleContext } from '../engine/rule';
import type { Severity } from '../model';
import { type Anchor, anchorOf, argumentNames, calleeText, type Context, describeContext, exitsAfter, isChunked, isFixedList, localHelperOf, locate, loopElementNames, loopIsPerElement, paramNames } from './shared/iteration';

const K = ts.SyntaxKind;

/** Methods that start a unit of work or manage a connection; the queries inside them are what count. */
const NOT_A_QUERY = new Set([
  'transaction', '$transaction', 'connect', '$connect', '$disconnect', 'end', 'release', 'destroy', 'close', 'commit', 'rollback',
  'getConnection', 'promise', 'on', 'once', 'off', 'removeListener', 'emit', 'pipe', 'setTimeout', 'abort', 'cursor', 'stream',
  // reading a cursor: the driver fetches documents in batches, not one round trip each
  'next', 'hasNext', 'tryNext',
]);
/**
 * Array, string and object methods: a knex / drizzle recogniser that matches any path reaches them
 * on a query's awaited result (`rows.map(…)`), which is no query at all.
 */
const VALUE_METHODS = new Set([
  'map', 'filter', 'forEach', 'reduce', 'reduceRight', 'some', 'every', 'includes', 'indexOf', 'lastIndexOf', 'join', 'slice', 'splice',
  'concat', 'push', 'pop', 'shift', 'unshift', 'sort', 'reverse', 'flat', 'flatMap', 'find', 'findIndex', 'findLast', 'at', 'keys', 'values',
  'entries', 'toString', 'toJSON', 'toUpperCase', 'toLowerCase', 'trim', 'split', 'replace', 'startsWith', 'endsWith', 'padStart', 'toFixed',
  'toISOString', 'getTime', 'valueOf', 'hasOwnProperty', 'get', 'has', 'set', 'add',
]);
const WILDCARD_LIBRARIES = new Set(['knex', 'drizzle']);
/** Methods (and SQL verbs) that write. */
const WRITE_METHODS = new Set([
  'create', 'createMany', 'createManyAndReturn', 'update', 'updateMany', 'updateManyAndReturn', 'upsert', 'delete', 'deleteMany', 'save', 'insert',
  'insertOne', 'insertMany', 'updateOne', 'replaceOne', 'deleteOne', 'destroy', 'remove', 'softDelete', 'softRemove', 'restore', 'increment',
  'decrement', 'bulkCreate', 'bulkWrite', 'findOneAndUpdate', 'findByIdAndUpdate', 'findOneAndDelete', 'findByIdAndDelete', 'findOneAndReplace',
  'findOrCreate', 'del', 'merge', 'values', 'set', 'onConflict', 'onConflictDoUpdate', 'onConflictDoNothing', 'truncate', 'post', 'put', 'patch',
  '$executeRaw', '$executeRawUnsafe',
]);
const WRITE_SQL = /^\s*(insert|update|delete|upsert|merge|replace)\b/i;
/** Tests and seed scripts run against throw-away databases; a query per fixture row costs nobody anything. */
const TEST_OR_SEED_FILE = /(^|\/)(__tests__|__mocks__)\/|\.(test|spec|e2e-spec|e2e)\.[cm]?[jt]sx?$|(^|\/)(seeds?|seeders?)(\/|\.[cm]?[jt]s$)|\.seed\.[cm]?[jt]s$/i;

export const nPlusOne = defineRule({
  id: 'n-plus-one',
  category: 'throughput',
  defaultSeverity: 'HIGH',
  title: 'Query or remote call once per element (N+1)',
  requiresTypeInfo: false,
  options: {
    /** Also report HTTP calls (fetch, axios, got, …) made once per element, not only database queries. */
    includeHttp: true,
    /** Also report calls that only run when an earlier step of the same iteration failed (inside `catch`). */
    includeErrorPaths: false,
  },
  docs: {
    summary:
      'Flags a database query or HTTP call that is awaited (or returned from a callback) once per element of a collection: inside a `for`, `for…of`, `for…in`, queue-draining `while` or `do…while` loop, or inside a `.map` / `.forEach` / `.flatMap` / `.reduce` callback.',
    why:
      'N elements mean N round trips. Latency and database load grow with the data instead of staying constant, so a page that answers in 50 ms with 10 rows takes seconds with 10,000, holds a pool connection the whole time, and times out under load. Run concurrently in `Promise.all`, the calls stop adding up in latency but arrive all at once, exhausting the connection pool or the remote API\'s rate limit.',
    fix:
      'Fetch everything in one query before the loop (`findMany({ where: { id: { in: ids } } })`, `whereIn`, `$in`, `= ANY($1)`, a join or a batch endpoint) and look the rows up in a `Map` inside the loop. For writes, use `createMany` / `updateMany` / `bulkCreate` / `insertMany` / one multi-row insert, or one transaction.',
    invalid: [
      {
        code: [
          "import { PrismaClient } from '@prisma/client';",
          '',
          'const prisma = new PrismaClient();',
          '',
          'export async function customersOf(orders: { id: string; customerId: string }[]) {',
          '  const result = [];',
          '  for (const order of orders) {',
          '    const customer = await prisma.customer.findUnique({ where: { id: order.customerId } });',
          '    result.push({ order, customer });',
          '  }',
          '  return result;',
          '}',
          '',
        ].join('\n'),
      },
      {
        code: [
          "import axios from 'axios';",
          '',
          'export function pricesFor(skus: string[]) {',
          '  return Promise.all(skus.map((sku) => axios.get(`https://pricing.internal/prices/${sku}`, { timeout: 2000 })));',
          '}',
          '',
        ].join('\n'),
      },
      {
        code: [
          "import { Pool } from 'pg';",
          '',
          'const pool = new Pool();',
          '',
          'export async function markShipped(orderIds: string[]) {',
          '  for (const id of orderIds) {',
          "    await pool.query(\"UPDATE orders SET status = 'shipped' WHERE id = $1\", [id]);",
          '  }',
          '}',
          '',
        ].join('\n'),
      },
    ],
    valid: [
      {
        code: [
          "import { PrismaClient } from '@prisma/client';",
          '',
          'const prisma = new PrismaClient();',
          '',
          'export async function customersOf(orders: { id: string; customerId: string }[]) {',
          '  const customers = await prisma.customer.findMany({ where: { id: { in: orders.map((o) => o.customerId) } } });',
          '  const byId = new Map(customers.map((c) => [c.id, c]));',
          '  return orders.map((order) => ({ order, customer: byId.get(order.customerId) }));',
          '}',
          '',
        ].join('\n'),
      },
      {
        code: [
          "import { PrismaClient } from '@prisma/client';",
          '',
          'const prisma = new PrismaClient();',
          '',
          '// Prisma batches findUnique calls made in the same tick into one query.',
          'export function productsIn(ids: string[]) {',
          '  return Promise.all(ids.map((id) => prisma.product.findUnique({ where: { id } })));',
          '}',
          '',
        ].join('\n'),
      },
      {
        code: [
          'export async function fetchAll(url: string) {',
          '  const rows: unknown[] = [];',
          '  let cursor: string | undefined;',
          '  do {',
          '    const res = await fetch(`${url}?cursor=${cursor ?? ""}`, { signal: AbortSignal.timeout(5000) });',
          '    const page: { items: unknown[]; next?: string } = await res.json();',
          '    rows.push(...page.items);',
          '    cursor = page.next;',
          '  } while (cursor);',
          '  return rows;',
          '}',
          '',
        ].join('\n'),
      },
    ],
  },
  create(context) {
    if (TEST_OR_SEED_FILE.test(context.file)) return {};
    const kinds: ('db' | 'http')[] = context.options.includeHttp === false ? ['db'] : ['db', 'http'];
    const includeErrorPaths = context.options.includeErrorPaths === true;
    const helpers: HelperCache = new Map();
    return {
      CallExpression: (node) => check(node as ts.CallExpression, context, kinds, includeErrorPaths, helpers),
    };
  },
});

/** Local helpers already looked into: the data-access call each one makes (null when none). */
type HelperCache = Map<ts.Node, { call: ts.CallExpression; kind: CallKind } | null>;

interface Found {
  /** The call reported: the data-access call itself, or the call of the local helper that makes it. */
  link: ts.CallExpression;
  kind: CallKind;
  /** The data-access call (inside the helper when `helper` is set). */
  access: ts.CallExpression;
  /** The local helper's name, when the query is made inside it. */
  helper?: string;
}

function check(
  call: ts.CallExpression,
  ctx: RuleContext<{ includeHttp: boolean; includeErrorPaths: boolean }>,
  kinds: ('db' | 'http')[],
  includeErrorPaths: boolean,
  helpers: HelperCache,
): void {
  // only the outermost call of a chain (`db('users').where(…).first()`) is looked at
  if (isChainLink(call)) return;
  const anchor = anchorOf(call);
  if (!anchor) return;
  const located = locate(call, anchor);
  if (!located.length) return;
  const facts = ctx.facts;
  const direct = recognise(call, facts, kinds);
  const found: Found | undefined = direct ? { ...direct, access: direct.link } : (viaLocalHelper(call, facts, kinds, helpers) ?? viaLoadedDocument(call, facts, kinds));
  if (!found) return;
  const { link, kind } = found;

  for (const { context: c, viaCatch } of located) {
    if (viaCatch && !includeErrorPaths) return;
    if (c.kind === 'loop') {
      if (!loopIsPerElement(c.node, facts)) continue;
      if (exitsAfter(call, anchor, c.node)) continue;
      if (isPagination(call, anchor, c.node)) continue;
      if (isChunked(link, loopElementNames(c.node), c.node)) continue;
    } else {
      if (c.collection && isFixedList(c.collection, facts)) continue;
      if (c.concurrency === 'concurrent' && kind.library === 'prisma' && (kind.method === 'findUnique' || kind.method === 'findUniqueOrThrow')) continue;
      if (feedsTransaction(c.node)) continue;
      if (isChunked(link, paramNames(c.fn), undefined)) continue;
    }
    report(ctx, call, found, c, anchor);
    return;
  }
}

// ---- documents loaded before the loop ------------------------------------------------------------

/** Instance methods of a Mongoose document / Sequelize or ActiveRecord instance that go to the database. */
const DOCUMENT_METHODS = new Set(['save', 'update', 'destroy', 'remove', 'reload', 'populate', 'increment', 'decrement', 'deleteOne', 'updateOne', 'softRemove', 'recover', 'restore']);
/** Libraries whose query results are live documents with those methods. */
const DOCUMENT_LIBRARIES = new Set(['mongoose', 'sequelize', 'model', 'typeorm']);
/** Array callbacks whose first parameter is the element. */
const ELEMENT_CALLBACKS = new Set(['map', 'forEach', 'flatMap', 'filter', 'some', 'every']);

/**
 * `for (const user of users) await user.save()` where `users` came from a recognised query
 * (`await User.find(…)`, `await Order.findAll(…)`): each element is a document, and `save` /
 * `update` / `destroy` / `populate` on it is one more round trip per element.
 */
function viaLoadedDocument(call: ts.CallExpression, facts: FileFacts, kinds: readonly ('db' | 'http')[]): Found | undefined {
  if (!kinds.includes('db')) return undefined;
  const callee = skipOuterExpressions(call.expression);
  if (!ts.isPropertyAccessExpression(callee) || !DOCUMENT_METHODS.has(callee.name.text)) return undefined;
  const receiver = skipOuterExpressions(callee.expression);
  if (!ts.isIdentifier(receiver)) return undefined;
  const decl = facts.resolver.declarationOf(receiver);
  const collection = decl && collectionOf(decl);
  if (!collection) return undefined;
  const source = queryOf(collection, facts);
  if (!source || !DOCUMENT_LIBRARIES.has(source.library)) return undefined;
  return { link: call, access: call, kind: { ...source, method: callee.name.text } };
}

/** The collection a loop variable or an array-callback parameter walks: `for (const x of xs)`, `xs.map((x) => …)`. */
function collectionOf(decl: ts.Node): ts.Expression | undefined {
  if (ts.isVariableDeclaration(decl) && ts.isIdentifier(decl.name)) {
    const list = decl.parent;
    const loop = list && list.parent;
    if (loop && ts.isForOfStatement(loop) && loop.initializer === list) return loop.expression;
    return undefined;
  }
  if (ts.isParameter(decl) && ts.isIdentifier(decl.name)) {
    const fn = decl.parent;
    if (!isFunctionNode(fn) || fn.parameters[0] !== decl) return undefined;
    const call = fn.parent;
    if (!call || !ts.isCallExpression(call) || call.arguments[0] !== fn) return undefined;
    const callee = skipOuterExpressions(call.expression);
    if (ts.isPropertyAccessExpression(callee) && ELEMENT_CALLBACKS.has(callee.name.text)) return callee.expression;
  }
  return undefined;
}

/** The recognised query whose awaited answer `expr` holds: `await User.find(…)` or a variable set from it. */
function queryOf(expr0: ts.Expression, facts: FileFacts): CallKind | undefined {
  let expr = skipOuterExpressions(expr0);
  if (ts.isIdentifier(expr)) {
    const decl = facts.resolver.declarationOf(expr);
    if (!decl || !ts.isVariableDeclaration(decl) || !decl.initializer || !ts.isIdentifier(decl.name)) return undefined;
    expr = skipOuterExpressions(decl.initializer);
  }
  if (!ts.isAwaitExpression(expr)) return undefined;
  const k = facts.chainKind(expr.expression, ['db']);
  return k && k.kind === 'db' ? k : undefined;
}

// ---- local helpers ------------------------------------------------------------------------------

/**
 * `await loadUser(id)` / `await this.loadUser(id)` where `loadUser` is a function (or a method of the
 * same class) written in this file whose body makes a recognised query or remote call: the loop
 * runs that query once per element just the same. A helper that does no I/O is not data access.
 * Followed two levels deep; services and helpers from other files are not followed.
 */
function viaLocalHelper(call: ts.CallExpression, facts: FileFacts, kinds: readonly ('db' | 'http')[], cache: HelperCache): Found | undefined {
  const helper = localHelperOf(call, facts);
  if (!helper) return undefined;
  // the function around the loop itself (recursion over a tree) is not a helper
  if (helper.fn.pos <= call.pos && call.end <= helper.fn.end) return undefined;
  const inner = helperAccess(helper.fn, facts, kinds, cache, 0);
  if (!inner) return undefined;
  return { link: call, kind: inner.kind, access: inner.call, helper: helper.name };
}


/** The first recognised query or remote call a helper's body makes (through one more local helper at most). */
function helperAccess(fn: FunctionNode, facts: FileFacts, kinds: readonly ('db' | 'http')[], cache: HelperCache, depth: number): { call: ts.CallExpression; kind: CallKind } | undefined {
  const cached = cache.get(fn);
  if (cached !== undefined) return cached ?? undefined;
  cache.set(fn, null); // a helper that reaches itself again finds nothing new
  let result: { call: ts.CallExpression; kind: CallKind } | undefined;
  const consider = (n: ts.Node): boolean => {
    if (!ts.isCallExpression(n) || isChainLink(n)) return false;
    const direct = recognise(n, facts, kinds);
    if (direct) {
      result = { call: direct.link, kind: direct.kind };
      return true;
    }
    if (depth >= 1) return false;
    const next = localHelperOf(n, facts);
    if (!next || next.fn === fn) return false;
    const inner = helperAccess(next.fn, facts, kinds, cache, depth + 1);
    if (inner) result = inner;
    return !!inner;
  };
  const body = fn.body;
  if (body && !consider(body)) walk(body, (n) => (consider(n) ? 'stop' : true));
  cache.set(fn, result ?? null);
  return result;
}

// ---- which calls ----------------------------------------------------------------------------------

/** True when `call` is the receiver of a further call in the same chain (`a()` in `a().b()`). */
function isChainLink(call: ts.CallExpression): boolean {
  let n: ts.Node = call;
  while (n.parent && (ts.isParenthesizedExpression(n.parent) || ts.isNonNullExpression(n.parent))) n = n.parent;
  const p = n.parent;
  return !!p && (ts.isPropertyAccessExpression(p) || ts.isElementAccessExpression(p)) && p.expression === n && !!p.parent && ts.isCallExpression(p.parent) && p.parent.expression === p;
}

/** The first link of the chain (outermost first) that is a recognised data-access call. */
function recognise(call: ts.CallExpression, facts: FileFacts, kinds: readonly ('db' | 'http')[]): { link: ts.CallExpression; kind: CallKind } | undefined {
  let e: ts.Expression = call;
  for (let i = 0; i < 16; i++) {
    e = skipOuterExpressions(e);
    if (!ts.isCallExpression(e)) return undefined;
    const k = facts.callKind(e);
    if (k && (k.kind === 'db' || k.kind === 'http') && kinds.includes(k.kind)) {
      if (NOT_A_QUERY.has(k.method)) return undefined;
      if (WILDCARD_LIBRARIES.has(k.library) && VALUE_METHODS.has(k.method) && !isBuilderStep(k)) return undefined;
      return { link: e, kind: k };
    }
    const callee = skipOuterExpressions(e.expression);
    if (!ts.isPropertyAccessExpression(callee) && !ts.isElementAccessExpression(callee)) return undefined;
    e = callee.expression;
  }
  return undefined;
}

// ---- pagination and transactions ----------------------------------------------------------------

/**
 * A pagination loop: the call's arguments read a variable that the loop assigns from the call's own
 * answer (`cursor = page.nextCursor`, `offset += rows.length`, `token = res.data.next`).
 */
function isPagination(call: ts.CallExpression, anchor: Anchor, loop: LoopNode): boolean {
  const results = resultNames(anchor);
  if (!results.size) return false;
  const args = argumentNames(call);
  // values derived from the answer: `const body = await res.json()`, `const { next } = body`
  const derived = new Set(results);
  const decls: ts.VariableDeclaration[] = [];
  const assigns: ts.BinaryExpression[] = [];
  const scan = (root: ts.Node) =>
    walk(root, (n) => {
      if (isFunctionNode(n)) return false;
      if (ts.isVariableDeclaration(n) && n.initializer) decls.push(n);
      if (ts.isBinaryExpression(n) && isAssignment(n.operatorToken.kind)) assigns.push(n);
      return true;
    });
  scan(loop.statement);
  if (ts.isForStatement(loop) && loop.incrementor) {
    const inc = loop.incrementor;
    if (ts.isBinaryExpression(inc) && isAssignment(inc.operatorToken.kind)) assigns.push(inc);
    scan(inc);
  }
  for (let round = 0; round < 3; round++) {
    for (const d of decls) {
      if (mentions(d.initializer!, derived)) collectBindingNames(d.name, derived);
    }
  }
  // `while (rows.length === PAGE_SIZE) { rows = await …page(offset) }`: the loop goes on because of the answer
  const condition = ts.isWhileStatement(loop) || ts.isDoStatement(loop) ? loop.expression : ts.isForStatement(loop) ? loop.condition : undefined;
  if (condition && mentions(condition, derived)) return true;
  for (const a of assigns) {
    const target = ts.isIdentifier(a.left) ? a.left.text : referenceText(a.left);
    if (target && args.has(target.split('.')[0]) && ts.isIdentifier(a.left) && mentions(a.right, derived)) return true;
  }
  return false;
}

function isAssignment(k: ts.SyntaxKind): boolean {
  return k === K.EqualsToken || k === K.PlusEqualsToken || k === K.QuestionQuestionEqualsToken || k === K.BarBarEqualsToken;
}

function collectBindingNames(b: ts.BindingName, out: Set<string>): void {
  if (ts.isIdentifier(b)) out.add(b.text);
  else for (const el of b.elements) if (!ts.isOmittedExpression(el)) collectBindingNames(el.name, out);
}

function mentions(node: ts.Node, names: Set<string>): boolean {
  if (ts.isIdentifier(node)) return names.has(node.text);
  return walk(node, (n) => (ts.isIdentifier(n) && names.has(n.text) && !(ts.isPropertyAccessExpression(n.parent) && n.parent.name === n) ? 'stop' : !isFunctionNode(n)));
}

/** Names that hold the call's answer: `const page = await call`, `res = await call`, `const { data } = await call`. */
function resultNames(anchor: Anchor): Set<string> {
  const names = new Set<string>();
  if (anchor.kind !== 'await') return names;
  let n: ts.Node = anchor.node;
  while (n.parent && (ts.isParenthesizedExpression(n.parent) || ts.isAsExpression(n.parent) || ts.isNonNullExpression(n.parent) || ts.isPropertyAccessExpression(n.parent) || ts.isElementAccessExpression(n.parent))) n = n.parent;
  const p = n.parent;
  if (p && ts.isVariableDeclaration(p) && p.initializer === n) collectBindingNames(p.name, names);
  else if (p && ts.isBinaryExpression(p) && p.right === n && p.operatorToken.kind === K.EqualsToken) {
    const left = skipOuterExpressions(p.left);
    if (ts.isIdentifier(left)) names.add(left.text);
    else if (ts.isObjectLiteralExpression(left) || ts.isArrayLiteralExpression(left)) walk(left, (x) => (ts.isIdentifier(x) ? (names.add(x.text), true) : true));
  }
  return names;
}

/** `prisma.$transaction(ids.map((id) => prisma.x.update(…)))`, `db.batch([...])`: one transaction, not N round trips. */
function feedsTransaction(mapCall: ts.CallExpression): boolean {
  let n: ts.Node = mapCall;
  while (n.parent && (ts.isParenthesizedExpression(n.parent) || ts.isAsExpression(n.parent) || ts.isSatisfiesExpression(n.parent) || ts.isSpreadElement(n.parent) || ts.isArrayLiteralExpression(n.parent))) n = n.parent;
  const p = n.parent;
  if (!p || !ts.isCallExpression(p) || !p.arguments.includes(n as ts.Expression)) return false;
  const name = calleeText(p);
  return name === '$transaction' || name === 'batch';
}

// ---- the message ------------------------------------------------------------------------------------

function report(ctx: RuleContext<any>, call: ts.CallExpression, found: Found, c: Context, anchor: Anchor): void {
  const sf = ctx.sourceFile;
  const { link, kind } = found;
  const what = displayCallee(found.access.expression);
  const concurrent = (c.kind === 'callback' && c.concurrency === 'concurrent') || anchor.kind === 'push';
  const where = describeContext(c, sf);
  const http = kind.kind === 'http';
  const write = isWrite(found.helper ? found.access : call, kind);
  let message = found.helper
    ? `\`${found.helper}(…)\` runs once per ${where}, and it calls \`${what}\` each time.`
    : `\`${what}\` runs once per ${where}.`;
  if (concurrent) {
    message += ` The calls run concurrently, so the wait does not add up, but N elements still mean N ${http ? 'requests' : 'queries'} at once: a long list exhausts the ${http ? "remote service's rate limit and your outgoing sockets" : 'connection pool'} and every other request waits behind it.`;
  } else {
    message += ` N elements mean N ${http ? 'requests to the remote service' : 'round trips to the database'} one after another: latency and ${http ? 'load on that service' : 'database load'} grow with the data, so a page that is fast with 10 rows times out with 10,000.`;
  }
  message += ` ${fixFor(kind, write, c.kind === 'loop')}`;
  const severity: Severity | undefined = concurrent ? 'MEDIUM' : undefined;
  const relatedNode = c.node;
  const relatedMessage = c.kind === 'loop' ? 'the loop that runs it once per element' : `the \`.${c.method}\` call that runs it once per element`;
  ctx.report(link, message, { related: [{ node: relatedNode, message: relatedMessage }], ...(severity ? { severity } : {}) });
}

/** `prisma.user.findUnique`, `db('users').where(…).first`, `this.repo.findOneBy`, `fetch`. */
function displayCallee(e: ts.Expression): string {
  const go = (x: ts.Expression, depth: number): string => {
    if (depth > 12) return '…';
    const s = skipOuterExpressions(x);
    if (ts.isIdentifier(s)) return s.text;
    if (s.kind === K.ThisKeyword) return 'this';
    if (ts.isPropertyAccessExpression(s)) return `${go(s.expression, depth + 1)}.${s.name.text}`;
    if (ts.isElementAccessExpression(s)) return `${go(s.expression, depth + 1)}[${ts.isStringLiteralLike(s.argumentExpression) ? `'${s.argumentExpression.text}'` : '…'}]`;
    if (ts.isCallExpression(s)) {
      const a = s.arguments;
      const inner = a.length === 0 ? '' : a.length === 1 && ts.isStringLiteralLike(a[0]) && a[0].text.length <= 24 ? `'${a[0].text}'` : '…';
      return `${go(s.expression, depth + 1)}(${inner})`;
    }
    if (ts.isNewExpression(s)) return `new ${go(s.expression, depth + 1)}(${s.arguments?.length ? '…' : ''})`;
    if (ts.isAwaitExpression(s)) return `(await ${go(s.expression, depth + 1)})`;
    return '…';
  };
  const text = go(e, 0);
  return text.length <= 70 ? text : `…${text.slice(text.length - 60)}`;
}

function isWrite(call: ts.CallExpression, kind: CallKind): boolean {
  if (kind.kind === 'http') {
    if (/^(post|put|patch|delete)$/i.test(kind.method)) return true;
    return false;
  }
  let e: ts.Expression = call;
  for (let i = 0; i < 16 && ts.isCallExpression(e); i++) {
    const callee = skipOuterExpressions(e.expression);
    const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
    if (name && WRITE_METHODS.has(name)) return true;
    if (name && (name === 'query' || name === 'execute' || name === '$queryRawUnsafe' || name === 'raw') && e.arguments[0]) {
      const sql = e.arguments[0];
      if ((ts.isStringLiteralLike(sql) || ts.isTemplateExpression(sql)) && WRITE_SQL.test(ts.isTemplateExpression(sql) ? sql.head.text : sql.text)) return true;
    }
    if (!ts.isPropertyAccessExpression(callee) && !ts.isElementAccessExpression(callee)) break;
    e = skipOuterExpressions(callee.expression);
  }
  return false;
}

function fixFor(kind: CallKind, write: boolean, loop: boolean): string {
  const upFront = loop ? 'before the loop' : 'up front instead of one per element';
  if (kind.kind === 'http') {
    return write
      ? "Send the changes in one request to the API's bulk endpoint if it has one; otherwise queue them and cap the concurrency (p-limit) so a long list cannot flood the service."
      : `Ask for all the ids in one request (the API's batch or list endpoint) ${upFront} and look the answers up in a Map; if there is no batch endpoint, cache the answers and cap the concurrency (p-limit).`;
  }
  const lib = kind.library;
  if (write) {
    const hint =
      lib === 'prisma'
        ? '`createMany` / `updateMany`, or one `prisma.$transaction([...])`'
        : lib === 'typeorm'
          ? '`save(entities)` / `insert(rows)` with the whole array, in one transaction'
          : lib === 'sequelize'
            ? '`bulkCreate(rows, { updateOnDuplicate: [...] })` or one `update` with `where: { id: ids }`'
            : lib === 'mongoose' || lib === 'mongodb'
              ? '`insertMany` / `updateMany` / `bulkWrite`'
              : lib === 'knex'
                ? 'one `insert(rows)` with every row (or `batchInsert`), or one `whereIn(...).update(...)`'
                : lib === 'drizzle'
                  ? 'one `insert(table).values(rows)` with every row, or one `update` with `inArray`'
                  : lib === 'model'
                    ? '`bulkCreate` (Sequelize) or `insertMany` / `bulkWrite` (Mongoose)'
                    : 'one multi-row `INSERT`, or one `UPDATE … WHERE id = ANY($1)`';
    return `Batch the writes: ${hint}, so the database does the work in one round trip (or one transaction).`;
  }
  const hint =
    lib === 'prisma'
      ? '`findMany({ where: { id: { in: ids } } })`'
      : lib === 'typeorm'
        ? '`findBy({ id: In(ids) })`'
        : lib === 'sequelize'
          ? '`findAll({ where: { id: ids } })`'
          : lib === 'mongoose' || lib === 'mongodb'
            ? '`find({ _id: { $in: ids } })`'
            : lib === 'knex'
              ? "`whereIn('id', ids)`"
              : lib === 'drizzle'
                ? '`where(inArray(table.id, ids))`'
                : lib === 'mysql2'
                  ? '`WHERE id IN (?)` with the array as one parameter'
                  : lib === 'model'
                    ? '`findAll({ where: { id: ids } })` (Sequelize) or `find({ _id: { $in: ids } })` (Mongoose)'
                    : '`WHERE id = ANY($1)` with the array as one parameter';
  return `Fetch all the rows in one query ${upFront} with ${hint} (or a join / include), then look each one up in a Map.`;
}

/** drizzle's `insert(t).values(…)` and `update(t).set(…)`: builder steps that share a name with array and Map methods. */
function isBuilderStep(k: CallKind): boolean {
  const p = k.origin.path;
  const n = p.length;
  return n >= 3 && p[n - 2] === '()' && ((p[n - 1] === 'values' && p[n - 3] === 'insert') || (p[n - 1] === 'set' && p[n - 3] === 'update'));
}
