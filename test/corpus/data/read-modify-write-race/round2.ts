// @ts-nocheck
import { PrismaClient } from '@prisma/client';
import { Repository } from 'typeorm';
import { Sequelize, Model, Transaction } from 'sequelize';
import mongoose from 'mongoose';

const prisma = new PrismaClient();
const sequelize = new Sequelize('postgres://x');
class Post extends Model {}
const User = mongoose.model('User', new mongoose.Schema({ loginCount: Number, name: String }));

export async function destructuredStock(id: string, qty: number) {
  const { stock } = await prisma.product.findUniqueOrThrow({ where: { id } });
  await prisma.product.update({ where: { id }, data: { stock: stock - qty } }); // expect: read-modify-write-race
}

export async function precomputed(id: string, amount: number) {
  const acct = await prisma.account.findUniqueOrThrow({ where: { id } });
  const next = acct.balance - amount;
  if (next < 0) throw new Error('insufficient');
  await prisma.account.update({ where: { id }, data: { balance: next } }); // expect: read-modify-write-race
}

export async function fromInputOnly(id: string, total: number, tax: number) {
  const order = await prisma.order.findUniqueOrThrow({ where: { id } });
  if (order.locked) return;
  await prisma.order.update({ where: { id }, data: { total: total + tax } }); // ok: read-modify-write-race
}

// Computed from one entity, written to another: nothing is written back to the row that was read.
export async function otherEntity(cartId: string, orderId: string) {
  const cart = await prisma.cart.findUniqueOrThrow({ where: { id: cartId } });
  await prisma.order.update({ where: { id: orderId }, data: { total: cart.total * 1.2 } }); // ok: read-modify-write-race
}

export async function loginCounter(id: string) {
  const user = await User.findById(id);
  user.loginCount++;
  await user.save(); // expect: read-modify-write-race
}

export async function renameOnly(id: string, name: string) {
  const user = await User.findById(id);
  user.name = name;
  await user.save(); // ok: read-modify-write-race
}

export async function serializableSequelize(id: number) {
  await sequelize.transaction({ isolationLevel: Transaction.ISOLATION_LEVELS.SERIALIZABLE }, async (t) => {
    const post = await Post.findByPk(id, { transaction: t });
    post.views = post.views + 1;
    await post.save({ transaction: t }); // ok: read-modify-write-race
  });
}

export async function viewsPlusOne(id: number) {
  const post = await Post.findByPk(id);
  post.views = post.views + 1;
  await post.save(); // expect: read-modify-write-race
}

export class Ledger {
  constructor(private readonly accounts: Repository<{ id: number; balance: number }>) {}

  async credit(id: number, amount: number) {
    const account = await this.accounts.findOneByOrFail({ id });
    account.balance = account.balance + amount;
    await this.accounts.save(account); // expect: read-modify-write-race
  }

  async creditAtomic(id: number, amount: number) {
    await this.accounts.increment({ id }, 'balance', amount); // ok: read-modify-write-race
  }

  async readThenCreateNew(id: number) {
    const account = await this.accounts.findOneByOrFail({ id });
    await this.accounts.save({ balance: account.balance }); // ok: read-modify-write-race
  }
}
