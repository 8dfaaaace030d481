// @ts-nocheck
import { PrismaClient } from '@prisma/client';
import { Repository, In, Not } from 'typeorm';
import knexFactory from 'knex';
import { Pool } from 'pg';
import mongoose from 'mongoose';

const prisma = new PrismaClient();
const knex = knexFactory({ client: 'pg' });
const pool = new Pool();
const Task = mongoose.model('Task', new mongoose.Schema({ status: String }));

export async function paymentStatusField(id: string) {
  await prisma.order.update({ where: { id }, data: { paymentStatus: 'PAID' } }); // expect: unguarded-status-transition
}

export async function expireGuarded(cutoff: Date) {
  await prisma.invite.updateMany({ where: { status: 'PENDING', createdAt: { lt: cutoff } }, data: { status: 'EXPIRED' } }); // ok: unguarded-status-transition
}

export async function mongoNe(id: string) {
  await Task.findOneAndUpdate({ _id: id, status: { $ne: 'done' } }, { status: 'cancelled' }); // ok: unguarded-status-transition
}

export async function mongoUpdateManyNoGuard(owner: string) {
  await Task.updateMany({ owner }, { $set: { status: 'reassigned' } }); // expect: unguarded-status-transition
}

export class Tasks {
  constructor(private readonly repo: Repository<{ id: number; status: string }>) {}
  async closeGuardedIn(id: number) {
    await this.repo.update({ id, status: In(['open', 'blocked']) }, { status: 'closed' }); // ok: unguarded-status-transition
  }
  async closeGuardedNot(id: number) {
    await this.repo.update({ id, status: Not('closed') }, { status: 'closed' }); // ok: unguarded-status-transition
  }
  async closeMany(ids: number[]) {
    await this.repo.update({ id: In(ids) }, { status: 'closed' }); // expect: unguarded-status-transition
  }
}

export async function knexWhereNot(id: number) {
  await knex('orders').where({ id }).whereNot('status', 'cancelled').update({ status: 'shipped' }); // ok: unguarded-status-transition
}

export async function knexMultiColumnUpdate(id: number) {
  await knex('orders').where('id', id).update({ status: 'cancelled', cancelled_at: knex.fn.now() }); // expect: unguarded-status-transition
}

export async function rawStatusParam(id: number, status: string) {
  await pool.query('UPDATE orders SET status = $1 WHERE id = $2', [status, id]); // ok: unguarded-status-transition
}

export async function rawGuardedState(id: number) {
  await pool.query("UPDATE jobs SET state = 'done' WHERE id = $1 AND state = 'running'", [id]); // ok: unguarded-status-transition
}

export async function rawBulkDeactivate() {
  await pool.query("UPDATE users SET status = 'inactive' WHERE last_login < now() - interval '1 year'"); // expect: unguarded-status-transition
}

export async function rawInsert(id: number) {
  await pool.query("INSERT INTO orders (id, status) VALUES ($1, 'new')", [id]); // ok: unguarded-status-transition
}

// HTTP and UI "status" look-alikes.
export function handler(req, res, ctx, component, queue) {
  res.status(409).json({ status: 'conflict' }); // ok: unguarded-status-transition
  ctx.status = 404; // ok: unguarded-status-transition
  component.setState({ state: 'loading' }); // ok: unguarded-status-transition
  queue.update({ status: 'idle' }); // ok: unguarded-status-transition
  return res.send({ state: 'ok' }); // ok: unguarded-status-transition
}
