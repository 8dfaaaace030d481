// @ts-nocheck
import axios from 'axios';
import got from 'got';
import crypto from 'crypto';
import { v4 } from 'uuid';
import * as uuid from 'uuid';

const PAYMENTS_API = 'https://payments.internal.example.com';

export async function createTransfer(body: unknown) {
  return fetch(`${PAYMENTS_API}/transfers`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() }, // expect: unstable-idempotency-key
    body: JSON.stringify(body),
  });
}

export async function createTransferKeyed(body: { transferId: string }) {
  return fetch(`${PAYMENTS_API}/transfers`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': body.transferId }, // ok: unstable-idempotency-key
    body: JSON.stringify(body),
  });
}

export async function sendPayout(payout: { id: string; amount: number }) {
  return axios.post(`${PAYMENTS_API}/payouts`, payout, {
    timeout: 5000,
    headers: { 'Idempotency-Key': v4() }, // expect: unstable-idempotency-key
  });
}

export async function sendPayoutKeyed(payout: { id: string; amount: number }) {
  return axios.post(`${PAYMENTS_API}/payouts`, payout, {
    timeout: 5000,
    headers: { 'Idempotency-Key': `payout-${payout.id}` }, // ok: unstable-idempotency-key
  });
}

export async function sendLowercaseHeader(body: unknown) {
  return axios.post(`${PAYMENTS_API}/charges`, body, { timeout: 5000, headers: { 'idempotency-key': uuid.v4() } }); // expect: unstable-idempotency-key
}

export async function sendXHeader(body: unknown) {
  return got.post(`${PAYMENTS_API}/charges`, { json: body, timeout: { request: 5000 }, headers: { 'X-Idempotency-Key': String(Date.now()) } }); // expect: unstable-idempotency-key
}

export async function sendXHeaderFromJob(body: unknown, jobId: string) {
  return got.post(`${PAYMENTS_API}/charges`, { json: body, timeout: { request: 5000 }, headers: { 'X-Idempotency-Key': jobId } }); // ok: unstable-idempotency-key
}

export async function sendWithHeadersObject(body: unknown) {
  const headers = new Headers({ 'Content-Type': 'application/json' });
  headers.set('Idempotency-Key', crypto.randomUUID()); // expect: unstable-idempotency-key
  return fetch(`${PAYMENTS_API}/refunds`, { method: 'POST', headers, body: JSON.stringify(body) });
}

export async function sendWithHeadersObjectKeyed(body: unknown, refundId: string) {
  const headers = new Headers({ 'Content-Type': 'application/json' });
  headers.set('Idempotency-Key', refundId); // ok: unstable-idempotency-key
  return fetch(`${PAYMENTS_API}/refunds`, { method: 'POST', headers, body: JSON.stringify(body) });
}

export async function sendWithLocalKey(body: unknown) {
  const idempotencyKey = `${Date.now()}-${Math.random()}`;
  return axios.post(`${PAYMENTS_API}/refunds`, body, { timeout: 5000, headers: { 'Idempotency-Key': idempotencyKey } }); // expect: unstable-idempotency-key
}

export async function sendWithRandomBytes(body: unknown) {
  // Not in the list by name, but a fresh random value per call is the same defect.
  const key = crypto.randomBytes(16).toString('hex');
  return axios.post(`${PAYMENTS_API}/refunds`, body, { timeout: 5000, headers: { 'Idempotency-Key': key } }); // expect: unstable-idempotency-key
}

export async function forwardClientKey(req: { headers: Record<string, string>; body: unknown }) {
  return axios.post(`${PAYMENTS_API}/charges`, req.body, { timeout: 5000, headers: { 'Idempotency-Key': req.headers['idempotency-key'] } }); // ok: unstable-idempotency-key
}

export async function tracedCall(body: unknown) {
  // A request id is for tracing, not deduplication.
  return axios.post(`${PAYMENTS_API}/charges`, body, { timeout: 5000, headers: { 'X-Request-Id': crypto.randomUUID() } }); // ok: unstable-idempotency-key
}

export async function correlationOnly(body: unknown) {
  return fetch(`${PAYMENTS_API}/charges`, { method: 'POST', headers: { 'X-Correlation-Id': v4(), 'Idempotency-Key': 'charge-42' }, body: JSON.stringify(body) }); // ok: unstable-idempotency-key
}
