// corpus-path: src/admin/schemaTools.ts
// @ts-nocheck
// The same statements outside a migrations folder are not this rule's business.
import type { Knex } from 'knex';
import type { QueryRunner } from 'typeorm';

export async function dropScratch(knex: Knex, qr: QueryRunner) {
  await knex.schema.dropTable('scratch'); // ok: destructive-migration
  await knex.schema.alterTable('users', (t) => {
    t.dropColumn('tmp'); // ok: destructive-migration
    t.renameColumn('a', 'b'); // ok: destructive-migration
  });
  await qr.query('ALTER TABLE "x" DROP COLUMN "y"'); // ok: destructive-migration
  await qr.query('DROP TABLE "x"'); // ok: destructive-migration
  await qr.dropColumn('x', 'y'); // ok: destructive-migration
}
