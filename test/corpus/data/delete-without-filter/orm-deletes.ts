// @ts-nocheck
import { PrismaClient } from '@prisma/client';
import { Sequelize, Model, Op } from 'sequelize';
import mongoose from 'mongoose';
import { MongoClient } from 'mongodb';
import { Repository, DataSource } from 'typeorm';

const prisma = new PrismaClient();

export async function resetSessions() {
  await prisma.session.deleteMany(); // expect: delete-without-filter
}

export async function resetTokens() {
  return prisma.token.deleteMany({}); // expect: delete-without-filter
}

export async function wipeCarts() {
  await prisma.cart.deleteMany({ where: {} }); // expect: delete-without-filter
}

export async function expireSessions(now: Date) {
  await prisma.session.deleteMany({ where: { expiresAt: { lt: now } } }); // ok: delete-without-filter
}

export async function removeUser(id: string) {
  await prisma.user.delete({ where: { id } }); // ok: delete-without-filter
}

export async function removeUserPosts(userId: string) {
  await prisma.post.deleteMany({ where: { authorId: userId } }); // ok: delete-without-filter
}

export async function inTx() {
  await prisma.$transaction(async (tx) => {
    await tx.auditLog.deleteMany(); // expect: delete-without-filter
    await tx.auditLog.deleteMany({ where: { archived: true } }); // ok: delete-without-filter
  });
}

const sequelize = new Sequelize('postgres://localhost/db');
class Order extends Model {}
class Cart extends Model {}

export async function clearOrders() {
  await Order.destroy({ where: {} }); // expect: delete-without-filter
}

export async function truncateCarts() {
  await Cart.destroy({ truncate: true }); // expect: delete-without-filter
}

export async function truncateCascade() {
  await Cart.destroy({ truncate: true, cascade: true }); // expect: delete-without-filter
}

export async function clearOldCarts(cutoff: Date) {
  await Cart.destroy({ where: { updatedAt: { [Op.lt]: cutoff } } }); // ok: delete-without-filter
}

export async function removeOrder(id: number) {
  await Order.destroy({ where: { id } }); // ok: delete-without-filter
}

export async function removeInstance(id: number) {
  const order = await Order.findByPk(id);
  await order?.destroy(); // ok: delete-without-filter
}

const Event = mongoose.model('Event', new mongoose.Schema({ name: String }));

export async function clearEvents() {
  await Event.deleteMany({}); // expect: delete-without-filter
}

export async function clearEventsNoArg() {
  await Event.deleteMany(); // expect: delete-without-filter
}

export async function clearOldEvents(before: Date) {
  await Event.deleteMany({ createdAt: { $lt: before } }); // ok: delete-without-filter
}

export async function removeEvent(id: string) {
  await Event.deleteOne({ _id: id }); // ok: delete-without-filter
}

export async function removeEventById(id: string) {
  await Event.findByIdAndDelete(id); // ok: delete-without-filter
}

const client = new MongoClient('mongodb://localhost');

export async function purgeQueue() {
  const db = client.db('app');
  await db.collection('jobs').deleteMany({}); // expect: delete-without-filter
}

export async function purgeDone() {
  const jobs = client.db('app').collection('jobs');
  await jobs.deleteMany({ state: 'done' }); // ok: delete-without-filter
  await jobs.deleteMany({}); // expect: delete-without-filter
}

export class CleanupService {
  constructor(private readonly sessions: Repository<unknown>, private readonly ds: DataSource) {}

  async removeOne(id: string) {
    await this.sessions.delete({ id }); // ok: delete-without-filter
  }

  async removeMany(ids: string[]) {
    await this.sessions.delete(ids); // ok: delete-without-filter
  }

  async wipeWithQueryBuilder() {
    await this.ds.createQueryBuilder().delete().from('session').execute(); // expect: delete-without-filter
  }

  async cleanWithQueryBuilder(cutoff: Date) {
    await this.ds.createQueryBuilder().delete().from('session').where('expires_at < :cutoff', { cutoff }).execute(); // ok: delete-without-filter
  }
}

// Look-alikes that are not database deletes.
export function notDatabase(map: Map<string, number>, set: Set<string>, params: URLSearchParams) {
  map.delete('a'); // ok: delete-without-filter
  set.clear(); // ok: delete-without-filter
  params.delete('page'); // ok: delete-without-filter
}
