// corpus-path: app/(auth)/signin/page.tsx
import { redirect } from 'next/navigation';
import { authenticate } from '@/lib/auth';

export default function SignInPage() {
  async function signInAction(formData: FormData) {
    'use server';
    const email = String(formData.get('email'));
    const password = String(formData.get('password'));
    console.log('sign-in action', { email, password }); // expect: sensitive-data-logged
    console.log('sign-in action for', email); // ok: sensitive-data-logged
    console.log('raw password field:', formData.get('password')); // expect: sensitive-data-logged
    const session = await authenticate(email, password);
    console.info('session token', session.token); // expect: sensitive-data-logged
    console.info('session expires', session.expiresAt); // ok: sensitive-data-logged
    redirect('/dashboard');
  }

  return (
    <form action={signInAction} className="mx-auto max-w-sm space-y-4">
      <input name="email" type="email" required />
      <input name="password" type="password" placeholder="Password" required />
      <button type="submit">Sign in</button>
    </form>
  );
}
