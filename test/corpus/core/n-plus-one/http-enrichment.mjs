import axios from 'axios';
import got from 'got';

const geo = axios.create({ baseURL: 'https://geo.internal', timeout: 2000 });

export async function enrichAll(companies) {
  for (const c of companies) {
    const res = await fetch(`https://enrich.example.com/v2/companies/${c.domain}`, { signal: AbortSignal.timeout(3000) }); // expect: n-plus-one
    c.profile = await res.json();
  }
  return companies;
}

export async function enrichBatched(companies) {
  const res = await fetch('https://enrich.example.com/v2/companies:batch', { method: 'POST', body: JSON.stringify(companies.map((c) => c.domain)), signal: AbortSignal.timeout(5000) }); // ok: n-plus-one
  return res.json();
}

export function locate(ips) {
  return Promise.all(ips.map((ip) => geo.get(`/lookup/${ip}`).then((r) => r.data))); // expect: n-plus-one
}

export async function avatars(users) {
  return Promise.all(users.map(async (u) => (await axios.get(`https://avatars.internal/${u.id}`, { timeout: 1000 })).data)); // expect: n-plus-one
}

export async function mirror(names) {
  for (const name of names) {
    await got.post('https://mirror.internal/sync', { json: { name }, timeout: { request: 5000 } }); // expect: n-plus-one
  }
}

export async function crawl(startUrl) {
  const pages = [];
  let url = startUrl;
  while (url) {
    const { data } = await axios.get(url, { timeout: 5000 }); // ok: n-plus-one
    pages.push(...data.items);
    url = data.nextPageUrl;
  }
  return pages;
}

export async function sendUntilAccepted(payload) {
  let accepted = false;
  let attempts = 0;
  while (!accepted && attempts < 5) {
    attempts++;
    accepted = await got.post('https://hooks.internal/accept', { json: payload, timeout: { request: 2000 } }).then(() => true, () => false); // ok: n-plus-one
  }
  return accepted;
}

export function labels(items) {
  return items.map((i) => `${i.name} (${i.count})`); // ok: n-plus-one
}
