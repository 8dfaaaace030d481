// corpus-path: app/api/posts/route.ts
import { NextResponse, type NextRequest } from 'next/server';
import { getServerSession } from 'next-auth';
import { prisma } from '@/lib/prisma';
import { authOptions } from '@/lib/auth';

export async function GET(req: NextRequest) {
  const page = Number(req.nextUrl.searchParams.get('page') ?? '1');
  try {
    const posts = await prisma.post.findMany({ take: 20, skip: (page - 1) * 20, orderBy: { createdAt: 'desc' } });
    return NextResponse.json(posts);
  } catch (error) {
    console.error('Failed to fetch posts'); // expect: error-context-lost
    return NextResponse.json({ error: 'Internal Server Error' }, { status: 500 }); // ok: error-context-lost
  }
}

export async function POST(req: NextRequest) {
  const session = await getServerSession(authOptions);
  if (!session?.user) {
    return NextResponse.json({ error: 'Unauthorized' }, { status: 401 });
  }
  let body: { title?: string; content?: string };
  try {
    body = await req.json();
  } catch {
    return NextResponse.json({ error: 'Invalid JSON' }, { status: 400 }); // ok: error-context-lost
  }
  try {
    const post = await prisma.post.create({
      data: { title: body.title ?? '', content: body.content ?? '', authorId: session.user.id },
    });
    return NextResponse.json(post, { status: 201 });
  } catch (error) {
    console.error('Failed to create post:', error); // ok: error-context-lost
    return NextResponse.json({ error: 'Internal Server Error' }, { status: 500 });
  }
}

export async function PATCH(req: NextRequest) {
  try {
    const { id, title } = await req.json();
    const post = await prisma.post.update({ where: { id }, data: { title } });
    return NextResponse.json(post);
  } catch (err) {
    console.error('PATCH /api/posts failed', { message: (err as Error).message }); // ok: error-context-lost
    return NextResponse.json({ error: 'Update failed' }, { status: 500 });
  }
}

export async function DELETE(req: NextRequest) {
  const id = req.nextUrl.searchParams.get('id');
  if (!id) {
    console.warn('DELETE /api/posts called without id'); // ok: error-context-lost
    return NextResponse.json({ error: 'id required' }, { status: 400 });
  }
  try {
    await prisma.post.delete({ where: { id } });
    return new NextResponse(null, { status: 204 });
  } catch (e) {
    console.log(`Delete failed for post ${id}`); // expect: error-context-lost
    return NextResponse.json({ error: 'Delete failed' }, { status: 500 });
  }
}
