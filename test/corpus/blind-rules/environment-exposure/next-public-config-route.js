// corpus-path: app/api/public-config/route.js
import { NextResponse } from 'next/server';

const PUBLIC_PREFIX = 'NEXT_PUBLIC_';

function publicEnv() {
  return Object.fromEntries(
    Object.entries(process.env).filter(([key]) => key.startsWith(PUBLIC_PREFIX)), // ok: environment-exposure
  );
}

export async function GET() {
  const env = publicEnv();
  console.info('serving public config keys', Object.keys(env)); // ok: environment-exposure
  return NextResponse.json(env); // ok: environment-exposure
}
