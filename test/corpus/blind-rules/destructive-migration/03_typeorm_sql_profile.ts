// corpus-path: src/database/migrations/1712000000000-RemoveLegacyProfile.ts
import { MigrationInterface, QueryRunner } from 'typeorm';

export class RemoveLegacyProfile1712000000000 implements MigrationInterface {
  name = 'RemoveLegacyProfile1712000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query( // expect: destructive-migration
      `ALTER TABLE "profile" DROP COLUMN "legacy_avatar"`,
    );
    await queryRunner.query(`DROP TABLE "profile_audit"`); // expect: destructive-migration
    await queryRunner.query(`ALTER TABLE "profile" RENAME COLUMN "bio" TO "about"`); // expect: destructive-migration
    await queryRunner.query(`ALTER TABLE "profile" ADD "locale" character varying NOT NULL`); // expect: destructive-migration
    await queryRunner.query(`ALTER TABLE "profile" ADD "timezone" character varying NOT NULL DEFAULT 'UTC'`); // ok: destructive-migration
    await queryRunner.query(`ALTER TABLE "profile" DROP CONSTRAINT "FK_profile_user"`); // ok: destructive-migration
    await queryRunner.query(`DROP INDEX "public"."IDX_profile_slug"`); // ok: destructive-migration
    await queryRunner.query(`ALTER TABLE "profile" ALTER COLUMN "website" DROP NOT NULL`); // ok: destructive-migration
    await queryRunner.query(`ALTER TABLE "profile" ALTER COLUMN "status" DROP DEFAULT`); // ok: destructive-migration
    await queryRunner.query(`ALTER TABLE "profile" ADD CONSTRAINT "CHK_profile_email" CHECK ("email" IS NOT NULL) NOT VALID`); // ok: destructive-migration
    await queryRunner.query(`ALTER TABLE "profile" ALTER COLUMN "display_name" SET NOT NULL`); // expect: destructive-migration
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "profile" ALTER COLUMN "display_name" DROP NOT NULL`); // ok: destructive-migration
    await queryRunner.query(`ALTER TABLE "profile" DROP COLUMN "timezone"`); // ok: destructive-migration
    await queryRunner.query(`ALTER TABLE "profile" DROP COLUMN "locale"`); // ok: destructive-migration
    await queryRunner.query(`ALTER TABLE "profile" RENAME COLUMN "about" TO "bio"`); // ok: destructive-migration
    await queryRunner.query(`CREATE TABLE "profile_audit" ("id" SERIAL NOT NULL, "action" character varying NOT NULL, CONSTRAINT "PK_profile_audit" PRIMARY KEY ("id"))`); // ok: destructive-migration
    await queryRunner.query(`ALTER TABLE "profile" ADD "legacy_avatar" character varying`);
  }
}
