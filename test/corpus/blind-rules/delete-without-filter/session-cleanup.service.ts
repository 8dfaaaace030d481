import { Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { Prisma } from '@prisma/client';
import { PrismaService } from '../prisma/prisma.service';

@Injectable()
export class SessionCleanupService {
  private readonly logger = new Logger(SessionCleanupService.name);

  constructor(private readonly prisma: PrismaService) {}

  /** Emergency "log everyone out" button in the admin console. */
  async purgeAllSessions(): Promise<number> {
    const { count } = await this.prisma.session.deleteMany(); // expect: delete-without-filter
    this.logger.warn(`Purged ${count} sessions`);
    return count;
  }

  async resetNotifications(): Promise<void> {
    await this.prisma.notification.deleteMany({}); // expect: delete-without-filter
  }

  async wipeAuditLog() {
    return this.prisma.auditLog.deleteMany({ where: {} }); // expect: delete-without-filter
  }

  async clearLoginAttempts() {
    await this.prisma.loginAttempt.deleteMany({ // expect: delete-without-filter
      where: {},
    });
  }

  async resetCarts() {
    await this.prisma.$transaction(async (tx) => {
      await tx.cartItem.deleteMany(); // expect: delete-without-filter
      await tx.cart.deleteMany({}); // expect: delete-without-filter
    });
  }

  async resetFeatureUsage() {
    await this.prisma.$transaction([this.prisma.usageEvent.deleteMany(), this.prisma.usageCounter.deleteMany({})]); // expect: delete-without-filter x2
  }

  @Cron(CronExpression.EVERY_HOUR)
  async purgeExpired() {
    const cutoff = new Date(Date.now() - 30 * 24 * 60 * 60 * 1000);
    const { count } = await this.prisma.session.deleteMany({ where: { expiresAt: { lt: cutoff } } }); // ok: delete-without-filter
    this.logger.log(`Removed ${count} expired sessions`);
  }

  async revokeForUser(userId: string) {
    await this.prisma.session.deleteMany({ // ok: delete-without-filter
      where: { userId },
    });
  }

  async deleteNotifications(ids: string[]) {
    await this.prisma.notification.deleteMany({ where: { id: { in: ids } } }); // ok: delete-without-filter
  }

  async deleteMatching(where: Prisma.SessionWhereInput) {
    await this.prisma.session.deleteMany({ where }); // ok: delete-without-filter
  }

  async deleteWithArgs(args: Prisma.AuditLogDeleteManyArgs) {
    return this.prisma.auditLog.deleteMany(args); // ok: delete-without-filter
  }

  async removeSession(id: string) {
    await this.prisma.session.delete({ where: { id } }); // ok: delete-without-filter
  }

  async archiveAllOrders() {
    // bulk update, not a delete and not raw SQL
    await this.prisma.order.updateMany({ data: { archived: true } }); // ok: delete-without-filter
  }
}
