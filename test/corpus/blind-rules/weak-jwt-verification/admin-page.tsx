import jwt from 'jsonwebtoken';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { AdminDashboard } from '@/components/AdminDashboard';
import { db } from '@/lib/db';

type SessionClaims = { sub?: string; role?: string; name?: string };

export async function Greeting() {
  const token = cookies().get('session')?.value;
  const claims = token ? (jwt.decode(token) as SessionClaims | null) : null; // ok: weak-jwt-verification
  return <span className="greeting">Hello, {claims?.name ?? 'guest'}</span>;
}

async function banUser(formData: FormData) {
  'use server';
  const token = cookies().get('session')?.value ?? '';
  const actor = jwt.verify(token, process.env.AUTH_SECRET!, { algorithms: ['HS256'] }) as SessionClaims; // ok: weak-jwt-verification
  if (actor.role !== 'admin') {
    throw new Error('forbidden');
  }
  await db.user.update({ where: { id: String(formData.get('userId')) }, data: { banned: true } });
  revalidatePath('/admin');
}

export default async function AdminPage() {
  const token = cookies().get('session')?.value;
  const claims = token ? (jwt.decode(token) as SessionClaims | null) : null; // expect: weak-jwt-verification
  if (claims?.role !== 'admin') {
    redirect('/login');
  }
  const users = await db.user.findMany({ take: 100 });
  return (
    <main>
      <Greeting />
      <AdminDashboard userName={claims?.name ?? ''} users={users} onBan={banUser} />
    </main>
  );
}
