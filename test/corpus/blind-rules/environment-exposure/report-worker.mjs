import pino from 'pino';
import { Worker } from 'bullmq';
import { spawn } from 'node:child_process';
import { z } from 'zod';
import * as proc from 'node:process';
import { env as runtimeEnv } from 'node:process';

const log = pino({ level: proc.env.LOG_LEVEL ?? 'info' }); // ok: environment-exposure

const config = z
  .object({ REDIS_HOST: z.string(), REDIS_PORT: z.coerce.number(), REPORTS_BUCKET: z.string() })
  .parse(process.env); // ok: environment-exposure

log.info({ env: proc.env }, 'report worker booting'); // expect: environment-exposure
log.trace(runtimeEnv); // expect: environment-exposure
log.info({ bucket: config.REPORTS_BUCKET, redis: config.REDIS_HOST }, 'config loaded'); // ok: environment-exposure

const worker = new Worker(
  'reports',
  async (job) => {
    log.info({ jobId: job.id, queue: job.queueName }, 'rendering report');
    const child = spawn('python3', ['render_report.py', job.data.reportId], { // ok: environment-exposure
      env: { ...process.env, REPORT_ID: String(job.data.reportId) },
      stdio: 'inherit',
    });
    await new Promise((resolve, reject) => child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`exit ${code}`)))));
  },
  { connection: { host: config.REDIS_HOST, port: config.REDIS_PORT } },
);

worker.on('failed', (job, err) => {
  log.error({ err, jobId: job?.id, env: process.env }, 'report job failed'); // expect: environment-exposure
});

worker.on('completed', (job) => {
  log.info({ jobId: job.id, env: process.env.NODE_ENV }, 'report job completed'); // ok: environment-exposure
});

export const auditLog = log.child({ service: process.env.SERVICE_NAME, region: runtimeEnv.AWS_REGION }); // ok: environment-exposure
