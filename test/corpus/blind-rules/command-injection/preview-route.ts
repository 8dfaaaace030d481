// corpus-path: app/api/preview/route.ts
import { NextRequest, NextResponse } from 'next/server';
import childProcess from 'node:child_process';
import { promisify } from 'node:util';
import os from 'node:os';

const execFileAsync = promisify(childProcess.execFile);
const CHROME = '/usr/bin/chromium --headless --disable-gpu';

export async function GET(req: NextRequest) {
  const url = req.nextUrl.searchParams.get('url') ?? 'about:blank';
  const out = `${os.tmpdir()}/preview-${Date.now()}.png`;

  await new Promise<void>((resolve, reject) => {
    childProcess.exec(`${CHROME} --screenshot=${out} ${url}`, (err) => (err ? reject(err) : resolve())); // expect: command-injection
  });

  return NextResponse.json({ out });
}

export async function POST(req: NextRequest) {
  const { url, width } = await req.json();
  const out = `${os.tmpdir()}/preview-${Date.now()}.png`;

  const { stdout } = await execFileAsync('/usr/bin/chromium', ['--headless', `--window-size=${width},800`, `--screenshot=${out}`, url]); // ok: command-injection
  return NextResponse.json({ out, log: stdout });
}

export async function HEAD() {
  const version = childProcess.execSync('/usr/bin/chromium --version').toString(); // ok: command-injection
  return new NextResponse(null, { headers: { 'x-chromium': version.trim() } });
}

export async function PUT(req: NextRequest) {
  const { url } = await req.json();
  const child = childProcess.execFile( // expect: command-injection
    '/usr/bin/chromium',
    ['--headless', '--print-to-pdf', url],
    { shell: true },
  );
  return new Promise<NextResponse>((resolve) => child.on('exit', (code) => resolve(NextResponse.json({ code }))));
}
