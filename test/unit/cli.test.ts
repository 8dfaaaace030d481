import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parseFindings } from '../../src/core/audit/findingsFile';
import { runCli } from '../../src/cli/main';

async function run(argv: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { cwd, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), stderrIsTTY: false, stdoutIsTTY: false });
  return { code, stdout, stderr };
}

function workspace(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'pa-cli-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
  return root;
}

// a LOW finding the engine always produces: a suppression comment without a reason
const LOW_ONLY = { 'src/a.ts': `// prodaudit-ignore-next-line missing-timeout\nexport const x = 1;\n` };

describe('production-audit CLI', () => {
  it('prints findings grouped by file and a summary; exit 0 when nothing reaches the threshold', async () => {
    const root = workspace(LOW_ONLY);
    const r = await run(['scan'], root);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^src\/a\.ts$/m);
    assert.match(r.stdout, /1:1 +LOW +invalid-suppression/);
    assert.match(r.stdout, /1 open finding \(1 LOW\), 1 file scanned/);
    assert.equal(r.stderr, '');
  });

  it('exit 1 when an open finding is at or above --fail-on', async () => {
    const root = workspace(LOW_ONLY);
    assert.equal((await run(['scan', '--fail-on', 'low'], root)).code, 1);
    assert.equal((await run(['scan', '--fail-on', 'none'], root)).code, 0);
  });

  it('takes failOn from config.yaml, and --fail-on wins over it', async () => {
    const root = workspace({ ...LOW_ONLY, '.production-audit/config.yaml': 'version: 1\nfailOn: low\n' });
    assert.equal((await run(['scan'], root)).code, 1);
    assert.equal((await run(['scan', '--fail-on', 'high'], root)).code, 0);
  });

  it('--format json prints one document that validates against the schema', async () => {
    const root = workspace(LOW_ONLY);
    const r = await run(['scan', '--format', 'json'], root);
    assert.equal(r.code, 0, r.stderr);
    const doc = parseFindings(r.stdout, 'stdout');
    assert.equal(doc.tool.name, 'production-audit');
    assert.equal(doc.findings.length, 1);
    const f = doc.findings[0];
    assert.deepEqual([f.ruleId, f.file, f.line, f.column, f.suppressed], ['invalid-suppression', 'src/a.ts', 1, 1, false]);
    assert.ok(!/:\d+:/.test(f.fingerprint));
  });

  it('--baseline: findings already in an earlier output do not fail the run; new ones do', async () => {
    const root = workspace(LOW_ONLY);
    const first = await run(['scan', '--format', 'json', '--output', 'baseline.json'], root);
    assert.equal(first.code, 0);
    assert.equal(first.stdout, '');
    assert.equal((await run(['scan', '--fail-on', 'low', '--baseline', 'baseline.json'], root)).code, 0);
    const base = JSON.parse(readFileSync(path.join(root, 'baseline.json'), 'utf8'));
    assert.equal(base.findings.length, 1);
    writeFileSync(path.join(root, 'src/b.ts'), `// prodaudit-ignore-next-line n-plus-one\nexport const y = 2;\n`);
    const r = await run(['scan', '--fail-on', 'low', '--baseline', 'baseline.json', '--format', 'json'], root);
    assert.equal(r.code, 1);
    const doc = JSON.parse(r.stdout);
    assert.deepEqual(
      doc.findings.map((f: { file: string; baseline?: boolean }) => [f.file, f.baseline]),
      [
        ['src/a.ts', true],
        ['src/b.ts', false],
      ],
    );
  });

  it('usage errors: one line on stderr, nothing on stdout, exit 2', async () => {
    const root = workspace(LOW_ONLY);
    const cases: [string[], RegExp][] = [
      [['scan', 'missing/dir'], /path not found: missing\/dir/],
      [['scan', '--format', 'yaml'], /--format must be one of/],
      [['scan', '--fail-on', 'severe'], /--fail-on must be one of/],
      [['scan', '--bogus'], /Unknown option '--bogus'/],
      [['scan', '--config', 'nope.yaml'], /config file not found: nope\.yaml/],
      [['scan', '--baseline', 'nope.json'], /baseline file not found/],
      [['scan', '--rule', 'no-such-rule'], /unknown rule id: no-such-rule/],
      [['frobnicate'], /unknown command "frobnicate"/],
    ];
    for (const [argv, re] of cases) {
      const r = await run(argv, root);
      assert.equal(r.code, 2, argv.join(' '));
      assert.equal(r.stdout, '', argv.join(' '));
      assert.match(r.stderr, re);
      assert.equal(r.stderr.trim().split('\n').length, 1, `one line for ${argv.join(' ')}: ${r.stderr}`);
    }
  });

  it('an invalid config.yaml stops the run with file:line: problem and exit 2', async () => {
    const root = workspace({ ...LOW_ONLY, '.production-audit/config.yaml': 'version: 1\nrules:\n  no-such-rule: off\n' });
    const r = await run(['scan'], root);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /config\.yaml:3:\d+: .*no-such-rule/);
  });

  it('the bundled bin runs as a separate process with the same exit codes', async () => {
    const cli = path.resolve(__dirname, '../../../dist/cli.js');
    const root = workspace(LOW_ONLY);
    const ok = spawnSync(process.execPath, [cli, 'scan', '--format', 'json'], { cwd: root, encoding: 'utf8' });
    assert.equal(ok.status, 0, ok.stderr);
    assert.equal(JSON.parse(ok.stdout).findings.length, 1);
    const bad = spawnSync(process.execPath, [cli, 'scan', 'nowhere'], { cwd: root, encoding: 'utf8' });
    assert.equal(bad.status, 2);
    assert.equal(bad.stdout, '');
  });

  it('scan --format sarif|markdown|html|csv renders the same findings in each format', async () => {
    const root = workspace({ ...LOW_ONLY, 'src/net.ts': `export const get = (u: string) => fetch(u);\n` });
    const json = JSON.parse((await run(['scan', '--format', 'json'], root)).stdout);
    const n = json.findings.length;
    assert.equal(n, 2);
    const sarif = JSON.parse((await run(['scan', '--format', 'sarif'], root)).stdout);
    assert.equal(sarif.version, '2.1.0');
    assert.equal(sarif.runs.length, 1);
    assert.equal(sarif.runs[0].results.length, n);
    assert.deepEqual(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId).sort(), ['invalid-suppression', 'missing-timeout']);
    const md = (await run(['scan', '--format', 'markdown'], root)).stdout;
    assert.match(md, /missing-timeout/);
    assert.match(md, /\| 15 \| Human Error \|/);
    const csv = (await run(['scan', '--format', 'csv'], root)).stdout;
    assert.equal(csv.charCodeAt(0), 0xfeff);
    assert.equal(csv.trim().split('\r\n').length, n + 1);
    const html = (await run(['scan', '--format', 'html', '--output', 'out/report.html'], root)).stdout;
    assert.equal(html, '');
    assert.match(readFileSync(path.join(root, 'out/report.html'), 'utf8'), /Content-Security-Policy/);
  });

  it('export renders from the saved scan without rescanning; without one it says what to run', async () => {
    const root = workspace({ 'src/net.ts': `export const get = (u: string) => fetch(u);\n` });
    const none = await run(['export', '--format', 'markdown'], root);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /no saved scan .*findings\.json.*scan --save/);
    assert.equal((await run(['scan', '--save', '--fail-on', 'none'], root)).code, 0);
    // the code changes after the scan: export still reports what was saved
    writeFileSync(path.join(root, 'src/net.ts'), `export const get = (u: string) => fetch(u, { signal: AbortSignal.timeout(1000) });\n`);
    const md = await run(['export', '--format', 'markdown'], root);
    assert.equal(md.code, 0, md.stderr);
    assert.match(md.stdout, /missing-timeout/);
    const csv = await run(['export', '--format', 'csv', '--output', 'r.csv'], root);
    assert.equal(csv.code, 0);
    assert.match(readFileSync(path.join(root, 'r.csv'), 'utf8'), /missing-timeout/);
    const bad = await run(['export', '--format', 'markdown', '--category', 'speed'], root);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--category must be a category id/);
  });
});

