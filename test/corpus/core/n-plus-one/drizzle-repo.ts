// @ts-nocheck
import { drizzle } from 'drizzle-orm/node-postgres';
import { eq, inArray } from 'drizzle-orm';
import { Pool } from 'pg';
import { users, memberships } from './schema';

const database = drizzle(new Pool());

export async function membershipsOf(userIds: number[]) {
  const out = [];
  for (const id of userIds) {
    out.push(await database.select().from(memberships).where(eq(memberships.userId, id))); // expect: n-plus-one
  }
  return out;
}

export async function membershipsOfBatched(userIds: number[]) {
  return database.select().from(memberships).where(inArray(memberships.userId, userIds)); // ok: n-plus-one
}

export async function profiles(ids: number[]) {
  return Promise.all(ids.map((id) => database.query.users.findFirst({ where: eq(users.id, id) }))); // expect: n-plus-one
}

export async function profilesBatched(ids: number[]) {
  return database.query.users.findMany({ where: inArray(users.id, ids) }); // ok: n-plus-one
}

export async function renameAll(renames: { id: number; name: string }[]) {
  for (const r of renames) {
    await database.update(users).set({ name: r.name }).where(eq(users.id, r.id)); // expect: n-plus-one
  }
}

export async function insertAll(rows: { userId: number; teamId: number }[]) {
  await database.insert(memberships).values(rows); // ok: n-plus-one
}
