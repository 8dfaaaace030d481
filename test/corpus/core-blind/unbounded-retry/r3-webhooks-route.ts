// app/api/webhooks/route.ts
import { NextResponse, type NextRequest } from 'next/server';
import { headers } from 'next/headers';
import pRetry, { type Options } from 'p-retry';
import { verifySignature } from '@/lib/signing';

const UPSTREAM = process.env.ORDERS_UPSTREAM_URL!;

const forwardOpts = {
  retries: Number.MAX_SAFE_INTEGER, // expect: unbounded-retry
  minTimeout: 1_000,
  onFailedAttempt: (error) => console.warn(`forward attempt ${error.attemptNumber} failed`),
} satisfies Options;

async function forward(body: string): Promise<Response> {
  let res: Response | undefined;
  while (!res?.ok) { // expect: unbounded-retry
    try {
      res = await fetch(UPSTREAM, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
    } catch {
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  return res;
}

async function readBody(req: NextRequest): Promise<string> {
  const reader = req.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  while (true) { // ok: unbounded-retry
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  return text;
}

export async function POST(req: NextRequest) {
  const signature = (await headers()).get('x-signature');
  const body = await readBody(req);
  if (!verifySignature(body, signature)) {
    return NextResponse.json({ error: 'bad signature' }, { status: 401 });
  }
  const payload = JSON.parse(body) as { type: string };
  if (payload.type === 'order.created') {
    await pRetry(() => forward(body), { retries: 3 }); // ok: unbounded-retry
  } else {
    await pRetry(() => fetch(`${UPSTREAM}/events`, { method: 'POST', body }), forwardOpts);
  }
  return NextResponse.json({ received: true });
}

export async function GET() {
  for (;;) { // ok: unbounded-retry
    try {
      const res = await fetch(`${UPSTREAM}/health`, { cache: 'no-store' });
      return NextResponse.json({ upstream: res.status });
    } catch (err) {
      return NextResponse.json({ error: (err as Error).message }, { status: 502 });
    }
  }
}
