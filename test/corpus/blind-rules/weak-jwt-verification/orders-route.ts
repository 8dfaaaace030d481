import { NextRequest, NextResponse } from 'next/server';
import { cookies } from 'next/headers';
import { verify, decode, type JwtPayload, type Algorithm } from 'jsonwebtoken';
import { db } from '@/lib/db';

const SECRET = process.env.AUTH_SECRET!;
const algorithms: Algorithm[] = ['HS256'];

export async function GET(req: NextRequest) {
  const token = cookies().get('session')?.value;
  if (!token) {
    return NextResponse.json({ error: 'unauthenticated' }, { status: 401 });
  }
  const session = verify(token, SECRET) as JwtPayload; // expect: weak-jwt-verification
  const orders = await db.order.findMany({ where: { userId: session.sub }, take: 50 });
  return NextResponse.json(orders);
}

export async function POST(req: NextRequest) {
  const token = cookies().get('session')?.value ?? '';
  const session = verify(token, SECRET, { algorithms: ['HS256'] }) as JwtPayload; // ok: weak-jwt-verification
  const body = await req.json();
  const order = await db.order.create({ data: { userId: session.sub!, items: body.items } });
  return NextResponse.json(order, { status: 201 });
}

export async function PATCH(req: NextRequest) {
  const token = cookies().get('session')?.value ?? '';
  const session = verify(token, SECRET, { algorithms }) as JwtPayload; // ok: weak-jwt-verification
  const body = await req.json();
  const order = await db.order.update({ where: { id: body.id, userId: session.sub }, data: { note: body.note } });
  return NextResponse.json(order);
}

export async function PUT(req: NextRequest) {
  const token = req.headers.get('authorization')?.slice(7) ?? '';
  const session = verify(token, SECRET, { ignoreExpiration: true, algorithms: ['HS256'] }) as JwtPayload; // expect: weak-jwt-verification
  const body = await req.json();
  const order = await db.order.update({ where: { id: body.id, userId: session.sub }, data: { status: 'confirmed' } });
  return NextResponse.json(order);
}

export async function DELETE(req: NextRequest) {
  const token = req.headers.get('authorization')?.slice(7) ?? '';
  const claims = decode(token) as JwtPayload | null; // expect: weak-jwt-verification
  if (!claims?.permissions?.includes('orders:delete')) {
    return NextResponse.json({ error: 'forbidden' }, { status: 403 });
  }
  const id = req.nextUrl.searchParams.get('id');
  await db.order.delete({ where: { id: id! } });
  return new NextResponse(null, { status: 204 });
}

export async function HEAD(req: NextRequest) {
  const token = cookies().get('session')?.value ?? '';
  verify(token, SECRET, { algorithms: [process.env.JWT_ALG as Algorithm] }); // ok: weak-jwt-verification
  return new NextResponse(null, { status: 200 });
}
