// corpus-path: src/app/api/quotes/route.ts
import { NextRequest, NextResponse } from 'next/server';
import { setTimeout as sleep } from 'node:timers/promises';

const UPSTREAMS = [process.env.QUOTE_PRIMARY_URL!, process.env.QUOTE_SECONDARY_URL!];

async function fetchQuote(url: string, retriesLeft = 3): Promise<Response> {
  try {
    const res = await fetch(url, { cache: 'no-store' });
    if (!res.ok) throw new Error(`upstream responded ${res.status}`);
    return res;
  } catch (err) {
    if (retriesLeft <= 0) throw err;
    return fetchQuote(url, retriesLeft - 1); // expect: retry-without-backoff
  }
}

async function fetchRates(url: string, attempt = 0): Promise<unknown> {
  const res = await fetch(url);
  if (res.status === 503 && attempt < 4) {
    await sleep(1000);
    return fetchRates(url, attempt + 1); // expect: retry-without-backoff
  }
  return res.json();
}

async function fetchHonoringRetryAfter(url: string): Promise<Response> {
  let attempt = 0;
  while (attempt < 5) { // ok: retry-without-backoff
    const res = await fetch(url);
    if (res.status !== 429) return res;
    const retryAfterSeconds = Number(res.headers.get('retry-after') ?? '1');
    await sleep(retryAfterSeconds * 1000);
    attempt++;
  }
  throw new Error('rate limited by quote provider');
}

async function fetchFromAnyUpstream(path: string): Promise<unknown> {
  for (const base of UPSTREAMS) { // ok: retry-without-backoff
    try {
      const res = await fetch(`${base}${path}`);
      if (res.ok) return res.json();
    } catch {
      // fall through to the next replica
    }
  }
  throw new Error('all quote upstreams failed');
}

async function fetchInventory(url: string): Promise<unknown> {
  let attempts = 0;
  while (attempts < 3) { // expect: retry-without-backoff
    try {
      const res = await fetch(url);
      return await res.json();
    } catch (err) {
      attempts++;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  return null;
}

export async function GET(req: NextRequest) {
  const sku = req.nextUrl.searchParams.get('sku');
  if (!sku) return NextResponse.json({ error: 'sku is required' }, { status: 400 });

  const [quoteRes, rates, stock, meta] = await Promise.all([
    fetchQuote(`${UPSTREAMS[0]}/quotes/${encodeURIComponent(sku)}`),
    fetchRates(`${process.env.RATES_URL}/latest`),
    fetchInventory(`${process.env.INVENTORY_URL}/stock/${encodeURIComponent(sku)}`),
    fetchFromAnyUpstream(`/meta/${encodeURIComponent(sku)}`),
  ]);
  const limits = await fetchHonoringRetryAfter(`${process.env.LIMITS_URL}/sku/${encodeURIComponent(sku)}`);

  return NextResponse.json({
    quote: await quoteRes.json(),
    rates,
    stock,
    meta,
    limits: await limits.json(),
  });
}
