import { setTimeout as sleep } from 'node:timers/promises';
import { randomUUID } from 'node:crypto';
import { fetch as undiciFetch, request, Agent } from 'undici';
import type { Job } from 'bullmq';
import { db } from '../db';
import { shutdownSignal } from '../lifecycle';

interface SyncJobData {
  tenantId: string;
  since: string;
}

interface Contact {
  id: string;
  email: string;
}

const CRM_URL = process.env.CRM_URL!;

export class CrmSyncWorker {
  constructor(private readonly apiKey: string) {}

  // A method that merely shares the global's name.
  async fetch(tenantId: string) {
    return db.tenant.findUnique({ where: { id: tenantId } });
  }

  async process(job: Job<SyncJobData>): Promise<void> {
    const tenant = await this.fetch(job.data.tenantId); // ok: missing-timeout
    if (!tenant) return;
    const res = await fetch(`${CRM_URL}/contacts?since=${job.data.since}`, { // expect: missing-timeout
      headers: { Authorization: `Bearer ${this.apiKey}` },
    });
    const contacts = (await res.json()) as Contact[];
    for (const c of contacts) {
      await fetch(`${CRM_URL}/contacts/${c.id}/ack`, { method: 'POST', signal: AbortSignal.timeout(5000) }); // ok: missing-timeout
      await sleep(50);
    }
  }

  async pushDeals(deals: unknown[]): Promise<void> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 10_000);
    try {
      await fetch(`${CRM_URL}/deals/bulk`, { // ok: missing-timeout
        method: 'PUT',
        headers: { 'content-type': 'application/json', Authorization: `Bearer ${this.apiKey}` },
        body: JSON.stringify(deals),
        signal: controller.signal,
      });
    } finally {
      clearTimeout(timer);
    }
  }

  async download(url: string, signal: AbortSignal): Promise<Buffer> {
    const res = await fetch(url, { signal }); // ok: missing-timeout
    return Buffer.from(await res.arrayBuffer());
  }

  async heartbeat(): Promise<void> {
    await fetch(`${CRM_URL}/heartbeat`); // expect: missing-timeout
  }

  async legacyExport(tenantId: string): Promise<string> {
    // `timeout` is not a fetch option; the runtime ignores it.
    const res = await fetch(`${CRM_URL}/export/${tenantId}`, { method: 'GET', timeout: 30_000 }); // expect: missing-timeout
    return res.text();
  }

  async compare(a: string, b: string): Promise<boolean> {
    const [left, right] = await Promise.all([fetch(`${CRM_URL}/v1/contacts/${a}`), fetch(`${CRM_URL}/v2/contacts/${b}`)]); // expect: missing-timeout x2
    return left.status === right.status;
  }

  async call(path: string, init: RequestInit): Promise<Response> {
    return fetch(`${CRM_URL}${path}`, init); // ok: missing-timeout
  }

  async withDeadline(path: string): Promise<Response> {
    return fetch(`${CRM_URL}${path}`, { signal: AbortSignal.any([AbortSignal.timeout(8000), shutdownSignal]) }); // ok: missing-timeout
  }

  async authed(path: string, init: RequestInit): Promise<Response> {
    return fetch(`${CRM_URL}${path}`, { ...init, headers: { Authorization: `Bearer ${this.apiKey}` } }); // ok: missing-timeout
  }

  async followRedirect(path: string): Promise<Response> {
    const first = await fetch(`${CRM_URL}${path}`, { // ok: missing-timeout
      redirect: 'manual',
      signal: AbortSignal.timeout(3000),
    });
    return fetch(first.headers.get('location')!, { // expect: missing-timeout
      headers: { Authorization: `Bearer ${this.apiKey}` },
    });
  }
}

// --- payment-provider sync, uses undici directly ---

const agent = new Agent({ keepAliveTimeout: 10_000 });
const PSP = process.env.PSP_URL ?? 'https://psp.example.com';

export interface Authorization {
  id: string;
  status: 'authorized' | 'declined';
}

export async function authorize(amount: number, currency: string, token: string): Promise<Authorization> {
  const res = await undiciFetch(`${PSP}/v1/authorizations`, { // expect: missing-timeout
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body: JSON.stringify({ amount, currency, token }),
    dispatcher: agent,
  });
  return (await res.json()) as Authorization;
}

export async function capture(id: string): Promise<void> {
  const res = await undiciFetch(`${PSP}/v1/authorizations/${id}/capture`, { method: 'POST', signal: AbortSignal.timeout(10_000), dispatcher: agent }); // ok: missing-timeout
  if (!res.ok) throw new Error(`capture failed: ${res.status}`);
}

export async function status(id: string): Promise<string> {
  const res = await undiciFetch(`${PSP}/v1/payments/${id}`); // expect: missing-timeout
  const body = (await res.json()) as { status: string };
  return body.status;
}

export async function refund(id: string, amount: number): Promise<number> {
  const { statusCode } = await request(`${PSP}/v1/payments/${id}/refunds`, { method: 'POST', body: JSON.stringify({ amount }), dispatcher: agent }); // ok: missing-timeout
  return statusCode;
}

export async function publicKeys(): Promise<unknown> {
  const res = await fetch(`${PSP}/.well-known/jwks.json`, { cache: 'no-store' }); // expect: missing-timeout
  return res.json();
}
