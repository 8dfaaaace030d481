// corpus-path: src/migrations/1700000000000-AccountChanges.ts
// @ts-nocheck
import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

export class AccountChanges1700000000000 implements MigrationInterface {
  name = 'AccountChanges1700000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "account" DROP COLUMN "legacyId"`); // expect: destructive-migration
    await queryRunner.query(`ALTER TABLE "account" RENAME COLUMN "name" TO "displayName"`); // expect: destructive-migration
    await queryRunner.query(`ALTER TABLE "account" ADD "region" character varying NOT NULL`); // expect: destructive-migration
    await queryRunner.query(`ALTER TABLE "account" ADD "tier" character varying NOT NULL DEFAULT 'basic'`); // ok: destructive-migration
    await queryRunner.query(`ALTER TABLE "account" ADD "note" character varying`); // ok: destructive-migration
    await queryRunner.query(`ALTER TABLE "account" ALTER COLUMN "email" SET NOT NULL`); // expect: destructive-migration
    await queryRunner.query(`DROP TABLE "old_account"`); // expect: destructive-migration
    await queryRunner.query(`CREATE TABLE "ledger" ("id" SERIAL NOT NULL, "amount" integer NOT NULL, CONSTRAINT "PK_ledger" PRIMARY KEY ("id"))`); // ok: destructive-migration
    await queryRunner.query(`CREATE INDEX "IDX_account_email" ON "account" ("email")`); // ok: destructive-migration
    await queryRunner.dropColumn('account', 'avatar'); // expect: destructive-migration
    await queryRunner.renameColumn('account', 'phone', 'phoneNumber'); // expect: destructive-migration
    await queryRunner.dropTable('account_tmp'); // expect: destructive-migration
    await queryRunner.addColumn('account', new TableColumn({ name: 'flags', type: 'int', isNullable: true })); // ok: destructive-migration
    await queryRunner.query(`ALTER TABLE "account" DROP CONSTRAINT "FK_old"`); // ok: destructive-migration
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "ledger"`); // ok: destructive-migration
    await queryRunner.query(`ALTER TABLE "account" DROP COLUMN "tier"`); // ok: destructive-migration
    await queryRunner.query(`ALTER TABLE "account" DROP COLUMN "note"`); // ok: destructive-migration
  }
}
