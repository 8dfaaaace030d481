// corpus-path: app/api/checkout/route.ts
import { NextResponse, type NextRequest } from 'next/server';
import { eq, sql } from 'drizzle-orm';
import { db } from '@/db';
import * as schema from '@/db/schema';
import { carts, cartItems, orders, orderItems as lineItems } from '@/db/schema';
import { auth } from '@/auth';

export async function POST(req: NextRequest) {
  const session = await auth();
  if (!session?.user) return NextResponse.json({ error: 'unauthorized' }, { status: 401 });
  const cart = await db.query.carts.findFirst({
    where: eq(carts.userId, session.user.id),
    with: { items: true },
  });
  if (!cart) return NextResponse.json({ error: 'empty cart' }, { status: 400 });
  const [order] = await db.insert(orders).values({ userId: session.user.id, totalCents: cart.totalCents }).returning();
  await db.insert(lineItems).values(cart.items.map((i) => ({ orderId: order.id, sku: i.sku, qty: i.qty }))); // expect: missing-transaction
  await db.delete(cartItems).where(eq(cartItems.cartId, cart.id));
  return NextResponse.json({ orderId: order.id }, { status: 201 });
}

export async function DELETE(req: NextRequest) {
  const cartId = new URL(req.url).searchParams.get('cartId') ?? '';
  await db.delete(schema.cartItems).where(eq(schema.cartItems.cartId, cartId));
  await db.delete(schema.carts).where(eq(schema.carts.id, cartId)); // expect: missing-transaction
  return new NextResponse(null, { status: 204 });
}

async function applyPromo(cartId: string, code: string) {
  await db
    .update(schema.promoCodes)
    .set({ uses: sql`${schema.promoCodes.uses} + 1` })
    .where(eq(schema.promoCodes.code, code));
  await db.update(carts).set({ promoCode: code }).where(eq(carts.id, cartId)); // expect: missing-transaction
}

async function recalcTotal(cartId: string) {
  const items = await db.select().from(cartItems).where(eq(cartItems.cartId, cartId));
  const totalCents = items.reduce((sum, i) => sum + i.priceCents * i.qty, 0);
  await db.update(carts).set({ totalCents }).where(eq(carts.id, cartId)); // ok: missing-transaction
}

export async function PATCH(req: NextRequest) {
  const { cartId, code } = await req.json();
  await applyPromo(cartId, code);
  await recalcTotal(cartId); // ok: missing-transaction
  return NextResponse.json({ ok: true });
}

export async function PUT(req: NextRequest) {
  const { cartId, sku, qty } = await req.json();
  await db.transaction(async (tx) => {
    await tx
      .insert(cartItems)
      .values({ cartId, sku, qty })
      .onConflictDoUpdate({ target: [cartItems.cartId, cartItems.sku], set: { qty } });
    await tx.update(carts).set({ updatedAt: new Date() }).where(eq(carts.id, cartId)); // ok: missing-transaction
  });
  return NextResponse.json({ ok: true });
}
