// @ts-nocheck
import axios from 'axios';
import WebSocket from 'ws';
import pRetry from 'p-retry';
import retry from 'async-retry';
import { setTimeout as sleep } from 'node:timers/promises';

const MAX_RETRIES = 4;
const FOREVER = { retries: Infinity, factor: 1.5 }; // expect: unbounded-retry
const POLITE = { retries: MAX_RETRIES, factor: 1.5 }; // ok: unbounded-retry

export const token = () => pRetry(() => axios.post('https://auth.internal/token'), FOREVER);
export const tokenPolite = () => pRetry(() => axios.post('https://auth.internal/token'), POLITE);

export async function openSocket(url: string): Promise<WebSocket> {
  let socket: WebSocket | null = null;
  while (!socket) { // expect: unbounded-retry
    socket = await new Promise<WebSocket>((resolve, reject) => {
      const ws = new WebSocket(url);
      ws.once('open', () => resolve(ws));
      ws.once('error', reject);
    }).catch(() => null);
    if (!socket) await sleep(1000);
  }
  return socket;
}

export async function getConfig(url: string) {
  let response = null;
  while (!response) { // expect: unbounded-retry
    response = await axios.get(url).catch(() => null);
  }
  return response.data;
}

export async function getConfigBounded(url: string) {
  let response = null;
  let tries = 0;
  while (!response && tries < MAX_RETRIES) { // ok: unbounded-retry
    tries++;
    response = await axios.get(url).catch(() => null);
  }
  return response?.data;
}

export async function saveUntilSaved(save: () => Promise<void>) {
  let saved = false;
  do { // expect: unbounded-retry
    try {
      await save();
      saved = true;
    } catch (err) {
      console.warn('save failed', err);
      await sleep(500);
    }
  } while (!saved);
}

export async function saveWithCap(save: () => Promise<void>) {
  let saved = false;
  let n = 0;
  do { // ok: unbounded-retry
    try {
      await save();
      saved = true;
    } catch (err) {
      if (++n >= MAX_RETRIES) throw err;
    }
  } while (!saved);
}

export async function keepTrying(task: () => Promise<void>) {
  while (1) { // expect: unbounded-retry
    try {
      await task();
      break;
    } catch {
      continue;
    }
  }
}

export async function retryBackoffCounter(task: () => Promise<void>) {
  for (let attempt = 0; ; attempt++) { // expect: unbounded-retry
    try {
      return await task();
    } catch (e) {
      await sleep(100 * 2 ** attempt);
    }
  }
}

export function loadSettings(): Promise<unknown> {
  return axios.get('/settings').catch(() => loadSettings()); // expect: unbounded-retry
}

export function loadSettingsBounded(attempt = 0): Promise<unknown> {
  return axios.get('/settings').catch((e) => (attempt < MAX_RETRIES ? loadSettingsBounded(attempt + 1) : Promise.reject(e))); // ok: unbounded-retry
}

export const fetchToken = function (): Promise<string> {
  return axios.post('/token').then((r) => r.data.token).catch(() => fetchToken()); // expect: unbounded-retry
};

export async function startServer(listen: () => Promise<void>) {
  try {
    await listen();
  } catch (e) {
    console.error('port busy', e);
    setTimeout(startServer, 1000, listen); // expect: unbounded-retry
  }
}

export class Connection {
  async connect(): Promise<void> {
    try {
      await axios.get('https://db-proxy.internal/connect');
    } catch (e) {
      await sleep(1000);
      return this.connect(); // expect: unbounded-retry
    }
  }

  async connectBounded(attempt = 1): Promise<void> {
    try {
      await axios.get('https://db-proxy.internal/connect');
    } catch (e) {
      if (attempt === MAX_RETRIES) throw e;
      return this.connectBounded(attempt + 1); // ok: unbounded-retry
    }
  }
}

export async function heartbeat(send: () => Promise<void>) {
  while (true) { // ok: unbounded-retry
    await send();
    await sleep(30_000);
  }
}

export async function paginate(url: string) {
  const all = [];
  let next: string | null = url;
  while (next) { // ok: unbounded-retry
    const { data } = await axios.get(next);
    all.push(...data.items);
    next = data.next;
  }
  return all;
}

export async function acceptLoop(listener: { accept(): Promise<{ handle(): Promise<void> }> }) {
  // Each turn serves a new connection; a failed one is not tried again (senior call: not a retry).
  for (;;) { // ok: unbounded-retry
    const conn = await listener.accept();
    conn.handle().catch((e) => console.error('connection failed', e));
  }
}

export const noRetries = (fn: () => Promise<void>) => retry(fn, { retries: 0 }); // ok: unbounded-retry
export const notForever = (fn: () => Promise<void>) => retry(fn, { forever: false, retries: 3 }); // ok: unbounded-retry
export const maxRetries = (fn: () => Promise<void>) => retry(fn, { retries: MAX_RETRIES }); // ok: unbounded-retry
export const infiniteAsyncRetry = (fn: () => Promise<void>) => retry(fn, { retries: Infinity }); // expect: unbounded-retry
