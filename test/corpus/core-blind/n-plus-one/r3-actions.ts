'use server';
// app/(shop)/actions.ts: Next.js server actions on drizzle-orm
import { drizzle } from 'drizzle-orm/node-postgres';
import { and, eq, inArray } from 'drizzle-orm';
import { Pool } from 'pg';
import { revalidatePath } from 'next/cache';
import * as schema from '@/db/schema';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });
const db = drizzle(pool, { schema });

export async function addToWishlist(userId: string, productIds: string[]) {
  for (const productId of productIds) {
    const existing = await db.query.wishlistItems.findFirst({ // expect: n-plus-one
      where: (w, ops) => ops.and(ops.eq(w.userId, userId), ops.eq(w.productId, productId)),
    });
    if (existing) continue;
    await db.insert(schema.wishlistItems).values({ userId, productId }); // expect: n-plus-one
  }
  revalidatePath('/wishlist');
}

export async function cartTotals(cartIds: number[]) {
  const lines = await db // ok: n-plus-one
    .select()
    .from(schema.cartLines)
    .where(inArray(schema.cartLines.cartId, cartIds));
  const totals = new Map<number, number>();
  for (const line of lines) {
    totals.set(line.cartId, (totals.get(line.cartId) ?? 0) + line.qty * line.unitPrice); // ok: n-plus-one
  }
  return Object.fromEntries(totals);
}

export async function reorder(orderIds: number[]) {
  const perOrder = await Promise.all(
    orderIds.map((orderId) =>
      db // expect: n-plus-one
        .select({ sku: schema.orderLines.sku, qty: schema.orderLines.qty })
        .from(schema.orderLines)
        .where(eq(schema.orderLines.orderId, orderId)),
    ),
  );
  return perOrder.flat();
}

export async function stockBySku(skus: string[]) {
  const result: Record<string, number> = {};
  let idx = 0;
  do {
    const [row] = await db.select({ stock: schema.products.stock }).from(schema.products).where(eq(schema.products.sku, skus[idx])); // expect: n-plus-one
    result[skus[idx]] = row?.stock ?? 0;
    idx++;
  } while (idx < skus.length);
  return result;
}

export async function archiveCategories({ ids, reason = 'manual' }: { ids: number[]; reason?: string }) {
  const rows = (
    await Promise.all(
      ids.flatMap(async (categoryId) => {
        const children = await db.query.categories.findMany({ where: (c, ops) => ops.eq(c.parentId, categoryId) }); // expect: n-plus-one
        return children.map((c) => ({ id: c.id, reason })); // ok: n-plus-one
      }),
    )
  ).flat();
  await db.insert(schema.archivedCategories).values(rows); // ok: n-plus-one
  return rows.length;
}

export async function productCards(skus: string[]) {
  const rows = await db.query.products.findMany({ // ok: n-plus-one
    where: (p, ops) => ops.inArray(p.sku, skus),
    with: { images: true },
  });
  return skus.map((sku) => rows.find((r) => r.sku === sku) ?? null); // ok: n-plus-one
}

export async function unusedFilter(userId: string) {
  return and(eq(schema.wishlistItems.userId, userId));
}
