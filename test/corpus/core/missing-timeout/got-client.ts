// @ts-nocheck
import got from 'got';

export async function packageInfo(name: string) {
  return got(`https://registry.npmjs.org/${name}`).json(); // expect: missing-timeout
}

export async function packageInfoBounded(name: string) {
  return got(`https://registry.npmjs.org/${name}`, { timeout: { request: 5000 } }).json(); // ok: missing-timeout
}

export async function downloads(name: string) {
  return got.get(`https://api.npmjs.org/downloads/point/last-week/${name}`, { responseType: 'json' }); // expect: missing-timeout
}

export async function downloadsBounded(name: string) {
  return got.get(`https://api.npmjs.org/downloads/point/last-week/${name}`, { responseType: 'json', timeout: { response: 3000 } }); // ok: missing-timeout
}

export async function publishHook(payload: unknown) {
  return got.post('https://hooks.internal/publish', { json: payload }); // expect: missing-timeout
}

export async function publishHookAbortable(payload: unknown) {
  return got.post('https://hooks.internal/publish', { json: payload, signal: AbortSignal.timeout(2000) }); // ok: missing-timeout
}

export async function publishWithOptions(payload: unknown, options: Record<string, unknown>) {
  return got.post('https://hooks.internal/publish', options); // ok: missing-timeout
}

const registry = got.extend({ prefixUrl: 'https://registry.internal', headers: { 'user-agent': 'mirror' } }); // expect: missing-timeout

const mirror = got.extend({ prefixUrl: 'https://mirror.internal', timeout: { request: 10_000 } }); // ok: missing-timeout

export async function tarball(name: string) {
  return registry.get(`${name}/-/${name}.tgz`).buffer(); // ok: missing-timeout
}

export async function mirrored(name: string) {
  return mirror(`${name}`).json(); // ok: missing-timeout
}
