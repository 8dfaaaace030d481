import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export async function customerNames(orderIds: number[]): Promise<string[]> {
  const names: string[] = [];
  for (const id of orderIds) {
    const order = await prisma.order.findFirst({ where: { id }, include: { customer: true } });
    names.push(order?.customer.name ?? 'unknown');
  }
  return names;
}
