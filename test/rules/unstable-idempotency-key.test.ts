import { unstableIdempotencyKey } from '../../src/core/rules/unstable-idempotency-key';
import { runDocsExamples, runFixtureTests, runRuleTests, type InvalidCase, type RuleCase } from './ruleTester';

const invalid: InvalidCase[] = [
  {
    name: 'dayjs() (the current time to the second) in the key',
    code: `import Stripe from 'stripe';
import dayjs from 'dayjs';

const stripe = new Stripe(process.env.STRIPE_KEY!);

export const charge = (orderId: string, amount: number) =>
  stripe.charges.create({ amount, currency: 'usd' }, { idempotencyKey: \`\${orderId}-\${dayjs().format('YYYYMMDDHHmmss')}\` });
`,
    line: 7,
  },
  {
    name: 'moment() through a local variable',
    file: 'src/pay.js',
    code: `const axios = require('axios');
const moment = require('moment');

exports.pay = async (body) => {
  const key = 'pay-' + moment().valueOf();
  return axios.post('https://pay.example/charges', body, { timeout: 5000, headers: { 'Idempotency-Key': key } });
};
`,
    line: 6,
  },
  {
    name: 'Stripe capture, key from Date.now() in a template',
    code: `import Stripe from 'stripe';

const stripe = new Stripe(process.env.STRIPE_KEY as string);

export function capture(intentId: string) {
  return stripe.paymentIntents.capture(intentId, {}, { idempotencyKey: \`capture-\${intentId}-\${Date.now()}\` });
}
`,
    line: 6,
    severity: 'HIGH',
    text: 'idempotencyKey: `capture-${intentId}-${Date.now()}`',
    messageIncludes: ['`idempotencyKey`', '`Date.now()`', 'every attempt', 'order or request id'],
  },
  {
    name: 'axios header from randomUUID (node:crypto) assigned just before',
    code: `import axios from 'axios';
import { randomUUID } from 'node:crypto';

export async function purchaseLabel(shipmentId: string) {
  const requestId = randomUUID();
  const { data } = await axios.post('https://labels.example/purchase', { shipmentId }, { timeout: 5000, headers: { 'Idempotency-Key': requestId } });
  return data;
}
`,
    line: 6,
    related: 1,
    messageIncludes: ['`Idempotency-Key`', '`randomUUID()`', '`requestId` (line 5)'],
  },
  {
    name: 'fetch header X-Idempotency-Key from uuid v4 imported under an alias',
    code: `import { v4 as uuidv4 } from 'uuid';

export function createTransfer(amount: number) {
  return fetch('https://bank.example/transfers', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'X-Idempotency-Key': uuidv4() },
    body: JSON.stringify({ amount }),
  });
}
`,
    line: 6,
  },
  {
    name: 'uuid namespace import, Stripe request options',
    code: `import * as uuid from 'uuid';
import Stripe from 'stripe';

const stripe = new Stripe(process.env.STRIPE_KEY as string);

export const refund = (charge: string) => stripe.refunds.create({ charge }, { idempotencyKey: uuid.v4() });
`,
  },
  {
    name: 'global crypto.randomUUID() in a got header (require)',
    file: 'src/ledger.js',
    code: `const got = require('got');

async function post(entry) {
  return got.post('https://ledger.example/entries', { json: entry, timeout: { request: 5000 }, headers: { 'idempotency-key': crypto.randomUUID() } });
}
module.exports = { post };
`,
  },
  {
    name: 'Math.random() key',
    code: `import axios from 'axios';

export const order = (body: object) =>
  axios.post('https://orders.example/orders', body, { timeout: 3000, headers: { 'Idempotency-Key': Math.random().toString(36).slice(2) } });
`,
  },
  {
    name: 'new Date().toISOString() key',
    code: `import Stripe from 'stripe';

const stripe = new Stripe(process.env.STRIPE_KEY as string);

export const payout = (amount: number) => stripe.payouts.create({ amount, currency: 'eur' }, { idempotencyKey: 'payout-' + new Date().toISOString() });
`,
  },
  {
    name: 'nanoid() key',
    code: `import { nanoid } from 'nanoid';
import axios from 'axios';

export const send = (to: string) => axios.post('https://sms.example/send', { to }, { timeout: 3000, headers: { 'Idempotency-Key': nanoid() } });
`,
  },
  {
    name: 'cuid() key (default import)',
    code: `import cuid from 'cuid';
import axios from 'axios';

export const book = (slot: string) => axios.post('https://calendar.example/bookings', { slot }, { timeout: 3000, headers: { 'Idempotency-Key': cuid() } });
`,
  },
  {
    name: 'ulid() and createId() keys, one finding each',
    code: `import { ulid } from 'ulid';
import { createId } from '@paralleldrive/cuid2';
import axios from 'axios';

export async function sync(a: object, b: object) {
  await axios.post('https://crm.example/a', a, { timeout: 3000, headers: { 'Idempotency-Key': ulid() } });
  await axios.post('https://crm.example/b', b, { timeout: 3000, headers: { 'Idempotency-Key': createId() } });
}
`,
    count: 2,
  },
  {
    name: 'shorthand idempotencyKey from a local uuidv4()',
    code: `import { v4 as uuidv4 } from 'uuid';
import Stripe from 'stripe';

const stripe = new Stripe(process.env.STRIPE_KEY as string);

export async function charge(amount: number, customer: string) {
  const idempotencyKey = uuidv4();
  return stripe.paymentIntents.create({ amount, currency: 'eur', customer }, { idempotencyKey });
}
`,
    line: 8,
  },
  {
    name: 'request options in a local variable',
    code: `import Stripe from 'stripe';

const stripe = new Stripe(process.env.STRIPE_KEY as string);

export async function subscribe(customer: string, price: string) {
  const options = { idempotencyKey: \`sub-\${customer}-\${Date.now()}\` };
  return stripe.subscriptions.create({ customer, items: [{ price }] }, options);
}
`,
    line: 6,
  },
  {
    name: 'superagent .set with a fresh key',
    code: `import superagent from 'superagent';
import { randomUUID } from 'crypto';

export const notify = (body: object) => superagent.post('https://partner.example/events').set('Idempotency-Key', randomUUID()).timeout(5000).send(body);
`,
  },
  {
    name: 'header assigned in an axios interceptor',
    code: `import axios from 'axios';
import { v4 } from 'uuid';

const api = axios.create({ baseURL: 'https://payments.example', timeout: 5000 });
api.interceptors.request.use((config) => {
  config.headers['Idempotency-Key'] = v4();
  return config;
});
export { api };
`,
    line: 6,
  },
  {
    name: 'Square body with a fresh idempotencyKey',
    code: `import { Client } from 'square';
import { randomUUID } from 'node:crypto';

const square = new Client({ accessToken: process.env.SQUARE_TOKEN });

export const pay = (sourceId: string, amount: bigint) =>
  square.paymentsApi.createPayment({ sourceId, idempotencyKey: randomUUID(), amountMoney: { amount, currency: 'USD' } });
`,
  },
  {
    name: 'Adyen request options with uuid v4',
    code: `import { Client, CheckoutAPI } from '@adyen/api-library';
import { v4 as uuid } from 'uuid';

const checkout = new CheckoutAPI(new Client({ apiKey: 'k', environment: 'TEST' }));

export const pay = (request: any) => checkout.PaymentsApi.payments(request, { idempotencyKey: uuid() });
`,
  },
  {
    name: 'idempotency_key in a JSON body sent with fetch',
    code: `export function pay(amount: number) {
  return fetch('https://pay.example/v2/payments', {
    method: 'POST',
    signal: AbortSignal.timeout(5000),
    body: JSON.stringify({ amount, idempotency_key: crypto.randomUUID() }),
  });
}
`,
    line: 5,
  },
  {
    name: 'PayPal payPalRequestId with a fresh uuid',
    file: 'src/paypal.js',
    code: `const paypal = require('@paypal/checkout-server-sdk');
const { v4: uuidv4 } = require('uuid');

async function capture(client, orderId) {
  const request = new paypal.orders.OrdersCaptureRequest(orderId);
  request.payPalRequestId(uuidv4());
  return client.execute(request);
}
module.exports = { capture };
`,
    line: 6,
  },
  {
    name: 'fresh key made inside the retried callback',
    code: `import pRetry from 'p-retry';
import Stripe from 'stripe';
import { randomUUID } from 'node:crypto';

const stripe = new Stripe(process.env.STRIPE_KEY as string);

export const charge = (amount: number) =>
  pRetry(() => stripe.charges.create({ amount, currency: 'eur', source: 'tok' }, { idempotencyKey: randomUUID() }), { retries: 3 });
`,
  },
  {
    name: 'another payment SDK (unrecognised client), options argument',
    code: `import { v4 as uuidv4 } from 'uuid';
import { paymentsClient } from './clients';

export const charge = (amount: number) => paymentsClient.charges.create({ amount }, { idempotencyKey: uuidv4() });
`,
  },
  {
    name: 'a helper of the same file that returns a fresh UUID',
    code: `import axios from 'axios';
import { v4 as uuidv4 } from 'uuid';

const newKey = () => \`ship-\${uuidv4()}\`;

export const ship = (body: object) => axios.post('https://carrier.example/shipments', body, { timeout: 5000, headers: { 'Idempotency-Key': newKey() } });
`,
  },
  {
    name: 'a key maker called with nothing to derive the key from',
    code: `import Stripe from 'stripe';
import { generateIdempotencyKey } from '../lib/keys';

const stripe = new Stripe(process.env.STRIPE_KEY as string);

export const charge = (amount: number) => stripe.charges.create({ amount, currency: 'eur' }, { idempotencyKey: generateIdempotencyKey() });
`,
  },
  {
    name: 'new Headers with a fresh key',
    code: `export async function post(url: string, body: string) {
  const headers = new Headers({ 'Idempotency-Key': crypto.randomUUID(), 'content-type': 'application/json' });
  return fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(4000) });
}
`,
  },
];

const valid: (string | RuleCase)[] = [
  {
    name: 'dayjs cut to the day: one key per order and day, on purpose',
    code: `import Stripe from 'stripe';
import dayjs from 'dayjs';

const stripe = new Stripe(process.env.STRIPE_KEY!);

export const dailyFee = (accountId: string, amount: number) =>
  stripe.charges.create({ amount, currency: 'usd' }, { idempotencyKey: \`fee-\${accountId}-\${dayjs().format('YYYY-MM-DD')}\` });
`,
  },
  {
    name: 'dayjs of a stored date is not the clock',
    code: `import Stripe from 'stripe';
import dayjs from 'dayjs';

const stripe = new Stripe(process.env.STRIPE_KEY!);

export const renew = (sub: { id: string; periodEnd: Date }, amount: number) =>
  stripe.charges.create({ amount, currency: 'usd' }, { idempotencyKey: \`renew-\${sub.id}-\${dayjs(sub.periodEnd).unix()}\` });
`,
  },
  {
    name: 'key derived from the order id',
    code: `import Stripe from 'stripe';

const stripe = new Stripe(process.env.STRIPE_KEY as string);

export const capture = (order: { id: string; intentId: string }) =>
  stripe.paymentIntents.capture(order.intentId, {}, { idempotencyKey: \`capture-\${order.id}\` });
`,
  },
  {
    name: 'uuid v5 (name-based) key',
    code: `import { v5 as uuidv5 } from 'uuid';
import axios from 'axios';

const NAMESPACE = '6f1c1d1e-8a9b-4c2d-9e3f-0a1b2c3d4e5f';

export async function purchaseLabel(shipmentId: string) {
  const key = uuidv5(shipmentId, NAMESPACE);
  return axios.post('https://labels.example/purchase', { shipmentId }, { timeout: 5000, headers: { 'Idempotency-Key': key } });
}
`,
  },
  {
    name: 'hash of the payload',
    code: `import { createHash } from 'node:crypto';
import axios from 'axios';

export async function submit(body: object) {
  const key = createHash('sha256').update(JSON.stringify(body)).digest('hex');
  return axios.post('https://filings.example/submit', body, { timeout: 5000, headers: { 'Idempotency-Key': key } });
}
`,
  },
  {
    name: 'key passed in by the caller',
    code: `import Stripe from 'stripe';

const stripe = new Stripe(process.env.STRIPE_KEY as string);

export const charge = (amount: number, idempotencyKey: string) => stripe.charges.create({ amount, currency: 'eur' }, { idempotencyKey });
`,
  },
  {
    name: 'key made once before the retry loop',
    code: `import Stripe from 'stripe';
import { randomUUID } from 'node:crypto';

const stripe = new Stripe(process.env.STRIPE_KEY as string);

export async function charge(amount: number) {
  const idempotencyKey = randomUUID();
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      return await stripe.charges.create({ amount, currency: 'eur' }, { idempotencyKey });
    } catch (err) {
      if (attempt === 3) throw err;
    }
  }
}
`,
  },
  {
    name: 'key made once outside the retried callback',
    code: `import pRetry from 'p-retry';
import axios from 'axios';
import { v4 as uuidv4 } from 'uuid';

export async function transfer(body: object) {
  const key = uuidv4();
  return pRetry(() => axios.post('https://bank.example/transfers', body, { timeout: 5000, headers: { 'Idempotency-Key': key } }), { retries: 5 });
}
`,
  },
  {
    name: 'fresh key only as the fallback of a client-supplied key',
    code: `import axios from 'axios';
import { randomUUID } from 'node:crypto';

export async function forward(req: { headers: Record<string, string | undefined>; body: object }) {
  const key = req.headers['idempotency-key'] ?? randomUUID();
  return axios.post('https://core.example/orders', req.body, { timeout: 5000, headers: { 'Idempotency-Key': key } });
}
`,
  },
  {
    name: 'key made fresh and stored with the record (Prisma)',
    code: `import { randomUUID } from 'node:crypto';
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export const recordPayment = (orderId: string) => prisma.payment.create({ data: { orderId, idempotencyKey: randomUUID() } });
`,
  },
  {
    name: 'key made fresh when the job is queued (the job retries with it)',
    code: `import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';

const queue = new Queue('payments');

export const enqueueCharge = (orderId: string) => queue.add('charge', { orderId, idempotencyKey: randomUUID() });
`,
  },
  {
    name: 'key saved on an entity through a repository',
    code: `import { randomUUID } from 'node:crypto';

export class PaymentService {
  constructor(private readonly payments: { save(p: object): Promise<object> }) {}

  async open(orderId: string) {
    const payment = { orderId, status: 'pending', idempotencyKey: randomUUID() };
    return this.payments.save(payment);
  }
}
`,
  },
  {
    name: 'a fresh key only logged',
    code: `import pino from 'pino';
import { randomUUID } from 'node:crypto';

const logger = pino();

export const trace = () => logger.info({ idempotencyKey: randomUUID() }, 'starting');
`,
  },
  {
    name: 'a day bucket from new Date() (same key all day, on purpose)',
    code: `import Stripe from 'stripe';

const stripe = new Stripe(process.env.STRIPE_KEY as string);

export const dailyPayout = (sellerId: string, amount: number) =>
  stripe.payouts.create({ amount, currency: 'eur' }, { idempotencyKey: \`payout-\${sellerId}-\${new Date().toISOString().slice(0, 10)}\` });
`,
  },
  {
    name: 'a date taken from the data, not the clock',
    code: `import Stripe from 'stripe';

const stripe = new Stripe(process.env.STRIPE_KEY as string);

export const invoice = (customer: string, periodEnd: string) =>
  stripe.invoices.create({ customer }, { idempotencyKey: \`inv-\${customer}-\${new Date(periodEnd).getTime()}\` });
`,
  },
  {
    name: 'options built by a helper (not at a call site)',
    code: `import { randomUUID } from 'node:crypto';

export function requestOptions() {
  return { idempotencyKey: randomUUID() };
}
`,
  },
  {
    name: 'a key maker given the order to derive the key from',
    code: `import Stripe from 'stripe';
import { generateIdempotencyKey } from '../lib/keys';

const stripe = new Stripe(process.env.STRIPE_KEY as string);

export const charge = (orderId: string, amount: number) =>
  stripe.charges.create({ amount, currency: 'eur' }, { idempotencyKey: generateIdempotencyKey('charge', orderId) });
`,
  },
  {
    name: 'a fresh key on a published event (consumers deduplicate with it)',
    code: `import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { Kafka } from 'kafkajs';
import { randomUUID } from 'node:crypto';

const eventBridge = new EventBridgeClient({});
const producer = new Kafka({ brokers: ['k:9092'] }).producer();

export async function orderPlaced(orderId: string) {
  await eventBridge.send(new PutEventsCommand({ Entries: [{ Detail: JSON.stringify({ orderId, idempotencyKey: randomUUID() }) }] }));
  await producer.send({ topic: 'orders', messages: [{ value: JSON.stringify({ orderId, idempotencyKey: randomUUID() }) }] });
}
`,
  },
  {
    name: 'a fresh correlation id is not an idempotency key',
    code: `import axios from 'axios';
import { randomUUID } from 'node:crypto';

export const ping = () => axios.get('https://status.example/ping', { timeout: 2000, headers: { 'X-Request-Id': randomUUID() } });
`,
  },
  {
    name: 'a mongoose document built with a fresh key',
    code: `import mongoose from 'mongoose';
import { v4 as uuidv4 } from 'uuid';

const Payment = mongoose.model('Payment', new mongoose.Schema({ orderId: String, idempotencyKey: String }));

export const open = (orderId: string) => new Payment({ orderId, idempotencyKey: uuidv4() }).save();
`,
  },
  {
    name: 'a key read back from the row it was stored in (the stored key is reused on every attempt)',
    code: `import Stripe from 'stripe';
import { randomUUID } from 'node:crypto';
import { PrismaClient } from '@prisma/client';

const stripe = new Stripe(process.env.STRIPE_KEY!);
const prisma = new PrismaClient();

export async function payOut(sellerId: string, amount: number) {
  const payout = await prisma.payout.create({ data: { sellerId, amount, idempotencyKey: randomUUID() } });
  return stripe.payouts.create({ amount, currency: 'usd' }, { idempotencyKey: payout.idempotencyKey });
}
`,
  },
  {
    name: 'a key taken from the answer of an earlier provider call',
    code: `import Stripe from 'stripe';
import { v4 as uuidv4 } from 'uuid';

const stripe = new Stripe(process.env.STRIPE_KEY!);

export async function chargeThenRefund(amount: number, refundId: string) {
  const intent = await stripe.paymentIntents.create({ amount, currency: 'usd', metadata: { trace: uuidv4() } }, { idempotencyKey: refundId });
  return stripe.refunds.create({ payment_intent: intent.id }, { idempotencyKey: \`refund-\${intent.id}\` });
}
`,
  },
  {
    name: 'module-level key (made once per process)',
    code: `import axios from 'axios';
import { randomUUID } from 'node:crypto';

const BOOT_KEY = randomUUID();

export const register = () => axios.post('https://registry.example/instances', {}, { timeout: 2000, headers: { 'Idempotency-Key': BOOT_KEY } });
`,
  },
  {
    name: 'a server handing a fresh key to its client (to reuse on retries)',
    code: `import { Router } from 'express';
import { randomUUID } from 'node:crypto';

export const keys = Router();

keys.post('/checkout/keys', (_req, res) => {
  res.setHeader('Idempotency-Key', randomUUID());
  res.status(201).json({ idempotencyKey: randomUUID() });
});
`,
  },
  {
    name: 'test files are skipped',
    file: 'src/payments/charge.spec.ts',
    code: `import axios from 'axios';
import { randomUUID } from 'node:crypto';

it('sends', () => axios.post('http://localhost/charge', {}, { headers: { 'Idempotency-Key': randomUUID() } }));
`,
  },
];

runRuleTests(unstableIdempotencyKey, { valid, invalid });
runFixtureTests(unstableIdempotencyKey);
runDocsExamples(unstableIdempotencyKey);
