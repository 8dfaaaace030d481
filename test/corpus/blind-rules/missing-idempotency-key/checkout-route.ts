import { NextResponse, type NextRequest } from 'next/server';
import StripeSDK from 'stripe';
import { auth } from '@/lib/auth';
import { getCart } from '@/lib/cart';

const stripe = new StripeSDK(process.env.STRIPE_SECRET_KEY!, { apiVersion: '2024-06-20', typescript: true });

export async function POST(req: NextRequest) {
  const session = await auth();
  if (!session?.user) return NextResponse.json({ error: 'unauthorized' }, { status: 401 });
  const { cartId, mode } = await req.json();
  const cart = await getCart(cartId);

  if (mode === 'hosted') {
    const checkout = await stripe.checkout.sessions.create({ // ok: missing-idempotency-key
      mode: 'payment',
      line_items: cart.items.map((i) => ({ price: i.priceId, quantity: i.quantity })),
      success_url: `${process.env.APP_URL}/orders/success`,
      cancel_url: `${process.env.APP_URL}/cart`,
    });
    return NextResponse.json({ url: checkout.url });
  }

  if (mode === 'element') {
    const intent = await stripe.paymentIntents.create( // ok: missing-idempotency-key
      { amount: cart.totalCents, currency: cart.currency, automatic_payment_methods: { enabled: true } },
      { idempotencyKey: `cart-${cart.id}-rev-${cart.revision}` },
    );
    return NextResponse.json({ clientSecret: intent.client_secret });
  }

  const intent = await stripe.paymentIntents.create({ amount: cart.totalCents, currency: cart.currency, customer: session.user.stripeCustomerId }); // expect: missing-idempotency-key
  return NextResponse.json({ clientSecret: intent.client_secret });
}

export async function PUT(req: NextRequest) {
  const { intentId, cartId } = await req.json();
  const cart = await getCart(cartId);
  const intent = await stripe.paymentIntents.update(intentId, { amount: cart.totalCents }); // ok: missing-idempotency-key
  return NextResponse.json({ clientSecret: intent.client_secret });
}

export async function PATCH(req: NextRequest) {
  const { customerId } = await req.json();
  const setup = await stripe.setupIntents.create({ customer: customerId, usage: 'off_session' }); // ok: missing-idempotency-key
  return NextResponse.json({ clientSecret: setup.client_secret });
}
