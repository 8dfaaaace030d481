// Precision and recall of the six data-access rules (issue 6) over a hand-labelled corpus
// (test/corpus/data/<rule-id>/*), written from the definitions before reading the rules.
// Every corpus file is scanned by all six rules, so each file is also look-alike material for the
// other five.
// Labels: a line ending in `// expect: <rule-id>` (optionally `x2`) must be flagged by that rule that
// many times; `// ok: <rule-id>` marks a deliberate negative site (only counted); any finding on a line
// without an `expect` for its rule is a false positive.
// A file may name the path it is analysed under with a first-line comment `// corpus-path: <path>`
// (default `src/corpus/<dir>/<file>`); destructive-migration only looks at migration paths.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { RuleDefinition } from '../../src/core/engine/rule';
import type { Finding } from '../../src/core/model';
import { deleteWithoutFilter } from '../../src/core/rules/delete-without-filter';
import { destructiveMigration } from '../../src/core/rules/destructive-migration';
import { missingTransaction } from '../../src/core/rules/missing-transaction';
import { readModifyWriteRace } from '../../src/core/rules/read-modify-write-race';
import { unboundedQuery } from '../../src/core/rules/unbounded-query';
import { unguardedStatusTransition } from '../../src/core/rules/unguarded-status-transition';
import { findingsFor } from './ruleTester';

const RULES: RuleDefinition<any>[] = [deleteWithoutFilter, destructiveMigration, unboundedQuery, unguardedStatusTransition, readModifyWriteRace, missingTransaction];
const PRECISION = 0.9;
const RECALL = 0.85;
const MIN_SITES = 25;

const corpusDir = path.resolve(__dirname, '../../../test/corpus/data');

interface CorpusFile {
  rel: string;
  virtualPath: string;
  code: string;
  lines: string[];
}

function loadCorpus(): CorpusFile[] {
  const files: CorpusFile[] = [];
  if (!existsSync(corpusDir)) return files;
  for (const dir of readdirSync(corpusDir).sort()) {
    for (const name of readdirSync(path.join(corpusDir, dir)).sort()) {
      if (!/\.(c|m)?(t|j)sx?$/.test(name)) continue;
      const code = readFileSync(path.join(corpusDir, dir, name), 'utf8');
      const header = /^\/\/\s*corpus-path:\s*(\S+)/.exec(code);
      files.push({ rel: `${dir}/${name}`, virtualPath: header ? header[1] : `src/corpus/${dir}/${name}`, code, lines: code.split('\n') });
    }
  }
  return files;
}

/** line (1-based) → expected count, for one rule. */
function expectations(file: CorpusFile, ruleId: string): Map<number, number> {
  const out = new Map<number, number>();
  file.lines.forEach((l, i) => {
    for (const m of l.matchAll(/\/\/\s*expect:\s*([a-z0-9-]+)(?:\s+x(\d+))?/g)) {
      if (m[1] === ruleId) out.set(i + 1, (out.get(i + 1) ?? 0) + Number(m[2] ?? 1));
    }
  });
  return out;
}

function negativeSites(file: CorpusFile, ruleId: string): number {
  return file.lines.filter((l) => [...l.matchAll(/\/\/\s*ok:\s*([a-z0-9-]+)/g)].some((m) => m[1] === ruleId)).length;
}

interface Score {
  tp: number;
  fp: number;
  fn: number;
  positives: number;
  negatives: number;
  falsePositives: string[];
  falseNegatives: string[];
  findings: { file: CorpusFile; finding: Finding }[];
}

function score(rule: RuleDefinition<any>, corpus: CorpusFile[]): Score {
  const s: Score = { tp: 0, fp: 0, fn: 0, positives: 0, negatives: 0, falsePositives: [], falseNegatives: [], findings: [] };
  for (const file of corpus) {
    const expected = expectations(file, rule.id);
    s.negatives += negativeSites(file, rule.id);
    for (const n of expected.values()) s.positives += n;
    const found = findingsFor(rule, { code: file.code, file: file.virtualPath });
    const actual = new Map<number, number>();
    for (const f of found) {
      actual.set(f.line, (actual.get(f.line) ?? 0) + 1);
      s.findings.push({ file, finding: f });
    }
    for (const line of new Set([...expected.keys(), ...actual.keys()])) {
      const e = expected.get(line) ?? 0;
      const a = actual.get(line) ?? 0;
      const where = `${file.rel}:${line}  ${file.lines[line - 1].trim().slice(0, 110)}`;
      s.tp += Math.min(e, a);
      if (a > e) {
        s.fp += a - e;
        s.falsePositives.push(where);
      }
      if (e > a) {
        s.fn += e - a;
        s.falseNegatives.push(where);
      }
    }
  }
  return s;
}

const ratio = (num: number, den: number) => (den === 0 ? 1 : num / den);

describe('data-access rules on the labelled corpus', () => {
  const corpus = loadCorpus();

  it('has a corpus for every rule', () => {
    for (const rule of RULES) assert.ok(existsSync(path.join(corpusDir, rule.id)), `missing test/corpus/data/${rule.id}`);
  });

  for (const rule of RULES) {
    it(`${rule.id}: precision ≥ ${PRECISION} and recall ≥ ${RECALL}`, () => {
      const s = score(rule, corpus);
      const precision = ratio(s.tp, s.tp + s.fp);
      const recall = ratio(s.tp, s.tp + s.fn);
      console.log(
        `${rule.id}: precision ${precision.toFixed(3)} (${s.tp}/${s.tp + s.fp}), recall ${recall.toFixed(3)} (${s.tp}/${s.tp + s.fn}); ` +
          `${s.positives} positive and ${s.negatives} negative labelled sites`,
      );
      const detail = `\nfalse positives:\n  ${s.falsePositives.join('\n  ') || '(none)'}\nfalse negatives:\n  ${s.falseNegatives.join('\n  ') || '(none)'}`;
      if (s.fp + s.fn > 0) console.log(`${rule.id}:${detail}`);
      assert.ok(s.positives >= MIN_SITES, `only ${s.positives} positive sites for ${rule.id}`);
      assert.ok(s.negatives >= MIN_SITES, `only ${s.negatives} negative sites for ${rule.id}`);
      assert.ok(precision >= PRECISION, `${rule.id} precision ${precision.toFixed(3)} < ${PRECISION}${detail}`);
      assert.ok(recall >= RECALL, `${rule.id} recall ${recall.toFixed(3)} < ${RECALL}${detail}`);
    });
  }
});
