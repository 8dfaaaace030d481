// @ts-nocheck
import http from 'http';
import * as https from 'node:https';
import { request as httpsRequest, get as httpsGet } from 'https';

export function healthCheck(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http.get(url, (res) => resolve(res.statusCode ?? 0)).on('error', reject); // expect: missing-timeout
  });
}

export function healthCheckBounded(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { timeout: 2000 }, (res) => resolve(res.statusCode ?? 0)); // ok: missing-timeout
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
  });
}

export function postJson(host: string, body: unknown): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = https.request({ host, path: '/ingest', method: 'POST', headers: { 'content-type': 'application/json' } }, () => resolve()); // expect: missing-timeout
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

export function postJsonBounded(host: string, body: unknown): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = https.request({ host, path: '/ingest', method: 'POST' }, () => resolve()); // ok: missing-timeout
    req.setTimeout(5000, () => req.destroy());
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

export function postJsonSignal(host: string, body: unknown): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = https.request({ host, path: '/ingest', method: 'POST', signal: AbortSignal.timeout(4000) }, () => resolve()); // ok: missing-timeout
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

export function download(url: string) {
  return new Promise((resolve, reject) => {
    httpsGet(url, (res) => { // expect: missing-timeout
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve(Buffer.concat(chunks)));
    }).on('error', reject);
  });
}

export function upload(options: https.RequestOptions, data: Buffer) {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(options, resolve); // ok: missing-timeout
    req.on('error', reject);
    req.end(data);
  });
}

export function uploadTo(hostname: string, data: Buffer) {
  return new Promise((resolve, reject) => {
    const req = httpsRequest({ hostname, method: 'PUT', path: '/blobs' }, resolve); // expect: missing-timeout
    req.on('error', reject);
    req.end(data);
  });
}

export function chained(url: string) {
  return http.request(url).setTimeout(3000); // ok: missing-timeout
}

export function server() {
  return http.createServer((req, res) => res.end('ok')); // ok: missing-timeout
}
