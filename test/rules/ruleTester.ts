// Valid/invalid case runner for rules (in the spirit of ESLint's RuleTester), plus annotated
// fixture files: a line ending in `// expect: <rule-id>` (or `// expect: <rule-id> x2`) must
// produce that many findings of the rule on that line, and no other line may produce any.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { RuleSetting } from '../../src/core/audit/config';
import { analyzeText } from '../../src/core/engine/engine';
import type { RuleDefinition } from '../../src/core/engine/rule';
import type { Finding, Severity } from '../../src/core/model';
import type { RecognizerConfig } from '../../src/core/audit/config';

export interface RuleCase {
  code: string;
  /** File name (decides TS/JS/TSX, and path-based behaviour such as migrations). Default `src/case.ts`. */
  file?: string;
  /** A short name for the test title. */
  name?: string;
  options?: Record<string, unknown>;
  recognizers?: Partial<RecognizerConfig>;
}

export interface InvalidCase extends RuleCase {
  /** Number of findings of this rule (default 1). */
  count?: number;
  /** Substrings the (first) message must contain. */
  messageIncludes?: string[];
  /** 1-based line of the (first) finding. */
  line?: number;
  /** The text the (first) finding's range must cover exactly. */
  text?: string;
  severity?: Severity;
  /** Number of related locations on the first finding. */
  related?: number;
}

export function findingsFor(rule: RuleDefinition<any>, c: RuleCase): Finding[] {
  const rules: Record<string, RuleSetting> = {};
  if (c.options) rules[rule.id] = { enabled: true, options: c.options };
  const recognizers: RecognizerConfig = { http: [], db: [], logger: [], retry: [], ...(c.recognizers ?? {}) };
  const result = analyzeText(c.file ?? 'src/case.ts', c.code, { rules, recognizers }, { only: [rule.id] });
  if (result.errors.length) {
    throw new Error(`analysis errors: ${result.errors.map((e) => e.message).join('; ')}`);
  }
  return result.findings.filter((f) => f.ruleId === rule.id);
}

function title(kind: string, i: number, c: RuleCase): string {
  const first = c.name ?? c.code.trim().split('\n').find((l) => l.trim() && !l.trim().startsWith('import'))?.trim() ?? '';
  return `${kind} #${i + 1}: ${first.slice(0, 90)}`;
}

function textOf(code: string, f: Finding): string {
  const lines = code.split('\n');
  if (f.line === f.endLine) return lines[f.line - 1].slice(f.column - 1, f.endColumn - 1);
  const parts = [lines[f.line - 1].slice(f.column - 1), ...lines.slice(f.line, f.endLine - 1), lines[f.endLine - 1].slice(0, f.endColumn - 1)];
  return parts.join('\n');
}

export function runRuleTests(rule: RuleDefinition<any>, cases: { valid: (string | RuleCase)[]; invalid: InvalidCase[] }): void {
  describe(`rule ${rule.id}`, () => {
    cases.valid.forEach((v, i) => {
      const c = typeof v === 'string' ? { code: v } : v;
      it(title('valid', i, c), () => {
        const found = findingsFor(rule, c);
        assert.deepEqual(
          found.map((f) => `${f.line}:${f.column} ${f.message.slice(0, 80)}`),
          [],
          'expected no finding',
        );
      });
    });
    cases.invalid.forEach((c, i) => {
      it(title('invalid', i, c), () => {
        const found = findingsFor(rule, c);
        assert.equal(found.length, c.count ?? 1, `expected ${c.count ?? 1} finding(s), got ${found.length}: ${found.map((f) => `${f.line}:${f.column}`).join(', ')}`);
        const f = found[0];
        if (c.line !== undefined) assert.equal(f.line, c.line, 'line of the finding');
        if (c.text !== undefined) assert.equal(textOf(c.code, f), c.text, 'text covered by the finding');
        if (c.severity) assert.equal(f.severity, c.severity, 'severity');
        if (c.related !== undefined) assert.equal(f.related.length, c.related, 'related locations');
        for (const s of c.messageIncludes ?? []) assert.ok(f.message.includes(s), `message should include "${s}": ${f.message}`);
        assert.equal(f.category, rule.category);
        assert.ok(f.fingerprint.startsWith(`${rule.id}:`));
      });
    });
  });
}

const EXPECT = /\/\/\s*expect:\s*([a-z0-9-]+)(?:\s+x(\d+))?/;

/** Runs every fixture file in `test/rules/fixtures/<rule-id>/` (annotated with `// expect: <id>`). */
export function runFixtureTests(rule: RuleDefinition<any>): void {
  const dir = path.resolve(__dirname, '../../../test/rules/fixtures', rule.id);
  if (!existsSync(dir)) return;
  describe(`rule ${rule.id} fixtures`, () => {
    for (const name of readdirSync(dir).sort()) {
      it(`fixture ${name}`, () => {
        const code = readFileSync(path.join(dir, name), 'utf8');
        const expected = new Map<number, number>();
        code.split('\n').forEach((l, i) => {
          const m = EXPECT.exec(l);
          if (m && m[1] === rule.id) expected.set(i + 1, Number(m[2] ?? 1));
        });
        const found = findingsFor(rule, { code, file: `fixtures/${name}` });
        const actual = new Map<number, number>();
        for (const f of found) actual.set(f.line, (actual.get(f.line) ?? 0) + 1);
        assert.deepEqual(Object.fromEntries([...actual].sort((a, b) => a[0] - b[0])), Object.fromEntries([...expected].sort((a, b) => a[0] - b[0])), 'line → number of findings');
      });
    }
  });
}

/** Runs the examples of the rule's own docs: each invalid one produces its count, each valid one none. */
export function runDocsExamples(rule: RuleDefinition<any>): void {
  describe(`rule ${rule.id} documented examples`, () => {
    rule.docs.invalid.forEach((ex, i) => {
      it(`docs invalid example ${i + 1}`, () => assert.equal(findingsFor(rule, { code: ex.code }).length, ex.count ?? 1));
    });
    rule.docs.valid.forEach((ex, i) => {
      it(`docs valid example ${i + 1}`, () => assert.equal(findingsFor(rule, { code: ex.code }).length, 0));
    });
  });
}
