// corpus-path: src/app/orders/[id]/page.tsx
import { notFound } from 'next/navigation';
import { headers } from 'next/headers';
import { OrderSummary } from '@/components/OrderSummary';
import { ShipmentTimeline } from '@/components/ShipmentTimeline';
import type { Order, Shipment } from '@/types/orders';

async function loadOrder(id: string): Promise<Order | null> {
  let lastErr: unknown;
  for (let i = 0; i < 3; i++) { // expect: retry-without-backoff
    try {
      const res = await fetch(`${process.env.ORDERS_API}/orders/${id}`, { cache: 'no-store' });
      if (res.status === 404) return null;
      if (!res.ok) throw new Error(`orders api responded ${res.status}`);
      return (await res.json()) as Order;
    } catch (err) {
      lastErr = err;
    }
  }
  throw lastErr;
}

async function loadShipments(orderId: string, attempt = 1): Promise<Shipment[]> {
  try {
    const res = await fetch(`${process.env.SHIPPING_API}/orders/${orderId}/shipments`, { cache: 'no-store' });
    if (!res.ok) throw new Error(`shipping api responded ${res.status}`);
    return (await res.json()) as Shipment[];
  } catch (err) {
    if (attempt >= 3) return [];
    const waitMs = 100 * 2 ** attempt + Math.random() * 100;
    await new Promise((resolve) => setTimeout(resolve, waitMs));
    return loadShipments(orderId, attempt + 1); // ok: retry-without-backoff
  }
}

export default async function OrderPage({ params }: { params: { id: string } }) {
  const locale = headers().get('accept-language')?.split(',')[0] ?? 'en';
  const order = await loadOrder(params.id);
  if (!order) notFound();
  const shipments = await loadShipments(order.id);

  return (
    <main className="order-page">
      <OrderSummary order={order} locale={locale} />
      <ShipmentTimeline shipments={shipments} />
    </main>
  );
}
