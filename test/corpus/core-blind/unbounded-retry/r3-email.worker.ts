import { Worker, Queue, type Job } from 'bullmq';
import IORedis from 'ioredis';
import * as nodemailer from 'nodemailer';
import { setTimeout as delay } from 'node:timers/promises';
import { renderTemplate, loadTemplates } from './templates';

interface EmailJob {
  to: string;
  template: string;
  vars: Record<string, string>;
}

const connection = new IORedis(process.env.REDIS_URL!, { maxRetriesPerRequest: null });
const MAX_SMTP_ATTEMPTS = 5;
const SMTP_HOSTS = (process.env.SMTP_HOSTS ?? 'smtp-a,smtp-b').split(',');

export const emailQueue = new Queue<EmailJob>('email', {
  connection,
  defaultJobOptions: {
    attempts: 5, // ok: unbounded-retry
    backoff: { type: 'exponential', delay: 1_000 },
  },
});

let transporter: nodemailer.Transporter;

async function pickTransport(): Promise<nodemailer.Transporter> {
  outer: for (;;) { // expect: unbounded-retry
    for (const host of SMTP_HOSTS) { // ok: unbounded-retry
      const candidate = nodemailer.createTransport({ host, port: 587 });
      try {
        await candidate.verify();
        transporter = candidate;
        break outer;
      } catch {
        continue;
      }
    }
    await delay(1_000);
  }
  return transporter;
}

async function verifySmtp(): Promise<void> {
  let ok = false;
  do { // expect: unbounded-retry
    try {
      await transporter.verify();
      ok = true;
    } catch (e) {
      console.error('smtp verify failed', e);
      await delay(3_000);
    }
  } while (!ok);
}

async function warmTemplates(tries = 0): Promise<void> {
  try {
    await loadTemplates();
  } catch (err) {
    if (tries < 3) return warmTemplates(tries + 1); // ok: unbounded-retry
    throw err;
  }
}

async function ensureQueueReady(): Promise<void> {
  try {
    await emailQueue.waitUntilReady();
  } catch {
    await delay(1_000);
    await ensureQueueReady(); // expect: unbounded-retry
  }
}

async function sendBounded(message: nodemailer.SendMailOptions) {
  let attempts = 0;
  while (attempts < MAX_SMTP_ATTEMPTS) { // ok: unbounded-retry
    try {
      return await transporter.sendMail(message);
    } catch (err) {
      attempts++;
      await delay(250 * attempts);
    }
  }
  throw new Error('smtp: giving up');
}

export const worker = new Worker<EmailJob>(
  'email',
  async (job: Job<EmailJob>) => {
    const html = await renderTemplate(job.data.template, job.data.vars);
    if (job.data.template === 'receipt') {
      return sendBounded({ to: job.data.to, html });
    }
    let attempt = 0;
    while (true) { // expect: unbounded-retry
      try {
        await transporter.sendMail({ to: job.data.to, html });
        return;
      } catch (err) {
        attempt++;
        await job.log(`send attempt ${attempt} failed: ${(err as Error).message}`);
        await delay(Math.min(1_000 * 2 ** attempt, 30_000));
      }
    }
  },
  { connection, concurrency: 10 },
);

export async function bootstrap() {
  await pickTransport();
  await verifySmtp();
  await warmTemplates();
  await ensureQueueReady();
}
