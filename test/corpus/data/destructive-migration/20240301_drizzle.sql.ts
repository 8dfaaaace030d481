// corpus-path: drizzle/migrations/0007_rename.ts
// @ts-nocheck
import { sql } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';

export async function up(db: NodePgDatabase) {
  await db.execute(sql`ALTER TABLE "profiles" RENAME COLUMN "handle" TO "username"`); // expect: destructive-migration
  await db.execute(sql`DROP TABLE "profile_drafts"`); // expect: destructive-migration
  await db.execute(sql`ALTER TABLE "profiles" ADD COLUMN "theme" varchar(20) DEFAULT 'light' NOT NULL`); // ok: destructive-migration
}
