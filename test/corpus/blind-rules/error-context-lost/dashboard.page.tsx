// corpus-path: app/dashboard/page.tsx
import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { cookies } from 'next/headers';
import { logger } from '@/lib/logger';
import { fetchDashboard, fetchRecent, archiveProject } from '@/lib/api';

async function archive(formData: FormData) {
  'use server';
  const projectId = String(formData.get('projectId'));
  try {
    await archiveProject(projectId);
  } catch (err) {
    logger.error('archive project failed', { projectId }); // expect: error-context-lost
    throw new Error('Could not archive project'); // expect: error-context-lost
  }
  revalidatePath('/dashboard');
}

export default async function DashboardPage() {
  const token = cookies().get('session')?.value;
  if (!token) {
    redirect('/login');
  }
  let data: Awaited<ReturnType<typeof fetchDashboard>>;
  try {
    data = await fetchDashboard(token);
  } catch (err) {
    logger.error('dashboard fetch failed', { err }); // ok: error-context-lost
    throw new Error('Dashboard is temporarily unavailable', { cause: err }); // ok: error-context-lost
  }
  const recent = await fetchRecent(token).catch(() => []); // ok: error-context-lost

  return (
    <main className="dashboard">
      <h1>{data.title}</h1>
      <ul>
        {recent.map((p: { id: string; name: string }) => (
          <li key={p.id}>
            {p.name}
            <form action={archive}>
              <input type="hidden" name="projectId" value={p.id} />
              <button type="submit">Archive</button>
            </form>
          </li>
        ))}
      </ul>
    </main>
  );
}
