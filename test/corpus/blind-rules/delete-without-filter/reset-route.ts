// corpus-path: app/api/admin/reset/route.ts
import { NextRequest, NextResponse } from 'next/server';
import prisma from '@/lib/prisma';
import { getServerSession } from 'next-auth';
import { authOptions } from '@/lib/auth';

export async function DELETE(req: NextRequest) {
  const session = await getServerSession(authOptions);
  if (!session?.user?.isAdmin) {
    return NextResponse.json({ error: 'forbidden' }, { status: 403 });
  }

  const scope = req.nextUrl.searchParams.get('scope');
  if (scope === 'all') {
    await prisma.$executeRaw`DELETE FROM "Session"`; // expect: delete-without-filter
    await prisma.$executeRawUnsafe('UPDATE "User" SET "emailVerified" = NULL'); // expect: delete-without-filter
    await prisma.draft.deleteMany(); // expect: delete-without-filter
    return NextResponse.json({ ok: true });
  }

  await prisma.$executeRaw`DELETE FROM "Session" WHERE "userId" = ${session.user.id}`; // ok: delete-without-filter
  await prisma.$executeRaw`UPDATE "User" SET "lastSeen" = now() WHERE id = ${session.user.id}`; // ok: delete-without-filter
  await prisma.draft.deleteMany({ where: { ownerId: session.user.id } }); // ok: delete-without-filter
  return NextResponse.json({ ok: true });
}
