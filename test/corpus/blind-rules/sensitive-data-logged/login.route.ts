// corpus-path: app/api/auth/login/route.ts
import { NextRequest, NextResponse } from 'next/server';
import { cookies } from 'next/headers';
import { signIn } from '@/lib/auth';
import logger from '@/lib/logger';

export async function POST(request: NextRequest) {
  logger.debug({ authorization: request.headers.get('authorization') }, 'incoming login'); // expect: sensitive-data-logged
  logger.debug({ headers: Object.fromEntries(request.headers) }, 'incoming login headers'); // expect: sensitive-data-logged
  const { email, password, otp } = await request.json();
  logger.info(`login for ${email}`); // ok: sensitive-data-logged
  if (!password) {
    logger.warn('login attempted without password'); // ok: sensitive-data-logged
    return NextResponse.json({ error: 'password required' }, { status: 400 }); // ok: sensitive-data-logged
  }
  const result = await signIn(email, password, otp);
  if (!result.ok) {
    logger.warn({ email, password }, 'sign-in failed'); // expect: sensitive-data-logged
    return NextResponse.json({ error: 'invalid credentials' }, { status: 401 });
  }
  cookies().set('session', result.sessionToken, { httpOnly: true, secure: true, sameSite: 'lax' }); // ok: sensitive-data-logged
  logger.info({ userId: result.userId, sessionToken: result.sessionToken }, 'signed in'); // expect: sensitive-data-logged
  logger.info({ userId: result.userId, hasSessionToken: Boolean(result.sessionToken) }, 'signed in'); // ok: sensitive-data-logged
  return NextResponse.json({ ok: true });
}
