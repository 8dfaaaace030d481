const fetch = require('node-fetch');
const { fetch: uFetch } = require('undici');

async function loadFeed(url) {
  const res = await fetch(url); // expect: missing-timeout
  return res.text();
}

async function postEvent(event) {
  return fetch('https://events.internal/ingest', { method: 'POST', body: JSON.stringify(event) }); // expect: missing-timeout
}

async function postEventBounded(event) {
  const ac = new AbortController();
  setTimeout(() => ac.abort(), 2000).unref();
  return fetch('https://events.internal/ingest', { method: 'POST', body: JSON.stringify(event), signal: ac.signal }); // ok: missing-timeout
}

async function metadata(url) {
  return uFetch(url, { headers: { 'user-agent': 'feeds/1.0' } }); // expect: missing-timeout
}

module.exports = { loadFeed, postEvent, postEventBounded, metadata };
