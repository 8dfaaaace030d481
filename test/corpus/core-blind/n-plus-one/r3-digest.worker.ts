// BullMQ workers: notification digests and company enrichment
import { Worker, Queue, type Job } from 'bullmq';
import { PrismaClient } from '@prisma/client';
import got from 'got';
import IORedis from 'ioredis';
import { appendFile } from 'node:fs/promises';

const prisma = new PrismaClient();
const connection = new IORedis(process.env.REDIS_URL!, { maxRetriesPerRequest: null });
const emails = new Queue('emails', { connection });

type DigestJob = { userIds: string[]; since: string };
type Company = { domain: string; name: string; employees: number };

async function writeChunk(rows: unknown[]): Promise<void> {
  await appendFile('/tmp/events.ndjson', rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
}

export const digestWorker = new Worker<DigestJob>(
  'digest',
  async (job: Job<DigestJob>) => {
    const queue = [...job.data.userIds];
    const digests: Array<{ name: string; data: { userId: string; count: number } }> = [];
    while (queue.length) {
      const userId = queue.shift()!;
      const notifications = await prisma.notification.findMany({ // expect: n-plus-one
        where: { userId, createdAt: { gte: new Date(job.data.since) } },
      });
      if (notifications.length > 0) digests.push({ name: 'digest', data: { userId, count: notifications.length } });
    }
    await emails.addBulk(digests);
  },
  { connection },
);

export const enrichWorker = new Worker(
  'enrich',
  async (job) => {
    const domains: string[] = job.data.domains;
    const results = await Promise.all(
      domains.map((domain) => got(`https://companies.example.com/v1/${domain}`, { timeout: { request: 5000 } }).json<Company>()), // expect: n-plus-one
    );
    for (const r of results) {
      await prisma.company.upsert({ where: { domain: r.domain }, create: r, update: r }); // expect: n-plus-one
    }
  },
  { connection },
);

export const webhookWorker = new Worker(
  'webhooks',
  async (job) => {
    const payload = job.data.payload;
    job.data.hooks.forEach(async (hook: { url: string }) => {
      await got.post(hook.url, { json: payload, timeout: { request: 5000 } }); // expect: n-plus-one
    });
  },
  { connection },
);

export async function fetchWithRetry<T>(url: string): Promise<T> {
  let attempt = 0;
  while (true) {
    try {
      return await got(url, { timeout: { request: 3000 } }).json<T>(); // ok: n-plus-one
    } catch (e) {
      if (++attempt >= 3) throw e;
      await new Promise((r) => setTimeout(r, 500 * attempt)); // ok: n-plus-one
    }
  }
}

export async function exportEvents(): Promise<number> {
  let cursor: string | undefined;
  let total = 0;
  for (;;) {
    const page = await prisma.event.findMany({ // ok: n-plus-one
      take: 500,
      ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
      orderBy: { id: 'asc' },
    });
    if (page.length === 0) break;
    await writeChunk(page); // ok: n-plus-one
    for (const ev of page) {
      if (ev.kind === 'purchase') {
        await prisma.purchaseStat.update({ where: { day: ev.day }, data: { count: { increment: ev.meta?.qty ?? 1 } } }); // expect: n-plus-one
      }
    }
    total += page.length;
    cursor = page[page.length - 1].id;
  }
  return total;
}

export async function archiveUsers(ids: string[]) {
  const users = await prisma.user.findMany({ where: { id: { in: ids } } }); // ok: n-plus-one
  await prisma.archivedUser.createMany({ data: users.map((u) => ({ userId: u.id, email: u.email })) }); // ok: n-plus-one
}
