// @ts-nocheck
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { PrismaClient, OrderStatus } from '@prisma/client';

enum PaymentState {
  Pending = 'pending',
  Captured = 'captured',
  Failed = 'failed',
}

interface Payment { id: string; state: PaymentState }

@Injectable()
export class PaymentsService {
  private readonly prisma = new PrismaClient();

  constructor(
    @InjectRepository(Object) private readonly payments: Repository<Payment>,
    private readonly manager: EntityManager,
  ) {}

  // An enum member is a literal value for this purpose: the target state is fixed at the call site.
  async capture(id: string) {
    await this.payments.update({ id }, { state: PaymentState.Captured }); // expect: unguarded-status-transition
  }

  async captureGuarded(id: string) {
    await this.payments.update({ id, state: PaymentState.Pending }, { state: PaymentState.Captured }); // ok: unguarded-status-transition
  }

  async fail(id: string) {
    await this.manager.update('payment', { id }, { state: 'failed' }); // expect: unguarded-status-transition
  }

  async failGuarded(id: string) {
    await this.manager.update('payment', { id, state: 'pending' }, { state: 'failed' }); // ok: unguarded-status-transition
  }

  async markPaid(orderId: string) {
    await this.prisma.order.update({ where: { id: orderId }, data: { status: OrderStatus.PAID } }); // expect: unguarded-status-transition
  }

  async markPaidGuarded(orderId: string) {
    await this.prisma.order.update({ where: { id: orderId, status: OrderStatus.PENDING }, data: { status: OrderStatus.PAID } }); // ok: unguarded-status-transition
  }

  async markPaidAsConst(orderId: string) {
    await this.prisma.order.update({ where: { id: orderId }, data: { status: 'PAID' as const } }); // expect: unguarded-status-transition
  }

  // Checking the status in memory first does not make the write a compare-and-set: another request
  // can change it between the read and the update.
  async refund(orderId: string) {
    const order = await this.prisma.order.findUnique({ where: { id: orderId } });
    if (order?.status !== 'PAID') throw new Error('not refundable');
    await this.prisma.order.update({ where: { id: orderId }, data: { status: 'REFUNDED' } }); // expect: unguarded-status-transition
  }

  async refundInTx(orderId: string) {
    await this.prisma.$transaction(async (tx) => {
      await tx.order.update({ where: { id: orderId }, data: { status: 'REFUNDED' } }); // expect: unguarded-status-transition
      await tx.refund.create({ data: { orderId } }); // ok: unguarded-status-transition
    });
  }

  async bulkDisable(ids: string[]) {
    await this.prisma.user.updateMany({ where: { id: { in: ids } }, data: { state: 'disabled' } }); // expect: unguarded-status-transition
  }

  async bulkDisableGuarded(ids: string[]) {
    await this.prisma.user.updateMany({ where: { id: { in: ids }, state: 'active' }, data: { state: 'disabled' } }); // ok: unguarded-status-transition
  }

  async setOnlyTimestamps(id: string) {
    await this.prisma.user.update({ where: { id }, data: { lastLoginAt: new Date(), loginCount: { increment: 1 } } }); // ok: unguarded-status-transition
  }

  async statusCodeField(id: string) {
    await this.prisma.webhook.update({ where: { id }, data: { lastStatusCode: 500 } }); // ok: unguarded-status-transition
  }

  async sequelizeStyleViaManager(id: string) {
    await this.manager.getRepository('Invoice').update(id, { status: 'void' }); // expect: unguarded-status-transition
  }

  async saveWithStatus(p: Payment) {
    await this.payments.save({ ...p, notes: 'x' }); // ok: unguarded-status-transition
  }
}
