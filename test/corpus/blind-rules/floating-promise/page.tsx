// corpus-path: app/orders/[id]/page.tsx
import { notFound } from 'next/navigation';
import { headers } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { getOrder } from '@/lib/orders';
import { db } from '@/lib/db';
import OrderSummary from '@/components/OrderSummary';

async function recordPageView(orderId: string, userAgent: string | null): Promise<void> {
  await db.pageView.create({ data: { path: `/orders/${orderId}`, userAgent: userAgent ?? 'unknown' } });
}

function formatTotal(cents: number, currency = 'EUR'): string {
  return new Intl.NumberFormat('en-GB', { style: 'currency', currency }).format(cents / 100);
}

async function refreshOrder(formData: FormData) {
  'use server';
  const id = String(formData.get('id'));
  await db.order.update({ where: { id }, data: { refreshedAt: new Date() } });
  recordPageView(id, 'server-action'); // expect: floating-promise
  revalidatePath(`/orders/${id}`); // ok: floating-promise
}

export default async function OrderPage({ params }: { params: { id: string } }) {
  const order = await getOrder(params.id);
  if (!order) notFound(); // ok: floating-promise
  recordPageView(order.id, headers().get('user-agent')); // expect: floating-promise
  return (
    <form action={refreshOrder}>
      <input type="hidden" name="id" value={order.id} />
      <OrderSummary order={order} total={formatTotal(order.totalCents, order.currency)} />
      <button type="submit">Refresh</button>
    </form>
  );
}
