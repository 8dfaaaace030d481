'use server';
// app/checkout/actions.ts
import retry from 'async-retry';
import pRetry, { type Options } from 'p-retry';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { inventory, OutOfStockError, type Reservation } from '@/lib/inventory';
import { stripe } from '@/lib/stripe';
import { db } from '@/lib/db';

export async function submitOrder(formData: FormData) {
  const sku = String(formData.get('sku'));
  const order = await retry(
    async (bail) => {
      const res = await db.order.create({ data: { sku } });
      if (!res) bail(new Error('order rejected'));
      return res;
    },
    { retries: 3, factor: 2 }, // ok: unbounded-retry
  );
  await chargeCard(order.id);
  revalidatePath('/orders');
  redirect(`/orders/${order.id}`);
}

async function chargeCard(orderId: string) {
  return pRetry(
    () => stripe.paymentIntents.confirm(orderId),
    ({ retries: Infinity, factor: 1.2 } as Options), // expect: unbounded-retry
  );
}

export async function createLoyaltyCoupon() {
  return stripe.coupons.create({
    percent_off: 10,
    duration: 'forever', // ok: unbounded-retry
  });
}

export async function listAllSkus() {
  return db.product.findMany({ take: Number.MAX_SAFE_INTEGER, select: { sku: true } }); // ok: unbounded-retry
}

export async function syncCart(cartId: string) {
  for (;;) { // expect: unbounded-retry
    const saved = await db.cart
      .update({ where: { id: cartId }, data: { syncedAt: new Date() } })
      .catch(() => undefined);
    if (saved) return saved;
    await new Promise((r) => setTimeout(r, 400));
  }
}

export default async function reserveStock(sku: string, qty = 1): Promise<Reservation> {
  try {
    return await inventory.reserve(sku, qty);
  } catch (err) {
    if (err instanceof OutOfStockError) throw err;
    return reserveStock(sku, qty); // expect: unbounded-retry
  }
}

export async function releaseStock(sku: string, deadlineMs = 5_000) {
  const deadline = Date.now() + deadlineMs;
  while (Date.now() < deadline) { // ok: unbounded-retry
    try {
      return await inventory.release(sku);
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`could not release ${sku}`);
}
