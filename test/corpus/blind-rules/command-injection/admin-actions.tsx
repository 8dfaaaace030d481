// corpus-path: app/admin/maintenance/page.tsx
import { execSync as sh, spawn } from 'node:child_process';
import { revalidatePath } from 'next/cache';
import { auth } from '@/lib/auth';

async function clearCache(formData: FormData) {
  'use server';
  const session = await auth();
  if (!session?.user?.isAdmin) throw new Error('forbidden');
  const namespace = String(formData.get('namespace'));
  sh(`redis-cli --scan --pattern '${namespace}:*' | xargs redis-cli del`); // expect: command-injection
  revalidatePath('/admin/maintenance');
}

async function restartWorkers() {
  'use server';
  sh('pm2 restart workers --update-env'); // ok: command-injection
  revalidatePath('/admin/maintenance');
}

async function tailLogs(formData: FormData): Promise<string> {
  'use server';
  const lines = Number(formData.get('lines') ?? 100);
  const service = formData.get('service') as string;
  const child = spawn('journalctl', ['-u', service, '-n', String(lines)], { shell: true }); // expect: command-injection
  const chunks: Buffer[] = [];
  for await (const c of child.stdout) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString();
}

async function tailLogsSafe(formData: FormData): Promise<string> {
  'use server';
  const service = formData.get('service') as string;
  const child = spawn('journalctl', ['-u', service, '-n', '100']); // ok: command-injection
  const chunks: Buffer[] = [];
  for await (const c of child.stdout) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString();
}

export default async function MaintenancePage() {
  const sha = sh('git rev-parse --short HEAD').toString().trim(); // ok: command-injection
  return (
    <main>
      <p>Build {sha}</p>
      <form action={clearCache}>
        <input name="namespace" placeholder="sessions" />
        <button type="submit">Clear cache</button>
      </form>
      <form action={restartWorkers}>
        <button type="submit">Restart workers</button>
      </form>
      <form action={tailLogs}>
        <input name="service" placeholder="api" />
        <button type="submit">Tail</button>
      </form>
      <form action={tailLogsSafe}>
        <input name="service" placeholder="api" />
        <button type="submit">Tail (safe)</button>
      </form>
    </main>
  );
}
