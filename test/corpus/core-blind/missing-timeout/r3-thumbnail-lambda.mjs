import https from 'node:https';
import { request as httpRequest } from 'node:http';
import { get as httpsGet } from 'https';
import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';
import sharp from 'sharp';

const s3 = new S3Client({});

function download(url) {
  return new Promise((resolve, reject) => {
    https.get(url, (res) => { // expect: missing-timeout
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => resolve(Buffer.concat(chunks)));
    }).on('error', reject);
  });
}

function downloadWithTimeout(url) {
  return new Promise((resolve, reject) => {
    const req = https.get(url, { timeout: 5_000 }, (res) => { // ok: missing-timeout
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => resolve(Buffer.concat(chunks)));
    });
    req.on('timeout', () => req.destroy(new Error('download timed out')));
    req.on('error', reject);
  });
}

function notifyHook(payload) {
  const body = JSON.stringify(payload);
  const req = httpRequest({ // expect: missing-timeout
    host: process.env.HOOK_HOST,
    port: 8080,
    path: '/thumbnails',
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
  });
  // a 'timeout' listener alone never fires: no timeout was ever configured on this request
  req.on('timeout', () => req.destroy());
  req.on('error', (err) => console.error('hook failed', err));
  req.end(body);
}

function callbackUrl(url, body) {
  const req = https.request(url, { method: 'PUT', headers: { 'content-type': 'application/json' } }, (res) => res.resume()); // ok: missing-timeout
  req.setTimeout(3_000, () => req.destroy());
  req.on('error', () => undefined);
  req.end(body);
}

function pingOrigin(url) {
  return new Promise((resolve) => {
    httpsGet(url, (res) => { // ok: missing-timeout
      res.resume();
      resolve(res.statusCode);
    }).setTimeout(2_000, function onTimeout() {
      this.destroy();
      resolve(0);
    });
  });
}

function fetchMetadata(url) {
  return new Promise((resolve, reject) => {
    httpsGet(url, (res) => { // expect: missing-timeout
      let raw = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (raw += d));
      res.on('end', () => resolve(JSON.parse(raw)));
    }).on('error', reject);
  });
}

function reportMetrics(url, metrics) {
  const req = https.request(url, { method: 'POST', signal: AbortSignal.timeout(4_000) }, (res) => res.resume()); // ok: missing-timeout
  req.on('error', () => undefined);
  req.end(JSON.stringify(metrics));
}

export const handler = async (event) => {
  for (const record of event.Records) {
    const { sourceUrl, key, bounded = false } = JSON.parse(record.body);
    const original = bounded ? await downloadWithTimeout(sourceUrl) : await download(sourceUrl);
    const meta = await fetchMetadata(`${sourceUrl}.json`);
    const thumb = await sharp(original).resize(meta.width ?? 320).toBuffer();
    await s3.send(new PutObjectCommand({ Bucket: process.env.BUCKET, Key: `thumbs/${key}`, Body: thumb }));
    notifyHook({ key, status: 'done' });
    callbackUrl(`${process.env.CALLBACK_URL}/${key}`, JSON.stringify({ key }));
    reportMetrics(process.env.METRICS_URL, { key, bytes: thumb.length });
  }
  return { statusCode: 200, origin: await pingOrigin(process.env.ORIGIN_URL) };
};
