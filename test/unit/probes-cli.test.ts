import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../../src/cli/main';
import { PROBES } from '../../src/core/probes';

async function run(argv: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { cwd, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), stderrIsTTY: false, stdoutIsTTY: false });
  return { code, stdout, stderr };
}

function workspace(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'pa-probes-cli-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
  return root;
}

const SERVICE = {
  'package.json': JSON.stringify({ name: 'svc', dependencies: { express: '^4', helmet: '^7' } }, null, 2),
  'tsconfig.json': '{ "compilerOptions": { "strict": true } }',
  'src/app.ts': "import helmet from 'helmet';\napp.use(helmet());\nconsole.log('up');\n",
};

describe('production-audit probes', () => {
  it('prints every probe with its status, summary and evidence, and exits 0 even when probes fail', async () => {
    const root = workspace(SERVICE);
    const r = await run(['probes'], root);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    for (const p of PROBES) assert.match(r.stdout, new RegExp(`^(PASS|FAIL|UNKNOWN) +${p.title.replace(/[()]/g, '\\$&')} \\(${p.id}\\)$`, 'm'), p.id);
    assert.match(r.stdout, /^PASS +TypeScript strict mode \(typescript-strict\)\n +Strict mode is on in the tsconfig\.\n +- tsconfig\.json:1 +"strict": true$/m);
    assert.match(r.stdout, /^FAIL +No bare console calls in server code \(no-console-in-server-code\)\n.*\n.*\n +- src\/app\.ts:3 +console\.log\('up'\);$/m);
    assert.match(r.stdout, /^PASS +Security headers middleware \(security-headers\)$/m);
    assert.match(r.stdout, new RegExp(`^${PROBES.length} probes: \\d+ pass, \\d+ fail, \\d+ unknown\\n$`, 'm'));
  });

  it('takes the folder as an argument, relative to the working directory', async () => {
    const root = workspace({ 'svc/package.json': SERVICE['package.json'], 'svc/src/app.ts': SERVICE['src/app.ts'] });
    const r = await run(['probes', 'svc', '--format', 'json'], root);
    assert.equal(r.code, 0, r.stderr);
    const doc = JSON.parse(r.stdout) as { tool: { name: string }; root: string; probes: { id: string; status: string; summary: string; items: string[]; evidence: { file?: string; line?: number; detail: string }[] }[] };
    assert.equal(doc.tool.name, 'production-audit');
    assert.equal(doc.root, 'svc');
    assert.deepEqual(doc.probes.map((p) => p.id), PROBES.map((p) => p.id));
    const headers = doc.probes.find((p) => p.id === 'security-headers');
    assert.equal(headers?.status, 'pass');
    assert.deepEqual(headers?.items, ['security.security-headers']);
    assert.deepEqual(headers?.evidence[0], { file: 'src/app.ts', line: 1, detail: "security headers: imports 'helmet'" });
  });

  it("respects the excludes of the folder's config.yaml", async () => {
    const root = workspace({ ...SERVICE, 'legacy/tsconfig.json': '{}', '.production-audit/config.yaml': 'version: 1\nexclude:\n  - legacy/**\n' });
    const doc = JSON.parse((await run(['probes', '--format', 'json'], root)).stdout) as { probes: { id: string; status: string }[] };
    assert.equal(doc.probes.find((p) => p.id === 'typescript-strict')?.status, 'pass');
    const without = workspace({ ...SERVICE, 'legacy/tsconfig.json': '{}' });
    const doc2 = JSON.parse((await run(['probes', '--format', 'json'], without)).stdout) as { probes: { id: string; status: string }[] };
    assert.equal(doc2.probes.find((p) => p.id === 'typescript-strict')?.status, 'fail');
  });

  it('reports usage errors on one line with exit code 2', async () => {
    const root = workspace(SERVICE);
    for (const [argv, message] of [
      [['probes', 'missing'], /path not found: missing/],
      [['probes', 'tsconfig.json'], /tsconfig\.json is a file/],
      [['probes', '--format', 'sarif'], /--format must be one of text, json/],
      [['probes', 'a', 'b'], /one workspace folder/],
      [['probes', '--bogus'], /bogus/],
    ] as const) {
      const r = await run([...argv], root);
      assert.equal(r.code, 2, argv.join(' '));
      assert.match(r.stderr, message);
      assert.equal(r.stderr.trim().split('\n').length, 1);
      assert.equal(r.stdout, '');
    }
  });

  it('is listed in --help', async () => {
    const r = await run(['--help'], os.tmpdir());
    assert.match(r.stdout, /production-audit probes \[path\] \[--format json\]/);
  });
});
