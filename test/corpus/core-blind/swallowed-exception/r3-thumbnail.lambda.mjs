import { S3Client, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, UpdateCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import sharp from 'sharp';
import { Logger } from '@aws-lambda-powertools/logger';

const s3 = new S3Client({});
const ddb = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const logger = new Logger({ serviceName: 'thumbnails' });

const noop = () => {};

async function readObject(Bucket, Key) {
  const res = await s3.send(new GetObjectCommand({ Bucket, Key }));
  return Buffer.from(await res.Body.transformToByteArray());
}

async function markProcessed(key, status) {
  await ddb.send(
    new UpdateCommand({
      TableName: process.env.TABLE,
      Key: { pk: key },
      UpdateExpression: 'SET #s = :s',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':s': status },
    }),
  );
}

function writeManifest(results) {
  return s3.send(
    new PutObjectCommand({ Bucket: process.env.OUT_BUCKET, Key: 'last-run.json', Body: JSON.stringify(results) }),
  );
}

export const handler = async (event) => {
  const results = [];
  for (const record of event.Records) {
    const {
      bucket: { name: Bucket },
      object: { key },
    } = record.s3;
    let input;
    try {
      input = await readObject(Bucket, decodeURIComponent(key.replace(/\+/g, ' ')));
    } catch { // expect: swallowed-exception
      // object was probably deleted before we got to it
      continue;
    }
    try {
      const thumb = await sharp(input).resize(200).jpeg().toBuffer();
      await s3.send(new PutObjectCommand({ Bucket: process.env.OUT_BUCKET, Key: `thumbs/${key}`, Body: thumb }));
      results.push({ key, ok: true });
    } catch (err) { // ok: swallowed-exception
      logger.error('thumbnail failed', err);
      results.push({ key, ok: false });
    }
    markProcessed(key, 'done').catch(noop); // expect: swallowed-exception
  }
  await Promise.all([writeManifest(results).catch(() => undefined), markProcessed('__run__', 'done').catch(() => undefined)]); // expect: swallowed-exception x2
  return { statusCode: 200, body: JSON.stringify(results) };
};

export const healthHandler = async () => {
  try {
    await ddb.send(new GetCommand({ TableName: process.env.TABLE, Key: { pk: '__run__' } }));
    return { statusCode: 200, body: 'ok' };
  } catch { // expect: swallowed-exception
    return { statusCode: 503, body: JSON.stringify({ healthy: false }) };
  }
};

export const dlqHandler = async (event) => {
  for (const r of event.Records) {
    await markProcessed(r.messageId, 'dead').catch((error) => // ok: swallowed-exception
      logger.warn('could not mark dead letter', { error }),
    );
  }
};
