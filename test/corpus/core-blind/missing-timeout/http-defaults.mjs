import axios from 'axios';
import { readFile } from 'node:fs/promises';

axios.defaults.timeout = Number(process.env.HTTP_TIMEOUT_MS ?? 10000);
axios.defaults.headers.common['User-Agent'] = 'catalog-sync/2.3';

export async function loadRemoteConfig(url) {
  const { data } = await axios.get(url); // ok: missing-timeout
  return data;
}

export async function reportStatus(url, status) {
  await axios.post( // ok: missing-timeout
    url,
    { status, at: new Date().toISOString() },
    { headers: { 'Content-Type': 'application/json' } },
  );
}

export async function proxy(method, url, body) {
  return axios({ method, url, data: body }); // ok: missing-timeout
}

export async function ping(url) {
  const res = await axios.head(url); // ok: missing-timeout
  return res.status < 400;
}

export async function loadLocalOverrides(path) {
  return JSON.parse(await readFile(path, 'utf8'));
}

export async function fetchManifest(url) {
  // axios defaults do not reach the fetch API
  const res = await fetch(url, { headers: { Accept: 'application/json' } }); // expect: missing-timeout
  return res.json();
}
