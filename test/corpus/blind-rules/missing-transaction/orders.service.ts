import { Injectable, NotFoundException } from '@nestjs/common';
import { Prisma } from '@prisma/client';
import { PrismaService } from '../prisma/prisma.service';
import { InventoryService } from '../inventory/inventory.service';
import { PaymentsService } from '../payments/payments.service';
import { CreateOrderDto } from './dto/create-order.dto';

@Injectable()
export class OrdersService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly inventoryService: InventoryService,
    private readonly paymentsService: PaymentsService,
  ) {}

  async placeOrder(userId: string, dto: CreateOrderDto) {
    const order = await this.prisma.order.create({
      data: { userId, total: dto.total, status: 'PENDING' },
    });
    await this.prisma.product.update({ // expect: missing-transaction
      where: { id: dto.productId },
      data: { stock: { decrement: dto.quantity } },
    });
    return order;
  }

  async cancelOrder(orderId: string, actorId: string) {
    const order = await this.prisma.order.findUnique({ where: { id: orderId } });
    if (!order) throw new NotFoundException(`order ${orderId} not found`);
    await this.prisma.order.update({ where: { id: orderId }, data: { status: 'CANCELLED' } });
    await this.prisma.refund.create({ data: { orderId, amount: order.total } }); // expect: missing-transaction
    await this.prisma.auditLog.create({ data: { actorId, action: 'order.cancel', entityId: orderId } });
    return { ok: true };
  }

  async archiveCustomer(customerId: string) {
    await Promise.all([
      this.prisma.customer.update({ where: { id: customerId }, data: { archivedAt: new Date() } }),
      this.prisma.subscription.updateMany({ where: { customerId }, data: { active: false } }), // expect: missing-transaction
    ]);
  }

  async purgeCart(cartId: string) {
    await this.prisma.cartItem.deleteMany({ where: { cartId } });
    await this.prisma.cart.delete({ where: { id: cartId } }); // expect: missing-transaction
  }

  async resetPassword(userId: string, passwordHash: string) {
    await this.prisma.user.update({ where: { id: userId }, data: { passwordHash } });
    await this.prisma.passwordResetToken.deleteMany({ where: { userId } }); // expect: missing-transaction
  }

  async placeOrderSafely(userId: string, dto: CreateOrderDto) {
    return this.prisma.$transaction(async (tx) => {
      const order = await tx.order.create({
        data: { userId, total: dto.total, status: 'PENDING' },
      });
      await tx.product.update({ // ok: missing-transaction
        where: { id: dto.productId },
        data: { stock: { decrement: dto.quantity } },
      });
      return order;
    });
  }

  async markShipped(orderId: string, trackingNo: string) {
    await this.prisma.$transaction([
      this.prisma.order.update({ where: { id: orderId }, data: { status: 'SHIPPED' } }),
      this.prisma.shipment.create({ data: { orderId, trackingNo } }), // ok: missing-transaction
    ]);
  }

  async addNote(orderId: string, note: string) {
    await this.prisma.order.update({ where: { id: orderId }, data: { note } });
    await this.prisma.order.update({ where: { id: orderId }, data: { noteCount: { increment: 1 } } }); // ok: missing-transaction
  }

  async createOrderWithItems(userId: string, items: Array<{ sku: string; qty: number }>) {
    return this.prisma.order.create({
      data: {
        userId,
        status: 'PENDING',
        items: { create: items.map((i) => ({ sku: i.sku, qty: i.qty })) }, // ok: missing-transaction
      },
    });
  }

  // Caller owns the transaction and hands in its client.
  async applyCoupon(tx: Prisma.TransactionClient, orderId: string, couponId: string) {
    await tx.coupon.update({ where: { id: couponId }, data: { redemptions: { increment: 1 } } });
    await tx.order.update({ where: { id: orderId }, data: { couponId } }); // ok: missing-transaction
  }

  async capturePayment(orderId: string, paymentId: string, actorId: string) {
    await this.prisma.$transaction(async (tx) => {
      await tx.order.update({ where: { id: orderId }, data: { status: 'PAID' } });
      await tx.payment.update({ where: { id: paymentId }, data: { capturedAt: new Date() } }); // ok: missing-transaction
    });
    await this.prisma.auditLog.create({ data: { actorId, action: 'payment.capture', entityId: orderId } }); // ok: missing-transaction
  }

  async refundOrder(orderId: string) {
    const order = await this.prisma.order.findUniqueOrThrow({ where: { id: orderId } });
    await this.inventoryService.release(order.id);
    await this.paymentsService.refund(order.id); // ok: missing-transaction
    return order;
  }
}
