import { Worker, Queue, type Job, UnrecoverableError } from 'bullmq';
import IORedis from 'ioredis';
import nodemailer from 'nodemailer';
import * as Sentry from '@sentry/node';
import { render } from '@react-email/render';
import { noop } from 'lodash';

const connection = new IORedis(process.env.REDIS_URL!, { maxRetriesPerRequest: null });
const transport = nodemailer.createTransport({ url: process.env.SMTP_URL });
const deadLetters = new Queue('email-dead', { connection });

type EmailJob = { to: string; template: string; props?: Record<string, unknown> };

async function renderTemplate({ template, props = {} }: EmailJob): Promise<string> {
  const mod = await import(`./templates/${template}.js`);
  return render(mod.default(props));
}

export const worker = new Worker<EmailJob>(
  'email',
  async (job: Job<EmailJob>) => {
    let html: string;
    try {
      html = await renderTemplate(job.data);
    } catch (err) { // ok: swallowed-exception
      throw new UnrecoverableError(`template ${job.data.template} failed: ${String(err)}`);
    }
    try {
      await transport.sendMail({ to: job.data.to, subject: 'Hello', html });
    } catch (e) { // ok: swallowed-exception
      Sentry.captureException(e, { extra: { jobId: job.id } });
      throw e;
    }
    await job.updateProgress(100).catch(noop); // expect: swallowed-exception
    return { delivered: true };
  },
  { connection, concurrency: 5 },
);

worker.on('failed', async (job, err) => {
  if (!job || job.attemptsMade < (job.opts.attempts ?? 1)) return;
  try {
    await deadLetters.add('dead', { ...job.data, reason: err.message });
  } catch { // expect: swallowed-exception
    // nothing else we can do here
  }
});

export async function drain() {
  await worker.close().catch((reason) => reason); // ok: swallowed-exception
  await connection.quit().then(
    () => undefined,
    noop, // expect: swallowed-exception
  );
}

export class DigestProcessor {
  private failures = 0;
  private readonly onFail = (err: unknown) => {
    this.failures++;
    Sentry.captureException(err);
  };

  async process(job: Job<{ userIds: string[] }>) {
    for (const id of job.data.userIds) {
      await this.sendDigest(id).catch(this.onFail); // ok: swallowed-exception
    }
    try {
      await job.updateData({ ...job.data, failures: this.failures });
    } catch { // expect: swallowed-exception
      this.failures = -1;
    }
  }

  private async sendDigest(userId: string) {
    await transport.sendMail({ to: userId, subject: 'Your digest', text: 'Here is what you missed' });
  }
}
