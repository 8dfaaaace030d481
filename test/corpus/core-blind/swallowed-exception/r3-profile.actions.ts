'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { cookies } from 'next/headers';
import { eq } from 'drizzle-orm';
import { db } from '@/db';
import { users, newsletter } from '@/db/schema';
import { logger as log } from '@/lib/logger';

export type ActionState = { ok: boolean; message?: string };

async function currentUserId(): Promise<string> {
  const store = await cookies();
  const raw = store.get('session')?.value;
  try {
    return JSON.parse(atob(raw ?? '')).uid as string;
  } catch (e) { // ok: swallowed-exception
    throw new Error('Not signed in');
  }
}

export async function updateDisplayName(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const name = String(formData.get('name') ?? '').trim();
  try {
    await db.update(users).set({ name }).where(eq(users.id, await currentUserId()));
  } catch { // expect: swallowed-exception
    return { ok: false, message: 'Could not save your name' };
  }
  revalidatePath('/settings');
  return { ok: true };
}

export async function deleteAccount(formData: FormData) {
  if (formData.get('confirm') !== 'DELETE') return;
  try {
    await db.delete(users).where(eq(users.id, await currentUserId()));
  } catch (err) { // ok: swallowed-exception
    log.error({ err }, 'account deletion failed');
    return;
  }
  (await cookies()).delete('session');
  redirect('/goodbye');
}

export async function subscribeNewsletter(
  email: string,
  { source = 'footer', tags = [] as string[] } = {},
) {
  let subscribed = false;
  try {
    await db.insert(newsletter).values({ email, source, tags });
    subscribed = true;
  } catch { // expect: swallowed-exception
    subscribed = false;
  }
  return subscribed;
}

export const touchLastSeen = async (uid: string) =>
  void db
    .update(users)
    .set({ lastSeen: new Date() })
    .where(eq(users.id, uid))
    .catch(
      function ignore() {}, // expect: swallowed-exception
    );

export async function exportData() {
  const uid = await currentUserId();
  return db
    .select()
    .from(users)
    .where(eq(users.id, uid))
    .then(
      (rows) => rows[0] ?? null,
      (e) => { // ok: swallowed-exception
        console.warn('export failed');
        return null;
      },
    );
}

export async function dismissBanner(id: string) {
  const store = await cookies();
  await Promise.resolve(store.set(`banner:${id}`, '1')).then(undefined, () => {}); // expect: swallowed-exception
}
