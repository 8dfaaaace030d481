#!/usr/bin/env node
// The benchmark: scans a large real code base that nobody here wrote — the src/ folder of the npm
// package effect@4.1.0, installed pinned into bench/.cache — and, in the same run, times the
// TypeScript parser alone on the same files (the floor). Each measurement runs in its own process
// so that peak RSS is its own. Prints files/s, scan ÷ floor, peak RSS; `--json` for machine output.
//   npm run bench [-- --runs 3] [--corpus DIR] [--repeat 4]
//   BENCH_PROFILE=1 node bench/measure.cjs scan DIR   prints the time spent in each rule
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cache = path.join(root, 'bench/.cache');
const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : def;
};
const runs = Number(opt('runs', 3));
const repeat = Number(opt('repeat', 1));

function ensureCorpus() {
  const dir = path.join(cache, 'node_modules/effect/src');
  if (!existsSync(dir)) {
    mkdirSync(cache, { recursive: true });
    if (!existsSync(path.join(cache, 'package.json'))) writeFileSync(path.join(cache, 'package.json'), '{"private":true}\n');
    console.error('installing effect@4.1.0 into bench/.cache …');
    execFileSync('npm', ['install', '--no-save', '--ignore-scripts', '--no-audit', '--no-fund', 'effect@4.1.0'], { cwd: cache, stdio: 'inherit' });
  }
  return dir;
}

function ensureCompiled() {
  if (!existsSync(path.join(root, 'out/src/core/engine/scanner.js')) || args.includes('--compile')) {
    console.error('compiling (tsc) …');
    spawnSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: root, stdio: 'inherit' });
  }
}

function measure(mode, corpus) {
  const r = spawnSync(process.execPath, ['--expose-gc', path.join(root, 'bench/measure.cjs'), mode, corpus, String(repeat)], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`${mode} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const corpus = opt('corpus', undefined) ? path.resolve(opt('corpus')) : ensureCorpus();
ensureCompiled();
const results = { floor: [], scan: [] };
for (let i = 0; i < runs; i++) {
  // alternate so that machine noise hits both alike
  results.floor.push(measure('floor', corpus));
  results.scan.push(measure('scan', corpus));
}
const f = { ms: median(results.floor.map((r) => r.ms)), rss: Math.max(...results.floor.map((r) => r.peakRssMb)) };
const s = { ms: median(results.scan.map((r) => r.ms)), rss: Math.max(...results.scan.map((r) => r.peakRssMb)) };
const files = results.scan[0].files;
const lines = results.scan[0].lines;
const summary = {
  corpus: path.relative(root, corpus) || corpus,
  files,
  lines,
  repeat,
  runs,
  floorMs: Math.round(f.ms),
  scanMs: Math.round(s.ms),
  ratio: +(s.ms / f.ms).toFixed(3),
  filesPerSecond: Math.round((files * repeat) / (s.ms / 1000)),
  floorPeakRssMb: f.rss,
  scanPeakRssMb: s.rss,
  rssRatio: +(s.rss / f.rss).toFixed(3),
  findings: results.scan[0].findings,
};
if (args.includes('--json')) console.log(JSON.stringify(summary));
else {
  console.log(`corpus            ${summary.corpus}: ${files} files, ${lines} lines${repeat > 1 ? ` ×${repeat}` : ''}`);
  console.log(`parser alone      ${summary.floorMs} ms (median of ${runs}), peak RSS ${f.rss} MB`);
  console.log(`full scan         ${summary.scanMs} ms (median of ${runs}), peak RSS ${s.rss} MB, ${summary.findings} findings`);
  console.log(`files/s           ${summary.filesPerSecond}`);
  console.log(`scan ÷ floor      ${summary.ratio} (target ≤ 1.3)`);
  console.log(`RSS scan ÷ floor  ${summary.rssRatio} (target ≤ 1.5)`);
}
