// sql-injection: SQL text built from values (a template literal with substitutions, or string
// concatenation) handed to a raw-SQL API: pg / mysql2 / TypeORM / Sequelize `query`, knex `raw`
// (and its `whereRaw`-style fragments), Prisma `$queryRawUnsafe` / `$executeRawUnsafe`, postgres
// `sql.unsafe`. The client is recognised through its import (the engine's db recognisers), or, for
// a client made in another file, by SQL text the rule can read. Parameterised calls, tagged
// templates (`prisma.$queryRaw\`…\``, `sql\`…\``) and templates whose substitutions are all
// constants are fine.
import { ts } from 'ts-morph';
import { includesAny } from './shared/dataAccess';
import { enclosingFunction, skipOuterExpressions } from '../engine/ast';
import type { FileFacts } from '../engine/fileFacts';
import type { CallKind } from '../engine/recognizers';
import { defineRule } from '../engine/rule';
import { StaticText } from './shared/staticText';

const KNEX_RAW = new Set(['raw', 'whereRaw', 'orWhereRaw', 'andWhereRaw', 'whereNotRaw', 'orWhereNotRaw', 'havingRaw', 'orHavingRaw', 'orderByRaw', 'groupByRaw', 'joinRaw', 'fromRaw']);
const PRISMA_UNSAFE = new Set(['$queryRawUnsafe', '$executeRawUnsafe']);
/** Method names that can take raw SQL; anything else is not looked at. */
const CANDIDATE_METHODS = new Set(['query', 'execute', 'unsafe', ...KNEX_RAW, ...PRISMA_UNSAFE]);
/** Methods judged on an unrecognised receiver when the text is plainly SQL. */
const UNRECOGNISED_METHODS = new Set(['query', 'execute', 'raw', 'unsafe']);
/** A file without a call of one of the candidate methods has nothing to judge. */
/** Every raw-SQL call QUICK_TEXT matches names one of these (a cheap necessary condition). */
const SQL_CALL_WORDS = ['query', 'execute', 'unsafe', 'raw', 'Raw'];
const QUICK_TEXT = /\.\s*(?:query|execute|unsafe|raw|\w+Raw|\$queryRawUnsafe|\$executeRawUnsafe)\s*(?:<[^()]*>\s*)?\(/;
const SQL_START =
  /^\s*\(?\s*(?:select|insert\s+into|insert\s+ignore|update|delete\s+from|delete|with|create|alter|drop|truncate|merge|replace\s+into|call|exec|execute|grant|revoke|show|describe|explain|values|upsert|copy|vacuum|analyze|reindex|lock\s+table|pragma|set\s+(?:local|session|search_path|role))\b/i;
/** Escaping and quoting helpers whose result is safe to write into SQL text. */
const ESCAPERS = /^(?:escape|escapeId|escapeIdentifier|escapeLiteral|escapeString|quoteIdentifier|quoteLiteral|quote_ident|quote_literal|ident|literal|sqlEscape|escapeSql|format)$/;

type Dialect = 'pg' | 'mysql' | 'sequelize' | 'knex' | 'prisma' | 'postgres' | 'typeorm' | 'unknown';

export const sqlInjection = defineRule({
  id: 'sql-injection',
  category: 'security',
  defaultSeverity: 'CRITICAL',
  title: 'SQL built from values passed to a raw-SQL API',
  requiresTypeInfo: false,
  options: {},
  docs: {
    summary:
      'Flags raw-SQL calls (pg, mysql2, TypeORM and Sequelize `query`, knex `raw`, Prisma `$queryRawUnsafe`/`$executeRawUnsafe`) whose SQL is a template literal or a string concatenation with a value that is not a constant.',
    why:
      'Text written into SQL becomes part of the statement. Whoever controls the value can close the quote and add their own SQL: read other customers\u2019 rows, log in without a password, change prices or drop tables, all with the rights of the service\u2019s database user. One such query is enough to leak the whole database, and the attack needs nothing but an HTTP client.',
    fix:
      'Send values as bound parameters: `pool.query(\'SELECT … WHERE email = $1\', [email])` (pg), `?` placeholders for mysql2 and knex (`knex.raw(\'… = ?\', [x])`), `replacements`/`bind` for Sequelize, the tagged template `prisma.$queryRaw`…${x}`` for Prisma. Table and column names cannot be parameters: pick them from a fixed allow-list (`const SORTS = { newest: \'created_at DESC\' } as const`).',
    invalid: [
      {
        code: "const { Pool } = require('pg');\nconst pool = new Pool();\n\nexport async function findByEmail(email: string) {\n  const { rows } = await pool.query(`SELECT id FROM customers WHERE email = '${email}'`);\n  return rows[0];\n}\n",
      },
      {
        code: "import mysql from 'mysql2/promise';\n\nexport async function orders(sort: string) {\n  const conn = await mysql.createConnection({ host: 'db' });\n  return conn.query('SELECT * FROM orders ORDER BY ' + sort);\n}\n",
      },
      {
        code: "import { PrismaClient } from '@prisma/client';\nconst prisma = new PrismaClient();\n\nexport function byRef(ref: string) {\n  const sql = `SELECT id FROM shipments WHERE carrier_ref = '${ref}'`;\n  return prisma.$queryRawUnsafe(sql);\n}\n",
      },
    ],
    valid: [
      {
        code: "const { Pool } = require('pg');\nconst pool = new Pool();\n\nexport async function findByEmail(email: string) {\n  const { rows } = await pool.query('SELECT id FROM customers WHERE email = $1', [email]);\n  return rows[0];\n}\n",
      },
      {
        code: "import { PrismaClient } from '@prisma/client';\nconst prisma = new PrismaClient();\n\nexport const byRef = (ref: string) => prisma.$queryRaw`SELECT id FROM shipments WHERE carrier_ref = ${ref}`;\n",
      },
      {
        code: "const { Pool } = require('pg');\nconst pool = new Pool();\nconst TABLE = 'orders';\n\nexport const count = () => pool.query(`SELECT count(*) FROM ${TABLE}`);\n",
      },
    ],
  },
  create(context) {
    if (!includesAny(context.sourceFile.text, SQL_CALL_WORDS) || !QUICK_TEXT.test(context.sourceFile.text)) return {};
    const facts = context.facts;
    const statics = new StaticText(facts, { safeCall: (name) => ESCAPERS.test(name) });

    return {
      CallExpression: (node: ts.Node) => {
        const call = node as ts.CallExpression;
        const callee = skipOuterExpressions(call.expression);
        if (!ts.isPropertyAccessExpression(callee)) return;
        const method = callee.name.text;
        if (!CANDIDATE_METHODS.has(method) || call.arguments.length === 0) return;
        const sqlArg = sqlArgumentOf(call.arguments[0]);
        if (!sqlArg) return;

        // the SQL text: written in place, or a local variable of the same function
        const built = builtSql(sqlArg, call, statics, facts);
        if (!built) return;

        const kind = facts.callKind(call);
        let dialect = dialectOf(kind, method);
        if (!dialect) {
          if (kind) return; // a recognised client, but not one of its raw-SQL methods
          if (PRISMA_UNSAFE.has(method)) dialect = 'prisma';
          else if (UNRECOGNISED_METHODS.has(method) && SQL_START.test(built.leadingText)) dialect = 'unknown';
          else return;
        }
        const related = built.related ? [{ node: built.related, message: `The SQL text is built here from \`${short(built.culprit)}\`.` }] : undefined;
        // in a chain spread over lines (`db('notes')\n  .whereRaw(…)`), point at the raw call's own line
        const sf = context.sourceFile;
        const chained = sf.getLineAndCharacterOfPosition(callee.name.getStart(sf)).line !== sf.getLineAndCharacterOfPosition(call.getStart(sf)).line;
        context.report(chained ? sqlArg : call, messageFor(calleeDisplay(callee), built, dialect), { related, fingerprintNode: call });
      },
    };
  },
});

interface BuiltSql {
  /** The piece that is not a constant. */
  culprit: ts.Expression;
  how: 'template' | 'concatenation';
  /** The text the SQL starts with, for recognising SQL on an unknown client. */
  leadingText: string;
  /** Where the text was built, when that is not the call's argument. */
  related?: ts.Node;
}

/** `query(sql)`, or the pg/mysql2/Sequelize config form `query({ text: sql, values })`. */
function sqlArgumentOf(arg0: ts.Expression): ts.Expression | undefined {
  const arg = skipOuterExpressions(arg0);
  if (ts.isObjectLiteralExpression(arg)) {
    for (const p of arg.properties) {
      if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) && /^(text|sql|query)$/.test(p.name.text)) return p.initializer;
    }
    return undefined;
  }
  if (ts.isSpreadElement(arg0)) return undefined;
  return arg;
}

function isBuiltString(e: ts.Expression): e is ts.TemplateExpression | ts.BinaryExpression {
  return ts.isTemplateExpression(e) || (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken);
}

function builtSql(arg: ts.Expression, call: ts.CallExpression, statics: StaticText, facts: FileFacts): BuiltSql | undefined {
  const e = skipOuterExpressions(arg);
  if (isBuiltString(e)) {
    const culprit = statics.firstNonConstant(e);
    return culprit ? { culprit, how: ts.isTemplateExpression(e) ? 'template' : 'concatenation', leadingText: leadingText(e) } : undefined;
  }
  if (!ts.isIdentifier(e)) return undefined;
  // const sql = `…${x}`;  /  let sql = '…'; sql += x;  — in the same function as the call
  const decl = facts.resolver.declarationOf(e);
  if (!decl || !ts.isVariableDeclaration(decl) || !ts.isIdentifier(decl.name)) return undefined;
  if (enclosingFunction(decl) !== enclosingFunction(call)) return undefined;
  const list = decl.parent;
  const isConst = ts.isVariableDeclarationList(list) && (list.flags & ts.NodeFlags.Const) !== 0;
  const init = decl.initializer && skipOuterExpressions(decl.initializer);
  if (isConst) {
    if (!init || !isBuiltString(init)) return undefined;
    const culprit = statics.firstNonConstant(init);
    return culprit ? { culprit, how: ts.isTemplateExpression(init) ? 'template' : 'concatenation', leadingText: leadingText(init), related: decl } : undefined;
  }
  const lead = init ? leadingText(init) : '';
  for (const piece of statics.nonConstantAssignments(decl)) {
    const node = piece.node;
    if (ts.isVariableDeclaration(node)) {
      if (init && isBuiltString(init)) return { culprit: piece.culprit, how: ts.isTemplateExpression(init) ? 'template' : 'concatenation', leadingText: lead, related: node };
      continue;
    }
    if (!ts.isBinaryExpression(node)) continue;
    const right = skipOuterExpressions(node.right);
    if (node.operatorToken.kind === ts.SyntaxKind.PlusEqualsToken) return { culprit: piece.culprit, how: 'concatenation', leadingText: lead, related: node };
    if (isBuiltString(right)) return { culprit: piece.culprit, how: ts.isTemplateExpression(right) ? 'template' : 'concatenation', leadingText: lead || leadingText(right), related: node };
  }
  return undefined;
}

/** The literal text a built string starts with. */
function leadingText(e0: ts.Expression): string {
  const e = skipOuterExpressions(e0);
  if (ts.isTemplateExpression(e)) return e.head.text;
  if (ts.isStringLiteralLike(e)) return e.text;
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) return leadingText(e.left);
  return '';
}

function dialectOf(kind: CallKind | undefined, method: string): Dialect | undefined {
  if (!kind || kind.kind !== 'db') return undefined;
  switch (kind.library) {
    case 'pg':
      return method === 'query' ? 'pg' : undefined;
    case 'mysql2':
      return method === 'query' || method === 'execute' ? 'mysql' : undefined;
    case 'sequelize':
      return method === 'query' ? 'sequelize' : undefined;
    case 'typeorm':
      return method === 'query' ? 'typeorm' : undefined;
    case 'knex':
      return KNEX_RAW.has(method) ? 'knex' : undefined;
    case 'prisma':
      return PRISMA_UNSAFE.has(method) ? 'prisma' : undefined;
    case 'postgres':
      return method === 'unsafe' ? 'postgres' : undefined;
    case 'sql':
      // a pool or connection exported by the project's own module
      return method === 'query' || method === 'execute' ? 'unknown' : undefined;
    default:
      return undefined;
  }
}

const PARAMETER_ADVICE: Record<Dialect, string> = {
  pg: 'Pass values as bound parameters (`$1`, `$2` in the text and a values array: `pool.query(\'… WHERE id = $1\', [id])`)',
  mysql: 'Pass values as bound parameters (`?` in the text and a values array, or `execute` for a prepared statement)',
  sequelize: 'Pass values through the `replacements` (`:name`) or `bind` (`$1`) option of `sequelize.query`',
  typeorm: 'Pass values as query parameters (`$1` on Postgres, `?` on MySQL, with a parameters array as the second argument)',
  knex: 'Pass values as bindings (`?` for values, `??` for identifiers: `knex.raw(\'… WHERE id = ?\', [id])`)',
  prisma: 'Use the tagged template `prisma.$queryRaw`…${value}`` (or `$executeRaw`), which sends each value as a parameter, or keep `$queryRawUnsafe` with `$1` placeholders and the values as extra arguments',
  postgres: 'Use the `sql` tagged template (`sql`… WHERE id = ${id}``), which sends each value as a parameter',
  unknown: 'Pass values as bound parameters (placeholders in the text and a values array)',
};

function messageFor(display: string, built: BuiltSql, dialect: Dialect): string {
  const how = built.how === 'template' ? 'a template literal' : 'string concatenation';
  return (
    `\`${display}(…)\` runs SQL built from \`${short(built.culprit)}\` by ${how}. ` +
    'Whoever controls that value can rewrite the statement: read other users\u2019 rows, skip a password check, change or drop data, with the database rights of the whole service. ' +
    `${PARAMETER_ADVICE[dialect]}, and take table or column names from a fixed allow-list.`
  );
}

function calleeDisplay(callee: ts.PropertyAccessExpression): string {
  const text = callee.getText().replace(/\s+/g, '');
  if (text.length <= 40 && !text.includes('(')) return text;
  return `….${callee.name.text}`;
}

function short(e: ts.Node): string {
  const text = e.getText().replace(/\s+/g, ' ');
  return text.length <= 40 ? text : `${text.slice(0, 37)}…`;
}
