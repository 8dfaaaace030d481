// destructive-migration: schema changes in migration files that break an expand/contract
// rollout or rollback: dropping a table or a column, renaming a column or a table, and adding
// NOT NULL to a table that already has rows without a default. Recognised through the schema
// APIs of knex, TypeORM, Sequelize, node-pg-migrate and Kysely (`dropTable`, `dropColumn`,
// `removeColumn`, `renameColumn`, `renameTable`, `.notNullable()` in `alterTable`, `addColumn`
// with `allowNull: false`…) and through raw SQL sent from the migration (`knex.raw`,
// `queryRunner.query`, `queryInterface.sequelize.query`, `pgm.sql`, `this.addSql`). The
// rollback (`down`) is never flagged. See docs/rules/destructive-migration.md.
import { Minimatch } from 'minimatch';

/** Compiled glob matchers, memoised (compiling a glob costs more than matching it; the option rarely changes). */
const matchers = new Map<string, Minimatch>();
function globMatcher(glob: string): Minimatch {
  let m = matchers.get(glob);
  if (!m) {
    m = new Minimatch(glob, { dot: true, matchBase: !glob.includes('/') });
    matchers.set(glob, m);
  }
  return m;
}
import { ts } from 'ts-morph';
import { calleeName, isFunctionNode, skipOuterExpressions, walk } from '../engine/ast';
import type { FileFacts } from '../engine/fileFacts';
import { defineRule } from '../engine/rule';
import { chainLinks, functionName, looksLikeSql, lookupProperty, objectLiteralOf, outermostCall, propertyName, sqlTextOf, includesAny } from './shared/dataAccess';
import { destructiveChanges, sqlStatements, type DdlChange } from './shared/sqlStatements';

const DROP_TABLE = new Set(['dropTable', 'dropTableIfExists']);
const DROP_COLUMN = new Set(['dropColumn', 'dropColumns', 'removeColumn', 'dropTimestamps']);
const RENAME_COLUMN = new Set(['renameColumn']);
/** Calls that add or change a column from an options object or a column-builder callback. */
const COLUMN_OPTION_CALLS = new Set(['addColumn', 'addColumns', 'changeColumn', 'changeColumns', 'alterColumn', 'modifyColumn']);
/** Methods of migration tools that run SQL text. */
const SQL_METHODS = new Set(['raw', 'query', 'execute', 'exec', 'sql', 'addSql', 'runSql', 'executeSql', 'unsafe', '$executeRaw', '$executeRawUnsafe', '$queryRawUnsafe']);
const SQL_TAGS = new Set(['sql', 'raw', '$executeRaw', '$queryRaw', 'SQL']);
/** knex / Kysely column builders that fill a NOT NULL column by themselves. */
const SELF_FILLING_BUILDERS = new Set(['increments', 'bigIncrements', 'defaultTo', 'generatedAlwaysAsIdentity', 'generatedByDefaultAsIdentity', 'generatedAlwaysAs', 'identity', 'autoIncrement', 'serial', 'bigserial']);
/** Names of the rollback half of a migration. */
const ROLLBACK_NAMES = new Set(['down', 'rollback', 'revert']);
/** Cheap gate: a migration without any of these cannot hold a finding. */
const QUICK = ['drop', 'Drop', 'DROP', 'rename', 'Rename', 'RENAME', 'removeColumn', 'notNull', 'NotNull', 'NOT NULL', 'not null', 'Not Null', 'allowNull', 'isNullable', 'Nullable'];

const CHANGE_TEXT: Record<DdlChange, string> = {
  'drop-table': 'drops a table',
  'drop-column': 'drops a column',
  'rename-column': 'renames a column',
  'rename-table': 'renames a table',
  'not-null': 'makes a column of an existing table NOT NULL without a default',
};

const CHANGE_ADVICE: Record<DdlChange, string> = {
  'drop-table':
    'During the deploy the previous release still reads and writes that table, and a rollback to it finds the table and its rows gone; only a backup restore brings them back. Expand/contract: stop using the table in one release, and drop it in a later migration once no running version needs it.',
  'drop-column':
    'During the deploy the previous release still selects and writes that column and fails, and a rollback to it cannot bring the data back. Expand/contract: stop reading and writing the column in one release, and drop it in a later migration once no running version needs it.',
  'rename-column':
    'A rename is a drop and an add at once: every instance of the previous release still uses the old name and fails as soon as the migration runs, and a rollback does not rename it back. Expand/contract: add the new column, write to both, backfill, switch reads, and drop the old column in a later release.',
  'rename-table':
    'Every instance of the previous release still uses the old table name and fails as soon as the migration runs, and a rollback does not rename it back. Expand/contract: create the new table (or a view under the old name), move readers and writers over, and drop the old name in a later release.',
  'not-null':
    'On a table with rows the migration fails (or locks the table while every row is checked), and the previous release, which does not fill the column yet, fails on every insert during the deploy and after a rollback. Add the column nullable or with a default, backfill it, and add NOT NULL in a later migration.',
};

export const destructiveMigration = defineRule({
  id: 'destructive-migration',
  category: 'data-integrity',
  defaultSeverity: 'HIGH',
  title: 'Destructive schema change in a migration',
  requiresTypeInfo: false,
  options: {
    /** Files treated as migrations (minimatch globs against the workspace-relative path). */
    migrationGlobs: ['**/migrations/**'] as string[],
  },
  docs: {
    summary:
      'Flags migrations that drop a table or a column, rename a column or a table, or add NOT NULL to an existing table without a default (knex, TypeORM, Sequelize, node-pg-migrate, Kysely schema APIs and raw SQL). The rollback half (`down`) is never flagged.',
    why:
      'During a rolling deploy the old and the new release run side by side, and a rollback puts the old release back on the new schema. A dropped or renamed table or column breaks the old release at once and cannot be rolled back without a restore; a NOT NULL column without a default fails the migration on a table with rows and rejects every insert from the release that does not know the column.',
    fix:
      'Use expand/contract: add the new shape first (new column or table, nullable or with a default), write to both, backfill, move reads over, and remove the old shape in a later migration, once no running release needs it.',
    invalid: [
      {
        code: [
          "import type { Knex } from 'knex';",
          '',
          'export async function up(knex: Knex): Promise<void> {',
          "  await knex.schema.dropTable('legacy_carts');",
          '}',
          '',
        ].join('\n'),
      },
      {
        code: [
          "import type { Knex } from 'knex';",
          '',
          'export async function up(knex: Knex): Promise<void> {',
          "  await knex.raw('ALTER TABLE users DROP COLUMN fax');",
          '}',
          '',
        ].join('\n'),
      },
      {
        code: [
          "import type { Knex } from 'knex';",
          '',
          'export async function up(knex: Knex): Promise<void> {',
          "  await knex.schema.alterTable('orders', (table) => {",
          "    table.string('currency', 3).notNullable();",
          '  });',
          '}',
          '',
        ].join('\n'),
      },
    ],
    valid: [
      {
        code: [
          "import type { Knex } from 'knex';",
          '',
          'export async function up(knex: Knex): Promise<void> {',
          "  await knex.schema.alterTable('orders', (table) => {",
          "    table.string('currency', 3).notNullable().defaultTo('EUR');",
          '  });',
          '}',
          '',
          'export async function down(knex: Knex): Promise<void> {',
          "  await knex.schema.alterTable('orders', (table) => {",
          "    table.dropColumn('currency');",
          '  });',
          '}',
          '',
        ].join('\n'),
      },
      {
        code: [
          "import type { Knex } from 'knex';",
          '',
          'export async function up(knex: Knex): Promise<void> {',
          "  await knex.schema.createTable('refunds', (table) => {",
          "    table.uuid('id').primary();",
          "    table.integer('amount_cents').notNullable();",
          '  });',
          '}',
          '',
        ].join('\n'),
      },
    ],
  },
  create(context) {
    const globs = Array.isArray(context.options.migrationGlobs) ? context.options.migrationGlobs.map(String) : [];
    const file = context.file.replace(/\\/g, '/');
    // globs that all name 'migration' literally can only match paths that contain it
    if (globs.length && globs.every((g) => g.includes('migration')) && !file.includes('migration')) return {};
    if (!globs.some((g) => globMatcher(g).match(file))) return {};
    if (!includesAny(context.sourceFile.text, QUICK)) return {};
    const facts = context.facts;
    const sf = context.sourceFile;
    const rollbackOnly = new Map<string, boolean>();

    const isRollback = (node: ts.Node): boolean => {
      for (let p: ts.Node | undefined = node.parent; p; p = p.parent) {
        if (!isFunctionNode(p)) continue;
        const name = functionName(p);
        if (name && ROLLBACK_NAMES.has(name)) return true;
        // a helper of this file that only the rollback calls
        if (name && (ts.isFunctionDeclaration(p) || (ts.isVariableDeclaration(p.parent) && ts.isVariableStatement(p.parent.parent.parent)))) {
          let only = rollbackOnly.get(name);
          if (only === undefined) {
            only = calledOnlyFromRollback(sf, name, p);
            rollbackOnly.set(name, only);
          }
          if (only) return true;
        }
      }
      return false;
    };

    const report = (node: ts.Node, changes: DdlChange[], shown: string) => {
      if (!changes.length || isRollback(node)) return;
      const unique = [...new Set(changes)];
      const what = unique.map((c) => CHANGE_TEXT[c]).join(', ');
      context.report(node, `This migration step (\`${shown}\`) ${what}. ${CHANGE_ADVICE[unique[0]]}`);
    };

    return {
      CallExpression: (node: ts.Node) => {
        const call = node as ts.CallExpression;
        const name = calleeName(call);
        if (!name) return;
        const changes = changesOfCall(facts, call, name);
        if (!changes.length) return;
        const at = name === 'notNullable' ? outermostCall(call) : call;
        report(at, changes, short(at, sf));
      },
      // statement lists: `export const up = ['ALTER TABLE … DROP COLUMN …', …]`, run by a small migrator
      ArrayLiteralExpression: (node: ts.Node) => {
        const arr = node as ts.ArrayLiteralExpression;
        if (inRollbackList(arr)) return;
        for (const el of arr.elements) {
          if (!ts.isStringLiteral(el) && !ts.isNoSubstitutionTemplateLiteral(el)) continue;
          if (!looksLikeSql(el.text)) continue;
          report(el, sqlChanges(el.text), short(el, sf));
        }
      },
      TaggedTemplateExpression: (node: ts.Node) => {
        const tagged = node as ts.TaggedTemplateExpression;
        const tag = skipOuterExpressions(tagged.tag);
        const tagName = ts.isIdentifier(tag) ? tag.text : ts.isPropertyAccessExpression(tag) ? tag.name.text : undefined;
        if (!tagName || !SQL_TAGS.has(tagName)) return;
        // handed to a SQL method as its argument: reported there
        const parent = tagged.parent;
        if (ts.isCallExpression(parent) && parent.arguments.includes(tagged) && SQL_METHODS.has(calleeName(parent) ?? '')) return;
        const text = sqlTextOf(facts, tagged) ?? (ts.isNoSubstitutionTemplateLiteral(tagged.template) ? tagged.template.text : undefined);
        if (!text || !looksLikeSql(text)) return;
        report(tagged, sqlChanges(text), short(tagged, sf));
      },
    };
  },
});

function changesOfCall(facts: FileFacts, call: ts.CallExpression, name: string): DdlChange[] {
  if (DROP_TABLE.has(name)) return ['drop-table'];
  if (DROP_COLUMN.has(name)) return ['drop-column'];
  if (RENAME_COLUMN.has(name)) return ['rename-column'];
  if (name === 'notNullable' || name === 'notNull') return knexNotNull(call, name) ? ['not-null'] : [];
  if (name === 'dropNullable') return inAlterTable(call) ? ['not-null'] : [];
  if (COLUMN_OPTION_CALLS.has(name)) return !inCreateTableChain(call) && columnOptionsAddNotNull(facts, call) ? ['not-null'] : [];
  if (SQL_METHODS.has(name) && call.arguments.length) {
    const text = sqlTextOf(facts, call.arguments[0]);
    if (text && looksLikeSql(text)) return sqlChanges(text);
  }
  return [];
}

/** The array is (part of) the value of a `down` / `rollback` variable or property. */
function inRollbackList(arr: ts.Node): boolean {
  for (let p: ts.Node | undefined = arr.parent; p && !isFunctionNode(p) && !ts.isSourceFile(p); p = p.parent) {
    if ((ts.isVariableDeclaration(p) || ts.isPropertyAssignment(p)) && ts.isIdentifier(p.name) && ROLLBACK_NAMES.has(p.name.text)) return true;
  }
  return false;
}

function sqlChanges(text: string): DdlChange[] {
  const out: DdlChange[] = [];
  // table renames are not reported (the definition names column renames only)
  for (const stmt of sqlStatements(text)) out.push(...destructiveChanges(stmt).filter((c) => c !== 'rename-table'));
  return out;
}

/**
 * knex `table.string('x').notNullable()` inside `alterTable` / `schema.table` (not `createTable`)
 * with no `.defaultTo(…)` in the chain; Kysely `.notNull()` in an `addColumn` builder is judged
 * with the column options.
 */
function knexNotNull(call: ts.CallExpression, name: string): boolean {
  if (name === 'notNull') return false; // Kysely builders are read through addColumn / alterColumn
  const outer = outermostCall(call);
  const { links } = chainLinks(outer);
  if (links.some((l) => SELF_FILLING_BUILDERS.has(l.name))) return false;
  return inAlterTable(call);
}

/** The call sits in the callback of knex `schema.alterTable(…)` / `schema.table(…)`. */
function inAlterTable(node: ts.Node): boolean {
  for (let p: ts.Node | undefined = node.parent; p; p = p.parent) {
    if (!isFunctionNode(p)) continue;
    if (!ts.isArrowFunction(p) && !ts.isFunctionExpression(p)) return false;
    const call = p.parent;
    if (!call || !ts.isCallExpression(call) || !call.arguments.includes(p)) return false;
    const method = calleeName(call);
    if (method === 'alterTable') return true;
    if (method === 'table') {
      const callee = skipOuterExpressions(call.expression);
      return ts.isPropertyAccessExpression(callee) && /(^|\.)schema$|withSchema\(/.test(callee.expression.getText());
    }
    return false;
  }
  return false;
}

const NOT_NULL_MARKERS: [string, ts.SyntaxKind][] = [
  ['allowNull', ts.SyntaxKind.FalseKeyword], // Sequelize
  ['isNullable', ts.SyntaxKind.FalseKeyword], // TypeORM TableColumn
  ['nullable', ts.SyntaxKind.FalseKeyword],
  ['notNull', ts.SyntaxKind.TrueKeyword], // node-pg-migrate
];
const DEFAULT_KEYS = ['defaultValue', 'default', 'defaultTo'];
const SELF_FILLING_KEYS = ['autoIncrement', 'isGenerated', 'generationStrategy', 'generated', 'sequenceGenerated', 'identity'];

/**
 * `addColumn(table, name, { allowNull: false })` (Sequelize), `addColumn(table, new TableColumn({
 * isNullable: false }))` (TypeORM), `addColumns(table, { col: { notNull: true } })`
 * (node-pg-migrate), Kysely `addColumn('c', 'text', (col) => col.notNull())`: a column that is
 * NOT NULL with no default and no generated value.
 */
/** Kysely `db.schema.createTable('t').addColumn(…)`: a column of a new table, which has no rows yet. */
function inCreateTableChain(call: ts.CallExpression): boolean {
  for (let e: ts.Expression = call; ts.isCallExpression(e); ) {
    if (calleeName(e) === 'createTable') return true;
    const callee = skipOuterExpressions(e.expression);
    if (!ts.isPropertyAccessExpression(callee)) return false;
    e = skipOuterExpressions(callee.expression);
  }
  return false;
}

function columnOptionsAddNotNull(facts: FileFacts, call: ts.CallExpression): boolean {
  let found = false;
  const visitObject = (obj: ts.ObjectLiteralExpression): void => {
    if (found) return;
    if (isNotNullWithoutDefault(obj)) {
      found = true;
      return;
    }
    for (const p of obj.properties) if (ts.isPropertyAssignment(p)) visitValue(p.initializer, 1);
  };
  const visitValue = (v0: ts.Expression, depth: number): void => {
    if (found || depth > 3) return;
    const v = skipOuterExpressions(v0);
    const obj = objectLiteralOf(facts, v);
    if (obj) return visitObject(obj);
    if (ts.isNewExpression(v)) return v.arguments?.forEach((a) => visitValue(a, depth + 1));
    if (ts.isArrayLiteralExpression(v)) return v.elements.forEach((e) => visitValue(e, depth + 1));
    if (ts.isArrowFunction(v) || ts.isFunctionExpression(v)) {
      // Kysely column builder: (col) => col.notNull().defaultTo(…)
      let notNull = false;
      let filled = false;
      walk(v, (n) => {
        if (ts.isCallExpression(n)) {
          const m = calleeName(n);
          if (m === 'notNull' || m === 'notNullable') notNull = true;
          if (m && SELF_FILLING_BUILDERS.has(m)) filled = true;
        }
        return true;
      });
      if (notNull && !filled) found = true;
    }
  };
  for (const a of call.arguments) visitValue(a, 0);
  return found;
}

function isNotNullWithoutDefault(obj: ts.ObjectLiteralExpression): boolean {
  const notNull = NOT_NULL_MARKERS.some(([key, literal]) => {
    const p = lookupProperty(obj, key);
    return p.kind === 'value' && skipOuterExpressions(p.value).kind === literal;
  });
  if (!notNull) return false;
  for (const key of [...DEFAULT_KEYS, ...SELF_FILLING_KEYS]) {
    const p = lookupProperty(obj, key);
    if (p.kind !== 'absent') return false;
  }
  // a serial / identity column type fills itself
  for (const p of obj.properties) {
    if (!ts.isPropertyAssignment(p) || propertyName(p) !== 'type') continue;
    if (/serial|identity/i.test(p.initializer.getText())) return false;
  }
  return true;
}

/** Every call of the helper `name` in the file is inside a rollback function. */
function calledOnlyFromRollback(sf: ts.SourceFile, name: string, self: ts.Node): boolean {
  let calls = 0;
  let outside = false;
  walk(sf, (n) => {
    if (n === self) return false;
    if (ts.isIdentifier(n) && n.text === name) {
      const p = n.parent;
      const isDeclName = (ts.isFunctionDeclaration(p) || ts.isVariableDeclaration(p)) && p.name === n;
      if (isDeclName || (ts.isPropertyAccessExpression(p) && p.name === n)) return true;
      calls++;
      let inRollback = false;
      for (let q: ts.Node | undefined = n.parent; q; q = q.parent) {
        if (isFunctionNode(q)) {
          const fname = functionName(q);
          if (fname && ROLLBACK_NAMES.has(fname)) {
            inRollback = true;
            break;
          }
        }
      }
      if (!inRollback) {
        outside = true;
        return 'stop';
      }
    }
    return true;
  });
  return calls > 0 && !outside;
}

function short(node: ts.Node, sf: ts.SourceFile): string {
  const text = node.getText(sf).replace(/\s+/g, ' ');
  return text.length <= 80 ? text : `${text.slice(0, 77)}…`;
}
