import * as http from 'node:http';
import https from 'https';
import { request as httpsRequest, get as httpsGet } from 'node:https';
import type { IncomingMessage, RequestOptions } from 'node:http';

export function probeHttp(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http.get(url, (res) => { // expect: missing-timeout
      res.resume();
      resolve(res.statusCode ?? 0);
    }).on('error', reject);
  });
}

export function probeHttps(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = https.get(url, { timeout: 3000 }, (res) => { // ok: missing-timeout
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('timeout', () => req.destroy(new Error('probe timeout')));
    req.on('error', reject);
  });
}

export function postMetrics(body: string): void {
  const req = httpsRequest({ // expect: missing-timeout
    hostname: 'metrics.internal',
    path: '/ingest',
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
  });
  req.on('error', () => undefined);
  req.end(body);
}

export function postEvents(body: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = https.request('https://events.internal/ingest', { method: 'POST' }, (res) => { // ok: missing-timeout
      res.resume();
      res.on('end', () => resolve());
    });
    req.setTimeout(5000, () => req.destroy(new Error('events timeout')));
    req.on('error', reject);
    req.end(body);
  });
}

export function fetchCertHead(host: string): Promise<IncomingMessage> {
  return new Promise((resolve) => {
    httpsGet({ host, port: 443, path: '/', method: 'HEAD', signal: AbortSignal.timeout(2000) }, resolve); // ok: missing-timeout
  });
}

export function statusPage(host: string): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = httpsGet(`https://${host}/status`, resolve); // expect: missing-timeout
    // A 'timeout' listener never fires when no timeout was set.
    req.on('timeout', () => req.destroy());
    req.on('error', reject);
  });
}

export function custom(options: RequestOptions, cb: (res: IncomingMessage) => void) {
  return http.request(options, cb); // ok: missing-timeout
}

export function dockerContainers(socketPath: string) {
  return http.get({ socketPath, path: '/v1.43/containers/json' }, (res) => res.resume()).setTimeout(1500); // ok: missing-timeout
}

export function uploadReport(payload: Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = https.request( // expect: missing-timeout
      {
        host: 'reports.internal',
        path: '/upload',
        method: 'PUT',
        headers: { 'content-length': payload.length },
      },
      (res) => resolve(res.statusCode ?? 0),
    );
    req.on('error', reject);
    req.end(payload);
  });
}

export const server = http.createServer((_req, res) => { // ok: missing-timeout
  res.end('ok');
});
