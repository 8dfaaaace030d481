// corpus-path: app/posts/new/page.tsx
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { cookies } from 'next/headers';
import prisma from '@/lib/prisma';

async function deletePost(formData: FormData) {
  'use server';
  const id = String(formData.get('id') ?? '');
  await prisma.comment.deleteMany({ where: { postId: id } });
  await prisma.post.delete({ where: { id } }); // expect: missing-transaction
  revalidatePath('/posts');
}

async function archivePost(formData: FormData) {
  'use server';
  const id = String(formData.get('id') ?? '');
  await prisma.$transaction([
    prisma.post.update({ where: { id }, data: { archivedAt: new Date() } }),
    prisma.feedEntry.deleteMany({ where: { postId: id } }), // ok: missing-transaction
  ]);
  revalidatePath('/posts');
}

export default async function NewPostPage() {
  async function createPost(formData: FormData) {
    'use server';
    const title = String(formData.get('title') ?? '');
    const authorId = cookies().get('uid')?.value ?? '';
    const post = await prisma.post.create({ data: { title, authorId } });
    await prisma.author.update({ where: { id: authorId }, data: { postCount: { increment: 1 } } }); // expect: missing-transaction
    revalidatePath('/posts');
    redirect(`/posts/${post.id}`);
  }

  async function saveDraft(formData: FormData) {
    'use server';
    const authorId = cookies().get('uid')?.value ?? '';
    const draft = await prisma.draft.upsert({
      where: { authorId },
      create: { authorId, title: String(formData.get('title') ?? '') },
      update: { title: String(formData.get('title') ?? '') },
    });
    cookies().set('draftId', draft.id); // ok: missing-transaction
    revalidatePath('/posts/new');
  }

  return (
    <main>
      <form action={createPost}>
        <input name="title" placeholder="Title" />
        <button type="submit">Publish</button>
        <button formAction={saveDraft}>Save draft</button>
      </form>
      <form action={deletePost}>
        <input type="hidden" name="id" />
        <button type="submit">Delete</button>
      </form>
      <form action={archivePost}>
        <input type="hidden" name="id" />
        <button type="submit">Archive</button>
      </form>
    </main>
  );
}
