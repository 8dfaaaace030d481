// corpus-path: app/api/manifest/route.ts
// @ts-nocheck
import { readFileSync, readdirSync } from 'fs';
import { pbkdf2Sync } from 'crypto';
import { NextResponse } from 'next/server';

const baked = readFileSync('public/baked.json', 'utf8'); // ok: sync-io-in-handler

export async function GET(request: Request) {
  const manifest = readFileSync('public/manifest.json', 'utf8'); // expect: sync-io-in-handler
  const list = readdirSync('public'); // expect: sync-io-in-handler
  return NextResponse.json({ manifest: JSON.parse(manifest), baked, list });
}

export async function POST(request: Request) {
  const body = await request.json();
  const key = pbkdf2Sync(body.password, 'salt', 100000, 64, 'sha512'); // expect: sync-io-in-handler
  return NextResponse.json({ ok: key.length > 0 });
}
