// Precision and recall of the idempotency and LLM cost rules on a hand-labelled corpus
// (test/corpus/idempotency-llm/<rule-id>/), written from the issue's definitions before the rules
// were read. A line ending in `// expect: <rule-id>` (or `… x2`) must be flagged that many times;
// a line ending in `// ok: <rule-id>` is a labelled look-alike that must not be; any other flagged
// line counts as a false positive too.
//   TP = flagged and expected, FP = flagged but not expected, FN = expected but not flagged.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { RuleDefinition } from '../../src/core/engine/rule';
import { llmCallInLoop } from '../../src/core/rules/llm-call-in-loop';
import { llmCallWithoutLimit } from '../../src/core/rules/llm-call-without-limit';
import { missingIdempotencyKey } from '../../src/core/rules/missing-idempotency-key';
import { unstableIdempotencyKey } from '../../src/core/rules/unstable-idempotency-key';
import { findingsFor } from './ruleTester';

const MIN_PRECISION = 0.9;
const MIN_RECALL = 0.85;
const MIN_SITES = 30;
const CORPUS = path.resolve(__dirname, '../../../test/corpus/idempotency-llm');
const LABEL = /\/\/\s*(expect|ok):\s*([a-z0-9-]+)(?:\s+x(\d+))?\s*$/;

interface Site {
  file: string;
  line: number;
  text: string;
}

interface Score {
  files: number;
  expected: number;
  negatives: number;
  tp: number;
  fp: Site[];
  fn: Site[];
}

function scoreRule(rule: RuleDefinition<any>): Score {
  const dir = path.join(CORPUS, rule.id);
  const score: Score = { files: 0, expected: 0, negatives: 0, tp: 0, fp: [], fn: [] };
  for (const name of readdirSync(dir).sort()) {
    const code = readFileSync(path.join(dir, name), 'utf8');
    const lines = code.split('\n');
    const expected = new Map<number, number>();
    lines.forEach((l, i) => {
      const m = LABEL.exec(l);
      if (!m) return;
      // A label naming another id is a typo that would silently drop a site.
      assert.equal(m[2], rule.id, `${rule.id}/${name}:${i + 1} labels another rule id "${m[2]}"`);
      if (m[1] === 'expect') expected.set(i + 1, Number(m[3] ?? 1));
      else score.negatives++;
    });
    const actual = new Map<number, number>();
    for (const f of findingsFor(rule, { code, file: `corpus/${name}` })) actual.set(f.line, (actual.get(f.line) ?? 0) + 1);
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

describe('idempotency and LLM cost rules on the labelled corpus', () => {
  for (const rule of [missingIdempotencyKey, unstableIdempotencyKey, llmCallWithoutLimit, llmCallInLoop]) {
    it(`${rule.id}: precision ≥ ${MIN_PRECISION}, recall ≥ ${MIN_RECALL}`, () => {
      assert.ok(existsSync(path.join(CORPUS, rule.id)), `corpus folder for ${rule.id} is missing`);
      const s = scoreRule(rule);
      const precision = ratio(s.tp, s.tp + s.fp.length);
      const recall = ratio(s.tp, s.expected);
      console.log(
        `${rule.id}: files ${s.files}, labelled positive ${s.expected}, labelled negative ${s.negatives}, ` +
          `TP ${s.tp}, FP ${s.fp.length}, FN ${s.fn.length}, precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`,
      );
      // A corpus too small to say anything would pass trivially.
      assert.ok(s.expected >= MIN_SITES && s.negatives >= MIN_SITES, `${rule.id}: corpus needs ≥ ${MIN_SITES} positive and ≥ ${MIN_SITES} negative sites`);
      const list = (title: string, sites: Site[]) => (sites.length ? `\n${title}:\n${sites.map((x) => `  ${x.file}:${x.line}  ${x.text}`).join('\n')}` : '');
      const detail = list('false positives', s.fp) + list('false negatives', s.fn);
      if (process.env.CORPUS_VERBOSE) console.log(detail);
      assert.ok(precision >= MIN_PRECISION, `${rule.id}: precision ${precision.toFixed(3)} < ${MIN_PRECISION}${detail}`);
      assert.ok(recall >= MIN_RECALL, `${rule.id}: recall ${recall.toFixed(3)} < ${MIN_RECALL}${detail}`);
    });
  }
});
