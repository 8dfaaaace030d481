// Precision and recall of rules on a hand-labelled corpus (test/corpus/<group>/<rule-id>/).
// Each corpus file is a small realistic source file: a line ending in `// expect: <rule-id>` (or
// `… x2`) must be flagged that many times; a line ending in `// ok: <rule-id>` is a labelled look-alike
// that must not be; any other flagged line counts as a false positive too.
//   TP = flagged and expected, FP = flagged but not expected, FN = expected but not flagged.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { RuleDefinition } from '../../src/core/engine/rule';
import type { Finding } from '../../src/core/model';
import { findingsFor } from './ruleTester';

export const MIN_PRECISION = 0.9;
export const MIN_RECALL = 0.85;
const LABEL = /\/\/\s*(expect|ok):\s*([a-z0-9-]+)(?:\s+x(\d+))?\s*$/;

export interface Site {
  file: string;
  line: number;
  text: string;
}

export interface Score {
  files: number;
  expected: number;
  negatives: number;
  tp: number;
  fp: Site[];
  fn: Site[];
}

export interface CorpusOptions {
  /** Minimum labelled positive and negative sites per rule (a tiny corpus would pass trivially). */
  minPositive: number;
  minNegative: number;
  /** The path the analyser sees for a corpus file (some rules decide by path: migrations, test files). */
  fileFor?: (ruleId: string, name: string) => string;
}

export function scoreRule(rule: RuleDefinition<any>, dir: string, fileFor: (name: string) => string): Score {
  const score: Score = { files: 0, expected: 0, negatives: 0, tp: 0, fp: [], fn: [] };
  for (const name of readdirSync(dir).sort()) {
    const code = readFileSync(path.join(dir, name), 'utf8');
    const lines = code.split('\n');
    const expected = new Map<number, number>();
    lines.forEach((l, i) => {
      const m = LABEL.exec(l);
      if (!m) return;
      // a label naming another id is a typo that would silently drop a site
      assert.equal(m[2], rule.id, `${rule.id}/${name}:${i + 1} labels another rule id "${m[2]}"`);
      if (m[1] === 'expect') expected.set(i + 1, Number(m[3] ?? 1));
      else score.negatives++;
    });
    const actual = new Map<number, number>();
    for (const f of findingsFor(rule, { code, file: fileFor(name) })) actual.set(f.line, (actual.get(f.line) ?? 0) + 1);
    const site = (line: number): Site => ({ file: name, line, text: lines[line - 1].trim().slice(0, 110) });
    for (const [line, n] of expected) {
      const got = actual.get(line) ?? 0;
      score.expected += n;
      score.tp += Math.min(n, got);
      for (let k = got; k < n; k++) score.fn.push(site(line));
    }
    for (const [line, got] of actual) {
      const n = expected.get(line) ?? 0;
      for (let k = n; k < got; k++) score.fp.push(site(line));
    }
    score.files++;
  }
  return score;
}

function ratio(num: number, den: number): number {
  return den === 0 ? 1 : num / den;
}

/** One test per rule: precision ≥ 0.9 and recall ≥ 0.85 on its corpus folder, with the numbers printed. */
export function runCorpus(title: string, corpusDir: string, rules: readonly RuleDefinition<any>[], options: CorpusOptions): void {
  describe(title, () => {
    for (const rule of rules) {
      it(`${rule.id}: precision ≥ ${MIN_PRECISION}, recall ≥ ${MIN_RECALL}`, () => {
        const dir = path.join(corpusDir, rule.id);
        assert.ok(existsSync(dir), `corpus folder for ${rule.id} is missing`);
        const s = scoreRule(rule, dir, (name) => options.fileFor?.(rule.id, name) ?? `corpus/${name}`);
        const precision = ratio(s.tp, s.tp + s.fp.length);
        const recall = ratio(s.tp, s.expected);
        console.log(
          `${rule.id}: files ${s.files}, labelled positive ${s.expected}, labelled negative ${s.negatives}, ` +
            `TP ${s.tp}, FP ${s.fp.length}, FN ${s.fn.length}, precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`,
        );
        assert.ok(s.expected >= options.minPositive && s.negatives >= options.minNegative, `${rule.id}: corpus needs ≥ ${options.minPositive} positive and ≥ ${options.minNegative} negative sites`);
        const list = (head: string, sites: Site[]) => (sites.length ? `\n${head}:\n${sites.map((x) => `  ${x.file}:${x.line}  ${x.text}`).join('\n')}` : '');
        const detail = list('false positives', s.fp) + list('false negatives', s.fn);
        if (process.env.CORPUS_VERBOSE) console.log(detail);
        assert.ok(precision >= MIN_PRECISION, `${rule.id}: precision ${precision.toFixed(3)} < ${MIN_PRECISION}${detail}`);
        assert.ok(recall >= MIN_RECALL, `${rule.id}: recall ${recall.toFixed(3)} < ${MIN_RECALL}${detail}`);
      });
    }
  });
}

// ---- group corpora: every file of the group is scanned by every rule of the group ----------------
// (test/corpus/<group>/<rule-id>/*), so each file is also look-alike material for the other rules.
// Labels: `// expect: <rule-id>` (optionally `x2`) must be flagged by that rule; `// ok: <rule-id>`
// marks a deliberate negative site (only counted); any other finding is a false positive. A file may
// name the path it is analysed under with a first-line comment `// corpus-path: <path>` (default
// `src/corpus/<dir>/<file>`; some rules decide by path: migrations, test fixtures).

export interface CorpusFile {
  rel: string;
  virtualPath: string;
  code: string;
  lines: string[];
}

export function loadGroupCorpus(corpusDir: string): CorpusFile[] {
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

export interface GroupScore {
  tp: number;
  fp: number;
  fn: number;
  positives: number;
  negatives: number;
  falsePositives: string[];
  falseNegatives: string[];
  findings: { file: CorpusFile; finding: Finding }[];
}

export function scoreGroupRule(rule: RuleDefinition<any>, corpus: CorpusFile[]): GroupScore {
  const s: GroupScore = { tp: 0, fp: 0, fn: 0, positives: 0, negatives: 0, falsePositives: [], falseNegatives: [], findings: [] };
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


/** One test per rule of the group: precision ≥ 0.9 and recall ≥ 0.85 over the whole group corpus. */
export function runGroupCorpus(title: string, corpusDir: string, rules: readonly RuleDefinition<any>[], minSites: number): void {
  describe(title, () => {
    const corpus = loadGroupCorpus(corpusDir);

    it('has a corpus for every rule', () => {
      for (const rule of rules) assert.ok(existsSync(path.join(corpusDir, rule.id)), `missing ${path.basename(corpusDir)}/${rule.id}`);
    });

    for (const rule of rules) {
      it(`${rule.id}: precision ≥ ${MIN_PRECISION} and recall ≥ ${MIN_RECALL}`, () => {
        const s = scoreGroupRule(rule, corpus);
        const precision = ratio(s.tp, s.tp + s.fp);
        const recall = ratio(s.tp, s.tp + s.fn);
        console.log(
          `${rule.id}: precision ${precision.toFixed(3)} (${s.tp}/${s.tp + s.fp}), recall ${recall.toFixed(3)} (${s.tp}/${s.tp + s.fn}); ` +
            `${s.positives} positive and ${s.negatives} negative labelled sites`,
        );
        const detail = `\nfalse positives:\n  ${s.falsePositives.join('\n  ') || '(none)'}\nfalse negatives:\n  ${s.falseNegatives.join('\n  ') || '(none)'}`;
        if (s.fp + s.fn > 0) console.log(`${rule.id}:${detail}`);
        assert.ok(s.positives >= minSites, `only ${s.positives} positive sites for ${rule.id}`);
        assert.ok(s.negatives >= minSites, `only ${s.negatives} negative sites for ${rule.id}`);
        assert.ok(precision >= MIN_PRECISION, `${rule.id} precision ${precision.toFixed(3)} < ${MIN_PRECISION}${detail}`);
        assert.ok(recall >= MIN_RECALL, `${rule.id} recall ${recall.toFixed(3)} < ${MIN_RECALL}${detail}`);
      });
    }
  });
}
