import {
  SQSClient,
  ReceiveMessageCommand,
  DeleteMessageCommand,
  SendMessageCommand,
  GetQueueAttributesCommand,
} from '@aws-sdk/client-sqs';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import { handleOrderEvent } from '../handlers/orders';

const MAX_PUBLISH_ATTEMPTS = 5;

export class OrderConsumer {
  private stopping = false;

  constructor(
    private readonly sqs: SQSClient,
    private readonly queueUrl: string,
    private readonly log: Logger,
  ) {}

  async run(): Promise<void> {
    await this.ensureQueue();
    this.startHeartbeat();
    while (!this.stopping) { // ok: unbounded-retry
      try {
        const { Messages = [] } = await this.sqs.send(
          new ReceiveMessageCommand({ QueueUrl: this.queueUrl, WaitTimeSeconds: 20 }),
        );
        for (const msg of Messages) { // ok: unbounded-retry
          try {
            await handleOrderEvent(JSON.parse(msg.Body!));
            await this.sqs.send(new DeleteMessageCommand({ QueueUrl: this.queueUrl, ReceiptHandle: msg.ReceiptHandle }));
          } catch (err) {
            this.log.error({ err, id: msg.MessageId }, 'handler failed; message will be redelivered');
          }
        }
      } catch (err) {
        this.log.error({ err }, 'receive failed');
        await sleep(1000);
      }
    }
  }

  stop(): void {
    this.stopping = true;
  }

  async ensureQueue(): Promise<void> {
    let ok = false;
    do { // expect: unbounded-retry
      try {
        await this.sqs.send(new GetQueueAttributesCommand({ QueueUrl: this.queueUrl, AttributeNames: ['All'] }));
        ok = true;
      } catch (err) {
        this.log.warn({ err }, 'queue not reachable yet');
        await sleep(2_000);
      }
    } while (!ok);
  }

  async publish(body: object): Promise<void> {
    let attempt = 0;
    while (true) { // ok: unbounded-retry
      attempt++;
      try {
        await this.sqs.send(new SendMessageCommand({ QueueUrl: this.queueUrl, MessageBody: JSON.stringify(body) }));
        return;
      } catch (err) {
        if (attempt === MAX_PUBLISH_ATTEMPTS) throw err;
        await sleep(100 * attempt);
      }
    }
  }

  async publishCritical(body: object): Promise<void> {
    let attempt = 0;
    while (true) { // expect: unbounded-retry
      try {
        await this.sqs.send(new SendMessageCommand({ QueueUrl: this.queueUrl, MessageBody: JSON.stringify(body) }));
        return;
      } catch (err) {
        attempt++;
        if (attempt > 3) this.log.error({ err, attempt }, 'publishCritical keeps failing');
        await sleep(Math.min(100 * 2 ** attempt, 10_000));
      }
    }
  }

  private startHeartbeat = (): void => {
    this.sqs
      .send(new SendMessageCommand({ QueueUrl: this.queueUrl, MessageBody: '{"type":"heartbeat"}' }))
      .then(() => setTimeout(this.startHeartbeat, 30_000)) // ok: unbounded-retry
      .catch((err) => {
        this.log.warn({ err }, 'heartbeat failed');
        setTimeout(() => this.startHeartbeat(), 5_000); // expect: unbounded-retry
      });
  };
}
