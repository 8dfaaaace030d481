// corpus-path: app/api/checkout/route.ts
import { NextRequest, NextResponse } from 'next/server';
import { auth } from '@/lib/auth';
import { db } from '@/lib/db';

export const runtime = 'edge';

const LEMON_API = 'https://api.lemonsqueezy.com/v1';

export async function POST(req: NextRequest) {
  const session = await auth();
  if (!session) return NextResponse.json({ error: 'unauthorized' }, { status: 401 });

  const { variantId } = await req.json();

  const res = await fetch(`${LEMON_API}/checkouts`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${process.env.LEMON_API_KEY}`,
      'Content-Type': 'application/vnd.api+json',
      'Idempotency-Key': crypto.randomUUID(), // expect: unstable-idempotency-key
    },
    body: JSON.stringify({ data: { type: 'checkouts', attributes: { variantId } } }),
  });

  return NextResponse.json(await res.json(), { status: res.status });
}

export async function PUT(req: NextRequest) {
  const { subscriptionId, planId } = await req.json();
  const headers = new Headers({ 'Content-Type': 'application/json' });
  headers.set('Idempotency-Key', globalThis.crypto.randomUUID()); // expect: unstable-idempotency-key
  headers.set('X-Request-Id', crypto.randomUUID()); // ok: unstable-idempotency-key

  const res = await fetch(`${process.env.BILLING_URL}/subscriptions/${subscriptionId}`, {
    method: 'PUT',
    headers,
    body: JSON.stringify({ planId }),
  });
  return NextResponse.json(await res.json(), { status: res.status });
}

export async function PATCH(req: NextRequest) {
  const { invoiceId } = await req.json();
  const res = await fetch(`${process.env.BILLING_URL}/invoices/${invoiceId}/finalize`, {
    method: 'POST',
    headers: new Headers({
      'idempotency-key': `${invoiceId}-${Date.now()}-${Math.random().toString(16).slice(2)}`, // expect: unstable-idempotency-key
    }),
  });
  return NextResponse.json(await res.json(), { status: res.status });
}

// ---- look-alikes ----

export async function DELETE(req: NextRequest) {
  const id = req.nextUrl.searchParams.get('id');
  const incomingKey = req.headers.get('idempotency-key') ?? `cancel-${id}`; // ok: unstable-idempotency-key
  const res = await fetch(`${process.env.BILLING_URL}/subscriptions/${id}/cancel`, {
    method: 'POST',
    headers: {
      'Idempotency-Key': incomingKey, // ok: unstable-idempotency-key
      'X-Sent-At': new Date().toISOString(), // ok: unstable-idempotency-key
    },
  });
  await db.auditLog.create({
    data: { action: 'cancel', subscriptionId: id, at: new Date() }, // ok: unstable-idempotency-key
  });
  return new NextResponse(null, { status: res.status });
}
