import { EventEmitter } from 'node:events';
import { Kafka, Producer } from 'kafkajs';
import pino from 'pino';

export interface DomainEvent {
  type: string;
  payload: Record<string, unknown>;
  at?: Date;
}

const logger = pino({ name: 'events' });
const kafka = new Kafka({ clientId: 'orders-api', brokers: (process.env.KAFKA_BROKERS ?? '').split(',') });
let producer: Producer | undefined;
export const localBus = new EventEmitter();

async function getProducer(): Promise<Producer> {
  if (!producer) {
    producer = kafka.producer();
    await producer.connect();
  }
  return producer;
}

export async function publishEvent(event: DomainEvent): Promise<void> {
  const p = await getProducer();
  await p.send({ topic: event.type, messages: [{ key: String(event.payload.id ?? ''), value: JSON.stringify(event) }] });
}

export function emitLocal(event: DomainEvent): void {
  localBus.emit(event.type, event);
}

export function shutdownProducer(): Promise<void> {
  return producer ? producer.disconnect() : Promise.resolve();
}

export default async function publishAll(events: DomainEvent[]): Promise<void> {
  await Promise.all(events.map((e) => publishEvent(e))); // ok: floating-promise
}

export async function publishSequentially(events: DomainEvent[]): Promise<void> {
  for (const e of events) {
    publishEvent(e); // expect: floating-promise
  }
}

export async function publishWithMetrics(event: DomainEvent, onSent: () => void): Promise<void> {
  publishEvent(event).then(() => onSent()); // expect: floating-promise
}

export function publishBestEffort(event: DomainEvent): void {
  publishEvent(event) // ok: floating-promise
    .catch((err) => logger.warn({ err, type: event.type }, 'publish failed, dropping event'));
}

export function mirrorToBus(event: DomainEvent): Promise<void> {
  emitLocal(event); // ok: floating-promise
  return publishEvent(event); // ok: floating-promise
}

localBus.on('order.paid', (event: DomainEvent) => publishEvent(event)); // ok: floating-promise

process.once('SIGTERM', () => {
  logger.info('SIGTERM received, closing kafka producer'); // ok: floating-promise
  shutdownProducer(); // expect: floating-promise
});
