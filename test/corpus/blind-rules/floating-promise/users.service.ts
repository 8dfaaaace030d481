import { Injectable, Logger, NotFoundException } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { OnEvent } from '@nestjs/event-emitter';
import { PrismaService } from '../prisma/prisma.service';
import { MailerService } from '@nestjs-modules/mailer';
import * as audit from './audit';
import publishAll, { publishEvent as emitDomainEvent, emitLocal } from './events';

export interface MailUser {
  id: string;
  email: string;
  name: string;
}

@Injectable()
export class MailService {
  private readonly logger = new Logger(MailService.name);

  constructor(private readonly mailer: MailerService) {}

  async sendWelcome(user: MailUser): Promise<void> {
    await this.mailer.sendMail({
      to: user.email,
      subject: this.renderSubject('welcome'),
      template: 'welcome',
      context: { name: user.name },
    });
  }

  sendReceipt(user: MailUser, orderId: string, totalCents: number): Promise<void> {
    return this.mailer
      .sendMail({ to: user.email, subject: `Receipt for order ${orderId}`, template: 'receipt', context: { orderId, totalCents } })
      .then(() => undefined);
  }

  renderSubject(kind: 'welcome' | 'reset'): string {
    return kind === 'welcome' ? 'Welcome aboard' : 'Reset your password';
  }

  async resendWelcome(user: MailUser): Promise<void> {
    this.logger.log(`re-sending welcome mail to user ${user.id}`); // ok: floating-promise
    this.sendWelcome(user); // expect: floating-promise
  }

  async sendWelcomeBatch(users: MailUser[]): Promise<void> {
    const results = await Promise.allSettled(users.map((u) => this.sendWelcome(u))); // ok: floating-promise
    const failed = results.filter((r) => r.status === 'rejected').length;
    if (failed > 0) {
      this.logger.warn(`${failed} welcome mails failed`);
    }
  }
}

interface RegisterDto {
  email: string;
  name: string;
}

@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly mail: MailService,
  ) {}

  async register(dto: RegisterDto): Promise<MailUser> {
    const user = await this.prisma.user.create({ data: { email: dto.email.toLowerCase(), name: dto.name } });
    this.mail.sendWelcome(user); // expect: floating-promise
    emitDomainEvent({ type: 'user.registered', payload: { id: user.id } }); // expect: floating-promise
    emitLocal({ type: 'user.registered', payload: { id: user.id } }); // ok: floating-promise
    audit.record('user.register', user.id, { email: user.email }); // expect: floating-promise
    return user;
  }

  async deactivate(id: string): Promise<void> {
    const user = await this.prisma.user.findUnique({ where: { id } });
    if (!user) {
      throw new NotFoundException(`user ${id} not found`);
    }
    await this.prisma.user.update({ where: { id }, data: { active: false } });
    await audit.record('user.deactivate', id); // ok: floating-promise
    publishAll([ // expect: floating-promise
      { type: 'user.deactivated', payload: { id } },
      { type: 'sessions.revoke', payload: { userId: id } },
    ]);
  }

  @OnEvent('order.paid')
  handleOrderPaid(payload: { user: MailUser; orderId: string; totalCents: number }): void {
    try {
      this.mail.sendReceipt(payload.user, payload.orderId, payload.totalCents); // expect: floating-promise
    } catch (err) {
      this.logger.error(`receipt for ${payload.orderId} failed`, err as Error);
    }
  }

  @OnEvent('user.updated', { async: true })
  async handleUserUpdated(payload: { id: string }): Promise<void> {
    // Fire-and-forget on purpose: the audit write is best-effort and must not delay the event loop.
    void audit.record('user.updated', payload.id); // ok: floating-promise
  }

  @Cron(CronExpression.EVERY_HOUR)
  purgeStaleInvites(): void {
    this.expireInvites(); // expect: floating-promise
  }

  @Cron(CronExpression.EVERY_DAY_AT_3AM)
  async nightlyDigest(): Promise<void> {
    const pending = this.expireInvites(); // ok: floating-promise
    const users = await this.prisma.user.findMany({ where: { digest: true }, take: 500 });
    await pending;
    await this.mail.sendWelcomeBatch(users); // ok: floating-promise
  }

  private async expireInvites(): Promise<number> {
    const { count } = await this.prisma.invite.deleteMany({ where: { expiresAt: { lt: new Date() } } });
    return count;
  }
}
