'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { cookies } from 'next/headers';

type Post = { id: string; title: string; slug: string };

export async function createPost(formData: FormData) {
  const token = cookies().get('session')?.value; // ok: missing-timeout
  const res = await fetch(`${process.env.CMS_URL}/posts`, { // expect: missing-timeout
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ title: formData.get('title'), body: formData.get('body') }),
  });
  const post = (await res.json()) as Post;
  revalidatePath('/blog');
  redirect(`/blog/${post.slug}`);
}

export async function deletePost(id: string) {
  await fetch(`${process.env.CMS_URL}/posts/${id}`, { method: 'DELETE', signal: AbortSignal.timeout(3_000) }); // ok: missing-timeout
  revalidatePath('/blog');
}

export async function publishPost(id: string, { notify = true }: { notify?: boolean } = {}) {
  await fetch(`${process.env.CMS_URL}/posts/${id}/publish`, { method: 'POST' }); // expect: missing-timeout
  if (notify) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 4_000);
    try {
      await fetch(`${process.env.NOTIFY_URL}/broadcast`, { method: 'POST', body: id, signal: controller.signal }); // ok: missing-timeout
    } finally {
      clearTimeout(timer);
    }
  }
  revalidatePath(`/blog`);
}

export async function searchPosts(query: string): Promise<Post[]> {
  const res = await fetch(`${process.env.SEARCH_URL}/posts?q=${encodeURIComponent(query)}`); // expect: missing-timeout
  return res.json();
}

export async function proxyCms(path: string, init?: RequestInit) {
  return fetch(`${process.env.CMS_URL}${path}`, init); // ok: missing-timeout
}

export async function schedulePost(id: string, at: Date, signal?: AbortSignal) {
  const res = await fetch(`${process.env.CMS_URL}/posts/${id}/schedule`, { method: 'POST', body: JSON.stringify({ at }), signal }); // ok: missing-timeout
  return res.ok;
}

export const warmCache = async (slugs: string[]) =>
  Promise.all(slugs.map((slug) => fetch(`${process.env.SITE_URL}/blog/${slug}`, { method: 'HEAD' }))); // expect: missing-timeout
