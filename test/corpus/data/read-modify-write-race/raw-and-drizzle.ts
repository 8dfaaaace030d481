// @ts-nocheck
import { Pool } from 'pg';
import mysql from 'mysql2/promise';
import { drizzle } from 'drizzle-orm/node-postgres';
import { eq, sql } from 'drizzle-orm';
import { accounts, counters } from './schema';
import { PrismaClient } from '@prisma/client';

const pool = new Pool();
const db = drizzle(pool);
const prisma = new PrismaClient();

export async function pgWithdraw(id: number, amount: number) {
  const { rows } = await pool.query('SELECT balance FROM accounts WHERE id = $1', [id]);
  const balance = rows[0].balance - amount;
  await pool.query('UPDATE accounts SET balance = $1 WHERE id = $2', [balance, id]); // expect: read-modify-write-race
}

export async function pgWithdrawForUpdate(id: number, amount: number) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query('SELECT balance FROM accounts WHERE id = $1 FOR UPDATE', [id]);
    await client.query('UPDATE accounts SET balance = $1 WHERE id = $2', [rows[0].balance - amount, id]); // ok: read-modify-write-race
    await client.query('COMMIT');
  } finally {
    client.release();
  }
}

export async function pgAtomic(id: number, amount: number) {
  await pool.query('UPDATE accounts SET balance = balance - $1 WHERE id = $2 AND balance >= $1', [amount, id]); // ok: read-modify-write-race
}

export async function mysqlWithdraw(id: number, amount: number) {
  const conn = await mysql.createConnection({ host: 'db' });
  const [rows] = await conn.execute<any[]>('SELECT balance FROM accounts WHERE id = ?', [id]);
  await conn.execute('UPDATE accounts SET balance = ? WHERE id = ?', [rows[0].balance - amount, id]); // expect: read-modify-write-race
}

export async function drizzleIncrement(name: string) {
  const [row] = await db.select().from(counters).where(eq(counters.name, name));
  await db.update(counters).set({ value: row.value + 1 }).where(eq(counters.name, name)); // expect: read-modify-write-race
}

export async function drizzleAtomic(name: string) {
  await db.update(counters).set({ value: sql`${counters.value} + 1` }).where(eq(counters.name, name)); // ok: read-modify-write-race
}

export async function drizzleInTx(id: number, amount: number) {
  await db.transaction(async (tx) => {
    const [acc] = await tx.select().from(accounts).where(eq(accounts.id, id)).for('update');
    await tx.update(accounts).set({ balance: acc.balance - amount }).where(eq(accounts.id, id)); // ok: read-modify-write-race
  });
}

export async function prismaMultiplier(id: string) {
  const plan = await prisma.subscription.findUnique({ where: { id } });
  await prisma.subscription.update({ where: { id }, data: { seats: plan!.seats * 2 } }); // expect: read-modify-write-race
}

export async function prismaJsonMerge(id: string, key: string) {
  const user = await prisma.user.findUniqueOrThrow({ where: { id } });
  const settings = { ...(user.settings as object), [key]: true };
  await prisma.user.update({ where: { id }, data: { settings } }); // expect: read-modify-write-race
}

export async function prismaCounter(id: string) {
  const row = await prisma.counter.findUniqueOrThrow({ where: { id } });
  row.value += 1;
  await prisma.counter.update({ where: { id }, data: { value: row.value } }); // expect: read-modify-write-race
}

export async function prismaDifferentEntity(id: string) {
  const a = await prisma.account.findUniqueOrThrow({ where: { id } });
  await prisma.auditLog.create({ data: { accountId: id, snapshot: a.balance - 0 } }); // ok: read-modify-write-race
}

export async function readOnly(id: string) {
  const a = await prisma.account.findUniqueOrThrow({ where: { id } });
  return a.balance - 10; // ok: read-modify-write-race
}
