import { drizzle } from 'drizzle-orm/node-postgres';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { Pool } from 'pg';
import * as schema from './schema';
import { priceHistory, products, variants } from './schema';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });
export const db = drizzle(pool, { schema });

type Variant = typeof variants.$inferSelect;

export async function variantsFor(productIds: number[]): Promise<Record<number, Variant[]>> {
  const out: Record<number, Variant[]> = {};
  for (const productId of productIds) {
    out[productId] = await db.select().from(variants).where(eq(variants.productId, productId)); // expect: n-plus-one
  }
  return out;
}

export async function productsWithBrand(slugs: string[]) {
  return Promise.all(
    slugs.map((slug) =>
      db.query.products.findFirst({ // expect: n-plus-one
        where: eq(products.slug, slug),
        with: { brand: true },
      }),
    ),
  );
}

export async function recordPrices(updates: { variantId: number; cents: number }[]): Promise<void> {
  for (let i = 0; i < updates.length; i += 1) {
    const u = updates[i];
    await db.update(variants).set({ priceCents: u.cents }).where(eq(variants.id, u.variantId)); // expect: n-plus-one
    await db.insert(priceHistory).values({ variantId: u.variantId, cents: u.cents }); // expect: n-plus-one
  }
}

export async function stockAcrossWarehouses(warehouseIds: number[]) {
  const results = await Promise.all(
    warehouseIds.flatMap((warehouseId) => db.execute(sql`SELECT sku, qty FROM stock WHERE warehouse_id = ${warehouseId}`)), // expect: n-plus-one
  );
  return results.map((r) => r.rows); // ok: n-plus-one
}

export async function variantsByProduct(productIds: number[]): Promise<Map<number, Variant[]>> {
  const rows = await db.select().from(variants).where(inArray(variants.productId, productIds)); // ok: n-plus-one
  const grouped = new Map<number, Variant[]>();
  for (const row of rows) {
    const list = grouped.get(row.productId) ?? []; // ok: n-plus-one
    list.push(row);
    grouped.set(row.productId, list);
  }
  return grouped;
}

export async function seedHistory(entries: { variantId: number; cents: number }[]): Promise<void> {
  if (entries.length === 0) return;
  await db.insert(priceHistory).values(entries.map((e) => ({ variantId: e.variantId, cents: e.cents }))); // ok: n-plus-one
}

export async function findBySku(sku: string) {
  return db.query.variants.findFirst({ where: and(eq(variants.sku, sku), eq(variants.active, true)) }); // ok: n-plus-one
}
