// @ts-nocheck
import { PrismaClient, Prisma } from '@prisma/client';

const prisma = new PrismaClient();

export async function searchArticles(q: string) {
  return prisma.$queryRawUnsafe(`SELECT * FROM "Article" WHERE title ILIKE '%${q}%'`); // expect: sql-injection
}

export async function searchArticlesSafe(q: string) {
  return prisma.$queryRaw`SELECT * FROM "Article" WHERE title ILIKE ${'%' + q + '%'}`; // ok: sql-injection
}

export async function searchUnsafeWithParams(q: string) {
  return prisma.$queryRawUnsafe('SELECT * FROM "Article" WHERE title ILIKE $1', `%${q}%`); // ok: sql-injection
}

export async function purgeDrafts(authorId: string) {
  return prisma.$executeRawUnsafe('DELETE FROM "Article" WHERE draft = true AND "authorId" = \'' + authorId + "'"); // expect: sql-injection
}

export async function purgeDraftsSafe(authorId: string) {
  return prisma.$executeRaw`DELETE FROM "Article" WHERE draft = true AND "authorId" = ${authorId}`; // ok: sql-injection
}

export async function purgeWithSqlHelper(authorId: string) {
  return prisma.$executeRaw(Prisma.sql`DELETE FROM "Article" WHERE "authorId" = ${authorId}`); // ok: sql-injection
}

export async function bumpViews(id: number, by: number) {
  return prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`UPDATE "Article" SET views = views + ${by} WHERE id = ${id}`); // expect: sql-injection
  });
}

export async function vacuum() {
  return prisma.$executeRawUnsafe('VACUUM ANALYZE "Article"'); // ok: sql-injection
}

export async function tableStats(table: string) {
  const query = `SELECT count(*) FROM "${table}"`;
  return prisma.$queryRawUnsafe(query); // expect: sql-injection
}
