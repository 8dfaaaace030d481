// @ts-nocheck
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export async function withdraw(id: string, amount: number) {
  const account = await prisma.account.findUnique({ where: { id } });
  if (!account || account.balance < amount) throw new Error('insufficient funds');
  await prisma.account.update({ where: { id }, data: { balance: account.balance - amount } }); // expect: read-modify-write-race
}

export async function deposit(id: string, amount: number) {
  const account = await prisma.account.findUniqueOrThrow({ where: { id } });
  const newBalance = account.balance + amount;
  await prisma.account.update({ where: { id }, data: { balance: newBalance } }); // expect: read-modify-write-race
}

export async function reserveStock(productId: string, qty: number) {
  const item = await prisma.product.findFirst({ where: { id: productId } });
  if (!item) return;
  await prisma.product.update({ where: { id: productId }, data: { stock: item.stock - qty } }); // expect: read-modify-write-race
}

export async function addPoints(userId: string) {
  const user = await prisma.user.findUnique({ where: { id: userId } });
  await prisma.user.update({ // expect: read-modify-write-race
    where: { id: userId },
    data: { points: user!.points + 10 },
  });
}

export async function addTag(postId: string, tag: string) {
  const post = await prisma.post.findUnique({ where: { id: postId } });
  await prisma.post.update({ where: { id: postId }, data: { tags: [...post!.tags, tag] } }); // expect: read-modify-write-race
}

export async function withdrawAtomic(id: string, amount: number) {
  await prisma.account.update({ where: { id }, data: { balance: { decrement: amount } } }); // ok: read-modify-write-race
}

export async function withdrawAtomicGuarded(id: string, amount: number) {
  const res = await prisma.account.updateMany({ where: { id, balance: { gte: amount } }, data: { balance: { decrement: amount } } }); // ok: read-modify-write-race
  if (res.count === 0) throw new Error('insufficient funds');
}

export async function withdrawInTx(id: string, amount: number) {
  await prisma.$transaction(async (tx) => {
    const account = await tx.account.findUnique({ where: { id } });
    await tx.account.update({ where: { id }, data: { balance: account!.balance - amount } }); // ok: read-modify-write-race
  });
}

export async function withdrawSerializable(id: string, amount: number) {
  await prisma.$transaction(
    async (tx) => {
      const acc = await tx.account.findUniqueOrThrow({ where: { id } });
      await tx.account.update({ where: { id }, data: { balance: acc.balance - amount } }); // ok: read-modify-write-race
    },
    { isolationLevel: 'Serializable' },
  );
}

export async function withdrawForUpdate(id: string, amount: number) {
  await prisma.$transaction(async (tx) => {
    const [acc] = await tx.$queryRaw<{ balance: number }[]>`SELECT balance FROM "Account" WHERE id = ${id} FOR UPDATE`;
    await tx.account.update({ where: { id }, data: { balance: acc.balance - amount } }); // ok: read-modify-write-race
  });
}

export async function withdrawVersioned(id: string, amount: number) {
  const acc = await prisma.account.findUniqueOrThrow({ where: { id } });
  const res = await prisma.account.updateMany({ where: { id, version: acc.version }, data: { balance: acc.balance - amount, version: { increment: 1 } } }); // ok: read-modify-write-race
  if (res.count === 0) throw new Error('concurrent update, retry');
}

export async function touchLogin(id: string) {
  const user = await prisma.user.findUnique({ where: { id } });
  if (!user) return;
  await prisma.user.update({ where: { id }, data: { lastLoginAt: new Date() } }); // ok: read-modify-write-race
}

export async function copyPrice(orderId: string, productId: string) {
  const product = await prisma.product.findUniqueOrThrow({ where: { id: productId } });
  await prisma.orderLine.create({ data: { orderId, productId, price: product.price } }); // ok: read-modify-write-race
}

export async function renameFromInput(id: string, name: string) {
  const user = await prisma.user.findUniqueOrThrow({ where: { id } });
  await prisma.user.update({ where: { id: user.id }, data: { name } }); // ok: read-modify-write-race
}

export async function incrementViews(id: string) {
  await prisma.post.update({ where: { id }, data: { views: { increment: 1 } } }); // ok: read-modify-write-race
}
