import crypto from 'node:crypto';
import * as uuid from 'uuid';
import { nanoid } from 'nanoid';
import { request } from 'undici';

const API = 'https://api.ledger.example.com/v2';

export async function postEntry(entry) {
  const res = await request(`${API}/entries`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...entry, idempotency_key: crypto.randomUUID() }), // expect: unstable-idempotency-key
  });
  return res.body.json();
}

export async function postEntryKeyed(entry) {
  const res = await request(`${API}/entries`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...entry, idempotency_key: entry.externalId }), // ok: unstable-idempotency-key
  });
  return res.body.json();
}

export async function postTransfer(transfer) {
  const payload = { amount: transfer.amount, idempotency_key: `tr_${Date.now()}` }; // expect: unstable-idempotency-key
  return fetch(`${API}/transfers`, { method: 'POST', body: JSON.stringify(payload) });
}

export async function postTransferKeyed(transfer) {
  const payload = { amount: transfer.amount, idempotency_key: `tr_${transfer.id}` }; // ok: unstable-idempotency-key
  return fetch(`${API}/transfers`, { method: 'POST', body: JSON.stringify(payload) });
}

export async function postHold(hold) {
  return fetch(`${API}/holds`, {
    method: 'POST',
    headers: { 'Idempotency-Key': uuid.v4(), 'content-type': 'application/json' }, // expect: unstable-idempotency-key
    body: JSON.stringify(hold),
  });
}

export async function postHoldNano(hold) {
  return fetch(`${API}/holds`, {
    method: 'POST',
    headers: { 'Idempotency-Key': `hold-${nanoid(12)}` }, // expect: unstable-idempotency-key
    body: JSON.stringify(hold),
  });
}

export async function postHoldKeyed(hold) {
  return fetch(`${API}/holds`, {
    method: 'POST',
    headers: { 'Idempotency-Key': hold.requestId }, // ok: unstable-idempotency-key
    body: JSON.stringify(hold),
  });
}

export async function postHoldDerived(hold) {
  const key = crypto.createHash('sha1').update(JSON.stringify([hold.account, hold.amount, hold.day])).digest('hex');
  return fetch(`${API}/holds`, { method: 'POST', headers: { 'Idempotency-Key': key }, body: JSON.stringify(hold) }); // ok: unstable-idempotency-key
}

export async function postHoldV5(hold) {
  return fetch(`${API}/holds`, { method: 'POST', headers: { 'Idempotency-Key': uuid.v5(hold.id, uuid.v5.URL) }, body: JSON.stringify(hold) }); // ok: unstable-idempotency-key
}

export async function postHoldDateOfBusiness(hold) {
  // The business date of the hold is part of the operation, not the clock of this attempt.
  return fetch(`${API}/holds`, { method: 'POST', headers: { 'Idempotency-Key': `${hold.id}-${hold.createdAt}` }, body: JSON.stringify(hold) }); // ok: unstable-idempotency-key
}
