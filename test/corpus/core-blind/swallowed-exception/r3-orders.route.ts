import { NextResponse, type NextRequest } from 'next/server';
import { headers } from 'next/headers';
import { prisma } from '@/lib/prisma';
import { z } from 'zod';
import { captureException as report } from '@sentry/nextjs';

const OrderInput = z.object({ sku: z.string(), qty: z.number().int().positive() });

type ErrorBody = { error: string };

export async function GET(req: NextRequest) {
  const page = Number(req.nextUrl.searchParams.get('page') ?? '1');
  try {
    const orders = await prisma.order.findMany({ skip: (page - 1) * 20, take: 20 });
    return NextResponse.json(orders);
  } catch { // expect: swallowed-exception
    return NextResponse.json({ error: 'Internal error' } satisfies ErrorBody, { status: 500 });
  }
}

export async function POST(req: NextRequest) {
  let body: unknown;
  try {
    body = await req.json();
  } catch (err) { // ok: swallowed-exception
    return NextResponse.json({ error: (err as Error).message }, { status: 400 });
  }
  const parsed = OrderInput.safeParse(body);
  if (!parsed.success) {
    return NextResponse.json({ error: 'invalid' }, { status: 422 });
  }
  try {
    const order = await prisma.order.create({ data: parsed.data });
    return NextResponse.json(order, { status: 201 });
  } catch (e) { // ok: swallowed-exception
    report(e);
    return NextResponse.json({ error: 'Could not create order' }, { status: 500 });
  }
}

export async function DELETE(req: NextRequest) {
  const id = req.nextUrl.searchParams.get('id');
  const h = await headers();
  const requestId = h.get('x-request-id');
  await prisma.auditLog
    .create({ data: { action: 'order.delete', id, requestId } })
    .catch(() => null); // expect: swallowed-exception
  try {
    await prisma.order.delete({ where: { id: id! } });
  } catch (error: any) { // ok: swallowed-exception
    if (error?.code === 'P2025') {
      return NextResponse.json({ error: 'not found' }, { status: 404 });
    }
    return NextResponse.json({ error: 'failed' }, { status: 500 });
  }
  return new NextResponse(null, { status: 204 });
}

export async function PATCH(req: NextRequest) {
  const data = (await req.json().catch(() => ({}))) as Record<string, unknown>; // expect: swallowed-exception
  try {
    await prisma.order.update({ where: { id: String(data.id) }, data });
  } catch ({ code }: any) { // ok: swallowed-exception
    const missing = code === 'P2025';
    return NextResponse.json({ error: missing ? 'not found' : 'failed' }, { status: missing ? 404 : 500 });
  }
  return NextResponse.json({ ok: true });
}
