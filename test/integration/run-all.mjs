#!/usr/bin/env node
// Runs every integration test configuration in a real VS Code (called by scripts/test.mjs after the
// unit tests; also usable alone: `node test/integration/run-all.mjs [--only NAME]`).
//  1. installs code-server + Node 24 (+ Chromium) when missing: scripts/setup-vscode.sh
//  2. compiles the tests with tsc when a test source is newer than its output, and builds the
//     extension bundle (scripts/build.mjs, when it exists)
//  3. starts test/integration/runner.js once per configuration below that has tests, each with its
//     own workspace and its own test folder (handed to suite/index.js as PA_TEST_GLOB_DIR)
//  4. with PA_VSCODE_MIN=1, runs every configuration a second time on the oldest VS Code we support
// Each run's own closing line is printed as "[integration:NAME] N passed, N failed"; the last line
// is the plain total "N passed, N failed". Exit code 1 when anything failed.
// env: PA_TEST_GREP (only tests whose title matches), PA_TEST_TIMEOUT (seconds per run, default 300),
//      PA_TEST_VERBOSE=1, PA_VSCODE_MIN=1.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const rel = (p) => path.relative(root, p) || '.';

// One entry per workspace shape the extension must handle. `tests` is the folder of TypeScript test
// files (compiled by tsc to the same path under out/); `open` is a folder or a .code-workspace file.
const CONFIGS = [
  { name: 'folder', tests: 'test/integration/suite', open: 'test/integration/workspace' },
  { name: 'multi-root', tests: 'test/integration/multiroot', open: 'test/integration/workspace-multi/multi-root.code-workspace' },
];
const MAIN_SERVER = path.join(root, '.vscode-test/code-server/bin/code-server');
const MIN_SERVER = path.join(root, '.vscode-test/code-server-min/bin/code-server');

const argv = process.argv.slice(2);
const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : undefined;
const t0 = Date.now();

function listFiles(dir, suffix) {
  if (!existsSync(dir)) return [];
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...listFiles(full, suffix));
    else if (entry.name.endsWith(suffix)) found.push(full);
  }
  return found.sort();
}

function finish(passed, failed, note) {
  if (note) console.log(note);
  console.log(`[integration] total wall time ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

function step(label, cmd, args) {
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) finish(0, 1, `[integration] ${label} failed (exit ${r.status ?? r.signal}); no integration test ran`);
  console.log(`[integration] ${label}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (process.env.PA_SKIP_INTEGRATION === '1') finish(0, 0, '[integration] skipped: PA_SKIP_INTEGRATION=1');

const configs = CONFIGS
  .filter((c) => !only || c.name === only)
  .map((c) => ({ ...c, sources: listFiles(path.join(root, c.tests), '.test.ts') }))
  .filter((c) => c.sources.length > 0);
if (configs.length === 0) finish(0, 0, '[integration] no integration test files (test/integration/*/**.test.ts) yet');

// 1. VS Code (and Chromium)
step('setup-vscode', 'bash', [path.join(root, 'scripts/setup-vscode.sh')]);

// 2. compiled tests + extension bundle
const stale = listFiles(path.join(root, 'test/integration'), '.ts')
  .filter((f) => !path.relative(path.join(root, 'test/integration'), f).startsWith('workspace'))
  .some((f) => {
    const out = path.join(root, 'out', path.relative(root, f)).replace(/\.ts$/, '.js');
    return !existsSync(out) || statSync(out).mtimeMs < statSync(f).mtimeMs;
  });
if (stale) {
  // tsc still writes its output when some file has type errors; scripts/test.mjs reports those.
  const started = Date.now();
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  console.log(`[integration] tsc (tests were out of date): ${((Date.now() - started) / 1000).toFixed(1)} s${r.status === 0 ? '' : ', with errors (see above)'}`);
}
if (existsSync(path.join(root, 'scripts/build.mjs'))) step('build', process.execPath, [path.join(root, 'scripts/build.mjs')]);
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
if (manifest.main && !existsSync(path.join(root, manifest.main))) {
  finish(0, 1, `[integration] the extension's main ${manifest.main} does not exist; build it first (node scripts/build.mjs)`);
}

// 3./4. one runner per configuration (and per VS Code version)
const servers = [{ label: '', bin: MAIN_SERVER }];
if (process.env.PA_VSCODE_MIN === '1') servers.push({ label: '@min', bin: MIN_SERVER });

function runOne(config, server) {
  const name = `${config.name}${server.label}`;
  const entry = path.join(root, 'out/test/integration/suite/index.js');
  const testsOut = path.join(root, 'out', config.tests);
  const open = path.join(root, config.open);
  if (!existsSync(open)) {
    console.log(`[integration:${name}] the workspace ${config.open} does not exist`);
    return Promise.resolve({ name, passed: 0, failed: 1 });
  }
  const args = [path.join(root, 'test/integration/runner.js'),
    '--extensionDevelopmentPath', root, '--extensionTestsPath', entry,
    statSync(open).isDirectory() ? '--folder' : '--workspace', open,
    '--env', `PA_TEST_GLOB_DIR=${testsOut}`, '--code-server', server.bin,
    '--timeout', process.env.PA_TEST_TIMEOUT || '300'];
  console.log(`[integration:${name}] ${rel(open)} with the tests in ${rel(testsOut)}`);
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let counts = null;
    // The runner's own closing line is renamed, so that only our total reads as a closing line.
    createInterface({ input: child.stdout }).on('line', (line) => {
      const m = /^(\d+) passed, (\d+) failed/.exec(line);
      if (m) {
        counts = { passed: Number(m[1]), failed: Number(m[2]) };
        console.log(`[integration:${name}] ${line} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      } else {
        console.log(line);
      }
    });
    child.on('close', (code) => {
      const result = counts ?? { passed: 0, failed: 0 };
      if (code !== 0 && result.failed === 0) result.failed = 1;
      resolve({ name, ...result });
    });
  });
}

let passed = 0;
let failed = 0;
for (const server of servers) {
  for (const config of configs) {
    const r = await runOne(config, server);
    passed += r.passed;
    failed += r.failed;
  }
}
finish(passed, failed);
