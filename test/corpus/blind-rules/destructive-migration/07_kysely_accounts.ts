// corpus-path: packages/api/src/migrations/2024-06-02-accounts.ts
import { Kysely, sql as rawSql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('account_tokens').execute(); // expect: destructive-migration
  await db.schema.alterTable('account').dropColumn('legacy_plan').execute(); // expect: destructive-migration
  await db.schema.alterTable('account').renameColumn('handle', 'username').execute(); // expect: destructive-migration
  await db.schema.alterTable('account').addColumn('region', 'text', (col) => col.notNull()).execute(); // expect: destructive-migration
  await db.schema.alterTable('account').addColumn('tier', 'text', (col) => col.notNull().defaultTo('free')).execute(); // ok: destructive-migration
  await db.schema.alterTable('account').addColumn('avatar_url', 'text').execute(); // ok: destructive-migration
  await db.schema.dropIndex('account_email_idx').execute(); // ok: destructive-migration
  await rawSql`ALTER TABLE account DROP COLUMN fax`.execute(db); // expect: destructive-migration
  await db.schema.createTable('account_audit').addColumn('id', 'serial', (c) => c.primaryKey()).addColumn('action', 'text', (c) => c.notNull()).execute(); // ok: destructive-migration
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('account_audit').execute(); // ok: destructive-migration
  await db.schema.alterTable('account').dropColumn('avatar_url').execute(); // ok: destructive-migration
  await db.schema.alterTable('account').renameColumn('username', 'handle').execute(); // ok: destructive-migration
}
