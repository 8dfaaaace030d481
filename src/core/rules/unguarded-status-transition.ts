// unguarded-status-transition: an update that sets a `status` / `state` field to a literal while its
// filter does not constrain the current status (no compare-and-set): Prisma `update` /
// `updateMany`, TypeORM `update(criteria, values)` and query-builder `set(…)`, Sequelize
// `Model.update(values, { where })`, Mongoose / MongoDB `updateOne` / `updateMany` /
// `findOneAndUpdate` / `findByIdAndUpdate`, knex `.where(…).update(…)`, drizzle
// `update(t).set(…).where(…)` and raw `UPDATE … SET status = '…' WHERE …`. An update preceded in
// the same function by a read under a row lock (or in a SERIALIZABLE transaction) is not flagged.
// See docs/rules/unguarded-status-transition.md.
import { ts } from 'ts-morph';
import { calleeName, skipOuterExpressions, walk } from '../engine/ast';
import type { FileFacts } from '../engine/fileFacts';
import type { CallKind } from '../engine/recognizers';
import { defineRule } from '../engine/rule';
import {
  chainLinks,
  dbCallKind,
  describeCall,
  enclosingTransactionCall,
  hasHiddenKeys,
  inSerializableTransaction,
  isConstDeclaration,
  isKnexInstance,
  isMigrationFile,
  isTestOrSeedFile,
  lookupProperty,
  objectLiteralOf,
  outermostCall,
  owningFunction,
  propertyName,
  rawSqlOfCall,
  rawSqlOfTaggedTemplate,
  readTakesLock,
  type ChainLink,
  includesAny,
} from './shared/dataAccess';
import { hasRowLock, sqlStatements, updateSetsLiteral } from './shared/sqlStatements';

/** Cheap gate: a file without any of these cannot hold a finding. */
const QUICK = ['status', 'Status', 'STATUS', 'state', 'State', 'STATE'];
const CANDIDATES = new Set(['update', 'updateMany', 'updateManyAndReturn', 'updateOne', 'findOneAndUpdate', 'findByIdAndUpdate', 'set', 'query', 'execute', 'raw', 'unsafe', '$executeRaw', '$executeRawUnsafe', '$queryRaw', '$queryRawUnsafe']);
/** Keys that name a status field: `status`, `state`, `orderStatus`, `payment_status`. */
const STATUS_FIELD = /^(status|state)$|[a-z0-9](Status|_status|_STATUS)$|^STATUS$|^STATE$/;
/** Keys of an optimistic-concurrency check: a compare-and-set on the row version. */
const VERSION_FIELD = /^(version|_version|__v|lockVersion|lock_version|revision|rev|etag|updatedAt|updated_at)$/i;
/** Words in a callee that take a lock of the application's own: `redlock.acquire`, `mutex.runExclusive`, `withLock(…)`. */
const LOCK_WORDS = new Set(['lock', 'locks', 'redlock', 'mutex', 'semaphore', 'exclusive', 'advisory']);
const UNLOCK_CALL = /^(unlock|release|releaseLock)$/;
/** knex / drizzle / TypeORM query-builder steps that filter. */
const WHERE_STEP = /^(where|andWhere|orWhere|whereIn|whereNot|whereNotIn|whereRaw|whereNull|whereNotNull|whereExists|whereBetween|whereInIds|andWhereInIds|orWhereInIds)$/;

interface Transition {
  node: ts.Node;
  field: string;
  value: string;
  shown: string;
}

export const unguardedStatusTransition = defineRule({
  id: 'unguarded-status-transition',
  category: 'state-machine',
  defaultSeverity: 'MEDIUM',
  title: 'Status update without a check of the current status',
  requiresTypeInfo: false,
  options: {},
  docs: {
    summary:
      'Flags updates that set a `status` / `state` field to a fixed value while their filter does not constrain the current status (no compare-and-set): Prisma, TypeORM, Sequelize, Mongoose, MongoDB, knex, drizzle and raw `UPDATE … SET status = …` statements.',
    why:
      'An update matched on the id alone applies its transition from whatever state the row is in. Two requests racing (a user double-clicking, a webhook retried, a worker and an admin at once) both succeed, and illegal moves such as CANCELLED → SHIPPED or a second REFUNDED pass silently, leaving records in states no code expects and side effects (emails, refunds, shipments) done twice.',
    fix:
      'Make the write a compare-and-set: put the states the transition is allowed from in the filter (`where: { id, status: \'PAID\' }`, `WHERE id = $1 AND status = \'PAID\'`), check how many rows changed, and treat 0 as a conflict. Alternatively read the row under a lock (`SELECT … FOR UPDATE`, TypeORM `lock: { mode: \'pessimistic_write\' }`) inside a transaction and check the status before writing.',
    invalid: [
      {
        code: [
          "import { PrismaClient } from '@prisma/client';",
          'const prisma = new PrismaClient();',
          '',
          'export function shipOrder(id: string) {',
          "  return prisma.order.update({ where: { id }, data: { status: 'SHIPPED' } });",
          '}',
          '',
        ].join('\n'),
      },
      {
        code: [
          "import knex from 'knex';",
          "const db = knex({ client: 'pg' });",
          '',
          'export async function markDelivered(id: string) {',
          "  await db('shipments').where({ id }).update({ status: 'delivered' });",
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
          'export async function markPaid(id: string) {',
          "  const { count } = await prisma.order.updateMany({ where: { id, status: 'PENDING' }, data: { status: 'PAID' } });",
          '  return count === 1;',
          '}',
          '',
        ].join('\n'),
      },
      {
        code: [
          "import { PrismaClient } from '@prisma/client';",
          'const prisma = new PrismaClient();',
          '',
          'export function rename(id: string, name: string) {',
          '  return prisma.order.update({ where: { id }, data: { name } });',
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

    const report = (t: Transition) => {
      if (reported.has(t.node)) return;
      if (guardedByLock(facts, t.node, sf)) return;
      reported.add(t.node);
      context.report(
        t.node,
        `\`${t.shown}\` sets \`${t.field}\` to ${t.value}, but its filter does not check the current \`${t.field}\`. ` +
          'Two concurrent requests, or one retried, both apply their transition from whatever state the row is in, so illegal moves (a cancelled order shipped, a refund applied twice) and lost updates pass silently. ' +
          `Make it a compare-and-set: add the ${t.field === 'state' ? 'states' : 'statuses'} the transition is allowed from to the filter and check how many rows changed, or re-read the row under a lock in a transaction before writing.`,
      );
    };

    return {
      CallExpression: (node: ts.Node) => {
        const call = node as ts.CallExpression;
        const name = calleeName(call);
        if (!name || !CANDIDATES.has(name)) return;
        if (name === 'set' && !isBuilderSet(call)) return;
        if (!open()) return;
        const t = judgeCall(facts, call, name, sf);
        if (t) report(t);
      },
      TaggedTemplateExpression: (node: ts.Node) => {
        if (!open()) return;
        const tagged = node as ts.TaggedTemplateExpression;
        const sql = rawSqlOfTaggedTemplate(tagged);
        if (!sql) return;
        const t = judgeSql(sql);
        if (t) report({ node: tagged, ...t, shown: tagged.tag.getText(sf) });
      },
    };
  },
});

function judgeCall(facts: FileFacts, call: ts.CallExpression, name: string, sf: ts.SourceFile): Transition | undefined {
  const sql = rawSqlOfCall(facts, call);
  if (sql !== undefined) {
    const t = judgeSql(sql, facts, call);
    return t && { node: call, ...t, shown: describeCall(call, sf) };
  }
  // a query builder's `set(…)` is known by the chain it belongs to (`….set(…).where(…).execute()`)
  const kind = name === 'set' ? dbCallKind(facts, call) ?? dbCallKind(facts, outermostCall(call)) : dbCallKind(facts, call);
  if (!kind) return undefined;
  const shown = describeCall(call, sf);
  switch (kind.library) {
    case 'prisma':
      return name === 'update' || name === 'updateMany' || name === 'updateManyAndReturn' ? judgePrisma(facts, call, shown) : undefined;
    case 'typeorm':
      if (name === 'update') return judgeTypeorm(facts, call, kind, shown);
      if (name === 'set') return judgeBuilderSet(facts, call, 'typeorm', sf);
      return undefined;
    case 'sequelize':
      return name === 'update' ? judgeSequelize(facts, call, shown) : undefined;
    case 'mongoose':
    case 'mongodb':
      return judgeMongo(facts, call, name, shown);
    case 'model':
      if (name === 'update') return judgeSequelize(facts, call, shown);
      return judgeMongo(facts, call, name, shown);
    case 'knex':
      return name === 'update' ? judgeKnex(facts, call, sf) : undefined;
    case 'drizzle':
      return name === 'set' ? judgeBuilderSet(facts, call, 'drizzle', sf) : undefined;
    default:
      return undefined;
  }
}

/** `….update(…).set(…)` (drizzle, TypeORM query builder), not a Map / Set / store `set`. */
function isBuilderSet(call: ts.CallExpression): boolean {
  const callee = skipOuterExpressions(call.expression);
  if (!ts.isPropertyAccessExpression(callee)) return false;
  const receiver = skipOuterExpressions(callee.expression);
  return ts.isCallExpression(receiver) && calleeName(receiver) === 'update';
}

// ---- the value written ------------------------------------------------------------------------

/** `status: 'SHIPPED'` (or `state: OrderState.Done`, `{ set: 'X' }`) among the object's own properties. */
function literalStatus(facts: FileFacts, obj: ts.ObjectLiteralExpression): { field: string; value: string } | undefined {
  for (const p of obj.properties) {
    if (!ts.isPropertyAssignment(p) && !ts.isShorthandPropertyAssignment(p)) continue;
    const key = propertyName(p);
    if (!key || !STATUS_FIELD.test(key)) continue;
    const value = ts.isPropertyAssignment(p) ? p.initializer : p.name;
    const text = literalText(facts, value, 0);
    if (text !== undefined) return { field: key, value: text };
  }
  return undefined;
}

/** The literal a value stands for (as shown in the message), or undefined when it is not fixed. */
function literalText(facts: FileFacts, expr0: ts.Expression, depth: number): string | undefined {
  if (depth > 4) return undefined;
  const e = skipOuterExpressions(expr0);
  if (ts.isStringLiteralLike(e)) return `'${e.text}'`;
  if (ts.isNumericLiteral(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) {
    // OrderStatus.SHIPPED, $Enums.OrderStatus.SHIPPED, Status.Shipped
    const base = skipOuterExpressions(e.expression);
    const baseName = ts.isIdentifier(base) ? base.text : ts.isPropertyAccessExpression(base) ? base.name.text : undefined;
    if (baseName && /^[A-Z$]/.test(baseName) && /^[A-Za-z_][A-Za-z0-9_]*$/.test(e.name.text)) return e.getText();
    return undefined;
  }
  if (ts.isIdentifier(e)) {
    const decl = facts.resolver.declarationOf(e);
    if (decl && ts.isVariableDeclaration(decl) && decl.initializer && isConstDeclaration(decl)) return literalText(facts, decl.initializer, depth + 1);
    return undefined;
  }
  if (ts.isObjectLiteralExpression(e)) {
    // Prisma `{ set: 'X' }`
    const set = lookupProperty(e, 'set');
    return set.kind === 'value' && e.properties.length === 1 ? literalText(facts, set.value, depth + 1) : undefined;
  }
  if (ts.isConditionalExpression(e)) {
    const a = literalText(facts, e.whenTrue, depth + 1);
    const b = literalText(facts, e.whenFalse, depth + 1);
    return a !== undefined && b !== undefined ? `${a} or ${b}` : undefined;
  }
  return undefined;
}

// ---- the filter -------------------------------------------------------------------------------

type Guard = 'guarded' | 'unguarded' | 'unknown';

/** Does the filter object mention the status field (or a version) anywhere, including AND / OR / $and? */
function objectGuard(facts: FileFacts, obj: ts.ObjectLiteralExpression, field: string, depth = 0): Guard {
  // a spread could hold the status; computed keys are judged one by one below
  if (depth > 5 || obj.properties.some((p) => ts.isSpreadAssignment(p))) return 'unknown';
  let result: Guard = 'unguarded';
  for (const p of obj.properties) {
    const key = propertyName(p);
    if (key === undefined) {
      // Sequelize operators: `[Op.lt]: 0` inside a field's condition compares that field; only
      // `[Op.and]` / `[Op.or]` / `[Op.not]` (or an unknown computed key) can hide a status check
      const op = ts.isPropertyAssignment(p) && ts.isComputedPropertyName(p.name) ? skipOuterExpressions(p.name.expression) : undefined;
      const opName = op && ts.isPropertyAccessExpression(op) && ts.isIdentifier(op.expression) && op.expression.text === 'Op' ? op.name.text : undefined;
      if (!opName || /^(and|or|not)$/.test(opName)) {
        if (!opName || !ts.isPropertyAssignment(p)) return 'unknown';
      } else continue;
    } else if (key === field) return 'guarded';
    else if (VERSION_FIELD.test(key) && !(ts.isPropertyAssignment(p) && isRangeCondition(facts, p.initializer))) return 'guarded';
    if (!ts.isPropertyAssignment(p)) continue;
    const v = skipOuterExpressions(p.initializer);
    const nested: ts.Expression[] = ts.isArrayLiteralExpression(v) ? [...v.elements] : [v];
    for (const n of nested) {
      const inner = objectLiteralOf(facts, n);
      if (!inner) continue;
      const g = objectGuard(facts, inner, field, depth + 1);
      if (g === 'guarded') return 'guarded';
      if (g === 'unknown') result = 'unknown';
    }
  }
  return result;
}

/** `{ $lt: d }`, `{ lt: d }`, `{ [Op.lt]: d }`: a range, which selects rows by age and checks no version. */
function isRangeCondition(facts: FileFacts, value: ts.Expression): boolean {
  const obj = objectLiteralOf(facts, value);
  if (!obj || obj.properties.length === 0) return false;
  return obj.properties.every((p) => {
    if (ts.isPropertyAssignment(p) && ts.isComputedPropertyName(p.name)) return /^Op\.(lt|lte|gt|gte|between|notBetween)$/.test(p.name.expression.getText());
    const key = propertyName(p);
    return key !== undefined && /^\$?(lt|lte|gt|gte)$/.test(key);
  });
}

function filterGuard(facts: FileFacts, filter: ts.Expression | undefined, field: string): Guard {
  if (!filter) return 'unknown';
  const obj = objectLiteralOf(facts, filter);
  if (obj) return obj.properties.length === 0 ? 'unknown' : objectGuard(facts, obj, field);
  return isPlainId(filter) ? 'unguarded' : 'unknown';
}

/** An id written as such: `id`, `orderId`, `order.id`, `req.params.id`, `'42'`, `42`, `[a, b]`. */
function isPlainId(expr0: ts.Expression): boolean {
  const e = skipOuterExpressions(expr0);
  if (ts.isStringLiteralLike(e) || ts.isNumericLiteral(e)) return true;
  if (ts.isIdentifier(e)) return /^(id|ids|_id|uuid|pk|key)$|Ids?$|_ids?$|Uuid$/.test(e.text);
  if (ts.isPropertyAccessExpression(e)) return /^(id|_id|uuid|pk)$|Id$|_id$/.test(e.name.text);
  if (ts.isArrayLiteralExpression(e)) return e.elements.every((x) => isPlainId(x));
  return false;
}

// ---- per library --------------------------------------------------------------------------------

function judgePrisma(facts: FileFacts, call: ts.CallExpression, shown: string): Transition | undefined {
  const args = objectLiteralOf(facts, call.arguments[0]);
  if (!args) return undefined;
  const data = lookupProperty(args, 'data');
  const where = lookupProperty(args, 'where');
  if (data.kind !== 'value' || where.kind !== 'value') return undefined;
  const dataObj = objectLiteralOf(facts, data.value);
  const status = dataObj && literalStatus(facts, dataObj);
  if (!status) return undefined;
  return filterGuard(facts, where.value, status.field) === 'unguarded' ? { node: call, ...status, shown } : undefined;
}

function judgeTypeorm(facts: FileFacts, call: ts.CallExpression, kind: CallKind, shown: string): Transition | undefined {
  const manager = isManager(kind);
  const criteria = call.arguments[manager ? 1 : 0];
  const values = objectLiteralOf(facts, call.arguments[manager ? 2 : 1]);
  const status = values && literalStatus(facts, values);
  if (!status || !criteria) return undefined;
  return filterGuard(facts, criteria, status.field) === 'unguarded' ? { node: call, ...status, shown } : undefined;
}

function isManager(kind: CallKind): boolean {
  const path = kind.origin.path;
  if (path.some((s) => s === 'getRepository' || s === 'Repository' || s === 'TreeRepository' || s === 'MongoRepository')) return false;
  return path.some((s) => s === 'EntityManager' || s === 'manager' || s === 'getManager' || s.endsWith(':tx'));
}

function judgeSequelize(facts: FileFacts, call: ts.CallExpression, shown: string): Transition | undefined {
  if (call.arguments.length < 2) return undefined; // instance.update(values): no filter to judge
  const values = objectLiteralOf(facts, call.arguments[0]);
  const options = objectLiteralOf(facts, call.arguments[1]);
  const status = values && literalStatus(facts, values);
  if (!status || !options) return undefined;
  const where = lookupProperty(options, 'where');
  if (where.kind !== 'value') return undefined;
  return filterGuard(facts, where.value, status.field) === 'unguarded' ? { node: call, ...status, shown } : undefined;
}

const MONGO_UPDATES = new Set(['updateOne', 'updateMany', 'findOneAndUpdate', 'findByIdAndUpdate']);

function judgeMongo(facts: FileFacts, call: ts.CallExpression, name: string, shown: string): Transition | undefined {
  if (!MONGO_UPDATES.has(name) || call.arguments.length < 2) return undefined;
  const update = objectLiteralOf(facts, call.arguments[1]);
  if (!update) return undefined;
  const set = lookupProperty(update, '$set');
  const target = set.kind === 'value' ? objectLiteralOf(facts, set.value) : update;
  const status = target && literalStatus(facts, target);
  if (!status) return undefined;
  if (name === 'findByIdAndUpdate') return { node: call, ...status, shown };
  return filterGuard(facts, call.arguments[0], status.field) === 'unguarded' ? { node: call, ...status, shown } : undefined;
}

/** knex `db('t').where({ id }).update({ status: 'x' })` or `.update('status', 'x')`. */
function judgeKnex(facts: FileFacts, call: ts.CallExpression, sf: ts.SourceFile): Transition | undefined {
  let status: { field: string; value: string } | undefined;
  const first = call.arguments[0];
  if (first && ts.isStringLiteralLike(first) && STATUS_FIELD.test(first.text) && call.arguments[1]) {
    const value = literalText(facts, call.arguments[1], 0);
    if (value !== undefined) status = { field: first.text, value };
  } else {
    const values = objectLiteralOf(facts, first);
    status = values && literalStatus(facts, values);
  }
  if (!status) return undefined;
  const outer = outermostCall(call);
  const { links, base } = chainLinks(outer);
  if (!links[0] || (links[0].name !== '' && !isKnexInstance(facts, base))) return undefined;
  const guard = stepsGuard(facts, links, status.field);
  return guard === 'unguarded' ? { node: outer, ...status, shown: describeCall(call, sf) } : undefined;
}

/** TypeORM query builder / drizzle: `update(T).set({ status: 'x' }).where(…)`. */
function judgeBuilderSet(facts: FileFacts, call: ts.CallExpression, library: 'typeorm' | 'drizzle', sf: ts.SourceFile): Transition | undefined {
  const values = objectLiteralOf(facts, call.arguments[0]);
  const status = values && literalStatus(facts, values);
  if (!status) return undefined;
  const outer = outermostCall(call);
  const { links } = chainLinks(outer);
  if (!links.some((l) => l.name === 'update')) return undefined;
  if (library === 'typeorm' && !links.some((l) => l.name === 'execute')) return undefined;
  const guard = stepsGuard(facts, links, status.field);
  return guard === 'unguarded' ? { node: outer, ...status, shown: describeCall(call, sf) } : undefined;
}

/**
 * The filter steps of a chain: unguarded when there is at least one and none mentions the status
 * field or a version; no filter at all (a mass update) is left to other rules.
 */
function stepsGuard(facts: FileFacts, links: readonly ChainLink[], field: string): Guard {
  const steps = links.filter((l) => WHERE_STEP.test(l.name));
  if (!steps.length) return 'unknown';
  if (links.some((l) => l.name === 'modify')) return 'unknown';
  const mention = new RegExp(`(^|[^A-Za-z0-9_$])(${escapeRegExp(field)}|version|lock_version|lockVersion|updated_at|updatedAt)([^A-Za-z0-9_$]|$)`);
  for (const step of steps) {
    for (const a of step.call.arguments) {
      const obj = objectLiteralOf(facts, a);
      if (obj) {
        const g = objectGuard(facts, obj, field);
        if (g !== 'unguarded') return g;
        continue;
      }
      const e = skipOuterExpressions(a);
      if (ts.isStringLiteralLike(e) || ts.isTemplateExpression(e) || ts.isCallExpression(e) || ts.isArrowFunction(e) || ts.isFunctionExpression(e) || ts.isPropertyAccessExpression(e) || ts.isBinaryExpression(e)) {
        if (mention.test(e.getText())) return 'guarded';
        continue;
      }
      if (ts.isIdentifier(e)) {
        // where(criteria): an object the rule cannot see; where('id', id): a value
        if (step.call.arguments.indexOf(a) === 0 && step.call.arguments.length === 1 && !isPlainId(e)) return 'unknown';
        continue;
      }
    }
  }
  return 'unguarded';
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function judgeSql(sql: string, facts?: FileFacts, call?: ts.CallExpression): { field: string; value: string } | undefined {
  // values bound as parameters: pool.query('UPDATE … SET status = $1 WHERE id = $2', ['shipped', id])
  const values = call && call.arguments[1] ? skipOuterExpressions(call.arguments[1]) : undefined;
  const resolve =
    facts && values && ts.isArrayLiteralExpression(values)
      ? (param: string, ordinal: number): string | undefined => {
          const index = param === '?' ? ordinal - 1 : /^\$\d+$/.test(param) ? Number(param.slice(1)) - 1 : -1;
          const el = index >= 0 ? values.elements[index] : undefined;
          const text = el && !ts.isSpreadElement(el) ? literalText(facts, el, 0) : undefined;
          return text?.replace(/^'(.*)'$/, '$1');
        }
      : undefined;
  for (const stmt of sqlStatements(sql)) {
    const set = updateSetsLiteral(stmt, (name) => STATUS_FIELD.test(name) || /^(status|state)$/i.test(name), resolve);
    if (!set || !set.hasWhere || !set.whereWords) continue;
    const column = set.column.toLowerCase();
    if (set.whereWords.has(column) || [...set.whereWords].some((w) => VERSION_FIELD.test(w))) continue;
    return { field: set.column, value: `'${set.value}'` };
  }
  return undefined;
}

// ---- reads under lock -----------------------------------------------------------------------------

/**
 * The update follows, in the same function, a read that takes a row lock (`FOR UPDATE`, a `lock:`
 * option, `.forUpdate()`), a lock of the application's own (`redlock`, a mutex), or sits in a
 * SERIALIZABLE transaction after a read.
 */
function guardedByLock(facts: FileFacts, update: ts.Node, sf: ts.SourceFile): boolean {
  const fn = owningFunction(update);
  const scope: ts.Node = fn ?? sf;
  const start = update.getStart(sf);
  const serializable = inSerializableTransaction(update, sf) && !!enclosingTransactionCall(update);
  // inside a callback handed to a lock: redlock.using(keys, ttl, async () => …), mutex.runExclusive(…)
  let child: ts.Node = update;
  for (let p: ts.Node | undefined = update.parent; p; child = p, p = p.parent) {
    if (ts.isCallExpression(p) && p.arguments.includes(child as ts.Expression)) {
      const words = calleeWords(skipOuterExpressions(p.expression).getText(sf));
      if (words.some((w) => LOCK_WORDS.has(w))) return true;
    }
  }
  let guarded = false;
  walk(scope, (n) => {
    if (n.getStart(sf) >= start) return false;
    if (ts.isTaggedTemplateExpression(n)) {
      const sql = rawSqlOfTaggedTemplate(n);
      if (sql && sqlStatements(sql).some(hasRowLock)) {
        guarded = true;
        return 'stop';
      }
    }
    if (!ts.isCallExpression(n)) return true;
    const name = calleeName(n);
    if (dbCallKind(facts, n) || rawSqlOfCall(facts, n) !== undefined) {
      if (readTakesLock(facts, n)) {
        guarded = true;
        return 'stop';
      }
      if (serializable && name && /^(find|get|select|query|first)/.test(name)) {
        guarded = true;
        return 'stop';
      }
      return true;
    }
    const calleeText = skipOuterExpressions(n.expression).getText(sf);
    if (name && !UNLOCK_CALL.test(name) && calleeWords(calleeText).some((w) => LOCK_WORDS.has(w))) {
      guarded = true;
      return 'stop';
    }
    return true;
  });
  return guarded;
}

/** `this.redlock.acquireLock` → this, redlock, acquire, lock. */
function calleeWords(text: string): string[] {
  return text
    .split(/[^A-Za-z0-9]+/)
    .flatMap((part) => part.replace(/([a-z0-9])([A-Z])/g, '$1 $2').split(' '))
    .map((w) => w.toLowerCase())
    .filter(Boolean);
}
