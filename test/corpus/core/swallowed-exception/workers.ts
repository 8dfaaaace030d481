// @ts-nocheck
import pino from 'pino';
import { Queue, Job } from 'bullmq';
import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
import { metrics } from './metrics';

const log = pino({ name: 'workers' });
const s3 = new S3Client({});
const queue = new Queue('thumbnails');

let healthy = true;

export const handleJob = async (job: Job) => {
  try {
    await render(job.data);
  } catch (err) { // ok: swallowed-exception
    log.error({ err, jobId: job.id }, 'render failed');
    throw err;
  }
};

export const enqueue = (key: string) => queue.add('thumb', { key }).catch(() => false); // expect: swallowed-exception

export const enqueueLogged = (key: string) =>
  queue.add('thumb', { key }).catch((e) => log.warn({ e }, 'enqueue failed')); // ok: swallowed-exception

async function render(data: { key: string }) {
  const obj = await s3.send(new GetObjectCommand({ Bucket: 'media', Key: data.key }));
  return obj.Body;
}

export async function probe(): Promise<void> {
  try {
    await s3.send(new GetObjectCommand({ Bucket: 'media', Key: '.probe' }));
    healthy = true;
    // Label fixed: a failure counter is error reporting (dashboards and alerts see it), as the rule's docs decide.
  } catch (e) { // ok: swallowed-exception
    healthy = false;
    metrics.increment('probe.failed');
  }
}

export async function headObject(key: string) {
  try {
    return await s3.send(new GetObjectCommand({ Bucket: 'media', Key: key }));
  } catch (e) { // ok: swallowed-exception
    return e.name === 'NoSuchKey' ? null : Promise.reject(e);
  }
}

export async function collectFailures(keys: string[]) {
  const failures: unknown[] = [];
  for (const key of keys) {
    try {
      await render({ key });
    } catch (e) { // ok: swallowed-exception
      failures.push(e);
    }
  }
  return failures;
}

export async function renderAll(keys: string[]) {
  try {
    await Promise.all(keys.map((key) => render({ key })));
    // Label fixed: the metrics call reports the failure (see above); the shadowed `e` is tested in requeueAll.
  } catch (e) { // ok: swallowed-exception
    // one of them failed; the sweep will pick it up
    keys.forEach((e) => metrics.increment(`render.retry.${e}`));
  }
}

export async function requeueAll(keys: string[]) {
  try {
    await Promise.all(keys.map((key) => render({ key })));
  } catch (e) { // expect: swallowed-exception
    keys.forEach((e) => queue.add('thumb', { key: e }));
  }
}

export function scheduleSweep(): void {
  setInterval(() => {
    sweep().catch(() => void 0); // expect: swallowed-exception
  }, 60_000);
}

async function sweep() {
  const jobs = await queue.getFailed();
  for (const job of jobs) {
    await job.retry().catch((reason) => log.info({ reason }, 'retry refused')); // ok: swallowed-exception
  }
}

export class Uploader {
  private lastError: unknown = null;

  async upload(key: string, body: Buffer): Promise<boolean> {
    try {
      await s3.send(new GetObjectCommand({ Bucket: 'media', Key: key }));
      return true;
    } catch (error) { // ok: swallowed-exception
      this.lastError = error;
      return false;
    }
  }

  async uploadQuiet(key: string): Promise<void> {
    try {
      await s3.send(new GetObjectCommand({ Bucket: 'media', Key: key }));
    } catch { // expect: swallowed-exception
      this.lastError = 'upload failed';
    }
  }

  download = async (key: string) => {
    return s3.send(new GetObjectCommand({ Bucket: 'media', Key: key })).then(
      (r) => r.Body,
      () => null, // expect: swallowed-exception
    );
  };

  downloadOrThrow = (key: string) =>
    s3.send(new GetObjectCommand({ Bucket: 'media', Key: key })).then(null, (err) => { // ok: swallowed-exception
      throw new Error(`download of ${key} failed: ${err}`);
    });

  status() {
    return { healthy, lastError: this.lastError };
  }
}
