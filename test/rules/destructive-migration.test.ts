import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { destructiveMigration } from '../../src/core/rules/destructive-migration';
import { findingsFor, runRuleTests, type InvalidCase, type RuleCase } from './ruleTester';

const MIGRATION = 'db/migrations/20240701120000_change.ts';
const knexUp = (body: string) => `import type { Knex } from 'knex';\n\nexport async function up(knex: Knex): Promise<void> {\n${body}\n}\n`;

const invalid: InvalidCase[] = [
  // ---- statement lists run by a small migrator --------------------------------------------------
  {
    name: 'SQL statements listed in an exported up array',
    file: 'services/billing/migrations/003_raw.ts',
    code: "export const up = [\n  'CREATE INDEX a_idx ON a (b)',\n  'ALTER TABLE invoices DROP COLUMN memo',\n  \"ALTER TABLE invoices ADD COLUMN c text NOT NULL DEFAULT 'x'\",\n];\nexport const down = ['DROP TABLE refunds'];\n",
    line: 3,
    text: "'ALTER TABLE invoices DROP COLUMN memo'",
    messageIncludes: ['drops a column'],
  },
  // ---- knex schema builder ----------------------------------------------------------------------
  {
    name: 'knex dropTable',
    file: MIGRATION,
    code: knexUp("  await knex.schema.dropTable('legacy_carts');"),
    line: 4,
    text: "knex.schema.dropTable('legacy_carts')",
    severity: 'HIGH',
    messageIncludes: ['drops a table', 'rollback', 'Expand/contract'],
  },
  {
    name: 'knex dropTableIfExists',
    file: MIGRATION,
    code: knexUp("  await knex.schema.dropTableIfExists('sessions_old');"),
  },
  {
    name: 'knex dropColumn in alterTable',
    file: MIGRATION,
    code: knexUp("  await knex.schema.alterTable('users', (table) => {\n    table.dropColumn('fax');\n  });"),
    line: 5,
    messageIncludes: ['drops a column'],
  },
  {
    name: 'knex renameColumn in schema.table',
    file: MIGRATION,
    code: knexUp("  await knex.schema.table('orders', (t) => {\n    t.renameColumn('total', 'total_cents');\n  });"),
    messageIncludes: ['renames a column'],
  },
  {
    name: 'knex notNullable() added in alterTable without defaultTo',
    file: MIGRATION,
    code: knexUp("  await knex.schema.alterTable('orders', (table) => {\n    table.string('currency', 3).notNullable();\n  });"),
    line: 5,
    text: "table.string('currency', 3).notNullable()",
    messageIncludes: ['NOT NULL', 'backfill'],
  },
  {
    name: 'knex .notNullable().alter() on an existing column',
    file: MIGRATION,
    code: knexUp("  await knex.schema.alterTable('orders', (table) => {\n    table.string('email').notNullable().alter();\n  });"),
  },
  {
    name: 'knex CommonJS exports.up with raw DROP TABLE',
    file: 'migrations/003_drop_audit.js',
    code: "exports.up = function (knex) {\n  return knex.raw('DROP TABLE IF EXISTS audit_old');\n};\n\nexports.down = function () {};\n",
    line: 2,
  },
  {
    name: 'knex raw ALTER TABLE … DROP COLUMN',
    file: MIGRATION,
    code: knexUp("  await knex.raw('ALTER TABLE users DROP COLUMN fax');"),
  },
  {
    name: 'raw ADD COLUMN … NOT NULL without DEFAULT',
    file: MIGRATION,
    code: knexUp("  await knex.raw('ALTER TABLE users ADD COLUMN tenant_id uuid NOT NULL');"),
    messageIncludes: ['NOT NULL'],
  },
  {
    name: 'raw ALTER COLUMN … SET NOT NULL',
    file: MIGRATION,
    code: knexUp("  await knex.raw('ALTER TABLE users ALTER COLUMN email SET NOT NULL');"),
  },
  {
    name: 'raw RENAME COLUMN, two statements in one string (one finding)',
    file: MIGRATION,
    code: knexUp("  await knex.raw('ALTER TABLE orders RENAME COLUMN total TO total_cents; ALTER TABLE orders DROP COLUMN legacy_ref;');"),
    messageIncludes: ['renames a column, drops a column'],
  },
  // ---- TypeORM ----------------------------------------------------------------------------------
  {
    name: 'TypeORM generated migration with queryRunner.query',
    file: 'src/migrations/1712345678901-DropFax.ts',
    code: "import { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class DropFax1712345678901 implements MigrationInterface {\n  name = 'DropFax1712345678901';\n\n  public async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(`ALTER TABLE \"user\" DROP COLUMN \"fax\"`);\n  }\n\n  public async down(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(`ALTER TABLE \"user\" ADD \"fax\" character varying`);\n  }\n}\n",
    line: 7,
  },
  {
    name: 'TypeORM queryRunner.dropColumn',
    file: 'src/migrations/1712345678902-Cleanup.ts',
    code: "import { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class Cleanup1712345678902 implements MigrationInterface {\n  async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.dropColumn('user', 'fax');\n  }\n  async down(): Promise<void> {}\n}\n",
  },
  {
    name: 'TypeORM addColumn with TableColumn isNullable: false and no default',
    file: 'src/migrations/1712345678903-Tenant.ts',
    code: "import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';\n\nexport class Tenant1712345678903 implements MigrationInterface {\n  async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.addColumn('user', new TableColumn({ name: 'tenant_id', type: 'uuid', isNullable: false }));\n  }\n  async down(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.dropColumn('user', 'tenant_id');\n  }\n}\n",
    line: 5,
    messageIncludes: ['NOT NULL'],
  },
  // ---- Sequelize ----------------------------------------------------------------------------------
  {
    name: 'Sequelize queryInterface.removeColumn (module.exports object with methods)',
    file: 'migrations/20240701-remove-fax.js',
    code: "'use strict';\nmodule.exports = {\n  async up(queryInterface) {\n    await queryInterface.removeColumn('Users', 'fax');\n  },\n  async down(queryInterface, Sequelize) {\n    await queryInterface.addColumn('Users', 'fax', { type: Sequelize.STRING });\n  },\n};\n",
    line: 4,
  },
  {
    name: 'Sequelize renameColumn',
    file: 'migrations/20240702-rename.js',
    code: "module.exports = {\n  up: async (queryInterface) => {\n    await queryInterface.renameColumn('Orders', 'total', 'totalCents');\n  },\n  down: async (queryInterface) => {\n    await queryInterface.renameColumn('Orders', 'totalCents', 'total');\n  },\n};\n",
    line: 3,
  },
  {
    name: 'Sequelize addColumn with allowNull: false and no defaultValue',
    file: 'migrations/20240703-tenant.js',
    code: "module.exports = {\n  async up(queryInterface, Sequelize) {\n    await queryInterface.addColumn('Users', 'tenantId', { type: Sequelize.UUID, allowNull: false });\n  },\n  async down(queryInterface) {\n    await queryInterface.removeColumn('Users', 'tenantId');\n  },\n};\n",
    line: 3,
  },
  {
    name: 'Sequelize changeColumn to allowNull: false',
    file: 'migrations/20240704-email.js',
    code: "module.exports = {\n  async up(queryInterface, Sequelize) {\n    await queryInterface.changeColumn('Users', 'email', { type: Sequelize.STRING, allowNull: false });\n  },\n  async down() {},\n};\n",
  },
  {
    name: 'Sequelize raw query through queryInterface.sequelize',
    file: 'migrations/20240705-drop.js',
    code: "module.exports = {\n  async up(queryInterface) {\n    await queryInterface.sequelize.query('DROP TABLE \"LegacyCarts\"');\n  },\n  async down() {},\n};\n",
  },
  // ---- node-pg-migrate / Kysely / MikroORM ------------------------------------------------------
  {
    name: 'node-pg-migrate dropColumns and sql',
    file: 'migrations/1712345678904_cleanup.js',
    code: "exports.up = (pgm) => {\n  pgm.dropColumns('users', ['fax']);\n  pgm.sql('ALTER TABLE orders RENAME COLUMN total TO total_cents');\n};\nexports.down = false;\n",
    count: 2,
  },
  {
    name: 'node-pg-migrate addColumns with notNull and no default',
    file: 'migrations/1712345678905_tenant.js',
    code: "exports.up = (pgm) => {\n  pgm.addColumns('users', { tenant_id: { type: 'uuid', notNull: true } });\n};\n",
  },
  {
    name: 'Kysely schema builder dropColumn and notNull column',
    file: 'src/db/migrations/2024-07-01-users.ts',
    code: "import type { Kysely } from 'kysely';\n\nexport async function up(db: Kysely<any>): Promise<void> {\n  await db.schema.alterTable('users').dropColumn('fax').execute();\n  await db.schema.alterTable('users').addColumn('tenant_id', 'uuid', (col) => col.notNull()).execute();\n}\n\nexport async function down(db: Kysely<any>): Promise<void> {\n  await db.schema.alterTable('users').dropColumn('tenant_id').execute();\n}\n",
    count: 2,
  },
  {
    name: 'Kysely sql tagged template executed',
    file: 'src/db/migrations/2024-07-02-rename.ts',
    code: "import { sql, type Kysely } from 'kysely';\n\nexport async function up(db: Kysely<any>): Promise<void> {\n  await sql`ALTER TABLE users RENAME COLUMN name TO full_name`.execute(db);\n}\n",
    line: 4,
  },
  {
    name: 'MikroORM addSql',
    file: 'src/migrations/Migration20240701.ts',
    code: "import { Migration } from '@mikro-orm/migrations';\n\nexport class Migration20240701 extends Migration {\n  async up(): Promise<void> {\n    this.addSql('alter table \"user\" drop column \"fax\";');\n  }\n}\n",
  },
  {
    name: 'custom migrationGlobs option',
    file: 'db/schema-changes/004.ts',
    options: { migrationGlobs: ['db/schema-changes/*.ts'] },
    code: knexUp("  await knex.schema.dropTable('legacy');"),
  },
  {
    name: 'top-level statement in a migration file',
    file: 'scripts/migrations/run-once.ts',
    code: "import knex from 'knex';\nconst db = knex({ client: 'pg' });\nawait db.schema.dropTable('tmp_import');\n",
  },
];

const valid: (string | RuleCase)[] = [
  {
    name: 'table renames are not reported: the definition names column renames (decision)',
    file: MIGRATION,
    code: knexUp("  await knex.schema.renameTable('customer', 'customers');"),
  },
  {
    name: 'raw ALTER TABLE … RENAME TO is a table rename: not reported (decision)',
    file: MIGRATION,
    code: "import type { Knex } from 'knex';\nconst SQL = `ALTER TABLE customer RENAME TO customers`;\nexport async function up(knex: Knex) {\n  await knex.raw(SQL);\n}\n",
  },
  { name: 'a down statement list and look-alike text', file: 'migrations/004_list.ts', code: "export const down = ['DROP TABLE refunds', 'ALTER TABLE a DROP COLUMN b'];\nexport const notes = ['remember to drop the old table later', 'CREATE TABLE x (id int NOT NULL)'];\n" },
  { name: 'not a migration file', file: 'src/admin/maintenance.ts', code: knexUp("  await knex.schema.dropTable('legacy_carts');") },
  { name: 'down() drops what up() created', file: MIGRATION, code: "import type { Knex } from 'knex';\nexport async function up(knex: Knex) {\n  await knex.schema.createTable('refunds', (t) => { t.uuid('id'); });\n}\nexport async function down(knex: Knex) {\n  await knex.schema.dropTable('refunds');\n}\n" },
  { name: 'down as a const arrow export', file: MIGRATION, code: "import type { Knex } from 'knex';\nexport const down = async (knex: Knex) => {\n  await knex.raw('ALTER TABLE users DROP COLUMN tenant_id');\n};\n" },
  { name: 'exports.down', file: 'migrations/1.js', code: "exports.down = function (knex) {\n  return knex.schema.table('users', (t) => t.dropColumn('tenant_id'));\n};\n" },
  { name: 'TypeORM down() method', file: 'src/migrations/1-x.ts', code: "import { MigrationInterface, QueryRunner } from 'typeorm';\nexport class X1 implements MigrationInterface {\n  async up(queryRunner: QueryRunner) {\n    await queryRunner.query('CREATE TABLE refunds (id uuid PRIMARY KEY)');\n  }\n  async down(queryRunner: QueryRunner) {\n    await queryRunner.query('DROP TABLE refunds');\n  }\n}\n" },
  { name: 'Sequelize down property', file: 'migrations/2.js', code: "module.exports = {\n  up: async (qi, Sequelize) => qi.addColumn('Users', 'x', { type: Sequelize.STRING }),\n  down: async (qi) => qi.removeColumn('Users', 'x'),\n};\n" },
  { name: 'helper called only from down()', file: MIGRATION, code: "import type { Knex } from 'knex';\nasync function dropRefunds(knex: Knex) {\n  await knex.schema.dropTable('refunds');\n}\nexport async function up(knex: Knex) {\n  await knex.schema.createTable('refunds', (t) => t.uuid('id'));\n}\nexport async function down(knex: Knex) {\n  await dropRefunds(knex);\n}\n" },
  { name: 'notNullable with defaultTo', file: MIGRATION, code: knexUp("  await knex.schema.alterTable('order_items', (table) => {\n    table.string('tax_code', 8).notNullable().defaultTo('STANDARD');\n  });") },
  { name: 'notNullable columns in createTable', file: MIGRATION, code: knexUp("  await knex.schema.createTable('refunds', (table) => {\n    table.uuid('order_id').notNullable();\n    table.integer('amount_cents').notNullable();\n  });") },
  { name: 'increments added in alterTable', file: MIGRATION, code: knexUp("  await knex.schema.alterTable('legacy', (table) => {\n    table.increments('id').notNullable();\n  });") },
  { name: 'raw NOT NULL with a DEFAULT', file: MIGRATION, code: knexUp("  await knex.raw('ALTER TABLE users ADD COLUMN marketing_opt_in boolean NOT NULL DEFAULT false');") },
  { name: 'raw CREATE TABLE with NOT NULL columns', file: MIGRATION, code: knexUp("  await knex.raw('CREATE TABLE cart_snapshots (id uuid PRIMARY KEY, payload jsonb NOT NULL)');") },
  { name: 'raw ADD COLUMN nullable, ADD CONSTRAINT, DROP CONSTRAINT, DROP INDEX', file: MIGRATION, code: knexUp("  await knex.raw('ALTER TABLE users ADD COLUMN nickname text');\n  await knex.raw('ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email)');\n  await knex.raw('ALTER TABLE users DROP CONSTRAINT users_old_check');\n  await knex.raw('DROP INDEX users_name_idx');") },
  { name: 'raw ADD COLUMN serial NOT NULL fills itself', file: MIGRATION, code: knexUp("  await knex.raw('ALTER TABLE events ADD COLUMN seq bigserial NOT NULL');") },
  { name: 'raw ALTER COLUMN SET NOT NULL together with SET DEFAULT', file: MIGRATION, code: knexUp("  await knex.raw('ALTER TABLE users ALTER COLUMN locale SET DEFAULT \\'en\\', ALTER COLUMN locale SET NOT NULL');") },
  { name: 'raw ALTER COLUMN DROP NOT NULL and RENAME CONSTRAINT', file: MIGRATION, code: knexUp("  await knex.raw('ALTER TABLE users ALTER COLUMN phone DROP NOT NULL');\n  await knex.raw('ALTER TABLE users RENAME CONSTRAINT a TO b');") },
  { name: 'Sequelize addColumn with a defaultValue', file: 'migrations/3.js', code: "module.exports = {\n  async up(qi, Sequelize) {\n    await qi.addColumn('Users', 'locale', { type: Sequelize.STRING, allowNull: false, defaultValue: 'en' });\n  },\n};\n" },
  { name: 'Sequelize addColumn nullable', file: 'migrations/4.js', code: "module.exports = {\n  async up(qi, Sequelize) {\n    await qi.addColumn('Users', 'nickname', { type: Sequelize.STRING, allowNull: true });\n  },\n};\n" },
  { name: 'Sequelize createTable with allowNull: false columns', file: 'migrations/5.js', code: "module.exports = {\n  async up(qi, Sequelize) {\n    await qi.createTable('Refunds', { id: { type: Sequelize.UUID, allowNull: false, primaryKey: true } });\n  },\n};\n" },
  { name: 'TypeORM TableColumn with a default', file: 'src/migrations/2-y.ts', code: "import { QueryRunner, TableColumn } from 'typeorm';\nexport class Y2 {\n  async up(queryRunner: QueryRunner) {\n    await queryRunner.addColumn('user', new TableColumn({ name: 'locale', type: 'varchar', isNullable: false, default: \"'en'\" }));\n  }\n}\n" },
  { name: 'Kysely notNull with a default', file: 'src/db/migrations/3.ts', code: "import type { Kysely } from 'kysely';\nexport async function up(db: Kysely<any>) {\n  await db.schema.alterTable('users').addColumn('locale', 'text', (col) => col.notNull().defaultTo('en')).execute();\n}\n" },
  { name: 'a data migration that only updates rows', file: MIGRATION, code: knexUp("  await knex('users').update({ locale: 'en' }).whereNull('locale');") },
  { name: 'a string that mentions DROP TABLE but is not run', file: MIGRATION, code: "import type { Knex } from 'knex';\nexport const description = 'DROP TABLE legacy_carts happens next quarter';\nexport async function up(knex: Knex) {\n  console.log(description);\n}\n" },
];

runRuleTests(destructiveMigration, { valid, invalid });
runDocsExamplesInMigration();

/** Fixtures live under a migrations path in real projects, so they are analysed as such. */
describe('rule destructive-migration fixtures', () => {
  const dir = path.resolve(__dirname, '../../../test/rules/fixtures/destructive-migration');
  for (const name of readdirSync(dir).sort()) {
    it(`fixture ${name}`, () => {
      const code = readFileSync(path.join(dir, name), 'utf8');
      const expected: Record<number, number> = {};
      code.split('\n').forEach((l, i) => {
        const m = /\/\/\s*expect:\s*destructive-migration(?:\s+x(\d+))?/.exec(l);
        if (m) expected[i + 1] = Number(m[1] ?? 1);
      });
      const actual: Record<number, number> = {};
      for (const f of findingsFor(destructiveMigration, { code, file: `db/migrations/${name}` })) actual[f.line] = (actual[f.line] ?? 0) + 1;
      assert.deepEqual(actual, expected);
      // outside a migrations folder the same file produces nothing
      assert.deepEqual(findingsFor(destructiveMigration, { code, file: `src/${name}` }), []);
    });
  }
});

/** The documented examples, analysed as migration files (the docs runner uses `src/case.ts`). */
function runDocsExamplesInMigration(): void {
  describe('rule destructive-migration documented examples', () => {
    destructiveMigration.docs.invalid.forEach((ex, i) => {
      it(`docs invalid example ${i + 1}`, () => assert.equal(findingsFor(destructiveMigration, { code: ex.code, file: MIGRATION }).length, ex.count ?? 1));
    });
    destructiveMigration.docs.valid.forEach((ex, i) => {
      it(`docs valid example ${i + 1}`, () => assert.equal(findingsFor(destructiveMigration, { code: ex.code, file: MIGRATION }).length, 0));
    });
  });
}

// The shared docs runner analyses examples as `src/case.ts`, outside any migrations folder: there
// every example must be silent, which is itself the path rule working.
describe('rule destructive-migration outside migrations', () => {
  it('documented invalid examples are silent outside a migrations folder', () => {
    for (const ex of destructiveMigration.docs.invalid) assert.equal(findingsFor(destructiveMigration, { code: ex.code }).length, 0);
  });
});
