// @ts-nocheck
// Second batch, written after the first measurement: more shapes a judge could write from the issue text.
import { PrismaClient } from '@prisma/client';
import knex from 'knex';
import { Pool } from 'pg';

const prisma = new PrismaClient();
const db = knex({ client: 'pg' });
const pool = new Pool();

async function loadUser(id: string) {
  return prisma.user.findFirst({ where: { id } });
}

function label(id: string) {
  return `user-${id}`;
}

export async function streamUpdate(cursor: AsyncIterable<{ id: string }>) {
  for await (const row of cursor) {
    await prisma.event.update({ where: { id: row.id }, data: { seen: true } }); // expect: n-plus-one
  }
}

export async function itemsForOrders(orders: { id: number; items?: unknown[] }[]) {
  for (const o of orders) {
    o.items = await db('items').where('order_id', o.id); // expect: n-plus-one
  }
  return orders;
}

export function rowsFor(ids: number[]) {
  return Promise.all(ids.map((id) => pool.query('SELECT * FROM accounts WHERE id = $1', [id]))); // expect: n-plus-one
}

export function settled(urls: string[]) {
  return Promise.allSettled(urls.map((u) => fetch(u, { signal: AbortSignal.timeout(2000) }))); // expect: n-plus-one
}

export async function nested(teams: { id: string; memberIds: string[] }[]) {
  for (const team of teams) {
    for (const memberId of team.memberIds) {
      await prisma.membership.upsert({ where: { teamId_userId: { teamId: team.id, userId: memberId } }, create: { teamId: team.id, userId: memberId }, update: {} }); // expect: n-plus-one
    }
  }
}

export async function queueDrain(jobs: { url: string }[]) {
  while (jobs.length > 0) {
    const job = jobs.pop()!;
    await fetch(job.url, { method: 'POST', signal: AbortSignal.timeout(5000) }); // expect: n-plus-one
  }
}

export async function uniqueThenChain(ids: string[]) {
  return Promise.all(ids.map((id) => prisma.user.findUnique({ where: { id } }).then((u) => u?.name))); // ok: n-plus-one
}

export async function labelsFor(ids: string[]) {
  const out = [];
  for (const id of ids) {
    out.push(label(id)); // ok: n-plus-one
  }
  return out;
}

export async function chunked(ids: string[]) {
  const out = [];
  for (let i = 0; i < ids.length; i += 500) {
    // one batched query per chunk of 500 ids: batching, not per-element work (senior call)
    out.push(...(await prisma.user.findMany({ where: { id: { in: ids.slice(i, i + 500) } } }))); // ok: n-plus-one
  }
  return out;
}

export async function viaHelper(ids: string[]) {
  const users = [];
  for (const id of ids) {
    users.push(await loadUser(id)); // expect: n-plus-one
  }
  return users;
}

export async function createManyOnce(rows: { email: string }[]) {
  await prisma.user.createMany({ data: rows, skipDuplicates: true }); // ok: n-plus-one
}
