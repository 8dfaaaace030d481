import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';
import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
import retry from 'async-retry';

const sqs = new SQSClient({});
const ddb = new DynamoDBClient({});
const s3 = new S3Client({});
const TABLE = process.env.ARCHIVE_TABLE;

export const handler = async (event) => {
  for (const record of event.Records) { // ok: unbounded-retry
    const body = JSON.parse(record.body);
    await retry(
      async (bail) => {
        const object = await readObject(body.key);
        if (!object) bail(new Error(`missing object ${body.key}`));
        await putWithRetry({ pk: { S: body.key }, size: { N: String(object.ContentLength) } });
      },
      { retries: 4, minTimeout: 200 }, // ok: unbounded-retry
    );
  }
  await notifyDownstream(event.Records.length);
  return { batchItemFailures: [] };
};

async function readObject(key) {
  while (true) { // expect: unbounded-retry
    const out = await s3
      .send(new GetObjectCommand({ Bucket: process.env.BUCKET, Key: key }))
      .catch((err) => err);
    if (!(out instanceof Error)) return out;
    if (out.name === 'NoSuchKey') return null;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

async function putWithRetry(item) {
  await retry(
    async () => {
      await ddb.send(new PutItemCommand({ TableName: TABLE, Item: item }));
    },
    {
      forever: true, // expect: unbounded-retry
      factor: 1.5,
      maxTimeout: 10_000,
    },
  );
}

export async function putAudit(item) {
  for (;;) { // expect: unbounded-retry
    try {
      await ddb.send(new PutItemCommand({ TableName: `${TABLE}-audit`, Item: item }));
      break;
    } catch (err) {
      if (err.name === 'ValidationException') throw err;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

async function notifyDownstream(count) {
  for (let attempt = 1; attempt <= 3; attempt++) { // ok: unbounded-retry
    try {
      return await sqs.send(
        new SendMessageCommand({
          QueueUrl: process.env.DOWNSTREAM_QUEUE_URL,
          MessageBody: JSON.stringify({ archived: count }),
        }),
      );
    } catch (err) {
      if (attempt === 3) throw err;
      console.warn(`notify attempt ${attempt} failed`, err);
    }
  }
}

export async function drainDeadLetters(receive) {
  const drained = [];
  while (true) { // ok: unbounded-retry
    const { Messages } = await receive();
    if (!Messages?.length) break;
    drained.push(...Messages);
  }
  return drained;
}
