// corpus-path: app/api/export/route.ts
import { NextRequest, NextResponse } from 'next/server';
import { readFileSync, rmSync } from 'node:fs';
import fs from 'node:fs/promises';
import { execSync } from 'node:child_process';
import path from 'node:path';

export const runtime = 'nodejs';

const DATA_DIR = path.join(process.cwd(), 'data');
const COLUMNS = readFileSync(path.join(DATA_DIR, 'columns.txt'), 'utf8').split('\n'); // ok: sync-io-in-handler

export async function GET(request: NextRequest) {
  const name = request.nextUrl.searchParams.get('name') ?? 'default';
  const raw = readFileSync(path.join(DATA_DIR, `${path.basename(name)}.json`), 'utf8'); // expect: sync-io-in-handler
  return NextResponse.json({ columns: COLUMNS, rows: JSON.parse(raw) });
}

export async function POST(request: NextRequest) {
  const body = await request.json();
  await fs.writeFile(path.join(DATA_DIR, 'pending.json'), JSON.stringify(body)); // ok: sync-io-in-handler
  const archive = execSync('tar -czf - -C data .', { cwd: process.cwd(), maxBuffer: 64 * 1024 * 1024 }); // expect: sync-io-in-handler
  return new NextResponse(archive, { headers: { 'Content-Type': 'application/gzip' } });
}

export const DELETE = async (request: Request) => {
  const name = new URL(request.url).searchParams.get('name');
  if (!name) return NextResponse.json({ error: 'name required' }, { status: 400 });
  rmSync(path.join(DATA_DIR, `${path.basename(name)}.json`), { force: true }); // expect: sync-io-in-handler
  return new NextResponse(null, { status: 204 });
};

export async function HEAD() {
  const info = await fs.stat(path.join(DATA_DIR, 'default.json')); // ok: sync-io-in-handler
  return new NextResponse(null, { headers: { 'Last-Modified': info.mtime.toUTCString() } });
}
