import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { Order, OrderItem, Product } from '@prisma/client';
import { config } from '../config';
import { PrismaService } from '../db/prismaService';
import { logger } from '../logger';

export type NewOrderLine = { productId: string; quantity: number; unitPriceCents: number };
export type NewOrder = { customerId: string; currency: string; items: NewOrderLine[] };

@Injectable()
export class OrderService {
  constructor(private readonly prisma: PrismaService) {}

  async getOrder(orderId: string): Promise<Order> {
    const order = await this.prisma.order.findUnique({ where: { id: orderId } });
    if (!order) throw new NotFoundException(`Order ${orderId} not found`);
    return order;
  }

  listForCustomer(customerId: string, cursor?: string): Promise<Order[]> {
    const page = cursor ? { cursor: { id: cursor }, skip: 1 } : {};
    return this.prisma.order.findMany({ where: { customerId }, orderBy: { createdAt: 'desc' }, take: 20, ...page });
  }

  /** The whole catalogue, for the storefront's product picker. */
  listProducts(): Promise<Product[]> {
    return this.prisma.product.findMany({ orderBy: { name: 'asc' } });
  }

  async placeOrder(input: NewOrder): Promise<Order> {
    const totalCents = input.items.reduce((sum, item) => sum + item.quantity * item.unitPriceCents, 0);
    const order = await this.prisma.$transaction(async (tx) => {
      const { customerId, currency } = input;
      const created = await tx.order.create({ data: { customerId, currency, totalCents, status: 'PENDING' } });
      await tx.orderItem.createMany({ data: input.items.map((item) => ({ ...item, orderId: created.id })) });
      return created;
    });
    this.notifyWarehouse(order.id);
    return order;
  }

  /** Line items for one page of the order history screen. */
  async lineItemsFor(orderIds: string[]): Promise<Map<string, OrderItem[]>> {
    const byOrder = new Map<string, OrderItem[]>();
    for (const orderId of orderIds) {
      byOrder.set(orderId, await this.prisma.orderItem.findMany({ where: { orderId } }));
    }
    return byOrder;
  }

  /** Same grouping for the finance export, where pages are large: one query for all of them. */
  async lineItemsForExport(orderIds: string[]): Promise<Map<string, OrderItem[]>> {
    const items = await this.prisma.orderItem.findMany({ where: { orderId: { in: orderIds } } });
    const byOrder = new Map<string, OrderItem[]>(orderIds.map((id) => [id, []]));
    for (const item of items) byOrder.get(item.orderId)?.push(item);
    return byOrder;
  }

  /** Products in a cart. Prisma batches findUnique calls made in the same tick into one query. */
  async productsInCart(productIds: string[]): Promise<Product[]> {
    const products = await Promise.all(productIds.map((id) => this.prisma.product.findUnique({ where: { id } })));
    return products.filter((p): p is Product => p !== null);
  }

  /** Holds stock for a cart line while the customer pays. */
  async reserveStock(productId: string, quantity: number): Promise<void> {
    const product = await this.prisma.product.findUniqueOrThrow({ where: { id: productId } });
    if (product.stock < quantity) throw new ConflictException(`Only ${product.stock} left of ${productId}`);
    await this.prisma.product.update({ where: { id: productId }, data: { stock: product.stock - quantity } });
  }

  async releaseStock(productId: string, quantity: number): Promise<void> {
    await this.prisma.product.update({ where: { id: productId }, data: { stock: { increment: quantity } } });
  }

  /** Price edits from the merchandising tool; `version` stops two editors overwriting each other. */
  async changePrice(productId: string, expectedVersion: number, priceCents: number): Promise<boolean> {
    const product = await this.prisma.product.findUniqueOrThrow({ where: { id: productId } });
    const { count } = await this.prisma.product.updateMany({
      where: { id: productId, version: expectedVersion },
      data: { priceCents, previousPriceCents: product.priceCents, version: { increment: 1 } },
    });
    return count === 1;
  }

  async markPaid(orderId: string, paymentIntentId: string): Promise<boolean> {
    const { count } = await this.prisma.order.updateMany({
      where: { id: orderId, status: 'PENDING' },
      data: { status: 'PAID', paymentIntentId },
    });
    return count === 1;
  }

  shipOrder(orderId: string, trackingNumber: string): Promise<Order> {
    return this.prisma.order.update({ where: { id: orderId }, data: { status: 'SHIPPED', trackingNumber, shippedAt: new Date() } });
  }

  /** Cancels the order and files a refund request for the payments team. */
  async cancelOrder(orderId: string, reason: string): Promise<void> {
    const order = await this.getOrder(orderId);
    await this.prisma.order.updateMany({
      where: { id: orderId, status: { in: ['PENDING', 'PAID'] } },
      data: { status: 'CANCELLED', cancelReason: reason },
    });
    await this.prisma.refundRequest.create({ data: { orderId, amountCents: order.totalCents, reason } });
  }

  private async notifyWarehouse(orderId: string): Promise<void> {
    try {
      await fetch(`${config.warehouseUrl}/orders/${orderId}/ready`, { method: 'POST', signal: AbortSignal.timeout(5_000) });
    } catch (err) {
      logger.warn({ err, orderId }, 'warehouse not notified; the nightly sync will pick the order up');
    }
  }
}
