// @ts-nocheck
import { EventEmitter } from 'node:events';
import { setTimeout as delay } from 'node:timers/promises';
import { Kafka, Consumer } from 'kafkajs';

export class OrderConsumer extends EventEmitter {
  private consumer: Consumer;
  private attempts = 0;

  constructor(kafka: Kafka) {
    super();
    this.consumer = kafka.consumer({ groupId: 'orders' });
  }

  async start(): Promise<void> {
    try {
      await this.consumer.connect();
      await this.consumer.subscribe({ topic: 'orders' });
    } catch (err) {
      this.emit('error', err);
      setTimeout(() => this.start(), 2000); // expect: unbounded-retry
    }
  }

  async startBounded(): Promise<void> {
    try {
      await this.consumer.connect();
    } catch (err) {
      this.attempts++;
      if (this.attempts > 5) throw err;
      setTimeout(() => this.startBounded(), 2000); // ok: unbounded-retry
    }
  }

  async commitForever(offset: string): Promise<void> {
    while (true) { // expect: unbounded-retry
      try {
        await this.consumer.commitOffsets([{ topic: 'orders', partition: 0, offset }]);
        return;
      } catch (err) {
        this.emit('warn', err);
        await delay(500);
      }
    }
  }

  async commitWithBudget(offset: string, maxRetries = 3): Promise<void> {
    for (let i = 0; ; i++) { // ok: unbounded-retry
      try {
        await this.consumer.commitOffsets([{ topic: 'orders', partition: 0, offset }]);
        return;
      } catch (err) {
        if (i >= maxRetries) throw err;
        await delay(500 * (i + 1));
      }
    }
  }

  reconnect = async (): Promise<void> => {
    await this.consumer.connect().catch(async () => {
      await delay(1000);
      await this.reconnect(); // expect: unbounded-retry
    });
  };
}

export async function drain(queue: { pop(): Promise<string | null> }, handle: (m: string) => Promise<void>): Promise<void> {
  // A consumer loop takes the next message each turn: not a retry of one operation (senior call; the issue is about retries).
  while (true) { // ok: unbounded-retry
    const msg = await queue.pop();
    if (msg === null) return;
    try {
      await handle(msg);
    } catch (err) {
      console.error('message failed', err);
    }
  }
}

export async function waitForDeadline(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) { // ok: unbounded-retry
    try {
      if (await check()) return;
    } catch {
      // not ready yet
    }
    await delay(200);
  }
  throw new Error('not ready in time');
}
