// corpus-path: app/api/payouts/[id]/route.ts
import { NextRequest, NextResponse } from 'next/server';
import { and, eq, inArray, ne } from 'drizzle-orm';
import { db } from '@/db';
import { payouts, payoutEvents } from '@/db/schema';
import { auth } from '@/lib/auth';

type Ctx = { params: { id: string } };

export async function POST(req: NextRequest, { params }: Ctx) {
  const session = await auth();
  if (!session) return NextResponse.json({ error: 'unauthorized' }, { status: 401 });
  const { action, reason } = await req.json();

  if (action === 'approve') {
    const rows = await db.update(payouts).set({ status: 'approved', approvedBy: session.user.id }).where(and(eq(payouts.id, params.id), eq(payouts.status, 'pending'))).returning(); // ok: unguarded-status-transition
    if (rows.length === 0) return NextResponse.json({ error: 'not pending' }, { status: 409 });
  }

  if (action === 'pay') {
    await db.update(payouts).set({ status: 'paid', paidAt: new Date() }).where(eq(payouts.id, params.id)); // expect: unguarded-status-transition
  }

  if (action === 'fail') {
    await db.update(payouts).set({ status: 'failed', failureReason: reason }).where(eq(payouts.id, params.id)).returning(); // expect: unguarded-status-transition
  }

  if (action === 'retry') {
    await db.update(payouts).set({ status: 'pending', failureReason: null }).where(and(eq(payouts.id, params.id), inArray(payouts.status, ['failed', 'returned']))); // ok: unguarded-status-transition
  }

  if (action === 'cancel') {
    await db.update(payouts).set({ status: 'cancelled' }).where(and(eq(payouts.id, params.id), ne(payouts.status, 'paid'))); // ok: unguarded-status-transition
  }

  if (action === 'note') {
    await db.update(payouts).set({ note: reason }).where(eq(payouts.id, params.id)); // ok: unguarded-status-transition
  }

  await db.insert(payoutEvents).values({ payoutId: params.id, action, status: 'recorded' }); // ok: unguarded-status-transition
  return NextResponse.json({ ok: true }, { status: 200 }); // ok: unguarded-status-transition
}

export async function DELETE(_req: NextRequest, { params }: Ctx) {
  const batch = await db.query.payouts.findFirst({ where: eq(payouts.id, params.id) });
  if (!batch) return NextResponse.json({ error: 'not found' }, { status: 404 });
  await db.update(payouts).set({ status: 'cancelled' }).where(eq(payouts.batchId, batch.batchId)); // expect: unguarded-status-transition
  return new NextResponse(null, { status: 204 });
}
