// corpus-path: apps/worker/migrations/Migration20240710120000.ts
import { Migration as BaseMigration } from '@mikro-orm/migrations';

export class Migration20240710120000 extends BaseMigration {
  async up(): Promise<void> {
    this.addSql('alter table "order" drop column "legacy_status";'); // expect: destructive-migration
    this.addSql('drop table if exists "order_snapshot" cascade;'); // expect: destructive-migration
    this.addSql('alter table "order" rename column "ref" to "reference";'); // expect: destructive-migration
    this.addSql('alter table "order" add column "priority" int not null;'); // expect: destructive-migration
    this.addSql('alter table "order" add column "shipped_at" timestamptz null;'); // ok: destructive-migration
    this.addSql('alter table "order" add column "source" varchar(32) not null default \'web\';'); // ok: destructive-migration
    this.addSql('alter table "order" drop constraint "order_customer_id_foreign";'); // ok: destructive-migration
    this.addSql('drop index "order_created_at_index";'); // ok: destructive-migration
    this.addSql('create table "order_audit" ("id" serial primary key, "order_id" int not null, "note" text not null);'); // ok: destructive-migration
  }

  async down(): Promise<void> {
    this.addSql('drop table if exists "order_audit" cascade;'); // ok: destructive-migration
    this.addSql('alter table "order" drop column "source";'); // ok: destructive-migration
    this.addSql('alter table "order" rename column "reference" to "ref";'); // ok: destructive-migration
  }
}
