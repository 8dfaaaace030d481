// workers/sqs-poller.ts — long-running ECS task consuming the orders queue
import {
  SQSClient,
  ReceiveMessageCommand,
  DeleteMessageCommand,
  SendMessageBatchCommand,
  type SendMessageBatchRequestEntry,
} from '@aws-sdk/client-sqs';
import * as pRetryModule from 'p-retry';
import { setTimeout as sleep } from 'node:timers/promises';
import { handleOrder } from './orders';
import { logger } from './logger';

const QUEUE_URL = process.env.ORDERS_QUEUE_URL!;
const MAX_DELETE_ATTEMPTS = 5;
const sqs = new SQSClient({ maxAttempts: 3 });

const backoffDelay = (attempt: number) => Math.min(2 ** attempt * 100, 20_000);

export async function deleteMessage(handle: string, attempt = 0): Promise<void> {
  try {
    await sqs.send(new DeleteMessageCommand({ QueueUrl: QUEUE_URL, ReceiptHandle: handle }));
  } catch (err) {
    logger.warn({ err, attempt }, 'delete failed');
    await sleep(backoffDelay(attempt));
    return deleteMessage(handle, attempt + 1); // expect: unbounded-retry
  }
}

export async function deleteMessageBounded(handle: string, attempt = 0): Promise<void> {
  try {
    await sqs.send(new DeleteMessageCommand({ QueueUrl: QUEUE_URL, ReceiptHandle: handle }));
  } catch (err) {
    if (attempt + 1 >= MAX_DELETE_ATTEMPTS) throw err;
    await sleep(backoffDelay(attempt));
    return deleteMessageBounded(handle, attempt + 1); // ok: unbounded-retry
  }
}

export class OutboxPublisher {
  constructor(private readonly queueUrl: string) {}

  private async sendBatch(entries: SendMessageBatchRequestEntry[]): Promise<void> {
    while (true) { // expect: unbounded-retry
      try {
        const out = await sqs.send(new SendMessageBatchCommand({ QueueUrl: this.queueUrl, Entries: entries }));
        if (!out.Failed?.length) return;
        const failedIds = new Set(out.Failed.map((f) => f.Id));
        entries = entries.filter((e) => failedIds.has(e.Id));
      } catch (err) {
        logger.error({ err }, 'outbox batch failed');
        await sleep(1_000);
      }
    }
  }

  async publish(entries: SendMessageBatchRequestEntry[]) {
    await pRetryModule.default(() => this.sendBatch(entries.slice(0, 10)), {
      retries: Infinity, // expect: unbounded-retry
    });
  }
}

export async function runPoller(signal: AbortSignal): Promise<void> {
  while (!signal.aborted) { // ok: unbounded-retry
    try {
      const { Messages = [] } = await sqs.send(
        new ReceiveMessageCommand({ QueueUrl: QUEUE_URL, WaitTimeSeconds: 20, MaxNumberOfMessages: 10 }),
      );
      for (const m of Messages) {
        await handleOrder(JSON.parse(m.Body!));
        await deleteMessageBounded(m.ReceiptHandle!);
      }
    } catch (err) {
      logger.error({ err }, 'poll iteration failed');
      await sleep(1_000);
    }
  }
}

export async function drainLocalJobs(): Promise<number> {
  while (true) { // ok: unbounded-retry
    const job = await nextLocalJob();
    if (!job) return 0;
    try {
      await handleOrder(job);
    } finally {
      await ackLocalJob(job);
    }
  }
}

declare function nextLocalJob(): Promise<unknown | null>;
declare function ackLocalJob(job: unknown): Promise<void>;

export async function scheduleHeartbeat(): Promise<void> {
  try {
    await sqs.send(new ReceiveMessageCommand({ QueueUrl: `${QUEUE_URL}-heartbeat`, MaxNumberOfMessages: 1 }));
  } catch (err) {
    logger.warn({ err }, 'heartbeat failed');
  }
  setTimeout(() => scheduleHeartbeat(), 30_000); // ok: unbounded-retry
}
