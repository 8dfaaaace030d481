'use strict';

const { Queue } = require('bullmq');
const IORedis = require('ioredis');

const connection = new IORedis(process.env.REDIS_URL, { maxRetriesPerRequest: null });
const ordersQueue = new Queue('orders', { connection });

async function enqueue(name, data) {
  return ordersQueue.add(name, data, { attempts: 5, backoff: { type: 'exponential', delay: 1000 } });
}

function queueName() {
  return ordersQueue.name;
}

async function drain() {
  await ordersQueue.drain(true);
  await connection.quit();
}

module.exports = { enqueue, queueName, drain, ordersQueue };

if (require.main === module) {
  console.log(`draining ${queueName()}`); // ok: floating-promise
  drain().then(() => process.exit(0)); // expect: floating-promise
}
