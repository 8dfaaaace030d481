// corpus-path: app/posts/[id]/page.tsx
import { revalidatePath } from 'next/cache';
import { notFound } from 'next/navigation';
import db from '@/lib/db';
import { auth } from '@/auth';

export default async function PostPage({ params }: { params: { id: string } }) {
  const post = await db.post.findUnique({ where: { id: params.id } });
  if (!post) notFound();

  async function like() {
    'use server';
    const current = await db.post.findUniqueOrThrow({ where: { id: params.id } });
    await db.post.update({ where: { id: params.id }, data: { likes: current.likes + 1 } }); // expect: read-modify-write-race
    revalidatePath(`/posts/${params.id}`);
  }

  async function unlike() {
    'use server';
    await db.post.update({ where: { id: params.id }, data: { likes: Math.max(0, post!.likes - 1) } }); // expect: read-modify-write-race
    revalidatePath(`/posts/${params.id}`);
  }

  async function bookmark() {
    'use server';
    const session = await auth();
    if (!session) return;
    await db.post.update({ where: { id: params.id }, data: { bookmarks: { increment: 1 } } }); // ok: read-modify-write-race
    revalidatePath(`/posts/${params.id}`);
  }

  async function rename(formData: FormData) {
    'use server';
    const existing = await db.post.findUniqueOrThrow({ where: { id: params.id } });
    if (existing.locked) return;
    await db.post.update({ where: { id: existing.id }, data: { title: String(formData.get('title')), editedAt: new Date() } }); // ok: read-modify-write-race
    revalidatePath(`/posts/${params.id}`);
  }

  return (
    <article>
      <h1>{post.title}</h1>
      <form action={like}>
        <button type="submit">Like ({post.likes})</button>
      </form>
      <form action={unlike}>
        <button type="submit">Unlike</button>
      </form>
      <form action={bookmark}>
        <button type="submit">Bookmark</button>
      </form>
      <form action={rename}>
        <input name="title" defaultValue={post.title} />
        <button type="submit">Rename</button>
      </form>
    </article>
  );
}
