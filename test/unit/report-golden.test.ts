// Golden files: every export format of a scan of the bundled sample workspace, normalised for the
// date, the time and the tool version. A change in any rule's findings or in an exporter shows up
// here as a diff to review. Regenerate with UPDATE_GOLDEN=1 after checking the change is intended.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../../src/cli/main';
import { TOOL } from '../../src/core/toolInfo';

const repo = path.resolve(__dirname, '../../..');
const goldenDir = path.join(repo, 'test/fixtures/golden');

function normalise(text: string, root: string): string {
  return text
    .split(root)
    .join('<ROOT>')
    .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g, '<TIME>')
    .replace(/\b20\d{2}-\d{2}-\d{2}\b/g, '<DATE>')
    .split(`"${TOOL.version}"`)
    .join('"<VERSION>"')
    .split(` ${TOOL.version}`)
    .join(' <VERSION>')
    .split(`v${TOOL.version}`)
    .join('v<VERSION>');
}

async function run(argv: string[], cwd: string): Promise<string> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { cwd, stdout: (t) => (out += t), stderr: (t) => (err += t), stderrIsTTY: false, stdoutIsTTY: false });
  assert.ok(code === 0 || code === 1, `exit ${code}: ${err}`);
  return out;
}

describe('golden reports of the sample workspace', () => {
  // a copy, so that no .production-audit/ file written by a test lands in the examples folder
  // (under its own name, which the reports show as the system audited)
  const parent = mkdtempSync(path.join(os.tmpdir(), 'pa-golden-'));
  const root = path.join(parent, 'sample-service');
  cpSync(path.join(repo, 'examples/sample-service'), root, { recursive: true });

  for (const [format, ext] of [
    ['json', 'json'],
    ['sarif', 'sarif'],
    ['markdown', 'md'],
    ['html', 'html'],
    ['csv', 'csv'],
  ] as const) {
    it(`${format} matches test/fixtures/golden/sample-service.${ext}`, async () => {
      const actual = normalise(await run(['scan', '--format', format, '--fail-on', 'none'], root), root);
      const file = path.join(goldenDir, `sample-service.${ext}`);
      if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
        if (process.env.CI && !existsSync(file)) assert.fail(`golden file ${path.relative(repo, file)} is missing; run the tests once with UPDATE_GOLDEN=1 and commit it`);
        mkdirSync(goldenDir, { recursive: true });
        writeFileSync(file, actual);
      }
      assert.equal(actual, readFileSync(file, 'utf8'));
    });
  }

  it('cleans up', () => rmSync(parent, { recursive: true, force: true }));
});
