// @ts-nocheck
import type { Product } from './types';

const BASE = process.env.CATALOG_URL ?? 'https://catalog.internal';

export async function getProduct(id: string): Promise<Product> {
  const res = await fetch(`${BASE}/products/${id}`); // expect: missing-timeout
  return res.json();
}

export async function createProduct(p: Product): Promise<Product> {
  const res = await fetch(`${BASE}/products`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(p) }); // expect: missing-timeout
  return res.json();
}

export async function updateProduct(p: Product): Promise<void> {
  await fetch(`${BASE}/products/${p.id}`, { // expect: missing-timeout
    method: 'PUT',
    body: JSON.stringify(p),
  });
}

export async function deleteProduct(id: string): Promise<void> {
  await fetch(`${BASE}/products/${id}`, { method: 'DELETE', signal: AbortSignal.timeout(5_000) }); // ok: missing-timeout
}

export async function search(q: string): Promise<Product[]> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 3000);
  try {
    const res = await fetch(`${BASE}/search?q=${encodeURIComponent(q)}`, { signal: controller.signal }); // ok: missing-timeout
    return res.json();
  } finally {
    clearTimeout(timer);
  }
}

export async function searchWithSignal(q: string, signal: AbortSignal): Promise<Product[]> {
  const res = await fetch(`${BASE}/search?q=${q}`, { signal }); // ok: missing-timeout
  return res.json();
}

export async function proxy(url: string, init: RequestInit): Promise<Response> {
  return fetch(url, init); // ok: missing-timeout
}

export async function proxyWithHeaders(url: string, extra: RequestInit) {
  return fetch(url, { ...extra, headers: { 'x-proxy': '1' } }); // ok: missing-timeout
}

export async function ping(): Promise<boolean> {
  const res = await globalThis.fetch(`${BASE}/health`); // expect: missing-timeout
  return res.ok;
}

export function prices(ids: string[]) {
  return fetch(`${BASE}/prices`, { method: 'POST', body: JSON.stringify(ids) }).then((r) => r.json()); // expect: missing-timeout
}

export const stock = (sku: string) =>
  fetch(`${BASE}/stock/${sku}`, { signal: AbortSignal.timeout(2000), headers: { accept: 'application/json' } }).then((r) => r.json()); // ok: missing-timeout

export class CatalogCache {
  private items = new Map<string, Product>();

  async fetch(id: string): Promise<Product | undefined> {
    return this.items.get(id);
  }

  async warm(ids: string[]) {
    for (const id of ids) await this.fetch(id); // ok: missing-timeout
  }

  async reload(id: string) {
    const res = await fetch(`${BASE}/products/${id}`, { cache: 'no-store' }); // expect: missing-timeout
    this.items.set(id, await res.json());
  }
}
