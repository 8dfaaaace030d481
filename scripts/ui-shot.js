#!/usr/bin/env node
// Shows the extension in a real VS Code in the browser (code-server from scripts/setup-vscode.sh).
//
// Screenshot mode: opens a workspace folder, optionally a file, our activity-bar container and the
// Problems panel in headless Chromium, waits for the given texts to appear, and writes a PNG.
//   node scripts/ui-shot.js --out shot.png [--folder DIR] [--open REL/PATH.ts] [--view "Production Audit"]
//        [--problems] [--expect TEXT]...
//        [--url http://127.0.0.1:PORT/ | --vsix FILE | --extensionDevelopmentPath DIR (default: this repo)]
//   Without --url it starts its own code-server and stops it afterwards. Exit code 1 when a step or
//   an --expect text failed (the screenshot is still written, to show what was on screen).
//
// Serve mode (`npm start`): installs the extension into a local code-server and keeps it running on
// 127.0.0.1 with the sample workspace open, printing the URL; Ctrl+C stops it.
//   node scripts/ui-shot.js --serve [--vsix FILE] [--folder DIR (examples/sample-service)] [--port N (18080)]
//   With --vsix the package is installed into .vscode-test/serve/extensions (what users get).
//   Without it the extension is built (scripts/build.mjs) and loaded from this repo as an extension
//   under development: the printed URL then carries that in its `payload` parameter.
//
// Starting its own server, it first runs scripts/setup-vscode.sh (installs code-server when missing).
// Other options: --code-server BIN (default .vscode-test/code-server/bin/code-server),
//   --chromium PATH (default /usr/bin/chromium), --no-build, --timeout SEC (per step, default 60).
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const repoRoot = path.resolve(__dirname, '..');
// A path as the user would type it: relative when below the current folder.
const show = (p) => { const r = path.relative(process.cwd(), p); return !r ? '.' : r.startsWith('..') ? p : r; };

const VALUE = new Set(['out', 'folder', 'open', 'view', 'url', 'vsix', 'extensionDevelopmentPath', 'port', 'code-server', 'chromium', 'timeout']);
const BOOL = new Set(['serve', 'problems', 'no-build']);
const LIST = new Set(['expect']);

function usage(msg) {
  console.error(`ui-shot: ${msg}`);
  console.error('usage: node scripts/ui-shot.js --out shot.png [--folder DIR] [--open FILE] [--view TITLE] [--problems] [--expect TEXT]... [--url URL | --vsix FILE]');
  console.error('       node scripts/ui-shot.js --serve [--vsix FILE] [--folder DIR] [--port N]');
  process.exit(2);
}

function die(msg) {
  console.error(`ui-shot: ${msg}`);
  process.exit(1);
}

function parseArgs(argv) {
  const o = { expect: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) usage(`unexpected argument ${a}`);
    const eq = a.indexOf('=');
    const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
    if (BOOL.has(name)) { o[name] = true; continue; }
    if (!VALUE.has(name) && !LIST.has(name)) usage(`unknown option --${name}`);
    const v = eq >= 0 ? a.slice(eq + 1) : argv[++i];
    if (v === undefined) usage(`--${name} needs a value`);
    if (LIST.has(name)) o[name].push(v); else o[name] = v;
  }
  return o;
}

const opts = parseArgs(process.argv.slice(2));
const stepTimeout = Number(opts.timeout || 60) * 1000;
const codeServer = opts['code-server'] || process.env.CODE_SERVER_BIN || path.join(repoRoot, '.vscode-test/code-server/bin/code-server');
const chromiumPath = opts.chromium || process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const folder = path.resolve(opts.folder || path.join(repoRoot, opts.serve ? 'examples/sample-service' : 'test/integration/workspace'));
if (!opts.serve && !opts.out) usage('--out FILE.png (or --serve) is required');
if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) usage(`the workspace folder ${folder} does not exist`);

function freePort(preferred) {
  const tryPort = (p) => new Promise((resolve) => {
    const s = net.createServer();
    s.once('error', () => resolve(null));
    s.listen(p, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
  return tryPort(preferred).then((p) => (p !== null ? p : tryPort(0)));
}

// Starts code-server with the extension installed (--vsix) or loadable as a development extension.
// Resolves to { base, devPayload, stop }.
async function startServer(stateDir, preferredPort) {
  if (!opts['code-server'] && !process.env.CODE_SERVER_BIN) {
    // the project's own code-server: install it when missing (a fast no-op otherwise)
    const r = spawnSync('bash', [path.join(repoRoot, 'scripts/setup-vscode.sh')], { stdio: ['ignore', 'inherit', 'inherit'] });
    if (r.status !== 0) die('scripts/setup-vscode.sh failed');
  }
  if (!fs.existsSync(codeServer)) die(`${codeServer} not found; run: bash scripts/setup-vscode.sh`);
  const userDir = path.join(stateDir, 'user');
  const extDir = path.join(stateDir, 'extensions');
  const tmp = fs.mkdtempSync(path.join(fs.existsSync('/tmp') ? '/tmp' : os.tmpdir(), 'pa-vsc-'));
  const env = {
    ...process.env,
    TMPDIR: tmp, // short: VS Code's Unix sockets live here
    XDG_CONFIG_HOME: path.join(stateDir, 'xdg-config'),
    XDG_DATA_HOME: path.join(stateDir, 'xdg-data'),
    XDG_CACHE_HOME: path.join(stateDir, 'xdg-cache'),
  };
  const settingsFile = path.join(userDir, 'User', 'settings.json');
  if (!fs.existsSync(settingsFile)) {
    fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
    fs.writeFileSync(settingsFile, JSON.stringify({
      'extensions.autoCheckUpdates': false, 'extensions.autoUpdate': false, 'extensions.ignoreRecommendations': true,
      'telemetry.telemetryLevel': 'off', 'update.mode': 'none', 'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false, 'chat.disableAIFeatures': true,
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
    }, null, 2));
  }
  const base = ['--config', '/dev/null', '--user-data-dir', userDir, '--extensions-dir', extDir];
  let devPath;
  if (opts.vsix) {
    const r = spawnSync(codeServer, [...base, '--install-extension', path.resolve(opts.vsix), '--force'], { env, encoding: 'utf8' });
    if (r.status !== 0) { console.error(r.stdout, r.stderr); die(`installing ${opts.vsix} failed`); }
    console.log(`installed ${show(path.resolve(opts.vsix))} into ${show(extDir)}`);
  } else {
    devPath = path.resolve(opts.extensionDevelopmentPath || repoRoot);
    if (devPath === repoRoot && !opts['no-build'] && fs.existsSync(path.join(repoRoot, 'scripts/build.mjs'))) {
      const r = spawnSync(process.execPath, [path.join(repoRoot, 'scripts/build.mjs')], { cwd: repoRoot, stdio: 'inherit' });
      if (r.status !== 0) die('the build failed (node scripts/build.mjs)');
    }
  }
  const args = [...base, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--disable-getting-started-override'];
  // A development extension arrives through the URL's `payload`, which VS Code >= 1.13x honours only
  // with the smoke-test driver enabled.
  const help = spawnSync(codeServer, ['--help'], { env, encoding: 'utf8' }).stdout || '';
  if (devPath && help.includes('--vscode-option')) args.push('--vscode-option', 'enable-smoke-test-driver');
  const port = await freePort(Number(preferredPort) || 0);
  args.push('--bind-addr', `127.0.0.1:${port}`);
  const server = spawn(codeServer, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = fs.createWriteStream(path.join(stateDir, 'server.log'), { flags: 'a' });
  server.stdout.pipe(log, { end: false });
  server.stderr.pipe(log, { end: false });
  await new Promise((resolve, reject) => {
    let buf = '';
    const onData = (d) => {
      buf += d.toString();
      if (/HTTP server listening on/.test(buf)) { server.stdout.off('data', onData); resolve(); }
    };
    server.stdout.on('data', onData);
    server.once('exit', (c) => reject(new Error(`code-server exited with ${c}; see ${path.join(stateDir, 'server.log')}`)));
    server.once('error', reject);
  });
  const host = `127.0.0.1:${port}`;
  const devPayload = devPath ? [['extensionDevelopmentPath', `vscode-remote://${host}${devPath}`], ['skipWelcome', 'true']] : undefined;
  const stop = async () => {
    if (server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((r) => server.once('exit', r));
      try { process.kill(-server.pid, 'SIGTERM'); } catch { /* gone */ }
      const killer = setTimeout(() => { try { process.kill(-server.pid, 'SIGKILL'); } catch { /* gone */ } }, 5000);
      await exited;
      clearTimeout(killer);
    }
    log.end();
    fs.rmSync(tmp, { recursive: true, force: true });
  };
  return { base: `http://${host}/`, devPath, devPayload, stop };
}

function workbenchUrl(base, devPayload) {
  const u = new URL(base);
  if (devPayload) u.searchParams.set('payload', JSON.stringify(devPayload));
  u.searchParams.set('folder', folder);
  return u.toString();
}

async function serve() {
  const stateDir = path.join(repoRoot, '.vscode-test', 'serve');
  fs.mkdirSync(stateDir, { recursive: true });
  const s = await startServer(stateDir, opts.port || 18080);
  const url = workbenchUrl(s.base, s.devPayload);
  const how = s.devPath ? `loaded from ${show(s.devPath)} as an extension under development` : `installed from ${show(path.resolve(opts.vsix))}`;
  console.log(`Production Audit in VS Code (${how}), workspace ${show(folder)}`);
  console.log(`open: ${url}`);
  console.log('Ctrl+C stops the server.');
  const onSignal = async () => { await s.stop(); process.exit(0); };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

async function shot() {
  const { chromium } = require('playwright-core');
  const t0 = Date.now();
  const ms = () => `${Date.now() - t0} ms`;
  const work = fs.mkdtempSync(path.join(repoRoot, '.vscode-test', 'shot-'));
  let server;
  let base = opts.url;
  let devPayload;
  if (!base) {
    server = await startServer(work, 0);
    base = server.base;
    devPayload = server.devPayload;
    console.log(`code-server up after ${ms()}`);
  }
  const browser = await chromium.launchPersistentContext(path.join(work, 'chromium'), {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1400, height: 850 },
    env: { ...process.env, XDG_CONFIG_HOME: path.join(work, 'xdg-config'), XDG_CACHE_HOME: path.join(work, 'xdg-cache'), TMPDIR: work },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  let ok = false;
  const page = browser.pages()[0] || await browser.newPage();
  try {
    page.setDefaultTimeout(stepTimeout);
    page.on('pageerror', (e) => console.error('[pageerror]', e.message));
    await page.goto(workbenchUrl(base, devPayload));
    await page.waitForSelector('.monaco-workbench');
    await page.waitForSelector('.explorer-folders-view .monaco-list-row');
    console.log(`workbench up after ${ms()}`);

    if (opts.open) {
      // Quick Open finds files at any depth; the editor tab with the file's name confirms it opened.
      await page.locator('.explorer-folders-view').click();
      await page.keyboard.press('Control+P');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor();
      await input.fill(opts.open);
      await page.locator('.quick-input-list .monaco-list-row').first().waitFor();
      await page.keyboard.press('Enter');
      await page.locator('.tabs-container .tab', { hasText: path.basename(opts.open) }).first().waitFor();
      await page.locator('.editor-instance .view-lines').first().waitFor();
      console.log(`opened ${opts.open}`);
    }
    if (opts.view) {
      const tab = page.locator(`.activitybar [aria-label^="${opts.view}"], .composite-bar [aria-label^="${opts.view}"]`).first();
      await tab.click();
      await page.locator('.sidebar .composite.title', { hasText: opts.view }).first().waitFor();
      console.log(`showing the "${opts.view}" container`);
    }
    if (opts.problems) {
      await page.locator(opts.open ? '.editor-instance .view-lines' : '.explorer-folders-view').first().click();
      await page.keyboard.press('Control+Shift+M');
      await page.locator('.markers-panel').first().waitFor();
      console.log('showing the Problems panel');
    }
    for (const text of opts.expect) {
      await page.getByText(text).first().waitFor();
      console.log(`found "${text}"`);
    }
    ok = true;
  } catch (e) {
    console.error(`FAILED: ${e.message.split('\n')[0]}`);
  } finally {
    await page.screenshot({ path: opts.out });
    console.log(`screenshot -> ${opts.out} (${ms()})`);
    await browser.close();
    if (server) await server.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
  process.exit(ok ? 0 : 1);
}

(opts.serve ? serve() : shot()).catch((e) => { console.error(e.message || e); process.exit(1); });
