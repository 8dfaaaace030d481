import {
  Injectable,
  Logger,
  NotFoundException,
  BadRequestException,
  ConflictException,
  InternalServerErrorException,
  ServiceUnavailableException,
} from '@nestjs/common';
import { Prisma, PrismaClient } from '@prisma/client';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { PaymentsClient } from '../payments/payments.client';
import type { CreateOrderDto } from './dto/create-order.dto';

@Injectable()
export class OrdersService {
  private readonly logger = new Logger(OrdersService.name);

  constructor(
    private readonly prisma: PrismaClient,
    private readonly payments: PaymentsClient,
    @InjectQueue('fulfilment') private readonly fulfilmentQueue: Queue,
  ) {}

  async findOne(id: string) {
    const order = await this.prisma.order.findUnique({ where: { id } });
    if (!order) {
      throw new NotFoundException(`Order ${id} not found`); // ok: error-context-lost
    }
    return order;
  }

  async create(dto: CreateOrderDto) {
    if (dto.items.length === 0) {
      throw new BadRequestException('Order must contain at least one item'); // ok: error-context-lost
    }
    try {
      return await this.prisma.order.create({
        data: { customerId: dto.customerId, reference: dto.reference, items: { create: dto.items } },
      });
    } catch (err) {
      if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') {
        throw new ConflictException(`Order ${dto.reference} already exists`); // expect: error-context-lost
      }
      this.logger.error('Failed to create order', (err as Error).stack); // ok: error-context-lost
      throw err;
    }
  }

  async charge(orderId: string) {
    const order = await this.findOne(orderId);
    try {
      await this.payments.capture(order.paymentIntentId, order.totalCents);
    } catch (error) {
      this.logger.error(`Payment capture failed for order ${orderId}`); // expect: error-context-lost
      throw new InternalServerErrorException('Payment capture failed'); // expect: error-context-lost
    }
  }

  async refund(orderId: string) {
    const order = await this.findOne(orderId);
    try {
      await this.payments.refund(order.paymentIntentId);
    } catch (error: unknown) {
      throw new InternalServerErrorException('Refund failed', { cause: error }); // ok: error-context-lost
    }
  }

  async enqueueFulfilment(orderId: string) {
    try {
      await this.fulfilmentQueue.add('fulfil', { orderId }, { jobId: orderId });
    } catch (e) {
      this.logger.error(`Could not enqueue fulfilment for ${orderId}`, e instanceof Error ? e.stack : String(e)); // ok: error-context-lost
      throw new ServiceUnavailableException( // expect: error-context-lost
        'Fulfilment queue unavailable, retry later',
      );
    }
  }

  async cancel(orderId: string): Promise<boolean> {
    try {
      await this.prisma.order.update({ where: { id: orderId }, data: { status: 'CANCELLED' } });
      return true;
    } catch (err) {
      if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2025') {
        throw new NotFoundException(`Order ${orderId} not found`, { cause: err }); // ok: error-context-lost
      }
      if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2034') {
        this.logger.log(`Cancel of ${orderId} hit a write conflict; the sweeper will retry`); // expect: error-context-lost
        return false;
      }
      throw new InternalServerErrorException( // ok: error-context-lost
        'Order cancellation failed',
        { cause: err, description: 'cancel' },
      );
    }
  }
}
