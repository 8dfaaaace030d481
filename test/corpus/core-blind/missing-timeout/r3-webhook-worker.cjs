'use strict';

const { Worker } = require('bullmq');
const axios = require('axios').default;
const got = require('got');
const request = require('superagent');
const { createHmac } = require('node:crypto');
const { request: httpsRequest } = require('node:https');
const { get } = require('http');
const fetch = require('node-fetch');

const connection = { host: process.env.REDIS_HOST, port: 6379 };
const TTL_DAYS = Number(process.env.TTL_DAYS ?? 30);

function sign(body, secret) {
  return createHmac('sha256', secret).update(body).digest('hex');
}

async function createClient(baseURL = process.env.STORAGE_API_URL, client = axios.create({ baseURL })) { // expect: missing-timeout
  return client;
}

function deleteObject(key) {
  return new Promise((resolve, reject) => {
    const req = httpsRequest( // expect: missing-timeout
      {
        host: process.env.STORAGE_HOST,
        path: `/objects/${encodeURIComponent(key)}`,
        method: 'DELETE',
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

function deleteObjectBounded(key) {
  return new Promise((resolve, reject) => {
    const req = httpsRequest({ host: process.env.STORAGE_HOST, path: `/objects/${key}`, method: 'DELETE', timeout: 5_000 }, (res) => { // ok: missing-timeout
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', reject);
    req.end();
  });
}

function readStatus() {
  return new Promise((resolve, reject) => {
    get(`http://${process.env.STORAGE_HOST}:9000/status`, (res) => { // expect: missing-timeout
      let raw = '';
      res.on('data', (d) => (raw += d));
      res.on('end', () => resolve(JSON.parse(raw)));
    }).on('error', reject);
  });
}

async function listExpired(client) {
  const { data } = await client.get('/objects', { params: { olderThanDays: TTL_DAYS } }); // ok: missing-timeout
  return data.items;
}

const deliveries = new Worker(
  'webhooks',
  async (job) => {
    const { url, payload, secret, transport } = job.data;
    const body = JSON.stringify(payload);
    switch (transport) {
      case 'axios':
        return axios.post(url, payload, { // expect: missing-timeout
          headers: { 'x-signature': sign(body, secret) },
          maxRedirects: 0,
        });
      case 'axios-bounded':
        return axios.post(url, payload, { headers: { 'x-signature': sign(body, secret) }, timeout: 10_000 }); // ok: missing-timeout
      case 'axios-config':
        return axios({ method: 'post', url, data: payload, headers: { 'x-signature': sign(body, secret) } }); // expect: missing-timeout
      case 'got':
        return got.post(url, { body, headers: { 'x-signature': sign(body, secret) } }); // expect: missing-timeout
      case 'got-bounded':
        return got.post(url, { body, timeout: { request: 10_000 }, retry: { limit: 0 } }); // ok: missing-timeout
      case 'got-retry':
        return got(url, { method: 'POST', body, retry: { limit: 2 } }); // expect: missing-timeout
      case 'superagent':
        return request // expect: missing-timeout
          .post(url)
          .set('x-signature', sign(body, secret))
          .send(payload);
      case 'superagent-retry':
        return request.post(url).send(payload).retry(3); // expect: missing-timeout
      default:
        return request // ok: missing-timeout
          .post(url)
          .send(payload)
          .timeout({ response: 5_000, deadline: 15_000 });
    }
  },
  { connection, concurrency: 5 },
);

const telegram = new Worker(
  'telegram-poll',
  async (job) => {
    // long polling: `timeout` is a Telegram query parameter, not a client timeout
    const { data } = await axios.get(`https://api.telegram.org/bot${process.env.TG_TOKEN}/getUpdates`, { params: { timeout: 30, offset: job.data.offset } }); // expect: missing-timeout
    const ack = await got.get(`${process.env.BOT_URL}/ack`, { searchParams: { timeout: 25 } }).json(); // expect: missing-timeout
    const ping = await axios(`${process.env.BOT_URL}/ping`); // expect: missing-timeout
    const cfg = await axios({ url: `${process.env.BOT_URL}/config`, timeout: 2_000 }); // ok: missing-timeout
    return { updates: data.result.length, ack, ping: ping.status, cfg: cfg.data };
  },
  { connection },
);

const cleanup = new Worker(
  'storage-cleanup',
  async () => {
    const status = await readStatus();
    if (status.readOnly) return { skipped: true };
    const client = await createClient();
    const expired = await listExpired(client);
    let deleted = 0;
    for (const { key, pinned } of expired) {
      if (pinned) continue;
      const code = expired.length > 1000 ? await deleteObjectBounded(key) : await deleteObject(key);
      if (code === 204) deleted++;
    }
    const summary = await axios.post(`${process.env.REPORT_URL}/cleanup`, { deleted, ttlDays: TTL_DAYS }); // expect: missing-timeout
    await fetch(process.env.HEALTHCHECK_URL); // expect: missing-timeout
    return { deleted, reported: summary.status };
  },
  { connection },
);

deliveries.on('failed', (job, err) => console.error(`webhook ${job?.id} failed`, err.message));
telegram.on('failed', (job, err) => console.error(`poll ${job?.id} failed`, err.message));

module.exports = { deliveries, telegram, cleanup };
