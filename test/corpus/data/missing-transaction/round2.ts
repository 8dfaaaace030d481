// @ts-nocheck
import { PrismaClient } from '@prisma/client';
import { Injectable } from '@nestjs/common';
import { DataSource, Repository } from 'typeorm';
import { Transactional } from 'typeorm-transactional';
import mongoose from 'mongoose';
import Stripe from 'stripe';
import Redis from 'ioredis';
import knexFactory from 'knex';

const prisma = new PrismaClient();
const stripe = new Stripe('sk_test_x');
const redis = new Redis();
const knex = knexFactory({ client: 'pg' });
const Order = mongoose.model('Order', new mongoose.Schema({ total: Number }));
const Customer = mongoose.model('Customer', new mongoose.Schema({ orders: Number }));

export async function writeAndCache(id: string) {
  const user = await prisma.user.update({ where: { id }, data: { active: true } }); // ok: missing-transaction
  await redis.set(`user:${id}`, JSON.stringify(user)); // ok: missing-transaction
}

export async function writeAndStripe(email: string) {
  const customer = await stripe.customers.create({ email }); // ok: missing-transaction
  await prisma.user.update({ where: { email }, data: { stripeId: customer.id } }); // ok: missing-transaction
}

export async function parallelWrites(userId: string) {
  await Promise.all([
    prisma.user.update({ where: { id: userId }, data: { deleted: true } }),
    prisma.session.deleteMany({ where: { userId } }), // expect: missing-transaction
  ]);
}

export async function mongooseTwoModels(order: { customerId: string }) {
  await Order.create(order);
  await Customer.findByIdAndUpdate(order.customerId, { $inc: { orders: 1 } }); // expect: missing-transaction
}

export async function createManyAndUpdate(orderId: string, items: { sku: string }[]) {
  await prisma.orderItem.createMany({ data: items.map((i) => ({ ...i, orderId })) });
  await prisma.order.update({ where: { id: orderId }, data: { itemCount: items.length } }); // expect: missing-transaction
}

export async function connectOnly(userId: string, teamId: string) {
  await prisma.user.update({ where: { id: userId }, data: { teams: { connect: { id: teamId } } } }); // ok: missing-transaction
}

@Injectable()
export class Billing {
  constructor(private readonly ds: DataSource, private readonly invoices: Repository<object>, private readonly lines: Repository<object>) {}

  @Transactional()
  async issue(invoice: object, lines: object[]) {
    await this.invoices.save(invoice); // ok: missing-transaction
    await this.lines.save(lines); // ok: missing-transaction
  }

  async issueSerializable(invoice: object, lines: object[]) {
    await this.ds.transaction('SERIALIZABLE', async (em) => {
      await em.save('invoice', invoice); // ok: missing-transaction
      await em.save('invoice_line', lines); // ok: missing-transaction
    });
  }
}

// A helper that takes the caller's transaction as a parameter runs inside it.
export async function insertWithTrx(trx, order) {
  await trx('orders').insert(order); // ok: missing-transaction
  await trx('order_events').insert({ order_id: order.id }); // ok: missing-transaction
}

export async function knexUpsertAndLog(row) {
  await knex('settings').insert(row).onConflict('key').merge();
  await knex('audit').insert({ key: row.key }); // expect: missing-transaction
}
