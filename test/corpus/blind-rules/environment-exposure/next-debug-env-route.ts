// corpus-path: app/api/debug/env/route.ts
import { NextResponse, type NextRequest } from 'next/server';

export const dynamic = 'force-dynamic';

export async function GET(request: NextRequest) {
  const format = request.nextUrl.searchParams.get('format');
  if (format === 'text') {
    return new Response(JSON.stringify(process.env), { // expect: environment-exposure
      headers: { 'content-type': 'text/plain' },
    });
  }
  if (format === 'raw') {
    return Response.json(process.env); // expect: environment-exposure
  }
  console.log('debug env served', process.env); // expect: environment-exposure
  return NextResponse.json({ ok: true, env: process.env }, { status: 200 }); // expect: environment-exposure
}

export async function POST() {
  console.log(`deployment check in ${process.env.VERCEL_ENV}`); // ok: environment-exposure
  return NextResponse.json({ // ok: environment-exposure
    region: process.env.VERCEL_REGION,
    deployment: process.env.VERCEL_DEPLOYMENT_ID,
  });
}
