// delete-without-filter: a delete (or a raw UPDATE) that touches every row of a table because it
// has no filter: Prisma / Mongo / Mongoose `deleteMany()` or `deleteMany({})`, Sequelize
// `destroy({ where: {} })` / `destroy({ truncate: true })` / `Model.truncate()`, knex
// `db('t').del()` / `.delete()` / `.truncate()` with no `where` in the chain, TypeORM `clear()` and
// `delete({})` (and a query-builder delete with no where), drizzle `db.delete(t)` with no
// `.where(…)`, and raw SQL `DELETE FROM` / `UPDATE … SET` without WHERE, or TRUNCATE, sent to a
// raw-SQL API. See docs/rules/delete-without-filter.md for the decisions.
import { ts } from 'ts-morph';
import { calleeName, skipOuterExpressions } from '../engine/ast';
import type { FileFacts } from '../engine/fileFacts';
import type { CallKind } from '../engine/recognizers';
import { defineRule } from '../engine/rule';
import {
  chainLinks,
  dbCallKind,
  describeCall,
  isEmptyObject,
  isExecuted,
  isKnexInstance,
  isTestOrSeedFile,
  lookupProperty,
  objectLiteralOf,
  outermostCall,
  rawSqlOfCall,
  rawSqlOfTaggedTemplate,
  type ChainLink,
  includesAny,
} from './shared/dataAccess';
import { sqlStatements, unfilteredWrite } from './shared/sqlStatements';

/** Cheap gate: a file without any of these cannot hold a finding. */
const QUICK = ['delete', 'Delete', 'DELETE', 'destroy', 'truncate', 'Truncate', 'TRUNCATE', 'del(', 'clear(', 'UPDATE', 'update', 'Update'];
const CANDIDATES = new Set(['deleteMany', 'destroy', 'truncate', 'del', 'delete', 'clear', 'execute', 'query', 'raw', 'unsafe', '$executeRaw', '$executeRawUnsafe', '$queryRaw', '$queryRawUnsafe', 'sql', 'runSql', 'executeSql']);
const MONGO_LIKE = new Set(['prisma', 'mongoose', 'mongodb', 'model']);
const SEQUELIZE_LIKE = new Set(['sequelize', 'model']);
/** knex / drizzle / TypeORM query-builder steps that filter the rows a delete touches. */
const FILTER_STEP = /^(where|andWhere|orWhere|whereIn|whereNot|whereNotIn|whereNull|whereNotNull|whereBetween|whereNotBetween|whereRaw|whereExists|whereNotExists|whereLike|whereILike|whereJsonPath|whereJsonObject|whereJsonSupersetOf|whereJsonSubsetOf|whereColumn|whereInIds|andWhereInIds|orWhereInIds|having|join|innerJoin|joinRaw|limit|modify|using)/;

type Verdict = { what: string };

export const deleteWithoutFilter = defineRule({
  id: 'delete-without-filter',
  category: 'human-error',
  defaultSeverity: 'CRITICAL',
  title: 'Delete or update with no filter',
  requiresTypeInfo: false,
  options: {},
  docs: {
    summary:
      'Flags deletes that empty a whole table because they have no filter (Prisma/Mongo/Mongoose `deleteMany()` or `deleteMany({})`, Sequelize `destroy({ where: {} })` or `truncate: true`, knex `del()` with no `where`, TypeORM `clear()` and `delete({})`), and raw SQL `DELETE FROM` / `UPDATE … SET` without WHERE (or TRUNCATE) sent to a raw-SQL API.',
    why:
      'A delete without a filter removes every row. It takes one slip to get there: an argument that arrives empty, a `where` lost in a refactor, a maintenance script run against production instead of staging. The database does exactly what it was told, at full speed, and the data comes back only from a backup, minus everything written since.',
    fix:
      'Name the rows to delete: `deleteMany({ where: { expiresAt: { lt: now } } })`, `db(\'sessions\').where(\'user_id\', id).del()`, `DELETE FROM sessions WHERE user_id = $1`. When emptying the table really is the job (a nightly purge of a cache table, a staging reset), keep it in a clearly named function and suppress the finding with the reason, so the next reader knows it is deliberate.',
    invalid: [
      {
        code: [
          "import { PrismaClient } from '@prisma/client';",
          'const prisma = new PrismaClient();',
          '',
          'export async function purgeGuestSessions() {',
          '  await prisma.guestSession.deleteMany();',
          '}',
          '',
        ].join('\n'),
      },
      {
        code: [
          "const { Pool } = require('pg');",
          'const pool = new Pool();',
          '',
          'export async function revokeAllSessions() {',
          "  await pool.query('DELETE FROM sessions');",
          '}',
          '',
        ].join('\n'),
      },
      {
        code: [
          "import knex from 'knex';",
          "const db = knex({ client: 'pg' });",
          '',
          'export async function forgetCarts() {',
          "  await db('carts').del();",
          '}',
          '',
        ].join('\n'),
      },
      {
        code: [
          "import { Model } from 'sequelize';",
          'class Session extends Model {}',
          '',
          'export function resetSessions() {',
          '  return Session.destroy({ where: {} });',
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
          'export async function purgeExpired(now: Date) {',
          '  await prisma.guestSession.deleteMany({ where: { expiresAt: { lt: now } } });',
          '}',
          '',
        ].join('\n'),
      },
      {
        code: [
          "const { Pool } = require('pg');",
          'const pool = new Pool();',
          '',
          'export async function endSession(id: string) {',
          "  await pool.query('DELETE FROM sessions WHERE id = $1', [id]);",
          '}',
          '',
        ].join('\n'),
      },
      {
        code: [
          "import knex from 'knex';",
          "const db = knex({ client: 'pg' });",
          '',
          'export async function forgetCart(id: string) {',
          "  await db('carts').where({ id }).del();",
          '}',
          '',
        ].join('\n'),
      },
    ],
  },
  create(context) {
    if (isTestOrSeedFile(context.file)) return {};
    // the text gate runs on a file's first candidate node only: most files never get that far
    let gate: boolean | undefined;
    const open = (): boolean => (gate ??= includesAny(context.sourceFile.text, QUICK));
    const facts = context.facts;
    const sf = context.sourceFile;
    const reported = new Set<ts.Node>();

    const report = (node: ts.Node, verdict: Verdict) => {
      if (reported.has(node)) return;
      reported.add(node);
      context.report(
        node,
        `${verdict.what} ` +
          'In production, one empty argument, a filter lost in a refactor or a script run against the wrong database removes all of that data at once, and only a backup restore brings it back. ' +
          'Add a filter that names the rows to remove; if emptying the table is really intended, keep it in a clearly named maintenance function and suppress this finding with the reason.',
      );
    };

    let drizzleFile: boolean | undefined;
    /**
     * Cheap syntactic checks before any resolution: `map.delete(key)`, `cache.clear(x)` and a
     * builder's `execute()` that deletes nothing are by far the most common candidates.
     */
    const worthResolving = (call: ts.CallExpression, name: string): boolean => {
      const args = call.arguments;
      if (name === 'clear') return args.length === 0;
      if (name === 'execute' && args.length === 0) return chainLinks(call).links.some((l) => l.name === 'delete');
      if (name !== 'delete' || args.length === 0) return true;
      // `repo.delete({})`, `manager.delete(Entity, {})`
      if (args.some((a) => { const e = skipOuterExpressions(a); return ts.isObjectLiteralExpression(e) && e.properties.length === 0; })) return true;
      if (ts.isObjectLiteralExpression(skipOuterExpressions(args[0]))) return false;
      // drizzle `db.delete(table)`; a TypeORM criteria variable holding `{}` is not worth a lookup per Map.delete
      return (drizzleFile ??= sf.text.includes('drizzle')) && args.length === 1;
    };

    return {
      CallExpression: (node: ts.Node) => {
        const call = node as ts.CallExpression;
        const name = calleeName(call);
        if (!name || !CANDIDATES.has(name)) return;
        if (!worthResolving(call, name)) return;
        if (!open()) return;
        const verdict = judgeCall(facts, call, name, sf);
        if (verdict) report(verdict.node, verdict);
      },
      TaggedTemplateExpression: (node: ts.Node) => {
        if (!open()) return;
        const tagged = node as ts.TaggedTemplateExpression;
        const sql = rawSqlOfTaggedTemplate(tagged);
        if (!sql) return;
        const verb = firstUnfiltered(sql);
        if (verb) report(tagged, { what: `\`${tagged.tag.getText(sf)}\` runs ${sqlPhrase(verb)}.` });
      },
    };
  },
});

function judgeCall(facts: FileFacts, call: ts.CallExpression, name: string, sf: ts.SourceFile): (Verdict & { node: ts.Node }) | undefined {
  // raw SQL first: query / execute / raw / $executeRawUnsafe …
  const sql = rawSqlOfCall(facts, call);
  if (sql !== undefined) {
    const verb = firstUnfiltered(sql);
    return verb ? { node: call, what: `\`${describeCall(call, sf)}\` runs ${sqlPhrase(verb)}.` } : undefined;
  }
  // TypeORM `dataSource.getRepository(Session).clear()` on a data source made in another file
  if (name === 'clear' && call.arguments.length === 0) {
    const callee = skipOuterExpressions(call.expression);
    const receiver = ts.isPropertyAccessExpression(callee) ? skipOuterExpressions(callee.expression) : undefined;
    if (receiver && ts.isCallExpression(receiver) && /^get(Tree|Mongo)?Repository$/.test(calleeName(receiver) ?? '') && receiver.arguments.length === 1) {
      return { node: call, what: `\`${describeCall(call, sf)}\` empties the whole table (TypeORM \`clear\` truncates it).` };
    }
  }
  const kind = dbCallKind(facts, call) ?? mongoCollectionCall(call);
  if (!kind) return undefined;
  const lib = kind.library;
  const args = call.arguments;
  const shown = describeCall(call, sf);

  if (name === 'deleteMany' && MONGO_LIKE.has(lib)) {
    if (args.length === 0) return { node: call, what: `\`${shown}\` is called with no filter, so it deletes every ${lib === 'prisma' ? 'row of the table' : 'document of the collection'}.` };
    if (isEmptyObject(facts, args[0])) return { node: call, what: `\`${shown}\` is given an empty filter \`{}\`, so it deletes every ${lib === 'prisma' ? 'row of the table' : 'document of the collection'}.` };
    if (lib === 'prisma') {
      const obj = objectLiteralOf(facts, args[0]);
      const where = obj && lookupProperty(obj, 'where');
      if (where?.kind === 'value' && isEmptyObject(facts, where.value)) return { node: call, what: `\`${shown}\` has an empty \`where: {}\`, so it deletes every row of the table.` };
    }
    return undefined;
  }

  if (name === 'destroy' && SEQUELIZE_LIKE.has(lib)) {
    const obj = objectLiteralOf(facts, args[0]);
    if (!obj) return undefined;
    const truncate = lookupProperty(obj, 'truncate');
    if (truncate.kind === 'value' && skipOuterExpressions(truncate.value).kind === ts.SyntaxKind.TrueKeyword) {
      return { node: call, what: `\`${shown}\` is called with \`truncate: true\`, which empties the whole table.` };
    }
    const where = lookupProperty(obj, 'where');
    if (where.kind === 'value' && isEmptyObject(facts, where.value)) return { node: call, what: `\`${shown}\` has an empty \`where: {}\`, so it deletes every row of the table.` };
    return undefined;
  }

  if (name === 'truncate' && lib === 'sequelize' && !isKnexLike(kind)) {
    return { node: call, what: `\`${shown}\` empties the whole table.` };
  }

  if (lib === 'typeorm') return judgeTypeorm(facts, call, name, kind, shown);

  if (lib === 'knex' && (name === 'del' || name === 'delete' || name === 'truncate')) return judgeKnex(facts, call, name, sf);

  if (lib === 'drizzle' && name === 'delete') return judgeDrizzle(call, sf);

  return undefined;
}

/**
 * `x.collection('sessions').deleteMany(…)` on a database handle the engine does not know (made in
 * another file, returned by a helper): the shape is the MongoDB driver's.
 */
function mongoCollectionCall(call: ts.CallExpression): CallKind | undefined {
  const callee = skipOuterExpressions(call.expression);
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'deleteMany') return undefined;
  const receiver = skipOuterExpressions(callee.expression);
  if (!ts.isCallExpression(receiver) || calleeName(receiver) !== 'collection' || receiver.arguments.length !== 1 || !ts.isStringLiteralLike(receiver.arguments[0])) return undefined;
  return { kind: 'db', library: 'mongodb', method: 'deleteMany', origin: { module: '?', path: ['collection', '()', 'deleteMany'] } };
}

function judgeTypeorm(facts: FileFacts, call: ts.CallExpression, name: string, kind: CallKind, shown: string): (Verdict & { node: ts.Node }) | undefined {
  const manager = isTypeormManager(kind);
  if (name === 'clear') return { node: call, what: `\`${shown}\` empties the whole table (TypeORM \`clear\` truncates it).` };
  if (name === 'delete') {
    const criteria = manager ? call.arguments[1] : call.arguments[0];
    if (isEmptyObject(facts, criteria)) return { node: call, what: `\`${shown}\` is given empty criteria \`{}\`, so it deletes every row of the table.` };
    return undefined;
  }
  if (name === 'execute') {
    // repo.createQueryBuilder().delete().from(User).execute() with no where
    const { links } = chainLinks(outermostCall(call));
    if (!links.some((l) => l.name === 'delete')) return undefined;
    if (links.some((l) => FILTER_STEP.test(l.name))) return undefined;
    return { node: outermostCall(call), what: 'This query-builder `delete()` has no `where(…)`, so it deletes every row of the table.' };
  }
  return undefined;
}

function isTypeormManager(kind: CallKind): boolean {
  const path = kind.origin.path;
  if (path.some((s) => s === 'getRepository' || s === 'getTreeRepository' || s === 'getMongoRepository' || s === 'Repository' || s === 'TreeRepository' || s === 'MongoRepository')) return false;
  return path.some((s) => s === 'EntityManager' || s === 'MongoEntityManager' || s === 'manager' || s === 'getManager' || s.endsWith(':tx'));
}

function isKnexLike(kind: CallKind): boolean {
  return kind.library === 'knex';
}

function judgeKnex(facts: FileFacts, call: ts.CallExpression, name: string, sf: ts.SourceFile): (Verdict & { node: ts.Node }) | undefined {
  const outer = outermostCall(call);
  const { links, base } = chainLinks(outer);
  if (!startsAtKnexInstance(facts, links, base)) return undefined;
  if (!isExecuted(outer) && !links.some((l) => l.name === 'then' || l.name === 'returning')) return undefined;
  const table = tableOfKnexChain(links);
  const on = table ? ` on \`${table}\`` : '';
  if (name === 'truncate') return { node: outer, what: `\`${describeCall(call, sf)}\`${on} empties the whole table.` };
  if (links.some((l) => FILTER_STEP.test(l.name))) return undefined;
  return { node: outer, what: `This knex \`.${name}()\`${on} has no \`where\` in its chain, so it deletes every row of the table.` };
}

/**
 * The chain starts at the knex instance itself (`db('t')`, `trx('t')`, `db.from('t')`,
 * `db.table('t')`), not at a builder kept in a variable that may have been filtered earlier.
 */
function startsAtKnexInstance(facts: FileFacts, links: readonly ChainLink[], base: ts.Expression): boolean {
  const first = links[0];
  if (!first) return false;
  if (first.name === '') return true; // db('users'): only the instance (or a trx) is callable, never a builder
  if (first.name !== 'from' && first.name !== 'table' && first.name !== 'into') return false;
  return isKnexInstance(facts, base);
}

function tableOfKnexChain(links: readonly ChainLink[]): string | undefined {
  for (const l of links) {
    if (l.name === '' || l.name === 'from' || l.name === 'table' || l.name === 'into') {
      const a = l.call.arguments[0];
      if (a && ts.isStringLiteralLike(a)) return a.text;
    }
  }
  return undefined;
}

function judgeDrizzle(call: ts.CallExpression, sf: ts.SourceFile): (Verdict & { node: ts.Node }) | undefined {
  const outer = outermostCall(call);
  const { links } = chainLinks(outer);
  const at = links.findIndex((l) => l.call === call);
  if (at !== 0) return undefined; // db.delete(table) starts the chain
  if (!isExecuted(outer)) return undefined;
  if (links.some((l) => FILTER_STEP.test(l.name))) return undefined;
  const table = call.arguments[0] ? call.arguments[0].getText(sf) : 'the table';
  return { node: outer, what: `This drizzle \`delete(${table})\` has no \`.where(…)\`, so it deletes every row of the table.` };
}

function firstUnfiltered(sql: string): 'DELETE' | 'UPDATE' | 'TRUNCATE' | undefined {
  for (const stmt of sqlStatements(sql)) {
    const verb = unfilteredWrite(stmt);
    if (verb) return verb;
  }
  return undefined;
}

function sqlPhrase(verb: 'DELETE' | 'UPDATE' | 'TRUNCATE'): string {
  if (verb === 'DELETE') return 'a `DELETE FROM` without a WHERE clause, which deletes every row of the table';
  if (verb === 'UPDATE') return 'an `UPDATE … SET` without a WHERE clause, which overwrites every row of the table';
  return 'a `TRUNCATE`, which empties the whole table';
}
