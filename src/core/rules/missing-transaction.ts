// missing-transaction: two or more writes to different tables (models, collections) in one function
// with no transaction around them, so a failure between them leaves half the change applied.
// Writes are recognised per library (Prisma, TypeORM, Sequelize, Mongoose, MongoDB, knex, drizzle,
// raw SQL INSERT / UPDATE / DELETE); a transaction is a `$transaction` / `transaction(…)` /
// `withTransaction` callback, a `@Transactional()` method, a transaction client, or one managed in
// the function (`startTransaction()`, `BEGIN`, a `transaction:` option). Reported at the second
// write, with the first as related location. See docs/rules/missing-transaction.md.
import { ts } from 'ts-morph';
import { calleeName, skipOuterExpressions } from '../engine/ast';
import type { FileFacts } from '../engine/fileFacts';
import type { CallKind } from '../engine/recognizers';
import { defineRule } from '../engine/rule';
import {
  chainLinks,
  dbCallKind,
  mongoCollectionCall,
  describeCall,
  enclosingTransactionCall,
  functionManagesTransaction,
  hasTransactionDecorator,
  isExecuted,
  isKnexInstance,
  isMigrationFile,
  isTestOrSeedFile,
  outermostCall,
  owningFunction,
  rawSqlOfCall,
  rawSqlOfTaggedTemplate,
  refText,
  runsOnTransactionClient,
  includesAny,
} from './shared/dataAccess';
import { sqlStatements, writtenTable } from './shared/sqlStatements';

const PRISMA_WRITES = new Set(['create', 'createMany', 'createManyAndReturn', 'update', 'updateMany', 'updateManyAndReturn', 'upsert', 'delete', 'deleteMany']);
const TYPEORM_WRITES = new Set(['save', 'insert', 'update', 'upsert', 'delete', 'remove', 'softDelete', 'softRemove', 'restore', 'increment', 'decrement', 'clear']);
const SEQUELIZE_WRITES = new Set(['create', 'bulkCreate', 'update', 'upsert', 'destroy', 'increment', 'decrement', 'truncate', 'restore']);
const MONGO_WRITES = new Set(['create', 'insertOne', 'insertMany', 'updateOne', 'updateMany', 'replaceOne', 'deleteOne', 'deleteMany', 'findOneAndUpdate', 'findByIdAndUpdate', 'findOneAndDelete', 'findByIdAndDelete', 'findOneAndReplace', 'bulkWrite']);
const KNEX_WRITES = new Set(['insert', 'update', 'del', 'delete', 'truncate', 'upsert', 'increment', 'decrement']);
const DRIZZLE_WRITES = new Set(['insert', 'update', 'delete']);
const ALL_WRITES = new Set(['save', ...PRISMA_WRITES, ...TYPEORM_WRITES, ...SEQUELIZE_WRITES, ...MONGO_WRITES, ...KNEX_WRITES, 'execute', 'query', 'raw', 'unsafe', '$executeRaw', '$executeRawUnsafe', '$queryRawUnsafe', 'sql']);
/** Cheap gate: a file without any of these cannot hold a finding. */
const QUICK = ['create', 'insert', 'update', 'Update', 'save', 'delete', 'Delete', 'destroy', 'upsert', 'remove', 'INSERT', 'UPDATE', 'DELETE', 'del(', 'values('];

/** Libraries whose writes can share one transaction. */
type Family = 'prisma' | 'typeorm' | 'sequelize' | 'mongoose' | 'mongodb' | 'knex' | 'drizzle' | 'sql' | 'model';

interface Write {
  node: ts.Node;
  family: Family;
  /** The table, model or collection written, as the code names it. */
  table: string;
  shown: string;
  start: number;
}

const TX_HINT: Record<Family, string> = {
  prisma: '`prisma.$transaction(async (tx) => …)`, using `tx` for both writes',
  typeorm: '`dataSource.transaction(async (manager) => …)`, using `manager` for both writes',
  sequelize: '`sequelize.transaction(async (t) => …)`, passing `{ transaction: t }` to both writes',
  mongoose: '`session.withTransaction(…)`, passing `{ session }` to both writes',
  mongodb: '`session.withTransaction(…)`, passing `{ session }` to both writes',
  knex: '`db.transaction(async (trx) => …)`, using `trx` for both writes',
  drizzle: '`db.transaction(async (tx) => …)`, using `tx` for both writes',
  sql: '`BEGIN` … `COMMIT` on one client (`ROLLBACK` on error)',
  model: 'one transaction, passed to both writes',
};

export const missingTransaction = defineRule({
  id: 'missing-transaction',
  category: 'data-integrity',
  defaultSeverity: 'MEDIUM',
  title: 'Related writes to several tables without a transaction',
  requiresTypeInfo: false,
  options: {},
  docs: {
    summary:
      'Flags functions that write to two or more different tables (models, collections) with no transaction around the writes (Prisma, TypeORM, Sequelize, Mongoose, MongoDB, knex, drizzle, raw SQL). Reported at the second write.',
    why:
      'Writes that belong together fail separately. When the process dies, a deploy restarts it, a constraint rejects the second insert or the database times out between the two writes, the first one stays: an order without its items, a payment without its ledger entry, a cancelled order without its refund. Nothing retries the missing half, and the inconsistency is found later by a customer or an accountant.',
    fix:
      'Run the writes in one transaction (`prisma.$transaction`, `dataSource.transaction`, `sequelize.transaction`, `knex.transaction`, `session.withTransaction`, or `BEGIN`/`COMMIT`), so they commit or roll back together. When the second write goes to another system, make it idempotent and drive it from an outbox row written in the same transaction as the first.',
    invalid: [
      {
        code: [
          "import { PrismaClient } from '@prisma/client';",
          'const prisma = new PrismaClient();',
          '',
          'export async function cancelOrder(id: string, reason: string) {',
          "  await prisma.order.update({ where: { id }, data: { status: 'CANCELLED' } });",
          '  await prisma.refundRequest.create({ data: { orderId: id, reason } });',
          '}',
          '',
        ].join('\n'),
      },
      {
        code: [
          "import knex from 'knex';",
          "const db = knex({ client: 'pg' });",
          '',
          'export async function register(email: string) {',
          "  const [user] = await db('users').insert({ email }).returning('*');",
          "  await db('audit_log').insert({ user_id: user.id, action: 'register' });",
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
          'export function cancelOrder(id: string, reason: string) {',
          '  return prisma.$transaction(async (tx) => {',
          "    await tx.order.update({ where: { id }, data: { status: 'CANCELLED' } });",
          '    await tx.refundRequest.create({ data: { orderId: id, reason } });',
          '  });',
          '}',
          '',
        ].join('\n'),
      },
      {
        code: [
          "import { PrismaClient } from '@prisma/client';",
          'const prisma = new PrismaClient();',
          '',
          'export async function touch(id: string) {',
          '  await prisma.order.update({ where: { id }, data: { touchedAt: new Date() } });',
          "  await prisma.order.update({ where: { id }, data: { status: 'SEEN' } });",
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
    const byFunction = new Map<ts.Node, Write[]>();
    const seen = new Set<ts.Node>();

    const add = (at: ts.Node, w: Omit<Write, 'start'>) => {
      if (seen.has(w.node)) return;
      seen.add(w.node);
      if (enclosingTransactionCall(at) || hasTransactionDecorator(at)) return;
      const owner: ts.Node = owningFunction(at) ?? sf;
      const list = byFunction.get(owner) ?? [];
      list.push({ ...w, start: w.node.getStart(sf) });
      byFunction.set(owner, list);
    };

    // Candidates are only collected while walking; they are resolved at the end, and only in
    // functions with two or more of them (resolving every `create`/`update` of a file costs more).
    const pending = new Map<ts.Node, { node: ts.CallExpression | ts.TaggedTemplateExpression; name: string }[]>();
    const collect = (node: ts.CallExpression | ts.TaggedTemplateExpression, name: string) => {
      const owner: ts.Node = owningFunction(node) ?? sf;
      const list = pending.get(owner);
      if (list) list.push({ node, name });
      else pending.set(owner, [{ node, name }]);
    };

    return {
      CallExpression: (node: ts.Node) => {
        const call = node as ts.CallExpression;
        const name = calleeName(call);
        if (!name || !ALL_WRITES.has(name)) return;
        collect(call, name);
      },
      TaggedTemplateExpression: (node: ts.Node) => {
        collect(node as ts.TaggedTemplateExpression, '');
      },
      onEnd: () => {
        for (const candidates of pending.values()) {
          if (candidates.length < 2 || !open()) continue;
          for (const c of candidates) {
            if (ts.isCallExpression(c.node)) {
              const w = writeOf(facts, c.node, c.name, sf);
              if (w) add(c.node, w);
            } else {
              const tagged = c.node;
              const sql = rawSqlOfTaggedTemplate(tagged);
              const table = sql && sqlTable(sql);
              if (table) add(tagged, { node: tagged, family: 'prisma', table, shown: `${tagged.tag.getText(sf)}\`…\`` });
            }
          }
        }
        for (const [owner, writes] of byFunction) {
          if (writes.length < 2) continue;
          const pair = firstUnrelatedPair(writes);
          if (!pair) continue;
          if (functionManagesTransaction(facts, owner)) continue;
          const [first, second] = pair;
          context.report(
            second.node,
            `\`${second.shown}\` writes to \`${second.table}\` after \`${first.shown}\` wrote to \`${first.table}\` in the same function, with no transaction around them. ` +
              'If the process dies, a constraint fails or the database times out between the two, the first write stays and the second is lost, leaving related records half-changed with nothing to retry them. ' +
              `Run both writes in one transaction: ${TX_HINT[second.family]}.`,
            { related: [{ node: first.node, message: `first write, to \`${first.table}\`` }] },
          );
        }
      },
    };
  },
});

function writeOf(facts: FileFacts, call: ts.CallExpression, name: string, sf: ts.SourceFile): Omit<Write, 'start'> | undefined {
  const sql = rawSqlOfCall(facts, call);
  if (sql !== undefined) {
    const table = sqlTable(sql);
    if (!table) return undefined;
    const kind = facts.callKind(call);
    if (kind && runsOnTransactionClient(facts, call, kind)) return undefined;
    return { node: call, family: sqlFamily(kind), table, shown: describeCall(call, sf) };
  }
  const kind = dbCallKind(facts, call) ?? mongoCollectionCall(call) ?? drizzleRoot(facts, call, name);
  if (!kind) return undefined;
  if (runsOnTransactionClient(facts, call, kind)) return undefined;
  const shown = describeCall(call, sf);
  const table = tableOf(facts, call, name, kind);
  if (!table) return undefined;
  return { node: table.node, family: table.family, table: table.name, shown };
}

/**
 * `db.insert(t)` / `db.update(t)` / `db.delete(t)` on a drizzle client exported by the project: the
 * step itself is not recognised, the statement it starts is (`db.insert(t).values(…)`).
 */
function drizzleRoot(facts: FileFacts, call: ts.CallExpression, name: string): CallKind | undefined {
  if (!DRIZZLE_WRITES.has(name)) return undefined;
  const outer = outermostCall(call);
  if (outer === call) return undefined;
  const k = dbCallKind(facts, outer);
  return k?.library === 'drizzle' ? { ...k, method: name } : undefined;
}

function sqlFamily(kind: CallKind | undefined): Family {
  switch (kind?.library) {
    case 'prisma':
    case 'typeorm':
    case 'sequelize':
    case 'knex':
    case 'drizzle':
      return kind.library;
    default:
      return 'sql';
  }
}

/** The first table a piece of SQL writes to (INSERT INTO / UPDATE / DELETE FROM / MERGE INTO). */
function sqlTable(sql: string): string | undefined {
  for (const stmt of sqlStatements(sql)) {
    const t = writtenTable(stmt);
    if (t) return t;
  }
  return undefined;
}

interface TableRef {
  node: ts.Node;
  family: Family;
  name: string;
}

function tableOf(facts: FileFacts, call: ts.CallExpression, name: string, kind: CallKind): TableRef | undefined {
  const callee = skipOuterExpressions(call.expression);
  const receiver = ts.isPropertyAccessExpression(callee) ? skipOuterExpressions(callee.expression) : undefined;
  switch (kind.library) {
    case 'prisma': {
      if (!PRISMA_WRITES.has(name) || !receiver || !ts.isPropertyAccessExpression(receiver)) return undefined;
      return { node: call, family: 'prisma', name: receiver.name.text };
    }
    case 'typeorm': {
      if (!TYPEORM_WRITES.has(name) || !receiver) return undefined;
      if (isManager(kind)) {
        const target = call.arguments[0] && skipOuterExpressions(call.arguments[0]);
        if (target && call.arguments.length >= 2 && ts.isIdentifier(target) && /^[A-Z]/.test(target.text)) return { node: call, family: 'typeorm', name: target.text };
        if (target && call.arguments.length >= 2 && ts.isStringLiteralLike(target)) return { node: call, family: 'typeorm', name: target.text };
        return undefined;
      }
      const repo = repositoryName(receiver);
      return repo ? { node: call, family: 'typeorm', name: repo } : undefined;
    }
    case 'sequelize':
      if (!SEQUELIZE_WRITES.has(name) || !receiver) return undefined;
      return modelName(receiver, 'sequelize', call);
    case 'model':
      if ((!SEQUELIZE_WRITES.has(name) && !MONGO_WRITES.has(name)) || !receiver) return undefined;
      return modelName(receiver, 'model', call);
    case 'mongoose':
      if (name === 'save' && receiver && call.arguments.length <= 1) {
        const model = documentModel(facts, receiver);
        return model ? { node: call, family: 'mongoose', name: model } : undefined;
      }
      if (!MONGO_WRITES.has(name) || !receiver) return undefined;
      return modelName(receiver, 'mongoose', call);
    case 'mongodb': {
      if (!MONGO_WRITES.has(name) || !receiver) return undefined;
      return modelName(receiver, 'mongodb', call);
    }
    case 'knex': {
      if (!KNEX_WRITES.has(name)) return undefined;
      const outer = outermostCall(call);
      const { links, base } = chainLinks(outer);
      if (!links.length || (links[0].name !== '' && !isKnexInstance(facts, base))) return undefined;
      if (!isExecuted(outer) && !links.some((l) => l.name === 'then' || l.name === 'returning')) return undefined;
      for (const l of links) {
        if (l.name === '' || l.name === 'into' || l.name === 'table' || l.name === 'from') {
          const a = l.call.arguments[0] && skipOuterExpressions(l.call.arguments[0]);
          if (a && ts.isStringLiteralLike(a)) return { node: outer, family: 'knex', name: a.text };
        }
      }
      return undefined;
    }
    case 'drizzle': {
      if (!DRIZZLE_WRITES.has(name)) return undefined;
      const outer = outermostCall(call);
      const { links } = chainLinks(outer);
      if (links[0]?.call !== call || !call.arguments[0]) return undefined;
      if (!isExecuted(outer)) return undefined;
      const t = refText(call.arguments[0]);
      return t ? { node: outer, family: 'drizzle', name: t.split('.').pop()! } : undefined;
    }
    default:
      return undefined;
  }
}

function isManager(kind: CallKind): boolean {
  const path = kind.origin.path;
  if (path.some((s) => s === 'getRepository' || s === 'Repository' || s === 'TreeRepository' || s === 'MongoRepository')) return false;
  return path.some((s) => s === 'EntityManager' || s === 'manager' || s === 'getManager' || s.endsWith(':tx'));
}

/** `this.orderRepo`, `orders`, `ds.getRepository(Order)` → a name for the repository's table. */
function repositoryName(receiver: ts.Expression): string | undefined {
  const e = skipOuterExpressions(receiver);
  if (ts.isCallExpression(e) && /^get(Mongo|Tree)?Repository$/.test(calleeName(e) ?? '') && e.arguments[0]) {
    const a = skipOuterExpressions(e.arguments[0]);
    if (ts.isIdentifier(a)) return a.text;
    if (ts.isStringLiteralLike(a)) return a.text;
    return undefined;
  }
  const t = refText(e);
  return t?.replace(/^this\./, '');
}

/**
 * The model of a Mongoose document: `new Order({ … })`, or a variable holding one
 * (`const order = new Order(…)`, `const order = await Order.findById(id)`).
 */
function documentModel(facts: FileFacts, receiver: ts.Expression): string | undefined {
  let e = skipOuterExpressions(receiver);
  if (ts.isIdentifier(e)) {
    const decl = facts.resolver.declarationOf(e);
    if (!decl || !ts.isVariableDeclaration(decl) || !decl.initializer) return undefined;
    e = skipOuterExpressions(decl.initializer);
    if (ts.isAwaitExpression(e)) e = skipOuterExpressions(e.expression);
  }
  if (ts.isNewExpression(e)) return refText(e.expression)?.replace(/^this\./, '');
  if (ts.isCallExpression(e)) {
    const { links, base } = chainLinks(e);
    if (links[0] && /^(findOne|findById|findOneAndUpdate|create)$/.test(links[0].name)) return refText(base)?.replace(/^this\./, '');
  }
  return undefined;
}

/** `Order`, `this.orderModel`, `db.Order`, `sequelize.models.Order`, `mongoose.model('Order')`, `db.collection('orders')`. */
function modelName(receiver: ts.Expression, family: Family, call: ts.CallExpression): TableRef | undefined {
  const e = skipOuterExpressions(receiver);
  if (ts.isCallExpression(e)) {
    const n = calleeName(e);
    const a = e.arguments[0] && skipOuterExpressions(e.arguments[0]);
    if ((n === 'model' || n === 'collection') && a && ts.isStringLiteralLike(a)) return { node: call, family, name: a.text };
    return undefined;
  }
  const t = refText(e);
  if (!t) return undefined;
  return { node: call, family, name: t.replace(/^this\./, '') };
}

// ---- pairing -------------------------------------------------------------------------------------

/** The first write to a different table of the same library after an earlier write, when both can run. */
function firstUnrelatedPair(writes: Write[]): [Write, Write] | undefined {
  const sorted = [...writes].sort((a, b) => a.start - b.start);
  for (let j = 1; j < sorted.length; j++) {
    for (let i = 0; i < j; i++) {
      const a = sorted[i];
      const b = sorted[j];
      if (a.family !== b.family || sameTable(a.table, b.table)) continue;
      if (exclusive(a.node, b.node)) continue;
      return [a, b];
    }
  }
  return undefined;
}

function sameTable(a: string, b: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/["`[\]]/g, '').replace(/^.*\./, '').replace(/(repo|repository|model|collection)$/, '').replace(/s$/, '');
  return norm(a) === norm(b);
}

/**
 * The two writes cannot both run: they sit in different branches of an `if`, a `? :`, a
 * `switch`, or a `try` and its `catch`, or the first one's branch ends with `return` / `throw`
 * before the second.
 */
function exclusive(a: ts.Node, b: ts.Node): boolean {
  const ancestorsOfA: ts.Node[] = [];
  for (let n: ts.Node | undefined = a; n; n = n.parent) ancestorsOfA.push(n);
  const setA = new Set(ancestorsOfA);
  let childB: ts.Node = b;
  let lca: ts.Node | undefined = b.parent;
  while (lca && !setA.has(lca)) {
    childB = lca;
    lca = lca.parent;
  }
  if (!lca) return false;
  const childA = ancestorsOfA[ancestorsOfA.indexOf(lca) - 1];
  if (!childA) return false;
  if (ts.isIfStatement(lca) && childA !== lca.expression && childB !== lca.expression && childA !== childB) return true;
  if (ts.isConditionalExpression(lca) && childA !== lca.condition && childB !== lca.condition && childA !== childB) return true;
  if (ts.isCaseBlock(lca) && childA !== childB) return true;
  if (ts.isTryStatement(lca) && childA !== childB && (childA === lca.catchClause || childB === lca.catchClause)) return true;
  // the first write's own branch ends (return / throw) before the second runs
  for (let n: ts.Node = a; n !== lca && n.parent; n = n.parent) {
    const parent: ts.Node = n.parent;
    if (!ts.isBlock(parent) && !ts.isCaseClause(parent) && !ts.isDefaultClause(parent)) continue;
    if (parent === lca) break;
    const statements = parent.statements;
    const at = statements.indexOf(n as ts.Statement);
    if (at >= 0 && statements.slice(at).some((s) => ts.isReturnStatement(s) || ts.isThrowStatement(s))) return true;
  }
  return false;
}

