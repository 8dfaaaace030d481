const amqp = require('amqplib');
const Bottleneck = require('bottleneck');
const { Kafka, logLevel } = require('kafkajs');

const limiter = new Bottleneck({ maxConcurrent: 4, minTime: 0 }); // ok: retry-without-backoff

const kafka = new Kafka({
  clientId: 'billing-consumer',
  brokers: (process.env.KAFKA_BROKERS || 'localhost:9092').split(','),
  logLevel: logLevel.WARN,
  retry: { initialRetryTime: 300, retries: 8 }, // ok: retry-without-backoff
});
const producer = kafka.producer();

let channel;
let auditChannel;

function connectRabbit(attempt = 0) {
  amqp
    .connect(process.env.AMQP_URL)
    .then(async (conn) => {
      channel = await conn.createChannel();
      await channel.prefetch(20);
      await channel.consume('billing.events', (msg) => limiter.schedule(() => onMessage(msg)));
    })
    .catch((err) => {
      if (attempt >= 10) {
        console.error('giving up on rabbitmq', err);
        process.exit(1);
      }
      console.error(`amqp connect failed (attempt ${attempt}), retrying`, err.message);
      setTimeout(() => connectRabbit(attempt + 1), 5000); // expect: retry-without-backoff
    });
}

function connectAudit(attempt = 0) {
  amqp
    .connect(process.env.AUDIT_AMQP_URL)
    .then(async (conn) => {
      auditChannel = await conn.createConfirmChannel();
    })
    .catch((err) => {
      if (attempt >= 8) throw err;
      const backoffMs = Math.min(30000, 500 * 2 ** attempt) + Math.random() * 250;
      setTimeout(() => connectAudit(attempt + 1), backoffMs); // ok: retry-without-backoff
    });
}

async function publishInvoiceEvent(event) {
  for (let i = 0; i < 3; i++) { // expect: retry-without-backoff
    try {
      await producer.send({ topic: 'invoices', messages: [{ key: event.invoiceId, value: JSON.stringify(event) }] });
      return;
    } catch (err) {
      console.warn(`kafka send failed (try ${i + 1})`, err.message);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
  throw new Error('could not publish invoice event');
}

async function onMessage(msg) {
  if (!msg) return;
  const event = JSON.parse(msg.content.toString());
  try {
    await publishInvoiceEvent(event);
    if (auditChannel) auditChannel.sendToQueue('audit', Buffer.from(msg.content));
    channel.ack(msg);
  } catch (err) {
    channel.nack(msg, false, false);
  }
}

async function start() {
  await producer.connect();
  connectRabbit();
  connectAudit();
}

module.exports = { start };
