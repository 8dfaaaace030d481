import { NextRequest, NextResponse } from 'next/server';

const UPSTREAM = process.env.WEATHER_API ?? 'https://api.weather.example';

type Forecast = { city: string; days: Array<{ date: string; high: number; low: number }> };

export const revalidate = 300;

export async function GET(request: NextRequest) {
  const city = request.nextUrl.searchParams.get('city') ?? 'London'; // ok: missing-timeout
  const res = await fetch(`${UPSTREAM}/current?city=${encodeURIComponent(city)}`, { // expect: missing-timeout
    headers: { authorization: `Bearer ${process.env.WEATHER_KEY}` },
    next: { revalidate: 300 },
  });
  if (!res.ok) {
    return NextResponse.json({ error: 'upstream failed' }, { status: 502 });
  }
  const forecast = (await (
    await fetch(`${UPSTREAM}/forecast?city=${encodeURIComponent(city)}`, { // ok: missing-timeout
      signal: AbortSignal.any([request.signal, AbortSignal.timeout(8_000)]),
    })
  ).json()) as Forecast;
  return NextResponse.json({ current: await res.json(), forecast });
}

export async function POST(request: NextRequest) {
  const body = await request.json();
  const upstream = await fetch(`${UPSTREAM}/alerts`, { // ok: missing-timeout
    method: 'POST',
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(5_000),
  });

  const audit = await fetch(`${process.env.AUDIT_URL}/events`, ({ // expect: missing-timeout
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'alert.created', city: body.city }),
  }) satisfies RequestInit);

  return NextResponse.json({ ok: upstream.ok && audit.ok }, { status: upstream.status });
}

export async function DELETE(request: NextRequest) {
  const id = request.nextUrl.searchParams.get('id'); // ok: missing-timeout
  const res = await fetch(`${UPSTREAM}/alerts/${id}`, { method: 'DELETE', cache: 'no-store' } as RequestInit); // expect: missing-timeout
  return new NextResponse(null, { status: res.status });
}

export async function PUT(request: NextRequest) {
  const { searchParams } = request.nextUrl;
  const res = await fetch(`${UPSTREAM}/alerts/${searchParams.get('id')}`, { // expect: missing-timeout
    method: 'PUT',
    body: await request.text(),
    headers: { 'content-type': request.headers.get('content-type') ?? 'application/json' },
  });
  return new NextResponse(res.body, { status: res.status });
}
