#!/usr/bin/env node
// Runs mocha integration tests inside the Node extension host of a real VS Code: a local
// code-server (VS Code server + web workbench, installed by scripts/setup-vscode.sh) driven by
// headless Debian Chromium through playwright-core.
//
// How: the workbench is opened with
//   ?payload=[["extensionDevelopmentPath","vscode-remote://HOST/DIR"],["extensionTestsPath","vscode-remote://HOST/FILE"]]
// which is how VS Code's own browser integration tests start; when the tests finish, the workbench
// calls window.codeAutomationExit(code), a function this script exposes to the page. VS Code 1.139
// honours `payload` only when the server has the smoke-test driver enabled
// (`--vscode-option enable-smoke-test-driver`); 1.100 always honours it and has no such option.
//
// usage:
//   node test/integration/runner.js --extensionDevelopmentPath DIR --extensionTestsPath FILE
//        [--folder DIR | --workspace FILE.code-workspace | DIR-or-FILE]
//        [--env NAME=VALUE]...        extra environment for the extension host (and so the tests)
//        [--settings FILE.json]       user settings merged over the quiet test defaults below
//        [--code-server BIN]          default: env CODE_SERVER_BIN, else .vscode-test/code-server/bin/code-server
//        [--install-extension VSIX]... [--disable-extensions] [--timeout SEC (300)] [--port N]
//        [--chromium PATH (env CHROMIUM_PATH, else /usr/bin/chromium)] [--keep-state]
// env: PA_TEST_STATE  parent of the per-run state folder (default .vscode-test/state)
//      PA_TEST_VERBOSE=1  also print the workbench's own log and the browser console
// Output: the tests' reporter output, then the closing line "N passed, N failed[, N skipped]".
// Exit code: the extension host's (0 = every test passed), 124 timeout, 2 bad usage,
// 3 code-server could not start or died, 4 the page crashed.
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const util = require('node:util');
const { chromium } = require('playwright-core');

const repoRoot = path.resolve(__dirname, '..', '..');

// --- arguments -----------------------------------------------------------------------------------
const VALUE_FLAGS = new Set(['extensionDevelopmentPath', 'extensionTestsPath', 'folder', 'workspace', 'settings',
  'code-server', 'timeout', 'port', 'chromium']);
const BOOL_FLAGS = new Set(['disable-extensions', 'keep-state']);
const LIST_FLAGS = new Set(['env', 'install-extension']);

function usage(message) {
  console.error(`runner: ${message}`);
  console.error('usage: node test/integration/runner.js --extensionDevelopmentPath DIR --extensionTestsPath FILE [--folder DIR | --workspace FILE.code-workspace] [--env NAME=VALUE]... [--settings FILE] [--timeout SEC]');
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { env: [], 'install-extension': [] };
  const positional = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) { positional.push(a); continue; }
    const eq = a.indexOf('=');
    const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
    // Flags we do not know are skipped (with their value when it is glued on with '='), so the
    // script also tolerates the Electron flags that @vscode/test-electron adds to its launch line.
    if (!VALUE_FLAGS.has(name) && !BOOL_FLAGS.has(name) && !LIST_FLAGS.has(name)) continue;
    let value;
    if (BOOL_FLAGS.has(name)) value = eq < 0 ? true : a.slice(eq + 1) !== 'false';
    else if (eq >= 0) value = a.slice(eq + 1);
    else if (i + 1 < argv.length) value = argv[++i];
    else usage(`--${name} needs a value`);
    if (LIST_FLAGS.has(name)) opts[name].push(value); else opts[name] = value;
  }
  if (!opts.folder && !opts.workspace && positional.length > 0) opts.workspace = positional[0];
  return opts;
}

const opts = parseArgs(process.argv.slice(2));
if (!opts.extensionDevelopmentPath) usage('--extensionDevelopmentPath is required');
if (!opts.extensionTestsPath) usage('--extensionTestsPath is required');
const devPath = path.resolve(opts.extensionDevelopmentPath);
const testsPath = path.resolve(opts.extensionTestsPath);
if (!fs.existsSync(path.join(devPath, 'package.json'))) usage(`no package.json in ${devPath}`);

// What to open: a folder (`&folder=`) or a multi-root workspace file (`&workspace=`).
let openKind = 'none';
let openPath;
for (const [flag, p] of [['folder', opts.folder], ['workspace', opts.workspace]]) {
  if (!p) continue;
  openPath = path.resolve(p);
  if (!fs.existsSync(openPath)) usage(`--${flag}: ${openPath} does not exist`);
  openKind = fs.statSync(openPath).isDirectory() ? 'folder' : 'workspace';
  if (openKind === 'workspace' && !openPath.endsWith('.code-workspace')) usage(`--${flag}: ${openPath} is neither a folder nor a .code-workspace file`);
}

const extraEnv = {};
for (const pair of opts.env) {
  const eq = pair.indexOf('=');
  if (eq <= 0) usage(`--env expects NAME=VALUE, got "${pair}"`);
  extraEnv[pair.slice(0, eq)] = pair.slice(eq + 1);
}

const codeServer = opts['code-server'] || process.env.CODE_SERVER_BIN || path.join(repoRoot, '.vscode-test', 'code-server', 'bin', 'code-server');
if (codeServer.includes(path.sep) && !fs.existsSync(codeServer)) usage(`${codeServer} not found; run: bash scripts/setup-vscode.sh`);
const chromiumPath = opts.chromium || process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!fs.existsSync(chromiumPath)) usage(`${chromiumPath} not found; run: bash scripts/setup-vscode.sh`);
const timeoutSec = Number(opts.timeout || 300);
const verbose = process.env.PA_TEST_VERBOSE === '1';

// Workbench and extension-host chatter that says nothing about the tests (kept in workbench.log).
const NOISE = new RegExp('^(' + [
  String.raw`\[(AgentHost|AgentHost:remote|ChatModelSelection|AccountPolicyGate|reconnection-grace-time|Service Worker|ChatSessions?|McpGateway|Copilot)[^\]]*\]`,
  'Resolving connection token', 'Resolved connection token', 'Creating a socket', 'Updating additional builtin extensions cache',
  'ChatSessionStore: ', 'getaddrinfo ENOTFOUND', 'Failed: getaddrinfo', 'Canceled: Canceled', '%s%s$',
].join('|') + ')');
const stripCss = (t) => t.replace(/%c/g, '').replace(/( ?color: [a-z]+;?)+\s*$/g, '');

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

function run() {
  return new Promise((resolveRun) => {
    const t0 = Date.now();
    const seconds = () => ((Date.now() - t0) / 1000).toFixed(1);
    const stateRoot = process.env.PA_TEST_STATE || path.join(repoRoot, '.vscode-test', 'state');
    fs.mkdirSync(stateRoot, { recursive: true });
    const state = fs.mkdtempSync(path.join(stateRoot, 'run-'));
    // VS Code puts Unix sockets (vscode-ipc-*.sock, vscode-git-*.sock) in the temp folder, and a socket
    // path may not exceed 107 bytes: a deep checkout would overflow it, so temp lives in a short /tmp folder.
    const tmp = fs.mkdtempSync(path.join(fs.existsSync('/tmp') ? '/tmp' : os.tmpdir(), 'pa-vsc-'));
    // code-server writes ~/.config/code-server and ~/.local/share/code-server, Chromium ~/.config/chromium
    // and ~/.cache: everything goes into the state folder instead of the user's home.
    const env = {
      ...process.env,
      TMPDIR: tmp,
      XDG_CONFIG_HOME: path.join(state, 'xdg-config'),
      XDG_DATA_HOME: path.join(state, 'xdg-data'),
      XDG_CACHE_HOME: path.join(state, 'xdg-cache'),
      ...extraEnv,
    };
    const userDir = path.join(state, 'user');
    const extDir = path.join(state, 'extensions');
    const settings = {
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'extensions.ignoreRecommendations': true,
      'telemetry.telemetryLevel': 'off',
      'update.mode': 'none',
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'typescript.disableAutomaticTypeAcquisition': true,
      'chat.disableAIFeatures': true,
      'git.enabled': false,
      ...(opts.settings ? JSON.parse(fs.readFileSync(opts.settings, 'utf8')) : {}),
    };
    fs.mkdirSync(path.join(userDir, 'User'), { recursive: true });
    fs.writeFileSync(path.join(userDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
    const baseArgs = ['--config', '/dev/null', '--user-data-dir', userDir, '--extensions-dir', extDir];

    for (const vsix of opts['install-extension']) {
      const r = spawnSync(codeServer, [...baseArgs, '--install-extension', path.resolve(vsix)], { env, encoding: 'utf8' });
      if (r.status !== 0) {
        console.error(r.stdout, r.stderr);
        usage(`installing ${vsix} failed`);
      }
      console.log(`[runner] installed ${vsix}`);
    }

    const serverArgs = [...baseArgs, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
      '--disable-workspace-trust', '--disable-getting-started-override'];
    const help = spawnSync(codeServer, ['--help'], { env, encoding: 'utf8' }).stdout || '';
    if (help.includes('--vscode-option')) serverArgs.push('--vscode-option', 'enable-smoke-test-driver');
    const versionLine = (/code-server \S+ \S+ with Code \S+/.exec(help) || [path.basename(codeServer)])[0].replace(/ [0-9a-f]{40} /, ' ');

    let server;
    let browser;
    let finished = false;
    let timer;
    const counts = { passing: null, failing: null, pending: null };
    let summarySeen = () => {};
    const serverLog = fs.createWriteStream(path.join(state, 'server.log'));
    const workbenchLog = fs.createWriteStream(path.join(state, 'workbench.log'));

    const finish = async (code, why) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      if (why) console.log(why);
      try { if (browser) await browser.close(); } catch { /* already gone */ }
      if (server && server.exitCode === null && server.signalCode === null) {
        const exited = new Promise((r) => server.once('exit', r));
        try { process.kill(-server.pid, 'SIGTERM'); } catch { /* already gone */ }
        const killer = setTimeout(() => { try { process.kill(-server.pid, 'SIGKILL'); } catch { /* gone */ } }, 5000);
        await exited;
        clearTimeout(killer);
      }
      serverLog.end();
      workbenchLog.end();
      fs.rmSync(tmp, { recursive: true, force: true });
      if (opts['keep-state']) console.log(`[runner] state kept in ${state}`);
      else fs.rmSync(state, { recursive: true, force: true });
      console.log(`[runner] exit code ${code} after ${seconds()} s`);
      let failed = counts.failing || 0;
      if (code !== 0 && failed === 0) failed = 1; // the run broke before or outside mocha
      console.log(`${counts.passing || 0} passed, ${failed} failed` + (counts.pending ? `, ${counts.pending} skipped` : ''));
      resolveRun(code);
    };
    process.on('SIGINT', () => finish(130, '[runner] interrupted'));
    process.on('SIGTERM', () => finish(143, '[runner] terminated'));
    timer = setTimeout(() => finish(124, `[runner] TIMEOUT after ${timeoutSec} s (logs: --keep-state, PA_TEST_VERBOSE=1)`), timeoutSec * 1000);

    (async () => {
      const port = Number(opts.port) || await freePort();
      serverArgs.push('--bind-addr', `127.0.0.1:${port}`);
      server = spawn(codeServer, serverArgs, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
      server.on('error', (e) => finish(3, `[runner] cannot start ${codeServer}: ${e.message}`));
      server.on('exit', (c, sig) => { if (!finished) finish(3, `[runner] code-server exited early (${c ?? sig}); run with --keep-state and read server.log`); });
      server.stdout.pipe(serverLog, { end: false });
      server.stderr.pipe(serverLog, { end: false });
      await new Promise((resolve) => {
        let buf = '';
        const onData = (d) => {
          buf += d.toString();
          if (/HTTP server listening on/.test(buf)) { server.stdout.off('data', onData); resolve(); }
        };
        server.stdout.on('data', onData);
      });
      if (finished) return;
      console.log(`[runner] ${versionLine} up on 127.0.0.1:${port} after ${seconds()} s`);

      const host = `127.0.0.1:${port}`;
      const remote = (p) => `vscode-remote://${host}${p}`;
      const payload = [
        ['extensionDevelopmentPath', remote(devPath)],
        ['extensionTestsPath', remote(testsPath)],
        ['skipWelcome', 'true'],
        ['skipReleaseNotes', 'true'],
      ];
      if (opts['disable-extensions']) payload.push(['disableExtensions', 'true']);
      let url = `http://${host}/?payload=${encodeURIComponent(JSON.stringify(payload))}`;
      if (openKind === 'folder') url += `&folder=${encodeURIComponent(openPath)}`;
      else if (openKind === 'workspace') url += `&workspace=${encodeURIComponent(openPath)}`;
      else url += '&ew=true'; // empty window, and do not reopen the last folder

      browser = await chromium.launchPersistentContext(path.join(state, 'chromium'), {
        executablePath: chromiumPath,
        headless: true,
        env,
        viewport: { width: 1280, height: 800 },
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
          '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      });
      if (finished) return;
      // In extension-test mode the workbench forwards both its own log and the extension host's
      // console output here.
      await browser.exposeFunction('codeAutomationLog', (type, args) => {
        const line = util.format(...(Array.isArray(args) ? args : [args]));
        workbenchLog.write(`[${type}] ${line}\n`);
        let m;
        if ((m = /^\s*(\d+) passing/.exec(line))) counts.passing = Number(m[1]);
        if ((m = /^\s*(\d+) failing/.exec(line))) counts.failing = Number(m[1]);
        if ((m = /^\s*(\d+) pending/.exec(line))) counts.pending = Number(m[1]);
        if (counts.passing !== null) summarySeen();
        if (!verbose && NOISE.test(line)) return;
        console.log(type === 'error' || type === 'warn' ? `[${type}] ${line}` : line);
      });
      await browser.exposeFunction('codeAutomationExit', async (code) => {
        clearTimeout(timer);
        // Mocha's summary can still be on its way through the other exposed function: wait for it
        // (at most a second, since a run that broke before mocha never prints one).
        if (counts.passing === null) {
          await new Promise((resolve) => {
            summarySeen = resolve;
            setTimeout(resolve, 1000);
          });
        }
        finish(code, `[runner] the extension host finished the tests with exit code ${code}`);
      });
      const page = browser.pages()[0] || await browser.newPage();
      page.on('console', (msg) => {
        const text = msg.text();
        workbenchLog.write(`[browser:${msg.type()}] ${text}\n`);
        if (verbose) console.log(`[browser:${msg.type()}] ${stripCss(text).slice(0, 500)}`);
      });
      page.on('response', (r) => { if (r.status() >= 400) workbenchLog.write(`[http ${r.status()}] ${r.url()}\n`); });
      page.on('pageerror', (e) => console.log('[pageerror]', e.message));
      page.on('crash', () => finish(4, '[runner] the page crashed'));
      await page.goto(url);
    })().catch((e) => finish(1, `[runner] ${e && e.stack ? e.stack : e}`));
  });
}

run().then((code) => process.exit(code));
