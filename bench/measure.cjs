// One measurement in a fresh process: `floor` parses every file with ts.createSourceFile (the
// parser alone, parent pointers set as the engine needs them); `scan` runs the real scanner with
// every rule. Both read the files from disk inside the timed section. Prints one JSON line.
const path = require('node:path');
const fs = require('node:fs');
const root = path.resolve(__dirname, '..');
const [mode, corpus, repeatArg] = process.argv.slice(2);
const repeat = Number(repeatArg || 1);
const { ts } = require('ts-morph');
const { discoverFiles } = require(path.join(root, 'out/src/core/engine/discovery.js'));

const files = discoverFiles({ root: corpus }).files;
let lines = 0;
let findings = 0;
let peak = 0;
const sample = () => {
  const r = process.memoryUsage.rss();
  if (r > peak) peak = r;
};
for (const f of files) lines += fs.readFileSync(f.absolute, 'utf8').split('\n').length;
// load the engine before the clock starts, as the floor has its parser loaded
const { scanFiles } = require(path.join(root, 'out/src/core/engine/scanner.js'));
const { createAnalyzer } = require(path.join(root, 'out/src/core/engine/engine.js'));
const timer = setInterval(sample, 5);
const t0 = process.hrtime.bigint();
for (let k = 0; k < repeat; k++) {
  if (mode === 'floor') {
    for (const f of files) {
      const text = fs.readFileSync(f.absolute, 'utf8');
      ts.createSourceFile(f.absolute, text, ts.ScriptTarget.Latest, true);
    }
  } else {
    const into = { files: [], findings: [], errors: [], skipped: [], cancelled: false };
    const profile = process.env.BENCH_PROFILE ? new Map() : undefined;
    scanFiles(files, createAnalyzer(undefined, { profile }), {}, into);
    if (profile) for (const [id, msTaken] of [...profile].sort((a, b) => b[1] - a[1])) process.stderr.write(`${String(Math.round(msTaken)).padStart(6)} ms  ${id}\n`);
    findings = into.findings.length;
  }
  sample();
}
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
clearInterval(timer);
sample();
const maxRss = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify({ mode, files: files.length, lines, ms, findings, peakRssMb: Math.round(Math.max(peak / 1048576, maxRss)) }));
