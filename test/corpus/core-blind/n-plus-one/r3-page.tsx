// app/blog/page.tsx (Next.js server component)
import Link from 'next/link';
import { PrismaClient } from '@prisma/client';

const globalForPrisma = globalThis as unknown as { db?: PrismaClient };
const db = globalForPrisma.db ?? new PrismaClient();

export const revalidate = 60;

export default async function BlogPage({ searchParams }: { searchParams: { tag?: string } }) {
  const posts = await db.post.findMany({
    where: searchParams.tag ? { tags: { has: searchParams.tag } } : undefined,
    orderBy: { publishedAt: 'desc' },
    take: 10,
  });

  const withAuthors = await Promise.all(
    posts.map(async (post) => {
      const author = await db.user.findUnique({ where: { id: post.authorId } }); // ok: n-plus-one
      const comments = await db.comment.findMany({ where: { postId: post.id }, take: 3 }); // expect: n-plus-one
      return { ...post, author, comments };
    }),
  );

  for (const post of withAuthors) {
    (post as any).likes = await db // expect: n-plus-one
      .like
      .count({ where: { postId: post.id } });
  }

  return (
    <main>
      {withAuthors.map((post) => ( // ok: n-plus-one
        <article key={post.id}>
          <Link href={`/blog/${post.slug}`}>{post.title}</Link>
          <p>by {post.author?.name ?? 'anonymous'}</p>
        </article>
      ))}
    </main>
  );
}
