'use strict';

const { SQSClient, DeleteMessageCommand } = require('@aws-sdk/client-sqs');
const https = require('node:https');
const { promisify } = require('node:util');
const zlib = require('node:zlib');

const sqs = new SQSClient({});
const gunzip = promisify(zlib.gunzip);

function postJson(url, payload) {
  return new Promise((resolve, reject) => {
    const req = https.request(url, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    });
    req.on('error', reject);
    req.end(JSON.stringify(payload));
  });
}

function decode(body) {
  return new Promise((resolve, reject) => {
    gunzip(Buffer.from(body, 'base64'))
      .then((buf) => resolve(JSON.parse(buf.toString('utf8'))))
      .catch((err) => reject(err)); // ok: swallowed-exception
  });
}

exports.handler = function (event, context, callback) {
  const work = event.Records.map(async (record) => {
    let payload;
    try {
      payload = await decode(record.body);
    } catch (_err) { // expect: swallowed-exception
      return;
    }
    try {
      await postJson(process.env.WEBHOOK_URL, payload);
      await sqs.send(
        new DeleteMessageCommand({ QueueUrl: process.env.QUEUE_URL, ReceiptHandle: record.receiptHandle }),
      );
    } catch (e) { // ok: swallowed-exception
      console.error('webhook delivery failed', record.messageId, e);
    }
  });
  Promise.all(work)
    .then(() => callback(null, { processed: work.length }))
    .catch(callback); // ok: swallowed-exception
};

exports.legacy = (event, context, done) => {
  try {
    const cfg = JSON.parse(event.config);
    done(null, cfg);
  } catch { // ok: swallowed-exception
    done(null, { statusCode: 400 });
  }
};

exports.ping = async () => {
  const started = Date.now();
  const reachable = await postJson(process.env.HEALTH_URL, { ping: true }).then(
    () => true,
    () => false, // expect: swallowed-exception
  );
  return { reachable, ms: Date.now() - started };
};

exports.warm = async () => {
  await postJson(process.env.HEALTH_URL, { warm: true }).finally(() => {}); // ok: swallowed-exception
};
