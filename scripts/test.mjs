#!/usr/bin/env node
// Runs every test: compiles the TypeScript sources and tests with tsc (type check included),
// runs the unit and rule tests with node:test, then the integration tests in a real VS Code.
//   node scripts/test.mjs            everything
//   node scripts/test.mjs --unit     compile + unit/rule tests only
// Prints one closing line "N passed, N failed" over all suites.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const onlyUnit = args.has('--unit');
let passed = 0;
let failed = 0;

function run(cmd, cmdArgs, opts = {}) {
  const r = spawnSync(cmd, cmdArgs, { cwd: root, stdio: opts.capture ? ['ignore', 'pipe', 'inherit'] : 'inherit', encoding: 'utf8', env: { ...process.env, ...(opts.env ?? {}) } });
  if (opts.capture) process.stdout.write(r.stdout ?? '');
  return r;
}

function findTests(dir) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...findTests(p));
    else if (name.endsWith('.test.js')) out.push(p);
  }
  return out.sort();
}

// 1. compile (also the type check of src/ and test/)
const tsc = run(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json']);
if (tsc.status !== 0) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}

// 2. the bundles (the CLI and bundle tests use dist/)
const build = run(process.execPath, [path.join(root, 'scripts/build.mjs')]);
if (build.status !== 0) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}

// 3. unit + rule tests under plain Node
const files = [...findTests(path.join(root, 'out/test/unit')), ...findTests(path.join(root, 'out/test/rules'))];
const unit = run(process.execPath, ['--test', '--test-reporter=spec', ...files], { capture: true });
const out = unit.stdout ?? '';
const pass = /ℹ pass (\d+)/.exec(out);
const fail = /ℹ fail (\d+)/.exec(out);
passed += pass ? Number(pass[1]) : 0;
failed += fail ? Number(fail[1]) : unit.status === 0 ? 0 : 1;

// 4. integration tests in a real VS Code (code-server + headless Chromium)
if (!onlyUnit && existsSync(path.join(root, 'test/integration/run-all.mjs'))) {
  // also on the oldest VS Code we support (engines.vscode), unless PA_VSCODE_MIN=0
  const integ = run(process.execPath, [path.join(root, 'test/integration/run-all.mjs')], { capture: true, env: { PA_VSCODE_MIN: process.env.PA_VSCODE_MIN ?? '1' } });
  const m = /^(\d+) passed, (\d+) failed/m.exec(integ.stdout ?? '');
  if (m) {
    passed += Number(m[1]);
    failed += Number(m[2]);
  }
  if (integ.status !== 0 && (!m || Number(m[2]) === 0)) failed += 1;
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
