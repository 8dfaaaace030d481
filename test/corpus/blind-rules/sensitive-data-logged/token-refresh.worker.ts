import { Worker, Job } from 'bullmq';
import * as winston from 'winston';
import axios from 'axios';
import { db } from '../db';

const logger = winston.createLogger({ level: 'debug', transports: [new winston.transports.Console()] });

interface RefreshJob {
  integrationId: string;
  refreshToken: string;
}

export const worker = new Worker<RefreshJob>(
  'oauth-refresh',
  async (job: Job<RefreshJob>) => {
    logger.info('refresh job started', { jobId: job.id, integrationId: job.data.integrationId }); // ok: sensitive-data-logged
    logger.debug('job payload', job.data); // ok: sensitive-data-logged
    const { refreshToken } = job.data;
    logger.debug(`using refresh token ${refreshToken}`); // expect: sensitive-data-logged
    const { data } = await axios.post('https://oauth2.example.com/token', {
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
    });
    logger.info('token endpoint responded', { access_token: data.access_token, expires_in: data.expires_in }); // expect: sensitive-data-logged
    await db.integration.update({
      where: { id: job.data.integrationId },
      data: { accessToken: data.access_token, refreshToken: data.refresh_token },
    });
    logger.info('tokens rotated', { integrationId: job.data.integrationId, expiresIn: data.expires_in }); // ok: sensitive-data-logged
  },
  { connection: { host: process.env.REDIS_HOST ?? 'localhost', port: 6379 } },
);

worker.on('failed', (job, err) => {
  logger.error('refresh failed', { jobId: job?.id, error: err.message });
});
