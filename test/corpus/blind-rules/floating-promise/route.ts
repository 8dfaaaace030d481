// corpus-path: app/api/checkout/route.ts
import { NextRequest, NextResponse } from 'next/server';
import { revalidateTag } from 'next/cache';
import { waitUntil } from '@vercel/functions';
import Stripe from 'stripe';
import { prisma } from '@/lib/prisma';

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);

async function trackCheckout(userId: string, amountCents: number) {
  await fetch(process.env.ANALYTICS_URL!, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ event: 'checkout', userId, amountCents }),
  });
}

function warmPricingCache(): Promise<void> {
  return prisma.price.findMany({ where: { active: true }, take: 200 }).then(() => undefined);
}

const notifySlack = async (text: string): Promise<void> => {
  await fetch(process.env.SLACK_WEBHOOK_URL!, { method: 'POST', body: JSON.stringify({ text }) });
};

function cartTag(userId: string): string {
  return `cart:${userId}`;
}

export async function POST(req: NextRequest) {
  const body = (await req.json()) as { userId: string; amountCents: number; priceId: string };
  const session = await stripe.checkout.sessions.create({
    mode: 'payment',
    line_items: [{ price: body.priceId, quantity: 1 }],
    success_url: `${process.env.APP_URL}/checkout/success`,
  });
  trackCheckout(body.userId, body.amountCents); // expect: floating-promise
  revalidateTag(cartTag(body.userId)); // ok: floating-promise
  if (body.amountCents > 100_000) notifySlack(`Large checkout by ${body.userId}`); // expect: floating-promise
  return NextResponse.json({ url: session.url });
}

export async function GET() {
  warmPricingCache() // expect: floating-promise
    .finally(() => console.log('pricing cache warm-up finished'));
  const prices = await prisma.price.findMany({ where: { active: true }, take: 100 });
  return NextResponse.json(prices);
}

export async function PUT(req: NextRequest) {
  const { userId } = (await req.json()) as { userId: string };
  waitUntil(trackCheckout(userId, 0)); // ok: floating-promise
  return NextResponse.json({ ok: true });
}

export async function DELETE(req: NextRequest) {
  const userId = req.nextUrl.searchParams.get('userId') ?? '';
  const tracking = trackCheckout(userId, 0); // ok: floating-promise
  await prisma.cartItem.deleteMany({ where: { userId } });
  await tracking;
  return notifySlack(`cart cleared for ${userId}`).then( // ok: floating-promise
    () => NextResponse.json({ cleared: true }),
  );
}
