// app/api/orders/route.ts (Next.js App Router route handler)
import { NextResponse, type NextRequest } from 'next/server';
import { prisma } from '@/lib/prisma';

type LineInput = { sku: string; qty: number };

async function slugify(input: string): Promise<string> {
  return input.trim().toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

export async function GET(req: NextRequest) {
  const customerId = req.nextUrl.searchParams.get('customerId') ?? '';
  const orders = await prisma.order.findMany({ where: { customerId }, take: 20 });
  const productIds = [...new Set(orders.map((o) => o.productId))]; // ok: n-plus-one
  const products = await prisma.product.findMany({ where: { id: { in: productIds } } }); // ok: n-plus-one
  const byId = new Map(products.map((p) => [p.id, p]));
  return NextResponse.json(orders.map((o) => ({ ...o, product: byId.get(o.productId) }))); // ok: n-plus-one
}

export async function POST(req: NextRequest) {
  const { items } = (await req.json()) as { items: LineInput[] };

  for (const item of items) {
    const product = await prisma.product.findUnique({ where: { sku: item.sku } }); // expect: n-plus-one
    if (!product) {
      return NextResponse.json({ error: `unknown sku ${item.sku}` }, { status: 400 });
    }
  }

  const prices = await Promise.all(
    items.map(async ({ sku }) => {
      const res = await fetch(`${process.env.PRICING_URL}/prices/${encodeURIComponent(sku)}`, { // expect: n-plus-one
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(3000),
      });
      return res.json() as Promise<{ sku: string; price: number }>; // ok: n-plus-one
    }),
  );

  await prisma.orderLine.createMany({ // ok: n-plus-one
    data: items.map((i, idx) => ({ sku: i.sku, qty: i.qty, unitPrice: prices[idx].price })),
  });
  return NextResponse.json({ ok: true }, { status: 201 });
}

export async function PATCH(req: NextRequest) {
  const updates = (await req.json()) as Array<{ id: string; title: string }>;
  await prisma.$transaction(async (tx) => {
    for (const u of updates) {
      const slug = await slugify(u.title); // ok: n-plus-one
      await tx.order.update({ // expect: n-plus-one
        where: { id: u.id },
        data: { title: u.title, slug },
      });
    }
  });
  return NextResponse.json({ updated: updates.length });
}

export async function DELETE(req: NextRequest) {
  const ids = req.nextUrl.searchParams.getAll('id');
  const { count } = await prisma.order.deleteMany({ where: { id: { in: ids } } }); // ok: n-plus-one
  return NextResponse.json({ count });
}
