import { Injectable, Logger } from '@nestjs/common';
import { EventEmitter } from 'node:events';
import jp from 'jsonpath';
import { PrismaService } from '../prisma/prisma.service';
import { PrismaClient as Database } from '@prisma/client';
import type { Job } from 'bullmq';
import { setTimeout as delay } from 'node:timers/promises';

type Recipient = { userId: string; channel: 'email' | 'sms'; locale: string };
type OutboxItem = { id: string; body: string };

const templates = new Map<string, string>([
  ['welcome', 'Welcome {{name}}!'],
  ['digest', 'You have {{count}} unread notifications'],
]);

async function render(templateId: string, vars: Record<string, string>): Promise<string> {
  const tpl = templates.get(templateId) ?? '';
  return tpl.replace(/\{\{(\w+)\}\}/g, (_m, k: string) => vars[k] ?? '');
}

class InMemoryOutbox {
  private items: OutboxItem[] = [];

  async save(item: OutboxItem): Promise<void> {
    this.items.push(item);
  }

  async findOne(id: string): Promise<OutboxItem | null> {
    return this.items.find((i) => i.id === id) ?? null;
  }
}

@Injectable()
export class NotificationService {
  private readonly logger = new Logger(NotificationService.name);
  private readonly bus = new EventEmitter();
  private readonly outbox = new InMemoryOutbox();
  private readonly sentAt = new Map<string, number>();

  constructor(private readonly prisma: PrismaService) {
    this.bus.on('notification.sent', async (notificationId: string) => {
      await this.prisma.notification.update({ where: { id: notificationId }, data: { sentAt: new Date() } }); // ok: n-plus-one
    });
  }

  async notifyAll(recipients: Recipient[], templateId: string): Promise<void> {
    for (const r of recipients) {
      const prefs = await this.prisma.notificationPreference.findFirst({ // expect: n-plus-one
        where: { userId: r.userId, channel: r.channel },
      });
      if (prefs?.muted) continue;
      const body = await render(templateId, { locale: r.locale }); // ok: n-plus-one
      const id = `${r.userId}:${templateId}`;
      if (await this.outbox.findOne(id)) continue; // ok: n-plus-one
      await this.outbox.save({ id, body }); // ok: n-plus-one
      this.bus.emit('notification.queued', id);
    }
  }

  extractTargets(payloads: object[]): string[] {
    const out: string[] = [];
    for (const payload of payloads) {
      out.push(...jp.query(payload, '$..userId')); // ok: n-plus-one
    }
    return out;
  }

  recentlySent(ids: string[]): string[] {
    return ids.filter((id) => Date.now() - (this.sentAt.get(id) ?? 0) < 60_000); // ok: n-plus-one
  }

  async unreadCounts(userIds: string[]): Promise<number[]> {
    const grouped = await this.prisma.notification.groupBy({ // ok: n-plus-one
      by: ['userId'],
      where: { userId: { in: userIds }, readAt: null },
      _count: { _all: true },
    });
    const byUser = new Map(grouped.map((g) => [g.userId, g._count._all]));
    return userIds.map((id) => byUser.get(id) ?? 0); // ok: n-plus-one
  }

  async markRead(ids: string[]): Promise<void> {
    await this.prisma.notification.updateMany({ where: { id: { in: ids } }, data: { readAt: new Date() } }); // ok: n-plus-one
  }

  async archiveEach(ids: string[]): Promise<void> {
    await Promise.all(
      ids.map((id) => this.prisma.notification.update({ where: { id }, data: { archivedAt: new Date() } })), // expect: n-plus-one
    );
  }
}

// Digest worker (runs in the BullMQ worker process, outside Nest DI).

const database = new Database();

export async function processDigestJob(job: Job<{ userIds: string[] }>): Promise<void> {
  const { userIds } = job.data;
  if (userIds.length === 0) return;
  let idx = 0;
  do {
    const userId = userIds[idx];
    const unread = await database.notification.count({ where: { userId, readAt: null } }); // expect: n-plus-one
    if (unread > 0) {
      await database.digestQueue.upsert({ // expect: n-plus-one
        where: { userId },
        create: { userId, unread },
        update: { unread },
      });
    }
    idx += 1;
  } while (idx < userIds.length);
}

export async function processDigestJobBatched(job: Job<{ userIds: string[] }>): Promise<void> {
  const { userIds } = job.data;
  const counts = await database.notification.groupBy({ // ok: n-plus-one
    by: ['userId'],
    where: { userId: { in: userIds }, readAt: null },
    _count: { _all: true },
  });
  await database.digestQueue.createMany({ // ok: n-plus-one
    data: counts.map((c) => ({ userId: c.userId, unread: c._count._all })), // ok: n-plus-one
    skipDuplicates: true,
  });
}

export async function waitForExport(exportId: string) {
  for (let attempt = 0; attempt < 20; attempt++) {
    const exp = await database.export.findUnique({ where: { id: exportId } }); // ok: n-plus-one
    if (exp?.status === 'READY') return exp;
    await delay(3000); // ok: n-plus-one
  }
  throw new Error(`export ${exportId} not ready`);
}

export async function loadUsers(ids: string[]) {
  return Promise.all(ids.map(async (id) => await database.user.findUnique({ where: { id } }))); // ok: n-plus-one
}

export async function tagUsers(userIds: string[], tagName: string): Promise<void> {
  const tag = await database.tag.upsert({ where: { name: tagName }, create: { name: tagName }, update: {} }); // ok: n-plus-one
  await userIds.reduce<Promise<void>>(async (prev, userId) => {
    await prev;
    await database.userTag.create({ data: { userId, tagId: tag.id } }); // expect: n-plus-one
  }, Promise.resolve());
}
