import { NextRequest, NextResponse } from 'next/server';
import { getServerSession } from 'next-auth';
import { prisma } from '@/lib/prisma';
import { authOptions } from '@/lib/auth';

export const dynamic = 'force-dynamic';

export async function getCategories() {
  return prisma.category.findMany({ orderBy: { name: 'asc' } }); // expect: unbounded-query
}

export async function GET(request: NextRequest) {
  const { searchParams } = request.nextUrl;
  const tag = searchParams.get('tag');
  const mine = searchParams.get('mine') === '1';

  if (tag) {
    const tagged = await prisma.post.findMany({ where: { tags: { some: { name: tag } } }, take: 50 }); // ok: unbounded-query
    return NextResponse.json(tagged);
  }

  if (mine) {
    const session = await getServerSession(authOptions);
    if (!session?.user?.id) return NextResponse.json({ error: 'unauthorized' }, { status: 401 });
    const own = await prisma.post.findMany({ where: { authorId: session.user.id } }); // ok: unbounded-query
    return NextResponse.json(own);
  }

  if (searchParams.has('page')) {
    const page = Math.max(1, Number(searchParams.get('page')));
    const take = Math.min(Number(searchParams.get('limit') ?? 20), 100);
    const paged = await prisma.post.findMany({ take, skip: (page - 1) * take }); // ok: unbounded-query
    return NextResponse.json(paged);
  }

  const posts = await prisma.post.findMany({ // expect: unbounded-query
    orderBy: { publishedAt: 'desc' },
    include: { author: { select: { name: true, image: true } } },
  });
  return NextResponse.json(posts);
}

export async function POST(request: NextRequest) {
  const session = await getServerSession(authOptions);
  if (!session?.user?.id) return NextResponse.json({ error: 'unauthorized' }, { status: 401 });
  const body = await request.json();
  const post = await prisma.post.create({ data: { title: body.title, content: body.content, authorId: session.user.id } });
  return NextResponse.json(post, { status: 201 });
}
