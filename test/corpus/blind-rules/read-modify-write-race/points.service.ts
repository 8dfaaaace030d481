import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { Prisma } from '@prisma/client';
import { PrismaService } from '../prisma/prisma.service';
import { UpdateProfileDto } from './dto/update-profile.dto';

interface OrderLine {
  sku: string;
  qty: number;
}

@Injectable()
export class PointsService {
  constructor(private readonly prisma: PrismaService) {}

  async awardForOrder(userId: string, orderTotal: number) {
    const user = await this.prisma.user.findUniqueOrThrow({ where: { id: userId } });
    const earned = Math.floor(orderTotal / 10);
    return this.prisma.user.update({ // expect: read-modify-write-race
      where: { id: userId },
      data: {
        points: user.points + earned,
        tier: user.points + earned > 1000 ? 'GOLD' : user.tier,
      },
    });
  }

  async commitOrderLines(lines: OrderLine[]) {
    for (const line of lines) {
      const product = await this.prisma.product.findFirst({ where: { sku: line.sku } });
      if (!product) continue;
      await this.prisma.product.update({ where: { id: product.id }, data: { stock: product.stock - line.qty, soldCount: product.soldCount + line.qty } }); // expect: read-modify-write-race
    }
  }

  async redeemVoucher(userId: string, voucherValue: number) {
    const { points, id } = await this.prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, points: true } });
    if (points < voucherValue) throw new ConflictException('not enough points');
    await this.prisma.user.update({ where: { id }, data: { points: points - voucherValue } }); // expect: read-modify-write-race
  }

  async awardSafely(userId: string, orderTotal: number) {
    return this.prisma.$transaction(async (tx) => {
      const user = await tx.user.findUniqueOrThrow({ where: { id: userId } });
      return tx.user.update({ where: { id: userId }, data: { points: user.points + Math.floor(orderTotal / 10) } }); // ok: read-modify-write-race
    });
  }

  async redeemAtomic(userId: string, cost: number) {
    const user = await this.prisma.user.findUnique({ where: { id: userId } });
    if (!user) throw new NotFoundException();
    if (user.tier === 'BANNED') throw new ConflictException('account suspended');
    const { count } = await this.prisma.user.updateMany({ where: { id: userId, points: { gte: cost } }, data: { points: { decrement: cost } } }); // ok: read-modify-write-race
    if (count === 0) throw new ConflictException('not enough points');
  }

  async redeemCompareAndSet(userId: string, cost: number) {
    const user = await this.prisma.user.findUniqueOrThrow({ where: { id: userId } });
    const { count } = await this.prisma.user.updateMany({ where: { id: userId, points: user.points }, data: { points: user.points - cost } }); // ok: read-modify-write-race
    if (count === 0) throw new ConflictException('points changed, retry');
  }

  // Callers always pass the client from prisma.$transaction(async (tx) => ...)
  async adjustInTx(tx: Prisma.TransactionClient, userId: string, delta: number) {
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId } });
    await tx.user.update({ where: { id: userId }, data: { points: user.points + delta } }); // ok: read-modify-write-race
  }

  async updateProfile(userId: string, dto: UpdateProfileDto) {
    const user = await this.prisma.user.findUnique({ where: { id: userId } });
    if (!user) throw new NotFoundException();
    return this.prisma.user.update({ where: { id: user.id }, data: { displayName: dto.displayName, avatarUrl: dto.avatarUrl } }); // ok: read-modify-write-race
  }

  async syncSeatLimit(subscriptionId: string) {
    const sub = await this.prisma.subscription.findUniqueOrThrow({ where: { id: subscriptionId }, include: { plan: true } });
    await this.prisma.subscription.update({ where: { id: sub.id }, data: { seatLimit: sub.plan.maxSeats } }); // ok: read-modify-write-race
  }

  async addBonusPoints(userId: string, bonus: number) {
    const user = await this.prisma.user.findUnique({ where: { id: userId } });
    if (!user) throw new NotFoundException();
    await this.prisma.user.update({ where: { id: userId }, data: { points: { increment: bonus }, lifetimePoints: { increment: bonus } } }); // ok: read-modify-write-race
  }
}
