// corpus-path: src/database/migrations/Migration20240401.ts
// @ts-nocheck
import { Migration } from '@mikro-orm/migrations';
import { Kysely } from 'kysely';

export class Migration20240401 extends Migration {
  async up(): Promise<void> {
    this.addSql('alter table "user" drop column "age";'); // expect: destructive-migration
    this.addSql('alter table "user" add column "nick" varchar(255) null;'); // ok: destructive-migration
    this.addSql('create table "tag" ("id" serial primary key, "name" varchar(255) not null);'); // ok: destructive-migration
  }

  async down(): Promise<void> {
    this.addSql('drop table if exists "tag" cascade;'); // ok: destructive-migration
  }
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('person').dropColumn('middle_name').execute(); // expect: destructive-migration
  await db.schema.dropTable('pet_old').execute(); // expect: destructive-migration
  await db.schema.alterTable('person').renameColumn('first', 'first_name').execute(); // expect: destructive-migration
  await db.schema.alterTable('person').addColumn('age', 'integer').execute(); // ok: destructive-migration
  await db.schema.alterTable('person').addColumn('country', 'text', (col) => col.notNull()).execute(); // expect: destructive-migration
  await db.schema.alterTable('person').addColumn('lang', 'text', (col) => col.notNull().defaultTo('en')).execute(); // ok: destructive-migration
  await db.schema.createIndex('person_age').on('person').column('age').execute(); // ok: destructive-migration
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('person').dropColumn('age').execute(); // ok: destructive-migration
}
