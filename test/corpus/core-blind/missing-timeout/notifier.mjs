import ax from 'axios';
import pino from 'pino';
import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';

const log = pino({ name: 'notifier' });

// Global defaults are set, but not a timeout.
ax.defaults.baseURL = process.env.NOTIFY_BASE_URL;
ax.defaults.headers.common.Authorization = `Bearer ${process.env.NOTIFY_TOKEN}`;

export async function sendSlack(channel, text) {
  await ax.post('/slack/messages', { channel, text }); // expect: missing-timeout
}

export async function sendEmail(to, subject, html) {
  await ax.post('/email', { to, subject, html }, { timeout: 4000 }); // ok: missing-timeout
}

export async function sendSms(to, body) {
  const res = await ax({ // expect: missing-timeout
    method: 'POST',
    url: '/sms',
    data: { to, body },
  });
  log.info({ id: res.data.id }, 'sms queued');
}

export async function sendPush(deviceToken, payload) {
  return ax.request({ method: 'post', url: '/push', data: { deviceToken, payload }, timeout: 3000 }); // ok: missing-timeout
}

export async function sendWebhook(url, body, requestOptions) {
  return ax.put(url, body, requestOptions); // ok: missing-timeout
}

export async function health() {
  return ax.get('/health', { validateStatus: (s) => s < 500 }); // expect: missing-timeout
}

export async function deliveryStatus(id) {
  const { data } = await ax(`/deliveries/${id}`); // expect: missing-timeout
  return data.state;
}

// --- in-process delivery for tests and single-node deployments ---

const bus = new EventEmitter();
const store = new Map();

// In-process request/response over an event bus: nothing here touches the network.
function request(channel, payload) {
  const id = randomUUID();
  return new Promise((resolve) => {
    bus.once(`${channel}:${id}`, resolve);
    bus.emit(channel, { id, payload });
  });
}

export async function fetch(key) {
  if (!store.has(key)) store.set(key, await request('cache.load', { key })); // ok: missing-timeout
  return store.get(key);
}

export function get(key) {
  return store.get(key);
}

export async function loadUser(id) {
  return request('user.load', { id }); // ok: missing-timeout
}

export async function warm(keys) {
  return Promise.all(keys.map((k) => fetch(k))); // ok: missing-timeout
}

export async function profile(id) {
  const cached = get(`profile:${id}`); // ok: missing-timeout
  return cached ?? fetch(`profile:${id}`); // ok: missing-timeout
}

const got = (event) => bus.listenerCount(event) > 0;

export function isWired(event) {
  return got(event); // ok: missing-timeout
}
