import Stripe from 'stripe';
import { notFound } from 'next/navigation';
import { CheckoutForm } from './checkout-form';
import { getOrder } from '@/lib/orders';

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY as string);

export default async function CheckoutPage({ params }: { params: { orderId: string } }) {
  const order = await getOrder(params.orderId);
  if (!order) notFound();

  const price = await stripe.prices.retrieve(order.priceId); // ok: missing-idempotency-key
  // Runs on every render / refresh of the page.
  const intent = await stripe.paymentIntents.create({ // expect: missing-idempotency-key
    amount: price.unit_amount ?? order.totalCents,
    currency: price.currency,
    metadata: { orderId: order.id },
  });

  return (
    <main className="mx-auto max-w-lg">
      <h1>Pay for order {order.number}</h1>
      <CheckoutForm clientSecret={intent.client_secret ?? ''} orderId={order.id} />
    </main>
  );
}

export async function OrderSummary({ orderId }: { orderId: string }) {
  const order = await getOrder(orderId);
  const intent = await stripe.paymentIntents.create( // ok: missing-idempotency-key
    { amount: order.totalCents, currency: 'eur' },
    { idempotencyKey: `order-summary-${order.id}` },
  );
  return <CheckoutForm clientSecret={intent.client_secret ?? ''} orderId={order.id} />;
}
