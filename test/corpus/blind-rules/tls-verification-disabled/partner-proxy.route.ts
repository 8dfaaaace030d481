import { NextRequest, NextResponse } from 'next/server';
import { Agent, fetch as undiciFetch } from 'undici';
import nodeFetch from 'node-fetch';
import { Agent as HttpsAgent } from 'node:https';

export const runtime = 'nodejs';

const insecureDispatcher = new Agent({
  connect: { rejectUnauthorized: false }, // expect: tls-verification-disabled
});

const pinnedDispatcher = new Agent({
  connect: { rejectUnauthorized: true, ca: process.env.PARTNER_CA_PEM }, // ok: tls-verification-disabled
});

const legacyAgent = new HttpsAgent({ keepAlive: true, rejectUnauthorized: false }); // expect: tls-verification-disabled

export async function GET(req: NextRequest) {
  const path = req.nextUrl.searchParams.get('path') ?? '';
  const upstream = await undiciFetch(`${process.env.PARTNER_STAGING_URL}/${encodeURIComponent(path)}`, {
    dispatcher: insecureDispatcher,
  });
  return NextResponse.json(await upstream.json(), { status: upstream.status });
}

export async function POST(req: NextRequest) {
  const body = await req.json();
  const res = await nodeFetch(`${process.env.LEGACY_PARTNER_URL}/orders`, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
    agent: legacyAgent,
  });
  return NextResponse.json(await res.json(), { status: res.status });
}

export async function PUT(req: NextRequest) {
  const body = await req.json();
  const res = await nodeFetch(`${process.env.PARTNER_URL}/orders/${body.id}`, {
    method: 'PUT',
    body: JSON.stringify(body),
    agent: (parsed: URL) => (parsed.protocol === 'https:' ? new HttpsAgent({ rejectUnauthorized: false }) : undefined), // expect: tls-verification-disabled
  });
  return NextResponse.json(await res.json(), { status: res.status });
}

export async function DELETE(req: NextRequest) {
  const id = req.nextUrl.searchParams.get('id');
  const upstream = await undiciFetch(`${process.env.PARTNER_URL}/orders/${id}`, {
    method: 'DELETE',
    dispatcher: pinnedDispatcher,
  });
  return new NextResponse(null, { status: upstream.status });
}
