import { Injectable, NotFoundException, ConflictException } from '@nestjs/common';
import { Prisma } from '@prisma/client';
import { PrismaService } from '../prisma/prisma.service';
import { UpdateOrderNoteDto, ChangeStatusDto } from './dto';

@Injectable()
export class OrdersService {
  constructor(private readonly prisma: PrismaService) {}

  async create(customerId: string, items: Prisma.OrderItemCreateWithoutOrderInput[]) {
    return this.prisma.order.create({ // ok: unguarded-status-transition
      data: { customerId, status: 'PENDING', items: { create: items } },
    });
  }

  async ship(id: string, trackingNumber: string) {
    return this.prisma.order.update({ // expect: unguarded-status-transition
      where: { id },
      data: { status: 'SHIPPED', trackingNumber, shippedAt: new Date() },
    });
  }

  async shipSafely(id: string, trackingNumber: string) {
    const res = await this.prisma.order.updateMany({ // ok: unguarded-status-transition
      where: { id, status: 'PAID' },
      data: { status: 'SHIPPED', trackingNumber, shippedAt: new Date() },
    });
    if (res.count === 0) throw new ConflictException('order is not in PAID state');
  }

  async cancel(id: string) {
    const res = await this.prisma.order.updateMany({ // ok: unguarded-status-transition
      where: { id, status: { in: ['PENDING', 'PAID'] } },
      data: { status: 'CANCELLED', cancelledAt: new Date() },
    });
    if (res.count === 0) throw new ConflictException('order can no longer be cancelled');
  }

  async refund(id: string) {
    return this.prisma.order.update({ // expect: unguarded-status-transition
      where: { id },
      data: { status: { set: 'REFUNDED' } },
    });
  }

  async hold(id: string) {
    return this.prisma.order.update({ // ok: unguarded-status-transition
      where: { id, NOT: { status: 'CANCELLED' } },
      data: { status: 'ON_HOLD' },
    });
  }

  async markDelivered(orderId: string) {
    await this.prisma.order.update({ where: { id: orderId }, data: { status: 'DELIVERED' } }); // expect: unguarded-status-transition
  }

  async transition(id: string, from: string) {
    return this.prisma.order.update({ // ok: unguarded-status-transition
      where: { id, status: from },
      data: { status: 'PROCESSING' },
    });
  }

  async packWithVersion(id: string, version: number) {
    // optimistic locking: the version column is the compare-and-set
    return this.prisma.order.update({ // ok: unguarded-status-transition
      where: { id, version },
      data: { status: 'PACKED', version: { increment: 1 } },
    });
  }

  async changeStatus(id: string, dto: ChangeStatusDto) {
    // status comes from a validated DTO, not a literal
    return this.prisma.order.update({ // ok: unguarded-status-transition
      where: { id },
      data: { status: dto.status },
    });
  }

  async updateNote(id: string, dto: UpdateOrderNoteDto) {
    return this.prisma.order.update({ // ok: unguarded-status-transition
      where: { id },
      data: { note: dto.note, statusNote: 'edited by support' },
    });
  }

  async archiveWithItems(id: string) {
    return this.prisma.$transaction([
      this.prisma.orderItem.deleteMany({ where: { orderId: id } }),
      this.prisma.order.update({ where: { id }, data: { state: 'archived' } }), // expect: unguarded-status-transition
    ]);
  }

  async fail(id: string, reason: string) {
    return this.prisma.$transaction(async (tx) => {
      const order = await tx.order.findUnique({ where: { id } });
      if (!order) throw new NotFoundException();
      await tx.paymentAttempt.create({ data: { orderId: id, reason, status: 'FAILED' } }); // ok: unguarded-status-transition
      return tx.order.update({ // expect: unguarded-status-transition
        where: { id },
        data: { status: 'PAYMENT_FAILED', failureReason: reason },
      });
    });
  }

  async reopen(id: string) {
    return this.prisma.order.update({ // ok: unguarded-status-transition
      where: { id, AND: [{ status: 'CANCELLED' }, { customerId: { not: null } }] },
      data: { status: 'PENDING' },
    });
  }
}
