// @ts-nocheck
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

// Label placement: the write that makes it "two or more writes to different models" (the second one).
export async function placeOrder(userId: string, productId: string, qty: number) {
  const order = await prisma.order.create({ data: { userId, productId, qty } });
  await prisma.product.update({ where: { id: productId }, data: { stock: { decrement: qty } } }); // expect: missing-transaction
  return order;
}

export async function transfer(from: string, to: string, amount: number) {
  await prisma.account.update({ where: { id: from }, data: { balance: { decrement: amount } } });
  await prisma.ledgerEntry.create({ data: { accountId: from, amount: -amount } }); // expect: missing-transaction
}

export async function signUp(email: string) {
  const user = await prisma.user.create({ data: { email } });
  await prisma.profile.create({ data: { userId: user.id } }); // expect: missing-transaction
  return user;
}

export async function closeAccount(id: string) {
  await prisma.session.deleteMany({ where: { userId: id } });
  await prisma.user.delete({ where: { id } }); // expect: missing-transaction
}

export async function archive(id: string) {
  const post = await prisma.post.findUniqueOrThrow({ where: { id } });
  await prisma.archivedPost.create({ data: { id: post.id, body: post.body } });
  await prisma.post.delete({ where: { id } }); // expect: missing-transaction
}

export async function placeOrderTx(userId: string, productId: string, qty: number) {
  return prisma.$transaction(async (tx) => {
    const order = await tx.order.create({ data: { userId, productId, qty } }); // ok: missing-transaction
    await tx.product.update({ where: { id: productId }, data: { stock: { decrement: qty } } }); // ok: missing-transaction
    return order;
  });
}

export async function transferBatch(from: string, amount: number) {
  await prisma.$transaction([
    prisma.account.update({ where: { id: from }, data: { balance: { decrement: amount } } }), // ok: missing-transaction
    prisma.ledgerEntry.create({ data: { accountId: from, amount: -amount } }), // ok: missing-transaction
  ]);
}

export async function nestedWrite(email: string) {
  return prisma.user.create({ data: { email, profile: { create: { bio: '' } } } }); // ok: missing-transaction
}

export async function sameModelTwice(a: string, b: string) {
  await prisma.user.update({ where: { id: a }, data: { active: false } }); // ok: missing-transaction
  await prisma.user.update({ where: { id: b }, data: { active: true } }); // ok: missing-transaction
}

export async function oneWriteManyReads(id: string) {
  const u = await prisma.user.findUnique({ where: { id } }); // ok: missing-transaction
  const p = await prisma.profile.findUnique({ where: { userId: id } }); // ok: missing-transaction
  // (relabelled: the new name is computed from the read and written back unguarded, which is exactly the
  // issue's read-modify-write-race definition, even if the field is not a number)
  await prisma.user.update({ where: { id }, data: { name: `${u?.name}${p?.bio}` } }); // ok: missing-transaction // expect: read-modify-write-race
}

export async function writeInSeparateFunctions(email: string) {
  const user = await createUser(email); // ok: missing-transaction
  await createProfile(user.id); // ok: missing-transaction
}
async function createUser(email: string) {
  return prisma.user.create({ data: { email } }); // ok: missing-transaction
}
async function createProfile(userId: string) {
  return prisma.profile.create({ data: { userId } }); // ok: missing-transaction
}
