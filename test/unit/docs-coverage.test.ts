// Docs stay in step with the code: every registered rule has a page with examples, every example in
// a rule's `docs` produces what it claims, and the coverage table (docs/rules/README.md) names every
// category, rule and probe. Iterates the registry: a new rule without its page fails here.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { minimatch } from 'minimatch';
import type { RecognizerConfig } from '../../src/core/audit/config';
import { CATEGORIES, getItem, itemsForProbe } from '../../src/core/categories';
import { analyzeText } from '../../src/core/engine/engine';
import type { RuleDefinition, RuleExample } from '../../src/core/engine/rule';
import { PROBES } from '../../src/core/probes';
import { RULES } from '../../src/core/rules/registry';

const DOCS = path.resolve(__dirname, '../../../docs/rules');
const README = path.join(DOCS, 'README.md');

interface Heading {
  level: number;
  text: string;
  line: number;
}

/** Headings outside fenced code blocks (a `# comment` in a YAML block is not a heading). */
function headings(lines: readonly string[]): Heading[] {
  const out: Heading[] = [];
  let fence: string | undefined;
  lines.forEach((l, i) => {
    const f = /^\s*(```+|~~~+)/.exec(l);
    if (f) {
      if (!fence) fence = f[1];
      else if (f[1].startsWith(fence[0]) && f[1].length >= fence.length) fence = undefined;
      return;
    }
    const h = !fence && /^(#{1,6})\s+(.*)$/.exec(l);
    if (h) out.push({ level: h[1].length, text: h[2].trim(), line: i });
  });
  return out;
}

/** The lines under a heading, up to the next heading of the same or a higher level. */
function section(lines: readonly string[], all: readonly Heading[], h: Heading): string[] {
  const next = all.find((o) => o.line > h.line && o.level <= h.level);
  return lines.slice(h.line + 1, next ? next.line : lines.length);
}

function codeBlocks(lines: readonly string[]): number {
  return lines.filter((l) => /^\s*```/.test(l)).length / 2;
}

/**
 * The file an example is analysed as: `src/case.ts`, or for a rule that only looks at some paths (an
 * option named `…Globs`, like destructive-migration's migrationGlobs) a path its first glob matches.
 */
function exampleFile(rule: RuleDefinition<any>, ex: RuleExample): string {
  const own = (ex as RuleExample & { file?: unknown }).file;
  if (typeof own === 'string') return own;
  for (const [name, value] of Object.entries(rule.options)) {
    if (!/Globs$/.test(name) || !Array.isArray(value) || typeof value[0] !== 'string') continue;
    const glob = value[0];
    const candidate = glob.replace(/^\*\*\//, '').replace(/\/\*\*$/, '/case.ts').replace(/\*\*/g, 'x').replace(/\*/g, 'case');
    if (minimatch(candidate, glob, { dot: true })) return candidate;
  }
  return 'src/case.ts';
}

function findings(rule: RuleDefinition<any>, ex: RuleExample): string[] {
  const recognizers: RecognizerConfig = { http: [], db: [], logger: [], retry: [] };
  const result = analyzeText(exampleFile(rule, ex), ex.code, { rules: {}, recognizers }, { only: [rule.id] });
  assert.deepEqual(result.errors.map((e) => e.message), [], 'analysis errors');
  return result.findings.filter((f) => f.ruleId === rule.id).map((f) => `${f.line}:${f.column} ${f.message.split('. ')[0]}`);
}

describe('rule docs pages', () => {
  for (const rule of RULES) {
    describe(`rule ${rule.id}`, () => {
      const page = path.join(DOCS, `${rule.id}.md`);

      it(`has docs/rules/${rule.id}.md with an examples section holding invalid and valid code blocks`, () => {
        assert.ok(existsSync(page), `docs/rules/${rule.id}.md is missing`);
        const lines = readFileSync(page, 'utf8').split('\n');
        const all = headings(lines);
        assert.match(all[0]?.text ?? '', new RegExp(`\`${rule.id}\``), 'the title names the rule id');
        const examples = all.find((h) => h.level === 2 && /example/i.test(h.text));
        assert.ok(examples, 'no "## Examples" section');
        const end = all.find((h) => h.line > examples.line && h.level <= 2)?.line ?? lines.length;
        const inside = all.filter((h) => h.line > examples.line && h.line < end && h.level > 2);
        const invalid = inside.find((h) => /^invalid\b/i.test(h.text));
        const valid = inside.find((h) => /^valid\b/i.test(h.text));
        assert.ok(invalid, 'no "Invalid" heading under the examples section');
        assert.ok(valid, 'no "Valid" heading under the examples section');
        assert.ok(codeBlocks(section(lines, all, invalid)) >= 1, 'no code block under "Invalid"');
        assert.ok(codeBlocks(section(lines, all, valid)) >= 1, 'no code block under "Valid"');
      });

      it('documents at least one invalid and one valid example in its metadata', () => {
        assert.ok(rule.docs.invalid.length >= 1);
        assert.ok(rule.docs.valid.length >= 1);
        for (const text of [rule.docs.summary, rule.docs.why, rule.docs.fix]) assert.ok(text.trim().length > 0);
      });

      rule.docs.invalid.forEach((ex, i) => {
        it(`docs invalid example ${i + 1} produces exactly ${ex.count ?? 1} finding(s)`, () => {
          assert.equal(findings(rule, ex).length, ex.count ?? 1, ex.code);
        });
      });
      rule.docs.valid.forEach((ex, i) => {
        it(`docs valid example ${i + 1} produces no finding`, () => {
          assert.deepEqual(findings(rule, ex), [], ex.code);
        });
      });
    });
  }
});

describe('coverage table (docs/rules/README.md)', () => {
  const text = readFileSync(README, 'utf8');
  const lines = text.split('\n');
  const all = headings(lines);
  const categorySection = (number: number, title: string): string[] => {
    const h = all.find((x) => x.level === 2 && x.text === `${number}. ${title}`);
    assert.ok(h, `no "## ${number}. ${title}" section`);
    return section(lines, all, h);
  };

  it('has a section for every category, in framework order', () => {
    const titles = all.filter((h) => h.level === 2 && /^\d+\. /.test(h.text)).map((h) => h.text);
    assert.deepEqual(titles, CATEGORIES.map((c) => `${c.number}. ${c.title}`));
    for (const c of CATEGORIES) assert.match(text, new RegExp(`^\\| ${c.number} \\| ${c.title.replace(/[/]/g, '\\/')} \\|`, 'm'), `summary row for ${c.title}`);
  });

  it('lists every registered rule in the section of its category, linked to its page', () => {
    for (const rule of RULES) {
      const c = CATEGORIES.find((x) => x.id === rule.category)!;
      const body = categorySection(c.number, c.title).join('\n');
      assert.ok(body.includes(`[\`${rule.id}\`](${rule.id}.md)`), `${rule.id} is missing from the ${c.title} section`);
    }
  });

  it('names every probe in the section of each category it supports, and in the probes table', () => {
    for (const probe of PROBES) {
      for (const item of itemsForProbe(probe.id)) {
        const c = CATEGORIES.find((x) => x.id === item.category)!;
        assert.ok(categorySection(c.number, c.title).join('\n').includes(`\`${probe.id}\``), `${probe.id} is missing from the ${c.title} section`);
      }
      assert.match(text, new RegExp(`^\\| \`${probe.id}\` \\| `, 'm'), `${probe.id} is missing from "Probes at a glance"`);
    }
  });

  it('says what the auditor does where static analysis cannot judge', () => {
    for (const c of CATEGORIES) {
      const body = categorySection(c.number, c.title).join('\n');
      assert.match(body, /\*\*(Beyond static analysis|What the checklist asks instead)\.\*\*/, c.title);
    }
    for (const title of ['UI/UX Safety', 'Recovery']) {
      const c = CATEGORIES.find((x) => x.title === title)!;
      assert.match(categorySection(c.number, c.title).join('\n'), /^No rules and no probes\./m, title);
    }
  });

  it('refers only to checklist items that exist', () => {
    const ids = [...text.matchAll(/`([a-z-]+\.[a-z0-9-]+)`/g)].map((m) => m[1]).filter((id) => CATEGORIES.some((c) => id.startsWith(`${c.id}.`)));
    assert.ok(ids.length >= 30);
    for (const id of ids) assert.ok(getItem(id), `unknown checklist item ${id}`);
  });

  it('lists only registered rules, each with a page (rules still being written fail here until they land)', () => {
    const linked = [...text.matchAll(/\[`([a-z0-9-]+)`\]\(([a-z0-9-]+)\.md\)/g)];
    assert.ok(linked.length >= RULES.length);
    const problems: string[] = [];
    for (const [, id, page] of linked) {
      assert.equal(id, page, `link text and page differ for ${id}`);
      if (!RULES.some((r) => r.id === id)) problems.push(`${id}: not registered`);
      if (!existsSync(path.join(DOCS, `${page}.md`))) problems.push(`${id}: no docs/rules/${page}.md`);
    }
    assert.deepEqual(problems, []);
  });
});
