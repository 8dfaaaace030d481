import { missingTimeout } from '../../src/core/rules/missing-timeout';
import { runDocsExamples, runFixtureTests, runRuleTests } from './ruleTester';

runRuleTests(missingTimeout, {
  valid: [
    // ---- fetch ----
    {
      name: 'global fetch with AbortSignal.timeout',
      code: `export async function getUser(id: string) {
  const res = await fetch(\`https://users.internal/v1/users/\${id}\`, { signal: AbortSignal.timeout(2500) });
  return res.json();
}
`,
    },
    {
      name: 'global fetch with an AbortController signal',
      code: `export async function getOrders(customerId: string) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 4000);
  try {
    const res = await fetch('https://orders.internal/orders?customer=' + customerId, { signal: controller.signal });
    return await res.json();
  } finally {
    clearTimeout(timer);
  }
}
`,
    },
    {
      name: 'shorthand signal and AbortSignal.any',
      code: `export async function search(q: string, outer: AbortSignal) {
  const signal = AbortSignal.any([outer, AbortSignal.timeout(3000)]);
  const res = await fetch('https://search.internal/q?term=' + encodeURIComponent(q), { method: 'GET', signal });
  return res.json();
}
`,
    },
    {
      name: 'local function named fetch',
      code: `import { db } from './db';

async function fetch(id: string) {
  return db.get(id);
}

export async function load(id: string) {
  return fetch(id);
}
`,
    },
    {
      name: 'fetch injected as a parameter',
      code: `export function makeClient(fetch: typeof globalThis.fetch) {
  return (path: string) => fetch('https://api.internal' + path);
}
`,
    },
    {
      name: 'fetch imported from a local module',
      code: `import { fetch } from './lib/http';

export async function loadProfile(id: string) {
  return fetch('/profiles/' + id);
}
`,
    },
    {
      name: 'fetch init passed as a variable the rule cannot see',
      code: `export async function call(url: string, init: RequestInit) {
  return fetch(url, init);
}
`,
    },
    {
      name: 'fetch init spreads options from elsewhere',
      code: `export async function post(url: string, body: unknown, base: RequestInit) {
  return fetch(url, { ...base, method: 'POST', body: JSON.stringify(body) });
}
`,
    },
    {
      name: 'local const init with a signal',
      code: `export async function report(payload: object) {
  const init = { method: 'POST', body: JSON.stringify(payload), signal: AbortSignal.timeout(5000) };
  return fetch('https://metrics.internal/ingest', init);
}
`,
    },
    {
      name: 'local const init given its signal afterwards',
      code: `export async function report(payload: object) {
  const init: RequestInit = { method: 'POST', body: JSON.stringify(payload) };
  init.signal = AbortSignal.timeout(5000);
  return fetch('https://metrics.internal/ingest', init);
}
`,
    },
    {
      name: 'fetch(new Request(url, { signal }))',
      code: `export async function ping() {
  const req = new Request('https://status.internal/ping', { signal: AbortSignal.timeout(1000) });
  return fetch(req);
}
`,
    },
    {
      name: 'proxying a Request that arrived with its own signal',
      code: `export async function proxy(request: Request) {
  return fetch(request);
}
`,
    },
    {
      name: 'worker proxy passing an untyped incoming request (JavaScript)',
      code: `export default {
  async fetch(request, env) {
    return fetch(request);
  },
};
`,
      file: 'src/worker.js',
    },
    {
      name: 'node-fetch default import with a signal',
      code: `import fetch from 'node-fetch';

export async function rates() {
  const res = await fetch('https://fx.example.com/latest', { signal: AbortSignal.timeout(3000) });
  return res.json();
}
`,
    },
    {
      name: 'node-fetch v2 timeout option',
      code: `const fetch = require('node-fetch');

async function rates() {
  const res = await fetch('https://fx.example.com/latest', { timeout: 3000 });
  return res.json();
}
module.exports = { rates };
`,
      file: 'src/rates.js',
    },
    {
      name: 'undici request without options of its own: it gives up after its 300 s defaults (decision)',
      code: `import { request } from 'undici';

export async function getInventory(sku: string) {
  const { body } = await request(\`https://inventory.internal/items/\${sku}\`, { method: 'GET' });
  return body.json();
}
`,
    },
    {
      name: 'undici request with headersTimeout and bodyTimeout',
      code: `import { request } from 'undici';

export async function getInventory(sku: string) {
  const { body } = await request(\`https://inventory.internal/items/\${sku}\`, { headersTimeout: 2000, bodyTimeout: 5000 });
  return body.json();
}
`,
    },
    {
      name: 'undici fetch with a signal',
      code: `import { fetch } from 'undici';

export const health = () => fetch('https://status.internal/health', { signal: AbortSignal.timeout(800) });
`,
    },
    {
      name: 'fetch raced against a timer',
      code: `const timeout = (ms: number) => new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms));

export async function quote(symbol: string) {
  return Promise.race([fetch('https://quotes.internal/' + symbol), timeout(2000)]);
}
`,
    },
    // ---- axios ----
    {
      name: 'axios.get with timeout',
      code: `import axios from 'axios';

export async function getWeather(city: string) {
  const { data } = await axios.get('https://weather.example.com/v1', { params: { city }, timeout: 4000 });
  return data;
}
`,
    },
    {
      name: 'axios.post config with a signal',
      code: `import axios from 'axios';

export async function notify(body: object) {
  return axios.post('https://hooks.internal/notify', body, { signal: AbortSignal.timeout(2000) });
}
`,
    },
    {
      name: 'axios with axios.defaults.timeout set in the file',
      code: `import axios from 'axios';

axios.defaults.timeout = 5000;

export const listUsers = () => axios.get('https://users.internal/users');
export const createUser = (u: object) => axios.post('https://users.internal/users', u);
`,
    },
    {
      name: 'axios config passed as a parameter',
      code: `import axios, { AxiosRequestConfig } from 'axios';

export function send(config: AxiosRequestConfig) {
  return axios.request(config);
}
`,
    },
    {
      name: 'axios config spread from elsewhere',
      code: `import axios from 'axios';
import { baseConfig } from './config';

export const getPlan = (id: string) => axios.get('https://billing.internal/plans/' + id, { ...baseConfig });
`,
    },
    {
      name: 'calls on an instance created with a timeout',
      code: `import axios from 'axios';

const api = axios.create({ baseURL: 'https://crm.internal', timeout: 3000 });

export const getLead = (id: string) => api.get('/leads/' + id);
export const saveLead = (lead: object) => api.post('/leads', lead);
`,
    },
    {
      name: 'calls on an instance imported from another module',
      code: `import { http } from './http-client';

export const getLead = (id: string) => http.get('/leads/' + id);
`,
    },
    {
      name: 'axios.defaults.timeout in the file is copied into axios.create instances',
      code: `import axios from 'axios';

axios.defaults.timeout = 5000;
export const api = axios.create({ baseURL: 'https://crm.internal' });
`,
    },
    {
      name: 'instance.defaults.timeout set in the file',
      code: `import axios from 'axios';

export const crm = axios.create({ baseURL: 'https://crm.internal' });
crm.defaults.timeout = 2500;
`,
    },
    {
      name: 'axios instance whose interceptor sets the timeout',
      code: `import axios from 'axios';

export const crm = axios.create({ baseURL: 'https://crm.internal' });
crm.interceptors.request.use((config) => {
  config.timeout = 2500;
  return config;
});
`,
    },
    {
      name: "require('axios').default with timeout",
      code: `const axios = require('axios').default;

async function loadRates() {
  const res = await axios.get('https://fx.example.com/rates', { timeout: 1500 });
  return res.data;
}
module.exports = { loadRates };
`,
      file: 'src/rates.js',
    },
    {
      name: 'axios config in a visible local const with timeout',
      code: `import * as axios from 'axios';

export async function sync() {
  const config = { headers: { 'x-job': 'sync' }, timeout: 10000 };
  return axios.get('https://erp.internal/sync', config);
}
`,
    },
    {
      name: 'NestJS HttpService (configured by HttpModule.register)',
      code: `import { Injectable } from '@nestjs/common';
import { HttpService } from '@nestjs/axios';

@Injectable()
export class CatalogClient {
  constructor(private readonly http: HttpService) {}
  list() {
    return this.http.get('https://catalog.internal/items');
  }
}
`,
    },
    // ---- got ----
    {
      name: 'got with timeout.request',
      code: `import got from 'got';

export const getRepo = (name: string) => got(\`https://git.internal/repos/\${name}\`, { timeout: { request: 5000 } }).json();
`,
    },
    {
      name: 'got.extend with a timeout, and calls on it',
      code: `import got from 'got';

const client = got.extend({ prefixUrl: 'https://git.internal', timeout: { request: 5000 } });

export const getRepo = (name: string) => client.get('repos/' + name).json();
`,
    },
    // ---- http / https ----
    {
      name: 'https.get with a timeout option',
      code: `import * as https from 'node:https';

export function ping(url: string) {
  return new Promise((resolve, reject) => {
    const req = https.get(url, { timeout: 3000 }, (res) => resolve(res.statusCode));
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
  });
}
`,
    },
    {
      name: 'http.request options literal in a local const with timeout',
      code: `const http = require('http');

function postEvent(body) {
  const options = { hostname: 'events.internal', port: 80, path: '/events', method: 'POST', timeout: 2000 };
  const req = http.request(options, (res) => res.resume());
  req.on('timeout', () => req.destroy());
  req.end(JSON.stringify(body));
}
module.exports = { postEvent };
`,
      file: 'src/events.js',
    },
    {
      name: 'http.get with req.setTimeout on the variable',
      code: `import http from 'http';

export function check(url: string) {
  const req = http.get(url, (res) => res.resume());
  req.setTimeout(2000, () => req.destroy());
  return req;
}
`,
    },
    {
      name: 'https.get with .setTimeout chained',
      code: `const https = require('https');

function check(url) {
  https.get(url, (res) => res.resume()).on('error', console.error).setTimeout(2000);
}
module.exports = { check };
`,
      file: 'src/check.js',
    },
    {
      name: 'named import request from https with a signal',
      code: `import { request } from 'https';

export function send(payload: string) {
  const req = request({ host: 'audit.internal', path: '/log', method: 'POST', signal: AbortSignal.timeout(2000) });
  req.end(payload);
}
`,
    },
    {
      name: 'http.request with options the rule cannot see',
      code: `import * as http from 'node:http';

export function forward(options: http.RequestOptions, body: string) {
  const req = http.request(options);
  req.end(body);
}
`,
    },
    {
      name: 'https.get(url, options) with options typed elsewhere',
      code: `import * as https from 'node:https';
import type { RequestOptions } from 'node:https';

export function probe(url: string, options: RequestOptions, onResponse: (ok: boolean) => void) {
  https.get(url, options, (res) => onResponse(res.statusCode === 200));
}
`,
    },
    {
      name: 'local function named request',
      code: `function request(path: string) {
  return { path, at: Date.now() };
}

export const make = () => request('/x');
`,
    },
    // ---- superagent / ky ----
    {
      name: 'superagent chain with .timeout',
      code: `import superagent from 'superagent';

export async function getCart(id: string) {
  const res = await superagent.get('https://cart.internal/carts/' + id).set('accept', 'application/json').timeout({ response: 2000, deadline: 5000 });
  return res.body;
}
`,
    },
    {
      name: 'ky has a default timeout',
      code: `import ky from 'ky';

export const getFlags = () => ky.get('https://flags.internal/flags').json();
export const postFlag = (f: object) => ky.post('https://flags.internal/flags', { json: f });
`,
    },
    {
      name: 'express app.get is not an HTTP call',
      code: `import express from 'express';
import http from 'http';

const app = express();
app.get('/health', (_req, res) => res.send('ok'));
http.createServer(app).listen(3000);
`,
    },
    {
      name: 'destructured axios post with a timeout in its third argument',
      code: `const { post } = require('axios');

module.exports.notify = (url, payload) => post(url, payload, { timeout: 3000 });
`,
      file: 'src/notify.js',
    },
  ],
  invalid: [
    // ---- fetch ----
    {
      name: 'global fetch(url)',
      code: `export async function getUser(id: string) {
  const res = await fetch(\`https://users.internal/v1/users/\${id}\`);
  return res.json();
}
`,
      line: 2,
      text: 'fetch(`https://users.internal/v1/users/${id}`)',
      messageIncludes: ['`fetch`', 'without a timeout', 'AbortSignal.timeout(10000)', 'runs out of connections'],
    },
    {
      name: 'global fetch with an init literal without signal',
      code: `export async function createOrder(order: object) {
  return fetch('https://orders.internal/orders', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(order),
  });
}
`,
      line: 2,
    },
    {
      name: 'global fetch with a `timeout` option it ignores',
      code: `export async function status() {
  return fetch('https://status.internal', { timeout: 2000 } as RequestInit);
}
`,
      messageIncludes: ['ignores a `timeout` option'],
    },
    {
      name: 'init in a visible local const without signal',
      code: `export async function report(payload: object) {
  const init = { method: 'POST', body: JSON.stringify(payload) };
  return fetch('https://metrics.internal/ingest', init);
}
`,
      line: 3,
    },
    {
      name: 'globalThis.fetch',
      code: `export const ping = () => globalThis.fetch('https://status.internal/ping');
`,
      text: "globalThis.fetch('https://status.internal/ping')",
    },
    {
      name: 'fetch(new Request(url)) without a signal anywhere',
      code: `export async function ping() {
  return fetch(new Request('https://status.internal/ping', { method: 'HEAD' }));
}
`,
    },
    {
      name: 'node-fetch default import',
      code: `import fetch from 'node-fetch';

export async function rates() {
  const res = await fetch('https://fx.example.com/latest');
  return res.json();
}
`,
      line: 4,
    },
    {
      name: 'node-fetch require in JavaScript',
      code: `const fetch = require('node-fetch');

module.exports.rates = async () => (await fetch('https://fx.example.com/latest', { headers: { accept: 'application/json' } })).json();
`,
      file: 'src/rates.cjs',
    },
    {
      name: 'undici named fetch import',
      code: `import { fetch as undiciFetch } from 'undici';

export const health = () => undiciFetch('https://status.internal/health');
`,
      text: "undiciFetch('https://status.internal/health')",
    },
    {
      name: 'two fetches in one function',
      code: `export async function both(a: string, b: string) {
  const x = await fetch(a);
  const y = await fetch(b, { method: 'GET' });
  return [x, y];
}
`,
      count: 2,
    },
    // ---- axios ----
    {
      name: 'axios default import, axios.get',
      code: `import axios from 'axios';

export async function getWeather(city: string) {
  const { data } = await axios.get('https://weather.example.com/v1', { params: { city } });
  return data;
}
`,
      line: 4,
      messageIncludes: ['`axios.get`', 'timeout: 10000'],
    },
    {
      name: 'axios.post with data and no config',
      code: `import axios from 'axios';

export const notify = (body: object) => axios.post('https://hooks.internal/notify', body);
`,
      text: "axios.post('https://hooks.internal/notify', body)",
    },
    {
      name: 'axios namespace import, axios.delete',
      code: `import * as axios from 'axios';

export const removeUser = (id: string) => axios.delete('https://users.internal/users/' + id);
`,
    },
    {
      name: 'axios(config) without timeout',
      code: `import axios from 'axios';

export function send(body: object) {
  return axios({ method: 'put', url: 'https://crm.internal/contacts', data: body });
}
`,
    },
    {
      name: "require('axios') and axios.request",
      code: `const axios = require('axios');

async function sync() {
  return axios.request({ url: 'https://erp.internal/sync', method: 'POST' });
}
module.exports = { sync };
`,
      file: 'src/sync.js',
    },
    {
      name: "require('axios').default",
      code: `const axios = require('axios').default;

module.exports.head = (url) => axios.head(url);
`,
      file: 'src/head.js',
    },
    {
      name: 'destructured axios require alias',
      code: `const { get: httpGet } = require('axios');

module.exports.load = () => httpGet('https://files.internal/manifest.json');
`,
      file: 'src/load.js',
    },
    {
      name: 'axios config in a visible local const without timeout',
      code: `import axios from 'axios';

export async function sync() {
  const config = { headers: { 'x-job': 'sync' } };
  return axios.get('https://erp.internal/sync', config);
}
`,
      line: 5,
    },
    {
      name: 'axios timeout 0 means none',
      code: `import axios from 'axios';

export const slow = () => axios.get('https://reports.internal/annual', { timeout: 0 });
`,
    },
    {
      name: 'axios.create without timeout (the create, not the calls)',
      code: `import axios from 'axios';

const api = axios.create({ baseURL: 'https://crm.internal', headers: { 'x-app': 'web' } });

export const getLead = (id: string) => api.get('/leads/' + id);
export const saveLead = (lead: object) => api.post('/leads', lead);
`,
      line: 3,
      count: 1,
      messageIncludes: ['`axios.create`', 'timeout: 10000'],
    },
    {
      name: 'axios.create() with no config in a class',
      code: `import axios, { AxiosInstance } from 'axios';

export class PaymentsClient {
  private readonly http: AxiosInstance = axios.create();
  charge(body: object) {
    return this.http.post('https://pay.internal/charges', body);
  }
}
`,
      line: 4,
    },
    {
      name: 'defaults set on one instance do not cover another create',
      code: `import axios from 'axios';

export const crm = axios.create({ baseURL: 'https://crm.internal' });
export const mail = axios.create({ baseURL: 'https://mail.internal' });
crm.defaults.timeout = 2500;
`,
      line: 4,
      count: 1,
    },
    // ---- got ----
    {
      name: 'got(url)',
      code: `import got from 'got';

export const getRepo = (name: string) => got(\`https://git.internal/repos/\${name}\`).json();
`,
      messageIncludes: ['`got`', 'timeout: { request: 10000 }'],
    },
    {
      name: 'got.post with options but no timeout',
      code: `import got from 'got';

export const createIssue = (issue: object) => got.post('https://git.internal/issues', { json: issue }).json();
`,
    },
    {
      name: 'got.extend without timeout (calls on it are not flagged)',
      code: `const got = require('got');

const client = got.extend({ prefixUrl: 'https://git.internal' });
module.exports.getRepo = (name) => client.get('repos/' + name).json();
`,
      file: 'src/git.js',
      line: 3,
      count: 1,
    },
    // ---- http / https ----
    {
      name: 'import * as https from node:https, https.get(url, cb)',
      code: `import * as https from 'node:https';

export function ping(url: string) {
  return new Promise((resolve, reject) => {
    https.get(url, (res) => resolve(res.statusCode)).on('error', reject);
  });
}
`,
      line: 5,
      text: 'https.get(url, (res) => resolve(res.statusCode))',
    },
    {
      name: "const https = require('https'), https.request with options without timeout",
      code: `const https = require('https');

function postEvent(body) {
  const req = https.request({ hostname: 'events.internal', path: '/events', method: 'POST' }, (res) => res.resume());
  req.on('error', console.error);
  req.end(JSON.stringify(body));
}
module.exports = { postEvent };
`,
      file: 'src/events.js',
      line: 4,
    },
    {
      name: "import { request } from 'https'",
      code: `import { request } from 'https';

export function send(payload: string) {
  const req = request('https://audit.internal/log', { method: 'POST' });
  req.end(payload);
}
`,
    },
    {
      name: "import http from 'http', http.get(url) with only an on('timeout') handler",
      code: `import http from 'http';

export function check(url: string) {
  const req = http.get(url, (res) => res.resume());
  req.on('timeout', () => req.destroy());
}
`,
    },
    {
      name: 'http get alias with the promise resolve as its callback',
      code: `import { get as httpGet, type IncomingMessage } from 'node:http';

export function slip(id: string): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    httpGet(\`http://wms.internal/slips/\${id}.pdf\`, resolve).on('error', reject);
  });
}
`,
      line: 5,
    },
    {
      name: "destructured require('node:http') get",
      code: `const { get } = require('node:http');

module.exports.warm = () => get('http://cache.internal/warm');
`,
      file: 'src/warm.js',
    },
    {
      name: 'http.request options in a visible local const without timeout',
      code: `import * as http from 'node:http';

export function postEvent(body: string) {
  const options = { hostname: 'events.internal', path: '/events', method: 'POST' };
  const req = http.request(options, (res) => res.resume());
  req.end(body);
}
`,
      line: 5,
    },
    // ---- superagent / ky ----
    {
      name: 'superagent chain without .timeout',
      code: `import superagent from 'superagent';

export async function getCart(id: string) {
  const res = await superagent.get('https://cart.internal/carts/' + id).set('accept', 'application/json');
  return res.body;
}
`,
      text: "superagent.get('https://cart.internal/carts/' + id)",
      messageIncludes: ['.timeout('],
    },
    {
      name: 'superagent under another name via require',
      code: `const request = require('superagent');

module.exports.send = (body) => request.post('https://mail.internal/send').send(body);
`,
      file: 'src/mail.js',
    },
    {
      name: 'ky with timeout: false',
      code: `import ky from 'ky';

export const exportAll = () => ky.get('https://reports.internal/export', { timeout: false }).json();
`,
    },
    {
      name: 'axios methods taken apart with a destructured require: the data argument is not the config',
      code: `const { post } = require('axios');

async function notify(url, payload) {
  return post(url, payload);
}

module.exports = { notify };
`,
      file: 'src/notify.js',
      line: 4,
      messageIncludes: ['axios waits forever'],
    },
  ],
});

runFixtureTests(missingTimeout);
runDocsExamples(missingTimeout);
