// @ts-nocheck
import { PrismaClient } from '@prisma/client';
import { Repository } from 'typeorm';
import { Model, Op } from 'sequelize';
import mongoose from 'mongoose';

const prisma = new PrismaClient();

export async function ship(id: string) {
  await prisma.order.update({ where: { id }, data: { status: 'SHIPPED' } }); // expect: unguarded-status-transition
}

export async function cancel(id: string) {
  await prisma.order.update({ where: { id }, data: { status: 'CANCELLED', cancelledAt: new Date() } }); // expect: unguarded-status-transition
}

export async function closeTicket(id: number) {
  await prisma.ticket.update({ where: { id }, data: { state: 'closed' } }); // expect: unguarded-status-transition
}

export async function expireAll(cutoff: Date) {
  await prisma.invite.updateMany({ where: { createdAt: { lt: cutoff } }, data: { status: 'EXPIRED' } }); // expect: unguarded-status-transition
}

export async function shipGuarded(id: string) {
  await prisma.order.update({ where: { id, status: 'PAID' }, data: { status: 'SHIPPED' } }); // ok: unguarded-status-transition
}

export async function shipGuardedMany(id: string) {
  const { count } = await prisma.order.updateMany({ where: { id, status: 'PAID' }, data: { status: 'SHIPPED' } }); // ok: unguarded-status-transition
  if (count === 0) throw new Error('order is not paid');
}

export async function cancelIfOpen(id: string) {
  await prisma.order.updateMany({ where: { id, status: { in: ['PENDING', 'PAID'] } }, data: { status: 'CANCELLED' } }); // ok: unguarded-status-transition
}

export async function cancelUnlessShipped(id: string) {
  await prisma.order.updateMany({ where: { id, NOT: { status: 'SHIPPED' } }, data: { status: 'CANCELLED' } }); // ok: unguarded-status-transition
}

export async function setFromInput(id: string, status: 'A' | 'B') {
  await prisma.order.update({ where: { id }, data: { status } }); // ok: unguarded-status-transition
}

export async function rename(id: string) {
  await prisma.order.update({ where: { id }, data: { note: 'SHIPPED' } }); // ok: unguarded-status-transition
}

export async function createOrder() {
  await prisma.order.create({ data: { status: 'PENDING' } }); // ok: unguarded-status-transition
}

export async function upsertOrder(id: string) {
  await prisma.order.upsert({ where: { id }, create: { id, status: 'PENDING' }, update: { total: 0 } }); // ok: unguarded-status-transition
}

export async function multiLine(id: string) {
  await prisma.payment.update({ // expect: unguarded-status-transition
    where: { id },
    data: {
      status: 'REFUNDED',
      refundedAt: new Date(),
    },
  });
}

export class SubscriptionService {
  constructor(private readonly subs: Repository<{ id: string; status: string }>) {}

  async cancel(id: string) {
    await this.subs.update({ id }, { status: 'cancelled' }); // expect: unguarded-status-transition
  }

  async cancelById(id: string) {
    await this.subs.update(id, { status: 'cancelled' }); // expect: unguarded-status-transition
  }

  async cancelGuarded(id: string) {
    await this.subs.update({ id, status: 'active' }, { status: 'cancelled' }); // ok: unguarded-status-transition
  }

  async builder(id: string) {
    await this.subs.createQueryBuilder().update().set({ status: 'paused' }).where('id = :id', { id }).execute(); // expect: unguarded-status-transition
  }

  async builderGuarded(id: string) {
    await this.subs.createQueryBuilder().update().set({ status: 'paused' }).where('id = :id AND status = :s', { id, s: 'active' }).execute(); // ok: unguarded-status-transition
  }

  async builderGuardedAndWhere(id: string) {
    await this.subs.createQueryBuilder().update().set({ status: 'paused' }).where('id = :id', { id }).andWhere('status = :s', { s: 'active' }).execute(); // ok: unguarded-status-transition
  }
}

class Shipment extends Model {}

export async function deliver(id: number) {
  await Shipment.update({ status: 'delivered' }, { where: { id } }); // expect: unguarded-status-transition
}

export async function deliverGuarded(id: number) {
  await Shipment.update({ status: 'delivered' }, { where: { id, status: 'in_transit' } }); // ok: unguarded-status-transition
}

export async function deliverGuardedOp(id: number) {
  await Shipment.update({ status: 'delivered' }, { where: { id, status: { [Op.ne]: 'lost' } } }); // ok: unguarded-status-transition
}

export async function touch(id: number) {
  await Shipment.update({ updatedBy: 'system' }, { where: { id } }); // ok: unguarded-status-transition
}

const Job = mongoose.model('Job', new mongoose.Schema({ status: String }));

export async function startJob(id: string) {
  await Job.updateOne({ _id: id }, { $set: { status: 'running' } }); // expect: unguarded-status-transition
}

export async function finishJob(id: string) {
  await Job.findByIdAndUpdate(id, { status: 'done' }); // expect: unguarded-status-transition
}

export async function failJob(id: string) {
  await Job.findOneAndUpdate({ _id: id }, { status: 'failed' }, { new: true }); // expect: unguarded-status-transition
}

export async function claimJob(id: string) {
  return Job.findOneAndUpdate({ _id: id, status: 'queued' }, { $set: { status: 'running' } }, { new: true }); // ok: unguarded-status-transition
}

export async function claimAnyJob() {
  return Job.findOneAndUpdate({ status: 'queued' }, { $set: { status: 'running' } }); // ok: unguarded-status-transition
}

export async function progress(id: string) {
  await Job.updateOne({ _id: id }, { $inc: { attempts: 1 } }); // ok: unguarded-status-transition
}
