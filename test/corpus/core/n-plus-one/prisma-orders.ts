// @ts-nocheck
import { PrismaClient, Prisma } from '@prisma/client';
import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

const prisma = new PrismaClient();

export async function ordersWithCustomers(orderIds: string[]) {
  const result = [];
  for (const id of orderIds) {
    const order = await prisma.order.findUnique({ where: { id }, include: { customer: true } }); // expect: n-plus-one
    result.push(order);
  }
  return result;
}

export async function ordersWithCustomersBatched(orderIds: string[]) {
  return prisma.order.findMany({ where: { id: { in: orderIds } }, include: { customer: true } }); // ok: n-plus-one
}

export async function totalsPerCustomer(customerIds: string[]) {
  const totals: Record<string, number> = {};
  for (let i = 0; i < customerIds.length; i++) {
    const agg = await prisma.order.aggregate({ where: { customerId: customerIds[i] }, _sum: { totalCents: true } }); // expect: n-plus-one
    totals[customerIds[i]] = agg._sum.totalCents ?? 0;
  }
  return totals;
}

export async function totalsGrouped(customerIds: string[]) {
  const rows = await prisma.order.groupBy({ by: ['customerId'], where: { customerId: { in: customerIds } }, _sum: { totalCents: true } }); // ok: n-plus-one
  const byId = new Map(rows.map((r) => [r.customerId, r._sum.totalCents ?? 0])); // ok: n-plus-one
  return customerIds.map((id) => byId.get(id) ?? 0); // ok: n-plus-one
}

export async function productsForLines(lines: { productId: string }[]) {
  return Promise.all(lines.map(async (line) => prisma.product.findUnique({ where: { id: line.productId } }))); // ok: n-plus-one
}

export async function productsForLinesSync(lines: { productId: string }[]) {
  return Promise.all(lines.map((line) => prisma.product.findUnique({ where: { id: line.productId } }))); // ok: n-plus-one
}

export async function stockForLines(lines: { productId: string }[]) {
  return Promise.all(lines.map((line) => prisma.stock.findFirst({ where: { productId: line.productId } }))); // expect: n-plus-one
}

export async function customersWithOrders(customers: { id: string }[]) {
  return Promise.all(
    customers.map(async (c) => ({
      ...c,
      orders: await prisma.order.findMany({ where: { customerId: c.id } }), // expect: n-plus-one
    })),
  );
}

export async function markShipped(ids: string[]) {
  ids.forEach(async (id) => {
    await prisma.order.update({ where: { id }, data: { status: 'SHIPPED' } }); // expect: n-plus-one
  });
}

export async function markShippedBatched(ids: string[]) {
  await prisma.order.updateMany({ where: { id: { in: ids } }, data: { status: 'SHIPPED' } }); // ok: n-plus-one
}

export async function importLines(rows: Prisma.OrderLineCreateManyInput[]) {
  await prisma.orderLine.createMany({ data: rows }); // ok: n-plus-one
}

export async function importLinesOneByOne(rows: Prisma.OrderLineCreateInput[]) {
  for (const data of rows) {
    await prisma.orderLine.create({ data }); // expect: n-plus-one
  }
}

export async function cancelAll(ids: string[], reason: string) {
  await prisma.$transaction(async (tx) => {
    for (const id of ids) {
      await tx.order.update({ where: { id }, data: { status: 'CANCELLED', cancelReason: reason } }); // expect: n-plus-one
    }
  });
}

export async function drainOutbox(queue: string[]) {
  while (queue.length) {
    const id = queue.shift()!;
    await prisma.outbox.delete({ where: { id } }); // expect: n-plus-one
  }
}

export async function tagsByKey(keys: Record<string, string>) {
  const out: Record<string, unknown> = {};
  for (const key in keys) {
    out[key] = await prisma.tag.findFirst({ where: { slug: keys[key] } }); // expect: n-plus-one
  }
  return out;
}

export async function allPosts() {
  const posts = [];
  let cursor: string | undefined;
  do {
    const page = await prisma.post.findMany({ take: 100, ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}), orderBy: { id: 'asc' } }); // ok: n-plus-one
    posts.push(...page);
    cursor = page.length === 100 ? page[page.length - 1].id : undefined;
  } while (cursor);
  return posts;
}

export async function firstAvailableSlot() {
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      return await prisma.slot.findFirstOrThrow({ where: { taken: false } }); // ok: n-plus-one
    } catch {
      await sleep(50 * attempt);
    }
  }
  return null;
}

export async function templates(files: string[]) {
  const out = [];
  for (const f of files) {
    out.push(await readFile(f, 'utf8')); // ok: n-plus-one
    await sleep(10); // ok: n-plus-one
  }
  return out;
}

export async function userNames(ids: string[]) {
  const users = await prisma.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }); // ok: n-plus-one
  const byId = new Map(users.map((u) => [u.id, u.name]));
  const names = [];
  for (const id of ids) {
    names.push(byId.get(id) ?? 'unknown'); // ok: n-plus-one
  }
  return names;
}

export async function countsPerStatus(statuses: string[]) {
  return statuses.reduce(async (accP, status) => {
    const acc = await accP;
    acc[status] = await prisma.order.count({ where: { status } }); // expect: n-plus-one
    return acc;
  }, Promise.resolve({} as Record<string, number>));
}

export async function lineItems(orders: { id: string }[]) {
  const nested = await Promise.all(orders.flatMap((o) => prisma.orderLine.findMany({ where: { orderId: o.id } }))); // expect: n-plus-one
  return nested.flat();
}
