import pRetry, { AbortError } from 'p-retry';
import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';
import axios, { AxiosError } from 'axios';
import type { Job } from 'bullmq';

const s3 = new S3Client({ region: process.env.AWS_REGION ?? 'eu-west-1' });
const partnerApi = axios.create({ baseURL: process.env.PARTNER_API_URL, timeout: 5000 });

export async function uploadReport(key: string, body: Buffer) {
  return pRetry(() => s3.send(new PutObjectCommand({ Bucket: 'reports', Key: key, Body: body })), {
    retries: 4,
    minTimeout: 0, // expect: retry-without-backoff
  });
}

export async function notifyPartner(reportId: string) {
  return pRetry(
    async () => {
      try {
        return await partnerApi.post('/reports/ready', { reportId });
      } catch (err) {
        if ((err as AxiosError).response?.status === 400) throw new AbortError('partner rejected payload');
        throw err;
      }
    },
    {
      retries: 5,
      factor: 1, // expect: retry-without-backoff
      minTimeout: 2000,
      onFailedAttempt: (error) => {
        console.warn(`notify attempt ${error.attemptNumber} failed, ${error.retriesLeft} left`);
      },
    },
  );
}

const partnerRetryOptions = {
  retries: 3,
  minTimeout: 500,
  factor: 1, // expect: retry-without-backoff
};

export const syncPartnerAccount = (accountId: string) =>
  pRetry(() => partnerApi.put(`/accounts/${accountId}/sync`), partnerRetryOptions);

export async function fetchPartnerSchema() {
  return pRetry(() => partnerApi.get('/schema'), { retries: 5 }); // ok: retry-without-backoff
}

export async function archiveReport(key: string) {
  return pRetry(() => partnerApi.post('/archive', { key }), {
    retries: 6,
    factor: 1, // ok: retry-without-backoff
    minTimeout: 1000,
    randomize: true,
  });
}

export async function pingPartner() {
  return pRetry(() => partnerApi.get('/health'), {
    retries: 3,
    factor: 2, // ok: retry-without-backoff
    minTimeout: 300,
    maxTimeout: 4000,
  });
}

export async function processReportJob(job: Job<{ key: string; body: string; accountId: string }>) {
  const { key, body, accountId } = job.data;
  await uploadReport(key, Buffer.from(body, 'base64'));
  await notifyPartner(key);
  await syncPartnerAccount(accountId);
  await archiveReport(key);
}
