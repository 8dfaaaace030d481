import { setTimeout as delay } from 'node:timers/promises';
import { randomInt } from 'node:crypto';
import { Redis } from 'ioredis';
import pino from 'pino';

const redis = new Redis(process.env.REDIS_URL);
const log = pino({ name: 'export-worker' });
const RETRY_DELAY_MS = 2000;
let running = true;

async function acquireLock(key, owner) {
  for (let i = 0; i < 10; i++) { // expect: retry-without-backoff
    const ok = await redis.set(key, owner, 'PX', 30000, 'NX');
    if (ok === 'OK') return true;
  }
  return false;
}

async function pushResult(job, result) {
  let attempt = 0;
  do { // expect: retry-without-backoff
    try {
      await redis.xadd('results', '*', 'job', job.id, 'result', JSON.stringify(result));
      return;
    } catch (err) {
      attempt++;
      log.warn({ err, attempt, jobId: job.id }, 'xadd failed');
      await delay(RETRY_DELAY_MS);
    }
  } while (attempt < 5);
  throw new Error(`could not push result for job ${job.id}`);
}

async function ackJob(job) {
  for (let attempt = 0; attempt < 4; attempt++) { // ok: retry-without-backoff
    try {
      await redis.xack('jobs', 'workers', job.streamId);
      return;
    } catch (err) {
      log.warn({ err, attempt }, 'xack failed');
      await delay(500 + randomInt(0, 250));
    }
  }
}

async function waitForExport(exportId) {
  for (let i = 0; i < 60; i++) { // ok: retry-without-backoff
    const status = await redis.get(`export:${exportId}:status`);
    if (status === 'done') return true;
    await delay(1000);
  }
  return false;
}

async function replayDeadLetters(count) {
  for (let i = 0; i < count; i++) { // ok: retry-without-backoff
    await redis.lmove('jobs:dlq', 'jobs:pending', 'LEFT', 'RIGHT');
    await delay(200);
  }
}

async function handle(job) {
  const locked = await acquireLock(`lock:${job.id}`, process.pid.toString());
  if (!locked) return;
  const result = { rows: Number(job.rows ?? 0), finishedAt: Date.now() };
  await pushResult(job, result);
  await ackJob(job);
  if (job.waitFor) await waitForExport(job.waitFor);
}

async function main() {
  if (process.argv.includes('--replay')) await replayDeadLetters(Number(process.argv[3] ?? 100));
  while (running) { // ok: retry-without-backoff
    const entries = await redis.xreadgroup('GROUP', 'workers', `w-${process.pid}`, 'COUNT', 10, 'BLOCK', 5000, 'STREAMS', 'jobs', '>');
    if (!entries) continue;
    for (const [, messages] of entries) {
      for (const [streamId, fields] of messages) {
        const job = { streamId, id: fields[1], rows: fields[3], waitFor: fields[5] };
        await handle(job);
      }
    }
  }
  await redis.quit();
}

process.on('SIGTERM', () => {
  running = false;
});

main().catch((err) => {
  log.fatal({ err }, 'worker crashed');
  process.exit(1);
});
