// corpus-path: app/api/inventory/[sku]/route.ts
import { NextRequest, NextResponse } from 'next/server';
import { z } from 'zod';
import { prisma } from '@/lib/prisma';

const Purchase = z.object({ qty: z.number().int().positive() });
const SetStock = z.object({ stock: z.number().int().min(0) });
const Adjust = z.object({ delta: z.number().int(), version: z.number().int() });

type Ctx = { params: { sku: string } };

export async function POST(req: NextRequest, { params }: Ctx) {
  const { qty } = Purchase.parse(await req.json());
  const item = await prisma.inventoryItem.findUnique({ where: { sku: params.sku } });
  if (!item) return NextResponse.json({ error: 'not found' }, { status: 404 });
  if (item.stock < qty) return NextResponse.json({ error: 'insufficient stock' }, { status: 409 });
  const updated = await prisma.inventoryItem.update({ where: { sku: params.sku }, data: { stock: item.stock - qty } }); // expect: read-modify-write-race
  return NextResponse.json(updated);
}

// Admin sets an absolute stock level after a physical count: value comes from the request.
export async function PATCH(req: NextRequest, { params }: Ctx) {
  const { stock } = SetStock.parse(await req.json());
  const item = await prisma.inventoryItem.findUnique({ where: { sku: params.sku } });
  if (!item) return NextResponse.json({ error: 'not found' }, { status: 404 });
  const updated = await prisma.inventoryItem.update({ where: { id: item.id }, data: { stock, countedAt: new Date() } }); // ok: read-modify-write-race
  return NextResponse.json(updated);
}

// Optimistic concurrency: client sends the version it saw.
export async function PUT(req: NextRequest, { params }: Ctx) {
  const { delta, version } = Adjust.parse(await req.json());
  const item = await prisma.inventoryItem.findUniqueOrThrow({ where: { sku: params.sku } });
  const { count } = await prisma.inventoryItem.updateMany({ // ok: read-modify-write-race
    where: { id: item.id, version },
    data: { stock: item.stock + delta, version: { increment: 1 } },
  });
  if (count === 0) return NextResponse.json({ error: 'stale version' }, { status: 409 });
  return NextResponse.json({ ok: true });
}

export async function reserve(sku: string, qty: number) {
  const item = await prisma.inventoryItem.findUnique({ where: { sku } });
  if (!item) throw new Error(`unknown sku ${sku}`);
  const { count } = await prisma.inventoryItem.updateMany({ // ok: read-modify-write-race
    where: { id: item.id, stock: { gte: qty } },
    data: { stock: { decrement: qty }, reserved: { increment: qty } },
  });
  return count === 1;
}

export async function releaseReservation(sku: string, qty: number) {
  const item = await prisma.inventoryItem.findUniqueOrThrow({ where: { sku } });
  const nextReserved = Math.max(0, item.reserved - qty);
  const nextStock = item.stock + qty;
  await prisma.inventoryItem.update({ // expect: read-modify-write-race
    where: { id: item.id },
    data: { reserved: nextReserved, stock: nextStock },
  });
}
