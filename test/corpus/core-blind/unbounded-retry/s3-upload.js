import * as pRetryNs from 'p-retry';
import { default as retryPromise } from 'p-retry';
import {
  S3Client,
  PutObjectCommand,
  HeadObjectCommand,
  DeleteObjectCommand,
} from '@aws-sdk/client-s3';
import { readFile } from 'node:fs/promises';
import { logger } from '../lib/logger.js';

const s3 = new S3Client({ region: process.env.AWS_REGION, maxAttempts: 3 });

export async function uploadAsset(bucket, key, path) {
  const Body = await readFile(path);
  return pRetryNs.default(() => s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body })), {
    retries: Infinity, // expect: unbounded-retry
    onFailedAttempt: (e) => logger.warn({ attempt: e.attemptNumber }, 'upload failed'),
  });
}

export async function headAsset(bucket, key) {
  return retryPromise(() => s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key })), { retries: 4 }); // ok: unbounded-retry
}

export async function uploadThumbnail(bucket, key, body) {
  return retryPromise(
    () => s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body })),
    { retries: Number.MAX_SAFE_INTEGER, minTimeout: 100 } // expect: unbounded-retry
  );
}

const FOREVER_OPTS = {
  retries: Infinity, // expect: unbounded-retry
  factor: 1.2,
};

export async function uploadManifest(bucket, key, manifest) {
  const Body = JSON.stringify(manifest);
  return retryPromise(() => s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body })), FOREVER_OPTS);
}

export async function deleteAsset(bucket, key) {
  const { default: pRetry } = await import('p-retry');
  return pRetry(() => s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key })), {
    retries: Infinity, // expect: unbounded-retry
  });
}

export async function deleteAssets(bucket, keys) {
  const { default: pRetry } = await import('p-retry');
  return Promise.all(
    keys.map((key) =>
      pRetry(() => s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key })), {
        retries: 3, // ok: unbounded-retry
      })
    )
  );
}

export async function uploadParts(parts) {
  for (const part of parts) { // ok: unbounded-retry
    let attempt = 0;
    while (true) { // ok: unbounded-retry
      try {
        await s3.send(part.command);
        break;
      } catch (err) {
        if (++attempt >= 3) throw err;
        logger.warn({ err, part: part.number, attempt }, 'part upload failed');
      }
    }
  }
}
