import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ts } from 'ts-morph';
import { analyzeText } from '../../src/core/engine/engine';
import { addTimeoutEdit, logAndRethrowEdit } from '../../src/core/fixes/quickFixes';
import { applyEdits, suppressionEdit } from '../../src/core/fixes/textEdits';

function syntaxErrors(file: string, text: string): string[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.js') ? ts.ScriptKind.JS : ts.ScriptKind.TS);
  return ((sf as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics ?? []).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

/** Applies the fix for the first finding of `ruleId` and checks: still parses, and the finding is gone. */
function fix(ruleId: string, code: string, file = 'src/x.ts', ms = 10000): string {
  const before = analyzeText(file, code, undefined, { only: [ruleId] }).findings.filter((f) => f.ruleId === ruleId);
  assert.ok(before.length >= 1, `expected a ${ruleId} finding to fix`);
  const f = before[0];
  const edits = ruleId === 'missing-timeout' ? addTimeoutEdit(file, code, f.line, f.column, ms)?.edits : logAndRethrowEdit(file, code, f.line, f.column);
  assert.ok(edits, 'a fix is offered');
  const out = applyEdits(code, edits);
  assert.deepEqual(syntaxErrors(file, out), [], out);
  const after = analyzeText(file, out, undefined, { only: [ruleId] }).findings.filter((x) => x.ruleId === ruleId);
  assert.equal(after.length, before.length - 1, `the fixed finding is gone:\n${out}`);
  return out;
}

describe('quick fix: add a timeout', () => {
  it('fetch(url) gets an init object with an abort signal', () => {
    const out = fix('missing-timeout', `export async function f(url: string) {\n  return fetch(url);\n}\n`);
    assert.match(out, /fetch\(url, \{ signal: AbortSignal\.timeout\(10000\) \}\)/);
  });

  it('an existing fetch init gets the signal added (multi-line style kept)', () => {
    const out = fix('missing-timeout', `export async function f(url: string, body: string) {\n  return fetch(url, {\n    method: 'POST',\n    body,\n  });\n}\n`, 'src/x.ts', 2500);
    assert.match(out, / {4}body,\n {4}signal: AbortSignal\.timeout\(2500\),\n {2}\}\)/);
  });

  it('axios.get(url) gets a config with timeout', () => {
    const out = fix('missing-timeout', `import axios from 'axios';\nexport const f = () => axios.get('/users');\n`);
    assert.match(out, /axios\.get\('\/users', \{ timeout: 10000 \}\)/);
  });

  it('axios.post(url, data, config) gets timeout in its existing config', () => {
    const out = fix('missing-timeout', `import axios from 'axios';\nexport const f = (d: object) => axios.post('/users', d, { headers: { a: '1' } });\n`);
    assert.match(out, /\{ headers: \{ a: '1' \}, timeout: 10000 \}/);
  });

  it('axios.post(url) fills the missing data argument', () => {
    const out = fix('missing-timeout', `import axios from 'axios';\nexport const f = () => axios.post('/ping');\n`);
    assert.match(out, /axios\.post\('\/ping', undefined, \{ timeout: 10000 \}\)/);
  });

  it('axios.create() gets a config', () => {
    const out = fix('missing-timeout', `import axios from 'axios';\nexport const api = axios.create();\n`);
    assert.match(out, /axios\.create\(\{ timeout: 10000 \}\)/);
  });

  it('got(url) gets timeout.request', () => {
    const out = fix('missing-timeout', `import got from 'got';\nexport const f = (u: string) => got(u);\n`);
    assert.match(out, /got\(u, \{ timeout: \{ request: 10000 \} \}\)/);
  });
});

describe('quick fix: log and rethrow a swallowed exception', () => {
  it('a bare catch {} gets a binding, a log and a rethrow', () => {
    const out = fix('swallowed-exception', `export function p(s: string) {\n  try {\n    return JSON.parse(s);\n  } catch {\n    return null;\n  }\n}\n`);
    assert.match(out, /catch \(error\) \{\n {4}console\.error\(error\);\n {4}throw error;\n {2}\}/);
  });

  it('uses the file’s logger and the existing binding name, keeping comments of an empty catch', () => {
    const out = fix('swallowed-exception', `import { logger } from './logger';\nexport async function p(job: () => Promise<void>) {\n  try {\n    await job();\n  } catch (err) {\n    // ignore\n  }\n}\n`);
    assert.match(out, /catch \(err\) \{\n {4}\/\/ ignore\n {4}logger\.error\(err\);\n {4}throw err;\n {2}\}/);
  });

  it('uses this.logger inside a class', () => {
    const out = fix('swallowed-exception', `export class S {\n  constructor(private readonly logger: { error(e: unknown): void }) {}\n  run(f: () => void) {\n    try {\n      f();\n    } catch (e) {}\n  }\n}\n`);
    assert.match(out, /this\.logger\.error\(e\);/);
  });

  it('.catch(() => null) becomes a handler that logs and rethrows (no type annotation in JS)', () => {
    const out = fix('swallowed-exception', `export function p(job) {\n  return job().catch(() => null);\n}\n`, 'src/x.js');
    assert.match(out, /\.catch\(\(error\) => \{\n {4}console\.error\(error\);\n {4}throw error;\n {2}\}\)/);
  });
});

describe('suppression edit', () => {
  it('inserts the comment above the line at its indentation, with the reason on one line', () => {
    const text = `function f() {\n    fetch(u);\n}\n`;
    const out = applyEdits(text, [suppressionEdit(text, 2, 'missing-timeout', 'the  proxy\nenforces 2 s')]);
    assert.equal(out, `function f() {\n    // prodaudit-ignore-next-line missing-timeout -- the proxy enforces 2 s\n    fetch(u);\n}\n`);
    const f = analyzeText('src/x.ts', `export function g(u: string) {\n${out.split('\n').slice(1, 3).join('\n')}\n}\n`, undefined, { only: ['missing-timeout'] }).findings;
    assert.ok(f.every((x) => x.ruleId !== 'missing-timeout' || x.suppression));
  });
});
