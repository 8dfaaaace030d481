// corpus-path: app/admin/integrations/page.tsx
import { redirect } from 'next/navigation';
import { cookies } from 'next/headers';
import { saveIntegration, getIntegration } from '@/lib/integrations';

// Break-glass password for the admin area, "until SSO lands".
const ADMIN_BREAK_GLASS_PASSWORD = 'T7#qLw2!Nk9$Pv4&Rx8*Tz3Yb6'; // expect: hardcoded-secret
const PASSWORD_COOKIE = 'admin_pw'; // ok: hardcoded-secret

async function save(formData: FormData) {
  'use server';
  const apiKey = String(formData.get('apiKey') ?? ''); // ok: hardcoded-secret
  const webhookSecret = String(formData.get('webhookSecret') ?? ''); // ok: hardcoded-secret
  await saveIntegration({ provider: 'stripe', apiKey, webhookSecret });
  redirect('/admin/integrations?saved=1');
}

function mask(value: string): string {
  return value.length > 8 ? `${value.slice(0, 8)}${'•'.repeat(12)}` : '••••••••'; // ok: hardcoded-secret
}

export default async function IntegrationsPage() {
  const jar = await cookies();
  if (jar.get(PASSWORD_COOKIE)?.value !== ADMIN_BREAK_GLASS_PASSWORD) redirect('/admin/login');
  const current = await getIntegration('stripe');

  return (
    <form action={save} className="space-y-4">
      <label htmlFor="apiKey">Secret key</label>
      <input
        id="apiKey"
        name="apiKey" // ok: hardcoded-secret
        type="password"
        placeholder="sk_live_..." // ok: hardcoded-secret
        autoComplete="off"
      />
      <p className="text-sm text-gray-500">Current key: {current ? mask(current.apiKey) : 'not set'}</p>
      <label htmlFor="webhookSecret">Webhook signing secret</label>
      <input
        id="webhookSecret"
        name="webhookSecret"
        type="password"
        placeholder="whsec_..." // ok: hardcoded-secret
      />
      <input
        type="hidden"
        name="password"
        value="" // ok: hardcoded-secret
      />
      <button type="submit">Save</button>
    </form>
  );
}
