import { PrismaClient, Prisma } from '@prisma/client';
import type { Order, OrderItem } from '@prisma/client';

const prisma = new PrismaClient();

export interface CartLine {
  sku: string;
  quantity: number;
}

export class OrderService {
  constructor(private readonly db: PrismaClient = prisma) {}

  async loadCustomerNames(orders: Order[]): Promise<string[]> {
    const names: string[] = [];
    for (const order of orders) {
      const customer = await this.db.customer.findUnique({ where: { id: order.customerId } }); // expect: n-plus-one
      names.push(customer?.name ?? 'unknown');
    }
    return names;
  }

  async markShipped(orderIds: string[], trackingNumbers: string[]): Promise<void> {
    for (let i = 0; i < orderIds.length; i++) {
      await prisma.order.update({ // expect: n-plus-one
        where: { id: orderIds[i] },
        data: { status: 'SHIPPED', trackingNumber: trackingNumbers[i] },
      });
    }
  }

  async placeOrder(customerId: string, lines: CartLine[]): Promise<Order> {
    return prisma.$transaction(async (tx) => {
      const order = await tx.order.create({ data: { customerId, status: 'PENDING' } }); // ok: n-plus-one
      for (const line of lines) {
        const product = await tx.product.findUniqueOrThrow({ where: { sku: line.sku } }); // expect: n-plus-one
        await tx.orderItem.create({ // expect: n-plus-one
          data: {
            orderId: order.id,
            productId: product.id,
            quantity: line.quantity,
            unitPrice: product.price,
          },
        });
      }
      return order;
    });
  }

  async latestOrderPerCustomer(customerIds: string[]) {
    return Promise.all(
      customerIds.map(async (customerId) => {
        return prisma.order.findFirst({ // expect: n-plus-one
          where: { customerId },
          orderBy: { createdAt: 'desc' },
        });
      }),
    );
  }

  async collectCategoryTree(rootId: string): Promise<string[]> {
    const seen: string[] = [];
    const queue = [rootId];
    while (queue.length) {
      const id = queue.shift()!;
      seen.push(id);
      const children = await prisma.category.findMany({ where: { parentId: id }, select: { id: true } }); // expect: n-plus-one
      queue.push(...children.map((c) => c.id)); // ok: n-plus-one
    }
    return seen;
  }

  async orderSummaries(orderIds: string[]) {
    return Promise.all(
      orderIds.map(async (id) => {
        const order = await prisma.order.findUnique({ where: { id } }); // ok: n-plus-one
        const items = await prisma.orderItem.findMany({ where: { orderId: id } }); // expect: n-plus-one
        return { order, items };
      }),
    );
  }

  async attachProducts(items: OrderItem[]) {
    const products = await prisma.product.findMany({ // ok: n-plus-one
      where: { id: { in: items.map((i) => i.productId) } },
    });
    const byId = new Map(products.map((p) => [p.id, p]));
    return items.map((item) => ({ ...item, product: byId.get(item.productId) })); // ok: n-plus-one
  }

  async importOrders(rows: Prisma.OrderCreateManyInput[]) {
    const data = rows.map((r) => ({ ...r, status: r.status ?? 'PENDING' })); // ok: n-plus-one
    await prisma.order.createMany({ data, skipDuplicates: true }); // ok: n-plus-one
  }

  async customersFor(orders: Order[]) {
    return Promise.all(orders.map(async (o) => prisma.customer.findUnique({ where: { id: o.customerId } }))); // ok: n-plus-one
  }

  async exportAllOrders(write: (batch: Order[]) => Promise<void>) {
    let cursor: string | undefined;
    while (true) {
      const page: Order[] = await prisma.order.findMany({ // ok: n-plus-one
        take: 1000,
        ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
        orderBy: { id: 'asc' },
      });
      if (page.length === 0) break;
      await write(page); // ok: n-plus-one
      cursor = page[page.length - 1].id;
    }
  }

  async dashboardCounts() {
    const [pending, shipped] = await Promise.all([
      prisma.order.count({ where: { status: 'PENDING' } }), // ok: n-plus-one
      prisma.order.count({ where: { status: 'SHIPPED' } }), // ok: n-plus-one
    ]);
    return { pending, shipped };
  }
}
