// src/realtime/price-feed.js — Express app with an upstream WebSocket price feed
import express from 'express';
import WebSocket from 'ws';
import { EventEmitter } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import promiseRetry from 'promise-retry';

const FEED_URL = process.env.FEED_URL;
const HEALTH_URL = process.env.UPSTREAM_HEALTH_URL;
const SNAPSHOT_URL = process.env.SNAPSHOT_URL;

export class PriceFeed extends EventEmitter {
  ws = null;
  backoff = 2_000;

  open = () => {
    this.ws = new WebSocket(FEED_URL);
    this.ws.on('message', (data) => this.emit('price', JSON.parse(String(data))));
    this.ws.on('close', () => setTimeout(() => this.open(), 1_000)); // ok: unbounded-retry
  };

  start = async () => {
    try {
      await this.bootstrap();
      this.open();
    } catch (err) {
      console.warn('price feed bootstrap failed', err);
      setTimeout(
        () => this.start(), // expect: unbounded-retry
        this.backoff,
      );
    }
  };

  async bootstrap() {
    await waitForUpstream();
    this.snapshot = await loadSnapshot();
  }
}

async function waitForUpstream() {
  while (true) { // expect: unbounded-retry
    const ok = await fetch(HEALTH_URL)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return;
    await sleep(1_000);
  }
}

function loadSnapshot() {
  return fetch(SNAPSHOT_URL)
    .then((r) => r.json())
    .catch((err) => {
      console.error('snapshot failed', err);
      return loadSnapshot(); // expect: unbounded-retry
    });
}

let pool;
async function connectCache() {
  try {
    pool = await createCachePool();
  } catch (err) {
    console.error('cache unavailable, retrying in 5s', err.message);
    setTimeout(connectCache, 5_000); // expect: unbounded-retry
  }
}

function registerWithDiscovery() {
  return promiseRetry(
    {
      minTimeout: 500,
      forever: true, // expect: unbounded-retry
    },
    (again, number) =>
      fetch(`${process.env.DISCOVERY_URL}/register`, { method: 'POST' }).catch((err) => {
        console.warn(`discovery registration attempt ${number} failed`);
        again(err);
      }),
  );
}

function createCachePool() {
  return import('./cache.js').then((m) => m.createPool());
}

function reportFailure(err) {
  console.error('[price-feed]', err);
}

const feed = new PriceFeed();
const app = express();

app.get('/health', async (req, res) => {
  for (let i = 0; i < 3; i++) { // ok: unbounded-retry
    try {
      await fetch(HEALTH_URL);
      return res.sendStatus(200);
    } catch {
      await sleep(100);
    }
  }
  res.sendStatus(503);
});

app.get('/prices/latest', (req, res) => {
  loadLatest()
    .then((p) => res.json(p))
    .catch((err) => reportFailure(err)); // ok: unbounded-retry
});

function loadLatest() {
  return Promise.resolve(feed.snapshot);
}

connectCache();
registerWithDiscovery();
feed.start();
app.listen(3000);
