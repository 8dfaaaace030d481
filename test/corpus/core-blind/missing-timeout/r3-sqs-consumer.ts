import { Consumer } from 'sqs-consumer';
import { SQSClient, type Message } from '@aws-sdk/client-sqs';
import https = require('node:https');
import * as http from 'http';
import superagent from 'superagent';
import { fetch } from './lib/fetch-with-retry';

type Job =
  | { kind: 'webhook'; url: string; payload: unknown }
  | { kind: 'geocode'; address: string }
  | { kind: 'legacy'; path: string }
  | { kind: 'crm'; contactId: string; fields: Record<string, string> };

const postJson = (url: string, payload: unknown) =>
  new Promise<number>((resolve, reject) => {
    const req = https.request(url, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => { // expect: missing-timeout
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end(JSON.stringify(payload));
  });

const legacyGet = (path: string) =>
  new Promise<number>((resolve, reject) => {
    http // ok: missing-timeout
      .get(`${process.env.LEGACY_URL}${path}`, { signal: AbortSignal.timeout(3_000) }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
      .on('error', reject);
  });

function probeLegacy() {
  const probe = http.get(`${process.env.LEGACY_URL}/health`, (res) => res.resume()); // expect: missing-timeout
  const metrics = http.get(`${process.env.LEGACY_URL}/metrics`, (res) => res.resume()); // ok: missing-timeout
  metrics.setTimeout(1_000, () => metrics.destroy());
  probe.on('error', () => undefined);
  metrics.on('error', () => undefined);
}

async function handle(job: Job) {
  switch (job.kind) {
    case 'webhook':
      return postJson(job.url, job.payload);
    case 'geocode': {
      // `fetch` here is the team's wrapper from ./lib, not the global
      const res = await fetch(`${process.env.GEO_URL}/geocode?q=${encodeURIComponent(job.address)}`, { method: 'GET' }); // ok: missing-timeout
      return res.status;
    }
    case 'legacy':
      return legacyGet(job.path);
    case 'crm': {
      await superagent.patch(`${process.env.CRM_URL}/contacts/${job.contactId}`).send(job.fields).timeout(5_000); // ok: missing-timeout
      const audit = await superagent // expect: missing-timeout
        .post(`${process.env.CRM_URL}/audit`)
        .set('content-type', 'application/json')
        .send({ contactId: job.contactId, fields: Object.keys(job.fields) });
      return audit.status;
    }
  }
}

const consumer = Consumer.create({
  queueUrl: process.env.QUEUE_URL!,
  sqs: new SQSClient({}),
  batchSize: 10,
  handleMessage: async (message: Message) => {
    const job = JSON.parse(message.Body ?? '{}') as Job;
    await handle(job);
    return message;
  },
});

consumer.on('error', (err) => console.error(err.message));
consumer.start();
setInterval(probeLegacy, 60_000);
