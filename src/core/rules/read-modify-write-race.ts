// read-modify-write-race: an entity read from the database, a field changed from its old value,
// and the result written back, with nothing stopping a concurrent writer in between:
//   A. `const acct = await repo.findOne(…); acct.balance -= n; await repo.save(acct)` (also
//      `acct.save()`, `manager.save(acct)`, Mongoose documents, Sequelize instances);
//   B. `const item = await prisma.item.findUnique(…); await prisma.item.update({ data: { stock:
//      item.stock - qty } })` (also TypeORM / Sequelize / Mongoose / MongoDB / knex / drizzle
//      updates, and a `const` computed from the old value in between).
// Not flagged inside a transaction, after a read that takes a lock, or when the write's filter
// checks a version (or the old value itself). Atomic increments never match. See
// docs/rules/read-modify-write-race.md.
import { ts } from 'ts-morph';
import { calleeName, isFunctionNode, skipOuterExpressions, walk } from '../engine/ast';
import type { FileFacts } from '../engine/fileFacts';
import type { CallKind } from '../engine/recognizers';
import { defineRule } from '../engine/rule';
import {
  chainLinks,
  dbCallKind,
  describeCall,
  hasHiddenKeys,
  inTransaction,
  constInitializer,
  isConstDeclaration,
  isMigrationFile,
  isTestOrSeedFile,
  lookupProperty,
  objectLiteralOf,
  outermostCall,
  owningFunction,
  propertyName,
  rawSqlOfCall,
  readTakesLock,
  includesAny,
} from './shared/dataAccess';
import { selectedTable, sqlStatements, statementVerb, writtenTable } from './shared/sqlStatements';

/** Cheap gate: a file without any of these cannot hold a finding. */
const QUICK = ['save', 'update', 'Update', 'UPDATE', '.set('];
/** Raw-SQL methods whose UPDATE statement is judged with its parameter list. */
const RAW_WRITE_NAMES = new Set(['query', 'execute']);
const WRITE_NAMES = new Set(['save', 'update', 'updateMany', 'updateOne', 'findOneAndUpdate', 'findByIdAndUpdate', 'upsert', 'set', 'replaceOne']);
/** Reads that return one entity. */
const READ_ONE = new Set(['findUnique', 'findUniqueOrThrow', 'findFirst', 'findFirstOrThrow', 'findOne', 'findOneBy', 'findOneOrFail', 'findOneByOrFail', 'findByPk', 'findById', 'first', 'getOne', 'getOneOrFail']);
/** Keys of an optimistic-concurrency check. */
const VERSION_FIELD = /^(version|_version|__v|lockVersion|lock_version|revision|rev|etag|updatedAt|updated_at)$/i;
const COMPOUND = new Set([
  ts.SyntaxKind.PlusEqualsToken,
  ts.SyntaxKind.MinusEqualsToken,
  ts.SyntaxKind.AsteriskEqualsToken,
  ts.SyntaxKind.SlashEqualsToken,
  ts.SyntaxKind.PercentEqualsToken,
  ts.SyntaxKind.AsteriskAsteriskEqualsToken,
]);

interface Read {
  /** The declaration the read's name resolves to (a variable, or a destructured binding). */
  decl: ts.VariableDeclaration | ts.BindingElement;
  name: string;
  call: ts.CallExpression;
  /** Bound by destructuring (`const { stock } = await …`): the name is the field itself. */
  destructured?: boolean;
}

interface WriteShape {
  /** Objects whose properties are the values written. */
  values: ts.ObjectLiteralExpression[];
  /** (column, value) written by knex `update('col', value)`. */
  pairs: { key: string; value: ts.Expression }[];
  /** Filters of the write (where, criteria, Mongo filter), judged for version checks. */
  filters: ts.Expression[];
  /** Variables handed over whole (`repo.save(acct)`, `acct.save()`). */
  entities: ts.Identifier[];
}

export const readModifyWriteRace = defineRule({
  id: 'read-modify-write-race',
  category: 'concurrency',
  defaultSeverity: 'HIGH',
  title: 'Read-modify-write without a transaction, lock or version check',
  requiresTypeInfo: false,
  options: {},
  docs: {
    summary:
      'Flags an entity read from the database, changed from its old value in memory (`acct.balance -= n`) or used to compute a new value (`data: { stock: item.stock - qty }`), and written back with no transaction, row lock or version check in between.',
    why:
      'Two requests that run the same code at the same time both read the old value, both compute their new value from it, and the second write silently overwrites the first. Stock goes negative or is sold twice, balances drift, counters lose increments; nothing fails, so the damage shows up only in reconciliation.',
    fix:
      'Let the database do the arithmetic atomically (`data: { stock: { decrement: qty } }`, `$inc`, `repo.decrement(…)`, `UPDATE … SET stock = stock - $1 WHERE stock >= $1`), or read the row under a lock in a transaction (`SELECT … FOR UPDATE`, `lock: { mode: \'pessimistic_write\' }`), or check a version column in the write and retry on conflict.',
    invalid: [
      {
        code: [
          "import { Repository } from 'typeorm';",
          "import { Account } from './account.entity';",
          '',
          'export class Wallet {',
          '  constructor(private readonly repo: Repository<Account>) {}',
          '  async spend(id: string, amount: number) {',
          '    const account = await this.repo.findOneByOrFail({ id });',
          '    account.balance -= amount;',
          '    return this.repo.save(account);',
          '  }',
          '}',
          '',
        ].join('\n'),
      },
      {
        code: [
          "import { PrismaClient } from '@prisma/client';",
          'const prisma = new PrismaClient();',
          '',
          'export async function reserve(id: string, qty: number) {',
          '  const product = await prisma.product.findUniqueOrThrow({ where: { id } });',
          '  await prisma.product.update({ where: { id }, data: { stock: product.stock - qty } });',
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
          'export async function reserve(id: string, qty: number) {',
          '  await prisma.product.update({ where: { id }, data: { stock: { decrement: qty } } });',
          '}',
          '',
        ].join('\n'),
      },
      {
        code: [
          "import { DataSource } from 'typeorm';",
          "import { Account } from './account.entity';",
          "const dataSource = new DataSource({ type: 'postgres' });",
          '',
          'export function refund(id: string, amount: number) {',
          '  return dataSource.transaction(async (manager) => {',
          "    const account = await manager.findOneOrFail(Account, { where: { id }, lock: { mode: 'pessimistic_write' } });",
          '    account.balance += amount;',
          '    await manager.save(account);',
          '  });',
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

    return {
      CallExpression: (node: ts.Node) => {
        const call = node as ts.CallExpression;
        const name = calleeName(call);
        if (!name || (!WRITE_NAMES.has(name) && !RAW_WRITE_NAMES.has(name))) return;
        if (name === 'set' && !isBuilderSet(call)) return;
        if (!open()) return;
        const found = WRITE_NAMES.has(name) ? judgeWrite(facts, call, name, sf) : RAW_WRITE_NAMES.has(name) ? judgeRawWrite(facts, call, sf) : undefined;
        if (!found || reported.has(found.node)) return;
        reported.add(found.node);
        const related: { node: ts.Node; message: string }[] = [{ node: found.read.call, message: `\`${found.read.name}\` is read here` }];
        const written = found.read.destructured ? found.read.name : `${found.read.name}.${found.field}`;
        if (found.change) related.push({ node: found.change, message: `\`${found.field}\` is changed in memory here` });
        context.report(
          found.node,
          `\`${describeCall(call, sf)}\` writes back \`${written}\` computed from the value read earlier, with no transaction, row lock or version check in between. ` +
            'When two requests run this at the same time, both read the same old value and the second write silently overwrites the first: stock is oversold, balances drift, counts lose updates. ' +
            'Use an atomic update (`{ decrement: n }`, `$inc`, `increment()`, `SET x = x - $1`), or read the row with a lock inside a transaction, or add a version check to the write and retry on conflict.',
          { related },
        );
      },
    };
  },
});

/** `….update(…).set(…)` (drizzle, TypeORM query builder), not a Map / Set / store `set`. */
function isBuilderSet(call: ts.CallExpression): boolean {
  const callee = skipOuterExpressions(call.expression);
  if (!ts.isPropertyAccessExpression(callee)) return false;
  const receiver = skipOuterExpressions(callee.expression);
  return ts.isCallExpression(receiver) && calleeName(receiver) === 'update';
}

interface Found {
  node: ts.Node;
  read: Read;
  field: string;
  change?: ts.Node;
}

function judgeWrite(facts: FileFacts, call: ts.CallExpression, name: string, sf: ts.SourceFile): Found | undefined {
  const shape = writeShape(facts, call, name);
  if (!shape) return undefined;
  const fn = owningFunction(call);
  if (!fn) return undefined;
  const writeStart = call.getStart(sf);

  let found: Found | undefined;
  // B: a value computed from the old one
  const derived = (key: string, value: ts.Expression) => {
    if (found) return;
    const read = derivedFromRead(facts, value, key, fn, writeStart, sf);
    if (read) {
      found = { node: call, read, field: key };
      return;
    }
    // `row.value += 1` … `data: { value: row.value }`: the copy carries the in-memory change
    const v = skipOuterExpressions(value);
    if (ts.isPropertyAccessExpression(v) && ts.isIdentifier(skipOuterExpressions(v.expression))) {
      const r = readOf(facts, skipOuterExpressions(v.expression) as ts.Identifier, fn, writeStart, sf);
      const change = r && inMemoryChange(facts, r, fn, writeStart, sf);
      if (r && change && change.field === v.name.text) found = { node: call, read: r, field: change.field, change: change.node };
    }
  };
  for (const obj of shape.values) {
    if (hasHiddenKeys(obj) && !obj.properties.some((p) => ts.isSpreadAssignment(p) && ts.isIdentifier(skipOuterExpressions(p.expression)))) continue;
    for (const p of obj.properties) {
      const key = propertyName(p);
      if (key === undefined) continue;
      if (ts.isPropertyAssignment(p)) derived(key, p.initializer);
      else if (ts.isShorthandPropertyAssignment(p)) derived(key, p.name);
    }
    // `save({ ...acct, … })` after `acct.balance -= n`: the changed entity is spread in
    for (const p of obj.properties) {
      if (ts.isSpreadAssignment(p) && ts.isIdentifier(skipOuterExpressions(p.expression))) shape.entities.push(skipOuterExpressions(p.expression) as ts.Identifier);
    }
  }
  for (const pair of shape.pairs) derived(pair.key, pair.value);

  // A: the entity itself, changed in memory
  if (!found) {
    for (const id of shape.entities) {
      const read = readOf(facts, id, fn, writeStart, sf);
      if (!read) continue;
      const change = inMemoryChange(facts, read, fn, writeStart, sf);
      if (change) {
        found = { node: call, read, field: change.field, change: change.node };
        break;
      }
    }
  }
  if (!found) return undefined;
  // a value computed from one entity and written to another (`order.total = cart.total * 1.2`) is not written back
  if (!found.change && !sameTarget(call, found.read)) return undefined;

  // the guards
  const kind = dbCallKind(facts, call);
  if (inTransaction(facts, call, kind) || inTransaction(facts, found.read.call, dbCallKind(facts, found.read.call))) return undefined;
  if (readTakesLock(facts, found.read.call)) return undefined;
  if (shape.filters.some((f) => filterChecks(facts, f, found!.field))) return undefined;
  if (underExplicitLock(found.read.call, fn)) return undefined;
  // Mongoose `new Schema({…}, { optimisticConcurrency: true })`: `save()` checks the document's version
  if (found.change && name === 'save' && sf.text.includes('optimisticConcurrency') && modelHasOptimisticConcurrency(facts, found.read.call)) return undefined;
  return found;
}

/** Names of locks held around a read: `await redlock.acquire([key], ttl)`, `mutex.runExclusive(async () => …)`. */
const LOCK_RECEIVER = /(lock|mutex|semaphore|locker)$/i;
const LOCK_CALL = /^(acquire|acquireLock|lock|using|runExclusive|withLock)$/;

/**
 * The read happens while an explicit lock is held: a lock acquired earlier in the same function
 * (`const lock = await redlock.acquire(…)`, `await this.mutex.lock()`), or the read sits in a
 * callback given to one (`redlock.using([key], ttl, async () => …)`, `mutex.runExclusive(…)`).
 */
function underExplicitLock(read: ts.CallExpression, fn: ts.Node): boolean {
  const isLockCall = (c: ts.CallExpression): boolean => {
    const callee = skipOuterExpressions(c.expression);
    if (ts.isIdentifier(callee)) return callee.text === 'acquireLock' || callee.text === 'withLock';
    if (!ts.isPropertyAccessExpression(callee) || !LOCK_CALL.test(callee.name.text)) return false;
    const receiver = skipOuterExpressions(callee.expression);
    const name = ts.isIdentifier(receiver) ? receiver.text : ts.isPropertyAccessExpression(receiver) ? receiver.name.text : '';
    return LOCK_RECEIVER.test(name);
  };
  // inside a callback handed to a lock call
  for (let n: ts.Node | undefined = read.parent; n && n !== fn.parent; n = n.parent) {
    if (isFunctionNode(n) && n.parent && ts.isCallExpression(n.parent) && n.parent.arguments.includes(n as ts.Expression) && isLockCall(n.parent)) return true;
  }
  // acquired earlier in the same function
  return walk(fn, (n) => {
    if (n.pos >= read.pos) return false;
    if (isFunctionNode(n) && n !== fn) return false;
    return ts.isCallExpression(n) && isLockCall(n) ? 'stop' : true;
  });
}

/** The read's model was made from a schema with `{ optimisticConcurrency: true }` (`model('M', schema)`, `mongoose.model(…)`). */
function modelHasOptimisticConcurrency(facts: FileFacts, read: ts.CallExpression): boolean {
  const callee = skipOuterExpressions(read.expression);
  if (!ts.isPropertyAccessExpression(callee)) return false;
  const model = skipOuterExpressions(callee.expression);
  const found = ts.isIdentifier(model) ? constInitializer(facts, model) : undefined;
  const init = found && skipOuterExpressions(found);
  if (!init || !ts.isCallExpression(init) || calleeName(init) !== 'model' || init.arguments.length < 2) return false;
  let schema = skipOuterExpressions(init.arguments[1]);
  if (ts.isIdentifier(schema)) schema = skipOuterExpressions(constInitializer(facts, schema) ?? schema);
  if (!ts.isNewExpression(schema) || !schema.arguments || schema.arguments.length < 2) return false;
  const options = skipOuterExpressions(schema.arguments[1]);
  if (!ts.isObjectLiteralExpression(options)) return false;
  const flag = lookupProperty(options, 'optimisticConcurrency');
  return flag.kind === 'value' && skipOuterExpressions(flag.value).kind === ts.SyntaxKind.TrueKeyword;
}

/**
 * Raw SQL: `const { rows } = await pool.query('SELECT balance …')`, then `pool.query('UPDATE … SET
 * balance = $1 …', [rows[0].balance - n, id])` — a parameter of the UPDATE computed from the result
 * of an earlier SELECT of the same function.
 */
function judgeRawWrite(facts: FileFacts, call: ts.CallExpression, sf: ts.SourceFile): Found | undefined {
  if (call.arguments.length < 2) return undefined;
  const params = skipOuterExpressions(call.arguments[1]);
  if (!ts.isArrayLiteralExpression(params)) return undefined;
  const sql = rawSqlOfCall(facts, call);
  if (!sql || !sqlStatements(sql).some((st) => statementVerb(st)?.verb === 'UPDATE')) return undefined;
  const fn = owningFunction(call);
  if (!fn) return undefined;
  const writeStart = call.getStart(sf);
  let found: Found | undefined;
  for (const el of params.elements) {
    const read = rawDerived(facts, el, fn, writeStart, sf, 0);
    if (read) {
      found = { node: call, read, field: read.name };
      break;
    }
  }
  if (!found) return undefined;
  // `SELECT price FROM products` … `UPDATE orders SET total = $1`: another table, nothing written back
  const readSql = rawSqlOfCall(facts, found.read.call);
  const readTable = readSql === undefined ? undefined : sqlStatements(readSql).map(selectedTable).find((t) => t !== undefined);
  const writeTable = sqlStatements(sql).map(writtenTable).find((t) => t !== undefined);
  if (readTable && writeTable && readTable !== writeTable) return undefined;
  // `UPDATE … SET balance = $1, version = version + 1 WHERE id = $2 AND version = $3`: a compare-and-set
  if (rawUpdateChecksVersion(sql)) return undefined;
  if (inTransaction(facts, call, dbCallKind(facts, call)) || inTransaction(facts, found.read.call, dbCallKind(facts, found.read.call))) return undefined;
  if (readTakesLock(facts, found.read.call)) return undefined;
  return found;
}

/**
 * What a query reads or writes, as far as the call shows it: the table of knex `db('t')` / drizzle
 * `.from(t)` / `.update(t)`, else the model or repository the method is called on (`prisma.cart`,
 * `this.accounts`, `Seat`). Undefined when the call does not show it.
 */
function targetOf(outer: ts.CallExpression): string | undefined {
  const { links, base } = chainLinks(outer);
  for (const l of links) {
    if (l.name === '' || l.name === 'from' || l.name === 'table' || l.name === 'into' || (l.name === 'update' && links.length > 1 && l === links[0])) {
      const a = l.call.arguments[0] && skipOuterExpressions(l.call.arguments[0]);
      if (a && ts.isStringLiteralLike(a)) return a.text.toLowerCase();
      if (a && ts.isIdentifier(a)) return a.text.toLowerCase();
      if (a && ts.isPropertyAccessExpression(a)) return a.name.text.toLowerCase();
    }
  }
  if (links.length === 0 || links[0].name === '') return undefined;
  const receiver = skipOuterExpressions(base);
  if (ts.isPropertyAccessExpression(receiver)) return receiver.name.text.toLowerCase();
  if (ts.isIdentifier(receiver)) return receiver.text.toLowerCase();
  return undefined;
}

function sameTarget(write: ts.CallExpression, read: Read): boolean {
  // `acct.update({ … })` on the entity that was read
  const callee = skipOuterExpressions(write.expression);
  const receiver = ts.isPropertyAccessExpression(callee) ? skipOuterExpressions(callee.expression) : undefined;
  if (receiver && ts.isIdentifier(receiver) && receiver.text === read.name) return true;
  const w = targetOf(outermostCall(write));
  const r = targetOf(outermostCall(read.call));
  return w === undefined || r === undefined || w === r;
}

/** A parameter value computed (not copied) from the rows of an earlier raw SELECT. */
function rawDerived(facts: FileFacts, value0: ts.Expression, fn: ts.Node, before: number, sf: ts.SourceFile, depth: number): Read | undefined {
  if (depth > 2) return undefined;
  const value = skipOuterExpressions(value0);
  if (ts.isIdentifier(value)) {
    const decl = facts.resolver.declarationOf(value);
    if (decl && ts.isVariableDeclaration(decl) && decl.initializer && isConstDeclaration(decl) && owningFunction(decl) === fn && decl.getStart(sf) < before) {
      return rawDerived(facts, decl.initializer, fn, before, sf, depth + 1);
    }
    return undefined;
  }
  // a plain copy of a column (`rows[0].balance`) writes the old value back unchanged
  if (ts.isPropertyAccessExpression(value) || ts.isElementAccessExpression(value) || isFunctionNode(value)) return undefined;
  let read: Read | undefined;
  walk(value, (n) => {
    if (isFunctionNode(n)) return false;
    if (ts.isIdentifier(n) && !(ts.isPropertyAccessExpression(n.parent) && n.parent.name === n)) {
      const r = rawSelectRead(facts, n, fn, before, sf);
      if (r) {
        read = r;
        return 'stop';
      }
    }
    return true;
  });
  return read;
}

/** The WHERE of an UPDATE checks a version column, or the old value of a column it sets. */
function rawUpdateChecksVersion(statement: string): boolean {
  const m = /\bset\b([\s\S]*?)\bwhere\b([\s\S]*)$/i.exec(statement);
  if (!m) return false;
  const where = m[2];
  if (/(^|[^\w$])("?)(version|lock_version|lockversion|__v|updated_at|updatedat|row_version|etag)\2([^\w$]|$)/i.test(where)) return true;
  const setColumns = [...m[1].matchAll(/(?:^|,)\s*"?([A-Za-z_][\w$]*)"?\s*=/g)].map((x) => x[1].toLowerCase());
  return setColumns.some((c) => new RegExp(`(^|[^\\w$])"?${c}"?\\s*(=|<|>|<=|>=|is\\b)`, 'i').test(where));
}

/** `id` is bound to the result of `await x.query('SELECT …')` (`const { rows } = …`, `const [rows] = …`, `const res = …`). */
function rawSelectRead(facts: FileFacts, id: ts.Identifier, fn: ts.Node, before: number, sf: ts.SourceFile, depth = 0): Read | undefined {
  const decl = facts.resolver.declarationOf(id);
  if (!decl) return undefined;
  let varDecl: ts.Node | undefined = decl;
  while (varDecl && (ts.isBindingElement(varDecl) || ts.isObjectBindingPattern(varDecl) || ts.isArrayBindingPattern(varDecl))) varDecl = varDecl.parent;
  if (!varDecl || !ts.isVariableDeclaration(varDecl) || !varDecl.initializer) return undefined;
  if (varDecl.getStart(sf) >= before || owningFunction(varDecl) !== fn) return undefined;
  let init = skipOuterExpressions(varDecl.initializer);
  // `const account = rows[0]`, `const row = res.rows[0]`: a row of an earlier result
  if (depth < 2 && (ts.isElementAccessExpression(init) || ts.isPropertyAccessExpression(init))) {
    let base: ts.Expression = init;
    while (ts.isElementAccessExpression(base) || ts.isPropertyAccessExpression(base)) base = skipOuterExpressions(base.expression);
    return ts.isIdentifier(base) ? rawSelectRead(facts, base, fn, before, sf, depth + 1) : undefined;
  }
  if (ts.isAwaitExpression(init)) init = skipOuterExpressions(init.expression);
  if (!ts.isCallExpression(init) || !RAW_WRITE_NAMES.has(calleeName(init) ?? '')) return undefined;
  const sql = rawSqlOfCall(facts, init);
  if (!sql || !sqlStatements(sql).some((st) => statementVerb(st)?.verb === 'SELECT')) return undefined;
  return { decl: decl as ts.VariableDeclaration | ts.BindingElement, name: id.text, call: init, destructured: true };
}

// ---- what a write writes ------------------------------------------------------------------------

function writeShape(facts: FileFacts, call: ts.CallExpression, name: string): WriteShape | undefined {
  const shape: WriteShape = { values: [], pairs: [], filters: [], entities: [] };
  const args = call.arguments;
  const obj = (e: ts.Expression | undefined) => objectLiteralOf(facts, e);
  const addValues = (e: ts.Expression | undefined) => {
    const o = obj(e);
    if (o) shape.values.push(o);
  };
  const callee = skipOuterExpressions(call.expression);
  const receiver = ts.isPropertyAccessExpression(callee) ? skipOuterExpressions(callee.expression) : undefined;

  // `acct.save()` / `acct.update({ … })` on an entity that was read: no recogniser needed
  if (receiver && ts.isIdentifier(receiver) && (name === 'save' || name === 'update') && isReadVariable(facts, receiver)) {
    if (name === 'save' && args.length <= 1) {
      shape.entities.push(receiver);
      return shape;
    }
    if (name === 'update' && args.length >= 1 && args.length <= 2 && !lookupWhere(facts, args[1])) {
      addValues(args[0]);
      return shape;
    }
    return undefined;
  }

  const kind = name === 'set' ? dbCallKind(facts, call) ?? dbCallKind(facts, outermostCall(call)) : dbCallKind(facts, call);
  if (!kind) return undefined;
  switch (kind.library) {
    case 'prisma': {
      const a = obj(args[0]);
      if (!a) return undefined;
      if (name === 'update' || name === 'updateMany') {
        const data = lookupProperty(a, 'data');
        if (data.kind === 'value') addValues(data.value);
      } else if (name === 'upsert') {
        const update = lookupProperty(a, 'update');
        if (update.kind === 'value') addValues(update.value);
      } else return undefined;
      const where = lookupProperty(a, 'where');
      if (where.kind === 'value') shape.filters.push(where.value);
      return shape;
    }
    case 'typeorm': {
      const manager = isManager(kind);
      if (name === 'save') {
        // manager.save(entity) or manager.save(Entity, entity)
        const first = args[0] && skipOuterExpressions(args[0]);
        const target = manager && args.length >= 2 && first && (ts.isStringLiteralLike(first) || (ts.isIdentifier(first) && /^[A-Z]/.test(first.text)));
        for (const a of target ? args.slice(1) : args) collectEntities(facts, a, shape);
        return shape;
      }
      if (name === 'update') {
        const criteria = args[manager ? 1 : 0];
        if (criteria) shape.filters.push(criteria);
        addValues(args[manager ? 2 : 1]);
        return shape;
      }
      if (name === 'set') {
        addValues(args[0]);
        chainFilters(call, shape);
        return shape;
      }
      return undefined;
    }
    case 'sequelize':
    case 'model':
      if (name === 'update' && args.length >= 2) {
        addValues(args[0]);
        const where = lookupWhere(facts, args[1]);
        if (where) shape.filters.push(where);
        return shape;
      }
      if (kind.library === 'model') return mongoShape(facts, call, name, shape);
      if (name === 'save') return shape;
      return undefined;
    case 'mongoose':
    case 'mongodb':
      return mongoShape(facts, call, name, shape);
    case 'knex': {
      if (name !== 'update') return undefined;
      const first = args[0] && skipOuterExpressions(args[0]);
      if (first && ts.isStringLiteralLike(first) && args[1]) shape.pairs.push({ key: first.text, value: args[1] });
      else addValues(args[0]);
      chainFilters(call, shape);
      return shape;
    }
    case 'drizzle':
      if (name !== 'set') return undefined;
      addValues(args[0]);
      chainFilters(call, shape);
      return shape;
    default:
      return undefined;
  }
}

function mongoShape(facts: FileFacts, call: ts.CallExpression, name: string, shape: WriteShape): WriteShape | undefined {
  const args = call.arguments;
  if (name === 'save') {
    for (const a of args) collectEntities(facts, a, shape);
    return shape;
  }
  if (!['updateOne', 'updateMany', 'findOneAndUpdate', 'findByIdAndUpdate', 'replaceOne'].includes(name) || args.length < 2) return undefined;
  const update = objectLiteralOf(facts, args[1]);
  if (!update) return undefined;
  const set = lookupProperty(update, '$set');
  const values = set.kind === 'value' ? objectLiteralOf(facts, set.value) : update;
  if (values) shape.values.push(values);
  if (name !== 'findByIdAndUpdate') shape.filters.push(args[0]);
  return shape;
}

function collectEntities(facts: FileFacts, a: ts.Expression, shape: WriteShape): void {
  const e = skipOuterExpressions(a);
  if (ts.isIdentifier(e)) shape.entities.push(e);
  else if (ts.isArrayLiteralExpression(e)) for (const el of e.elements) collectEntities(facts, el, shape);
  else if (ts.isObjectLiteralExpression(e)) shape.values.push(e);
}

function lookupWhere(facts: FileFacts, options: ts.Expression | undefined): ts.Expression | undefined {
  const o = objectLiteralOf(facts, options);
  if (!o) return undefined;
  const w = lookupProperty(o, 'where');
  return w.kind === 'value' ? w.value : undefined;
}

function chainFilters(call: ts.CallExpression, shape: WriteShape): void {
  const { links } = chainLinks(outermostCall(call));
  for (const l of links) if (/^(where|andWhere|orWhere|whereIn|whereRaw)$/.test(l.name)) shape.filters.push(...l.call.arguments);
}

function isManager(kind: CallKind): boolean {
  const path = kind.origin.path;
  if (path.some((s) => s === 'getRepository' || s === 'Repository' || s === 'TreeRepository' || s === 'MongoRepository')) return false;
  return path.some((s) => s === 'EntityManager' || s === 'manager' || s === 'getManager' || s.endsWith(':tx'));
}

// ---- reads ------------------------------------------------------------------------------------

/** `id` is a variable holding the result of a one-entity read (`const acct = await repo.findOne(…)`). */
function isReadVariable(facts: FileFacts, id: ts.Identifier): boolean {
  const decl = facts.resolver.declarationOf(id);
  if (!decl || !ts.isVariableDeclaration(decl)) return false;
  if (!decl.initializer) return listReadOfLoopElement(facts, decl) !== undefined;
  return readCallOf(decl.initializer) !== undefined;
}

/** Steps that may follow a one-entity read without changing what it returns. */
const AFTER_READ = new Set(['lean', 'exec', 'populate', 'select', 'session', 'orFail', 'setOptions', 'forUpdate', 'forShare', 'forNoKeyUpdate', 'setLock']);

/** The one-entity read call of an initializer: `await repo.findOne(…)`, `await Model.findById(id).lean()`, `await db('t').where(…).first()`. */
function readCallOf(init0: ts.Expression): ts.CallExpression | undefined {
  let init = skipOuterExpressions(init0);
  if (ts.isAwaitExpression(init)) init = skipOuterExpressions(init.expression);
  if (!ts.isCallExpression(init)) return undefined;
  const { links } = chainLinks(init);
  for (let i = links.length - 1; i >= 0; i--) {
    const l = links[i];
    if (READ_ONE.has(l.name)) return l.call;
    if (!AFTER_READ.has(l.name)) return undefined;
  }
  return undefined;
}

/** `id` names a local `const/let x = await <read one>` declared in `fn` before `before`. */
function readOf(facts: FileFacts, id: ts.Identifier, fn: ts.Node, before: number, sf: ts.SourceFile): Read | undefined {
  const decl = facts.resolver.declarationOf(id);
  if (decl && ts.isVariableDeclaration(decl) && ts.isArrayBindingPattern(decl.name)) {
    const el = decl.name.elements.find((e): e is ts.BindingElement => ts.isBindingElement(e) && ts.isIdentifier(e.name) && e.name.text === id.text);
    return el ? firstRowRead(facts, el, id, fn, before, sf) : undefined;
  }
  if (decl && ts.isVariableDeclaration(decl) && ts.isIdentifier(decl.name) && !decl.initializer) return loopElementRead(facts, decl, fn, before, sf);
  if (!decl || !ts.isVariableDeclaration(decl) || !ts.isIdentifier(decl.name) || !decl.initializer) return undefined;
  if (decl.getStart(sf) >= before || owningFunction(decl) !== fn) return undefined;
  const read = readCallOf(decl.initializer);
  if (!read) return undefined;
  const kind = dbCallKind(facts, read) ?? facts.chainKind(read, ['db']);
  if (!kind) return undefined;
  return { decl, name: decl.name.text, call: outermostCall(read) };
}

/** List reads whose rows are entities that can be saved back. */
const READ_MANY = new Set(['findAll', 'find', 'findMany', 'findBy']);

/** `for (const acct of accounts)` where `const accounts = await Account.findAll(…)`: the list read, if any. */
function listReadOfLoopElement(facts: FileFacts, decl: ts.VariableDeclaration): { read: ts.CallExpression; listDecl: ts.VariableDeclaration } | undefined {
  const list = decl.parent;
  const loop = list?.parent;
  if (!loop || !ts.isForOfStatement(loop) || loop.initializer !== list || !ts.isIdentifier(decl.name)) return undefined;
  const collection = skipOuterExpressions(loop.expression);
  if (!ts.isIdentifier(collection)) return undefined;
  const listDecl = facts.resolver.declarationOf(collection);
  if (!listDecl || !ts.isVariableDeclaration(listDecl) || !listDecl.initializer) return undefined;
  let init = skipOuterExpressions(listDecl.initializer);
  if (ts.isAwaitExpression(init)) init = skipOuterExpressions(init.expression);
  if (!ts.isCallExpression(init)) return undefined;
  const { links } = chainLinks(init);
  const last = links[links.length - 1];
  if (!last || !READ_MANY.has(last.name)) return undefined;
  if (!(dbCallKind(facts, init) ?? facts.chainKind(init, ['db']))) return undefined;
  return { read: init, listDecl };
}

/** Each row of a list read walked by a `for…of` of this function is a read of its own. */
function loopElementRead(facts: FileFacts, decl: ts.VariableDeclaration, fn: ts.Node, before: number, sf: ts.SourceFile): Read | undefined {
  const found = listReadOfLoopElement(facts, decl);
  if (!found || !ts.isIdentifier(decl.name) || found.listDecl.getStart(sf) >= before || owningFunction(found.listDecl) !== fn) return undefined;
  return { decl, name: decl.name.text, call: outermostCall(found.read) };
}

/** `const [row] = await db.select().from(t).where(…)`: the first row of a list read (drizzle, knex). */
function firstRowRead(facts: FileFacts, el: ts.BindingElement, id: ts.Identifier, fn: ts.Node, before: number, sf: ts.SourceFile): Read | undefined {
  const pattern = el.parent;
  if (!ts.isArrayBindingPattern(pattern) || pattern.elements[0] !== el || el.dotDotDotToken) return undefined;
  const varDecl = pattern.parent;
  if (!ts.isVariableDeclaration(varDecl) || !varDecl.initializer) return undefined;
  if (varDecl.getStart(sf) >= before || owningFunction(varDecl) !== fn) return undefined;
  let init = skipOuterExpressions(varDecl.initializer);
  if (ts.isAwaitExpression(init)) init = skipOuterExpressions(init.expression);
  if (!ts.isCallExpression(init)) return undefined;
  const { links } = chainLinks(init);
  if (!links.some((l) => l.name === 'select' || l.name === 'findMany' || l.name === 'from')) return undefined;
  if (links.some((l) => /^(update|insert|delete|del|set|values|returning)$/.test(l.name))) return undefined;
  if (!(dbCallKind(facts, init) ?? facts.chainKind(init, ['db']))) return undefined;
  return { decl: varDecl, name: id.text, call: outermostCall(init) };
}

/** `id` is bound by `const { key } = await <read one>` in `fn` before `before`. */
function destructuredReadOf(facts: FileFacts, id: ts.Identifier, key: string, fn: ts.Node, before: number, sf: ts.SourceFile): Read | undefined {
  const decl = facts.resolver.declarationOf(id);
  if (!decl) return undefined;
  let binding: ts.Node = decl;
  if (ts.isVariableDeclaration(decl) && ts.isObjectBindingPattern(decl.name)) {
    const el = decl.name.elements.find((e) => ts.isIdentifier(e.name) && e.name.text === id.text);
    if (!el) return undefined;
    binding = el;
  }
  if (!ts.isBindingElement(binding)) return undefined;
  const prop = binding.propertyName && ts.isIdentifier(binding.propertyName) ? binding.propertyName.text : ts.isIdentifier(binding.name) ? binding.name.text : undefined;
  if (prop !== key) return undefined;
  const pattern = binding.parent;
  const varDecl = pattern.parent;
  if (!ts.isObjectBindingPattern(pattern) || !ts.isVariableDeclaration(varDecl) || !varDecl.initializer) return undefined;
  if (varDecl.getStart(sf) >= before || owningFunction(varDecl) !== fn) return undefined;
  const readCall = readCallOf(varDecl.initializer);
  if (!readCall || !(dbCallKind(facts, readCall) ?? facts.chainKind(readCall, ['db']))) return undefined;
  return { decl: varDecl, name: id.text, call: outermostCall(readCall), destructured: true };
}

/** `value` is computed from `x.key` (not a plain copy of it), where x is a read of this function. */
function derivedFromRead(facts: FileFacts, value0: ts.Expression, key: string, fn: ts.Node, before: number, sf: ts.SourceFile, depth = 0): Read | undefined {
  if (depth > 2) return undefined;
  const value = skipOuterExpressions(value0);
  // a const computed from the old value just before: `const left = item.stock - qty`
  if (ts.isIdentifier(value)) {
    const decl = facts.resolver.declarationOf(value);
    if (decl && ts.isVariableDeclaration(decl) && decl.initializer && isConstDeclaration(decl) && owningFunction(decl) === fn) {
      const init = skipOuterExpressions(decl.initializer);
      if (ts.isPropertyAccessExpression(init)) return undefined; // a copy
      return derivedFromRead(facts, init, key, fn, before, sf, depth + 1);
    }
    return undefined;
  }
  if (ts.isPropertyAccessExpression(value)) return undefined; // writing the old value back unchanged
  // `{ decrement: … }` written directly is atomic; a const object built from the old value (`const
  // settings = { ...user.settings, [key]: true }`) is a computed value
  if ((ts.isObjectLiteralExpression(value) && depth === 0) || isFunctionNode(value)) return undefined;
  let read: Read | undefined;
  walk(value, (n) => {
    if (isFunctionNode(n)) return false;
    // `const { stock } = await prisma.product.findUnique(…)` … `stock: stock - qty`
    if (ts.isIdentifier(n) && n.text === key && !(ts.isPropertyAccessExpression(n.parent) && n.parent.name === n)) {
      const r = destructuredReadOf(facts, n, key, fn, before, sf);
      if (r) {
        read = r;
        return 'stop';
      }
    }
    if (ts.isPropertyAccessExpression(n) && n.name.text === key && ts.isIdentifier(skipOuterExpressions(n.expression))) {
      const r = readOf(facts, skipOuterExpressions(n.expression) as ts.Identifier, fn, before, sf);
      if (r) {
        read = r;
        return 'stop';
      }
    }
    return true;
  });
  return read;
}

/** A change of `x.field` computed from its old value, between the read and the write. */
function inMemoryChange(facts: FileFacts, read: Read, fn: ts.Node, before: number, sf: ts.SourceFile): { node: ts.Node; field: string } | undefined {
  const after = read.decl.getEnd();
  let result: { node: ts.Node; field: string } | undefined;
  const fieldOf = (target: ts.Expression): string | undefined => {
    const t = skipOuterExpressions(target);
    if (!ts.isPropertyAccessExpression(t)) return undefined;
    // x.balance, x.wallet.balance
    let base: ts.Expression = t;
    const parts: string[] = [];
    while (ts.isPropertyAccessExpression(base)) {
      parts.unshift(base.name.text);
      base = skipOuterExpressions(base.expression);
    }
    if (!ts.isIdentifier(base) || base.text !== read.name || facts.resolver.declarationOf(base) !== read.decl) return undefined;
    return parts.join('.');
  };
  walk(fn, (n) => {
    // only what lies between the read and the write
    if (n.getEnd() <= after || n.getStart(sf) >= before) return false;
    if (ts.isBinaryExpression(n)) {
      const op = n.operatorToken.kind;
      const field = fieldOf(n.left);
      if (field && COMPOUND.has(op)) {
        result = { node: n, field };
        return 'stop';
      }
      if (field && op === ts.SyntaxKind.EqualsToken && mentions(n.right, n.left, sf)) {
        result = { node: n, field };
        return 'stop';
      }
    }
    if ((ts.isPrefixUnaryExpression(n) || ts.isPostfixUnaryExpression(n)) && (n.operator === ts.SyntaxKind.PlusPlusToken || n.operator === ts.SyntaxKind.MinusMinusToken)) {
      const field = fieldOf(n.operand);
      if (field) {
        result = { node: n, field };
        return 'stop';
      }
    }
    return true;
  });
  return result;
}

/** `right` reads the same reference as `left` (`x.notes = x.notes + …`). */
function mentions(right: ts.Expression, left: ts.Expression, sf: ts.SourceFile): boolean {
  const target = skipOuterExpressions(left).getText(sf).replace(/\s+/g, '');
  let hit = false;
  walk(right, (n) => {
    if (ts.isPropertyAccessExpression(n) && n.getText(sf).replace(/\s+/g, '') === target) {
      hit = true;
      return 'stop';
    }
    return true;
  });
  return hit;
}

// ---- guards -------------------------------------------------------------------------------------

/** The write's filter checks a version column, or the old value of the field itself (compare-and-set). */
function filterChecks(facts: FileFacts, filter: ts.Expression, field: string): boolean {
  const last = field.split('.').pop() ?? field;
  const obj = objectLiteralOf(facts, filter);
  if (obj) return objectMentions(facts, obj, last, 0);
  const text = skipOuterExpressions(filter).getText();
  return new RegExp(`(^|[^A-Za-z0-9_$])(${last}|version|lock_version|lockVersion|__v|updated_at|updatedAt)([^A-Za-z0-9_$]|$)`).test(text);
}

function objectMentions(facts: FileFacts, obj: ts.ObjectLiteralExpression, field: string, depth: number): boolean {
  if (depth > 4) return false;
  for (const p of obj.properties) {
    const key = propertyName(p);
    if (key !== undefined && (key === field || VERSION_FIELD.test(key))) return true;
    if (ts.isPropertyAssignment(p)) {
      const v = skipOuterExpressions(p.initializer);
      const inner = ts.isArrayLiteralExpression(v) ? v.elements : [v];
      for (const i of inner) {
        const o = objectLiteralOf(facts, i);
        if (o && objectMentions(facts, o, field, depth + 1)) return true;
      }
    }
  }
  return false;
}
