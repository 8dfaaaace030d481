import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ALL_ITEMS, CATEGORIES, getCategory, getItem, itemsForProbe, itemsForRule } from '../../src/core/categories';
import { CATEGORY_IDS, CATEGORY_TITLES } from '../../src/core/model';
import { RULES } from '../../src/core/rules/registry';
import { PROBES } from '../../src/core/probes';

// The framework's own table (master checklist, "Category Overview"), number → title.
const FRAMEWORK_TABLE = [
  'Security',
  'UI/UX Safety',
  'Code Quality',
  'Data Integrity',
  'Reliability',
  'Throughput',
  'Recovery',
  'Concurrency',
  'State Machine',
  'Idempotency',
  'Observability',
  'Cost Control',
  'Permissions',
  'Data Lifecycle',
  'Human Error',
];

describe('categories', () => {
  it('lists the 15 categories in the framework numbering', () => {
    assert.equal(CATEGORIES.length, 15);
    assert.deepEqual(
      CATEGORIES.map((c) => c.id),
      [...CATEGORY_IDS],
    );
    assert.deepEqual(
      CATEGORIES.map((c) => c.number),
      Array.from({ length: 15 }, (_, i) => i + 1),
    );
    assert.deepEqual(
      CATEGORIES.map((c) => c.title),
      FRAMEWORK_TABLE,
    );
    for (const c of CATEGORIES) assert.equal(c.title, CATEGORY_TITLES[c.id]);
  });

  it('gives every category a one-line focus and a production risk', () => {
    for (const c of CATEGORIES) {
      for (const [field, text] of [['focus', c.focus], ['risk', c.risk]] as const) {
        assert.ok(text.trim().length >= 20, `${c.id}.${field} is too short: "${text}"`);
        assert.ok(!text.includes('\n'), `${c.id}.${field} spans lines`);
        assert.match(text, /\.$/, `${c.id}.${field} should be a sentence`);
      }
    }
  });

  it('has 4 to 8 checkable items per category', () => {
    for (const c of CATEGORIES) {
      assert.ok(c.items.length >= 4 && c.items.length <= 8, `${c.id} has ${c.items.length} items`);
      for (const it of c.items) {
        assert.ok(it.text.length >= 25, `${it.id}: text too short`);
        assert.match(it.text, /^[A-Z].*\.$/, `${it.id}: text should be one sentence starting with a capital`);
      }
    }
  });

  it('uses item ids of the form <category>.<kebab-name>, unique across all categories', () => {
    const seen = new Set<string>();
    for (const c of CATEGORIES) {
      for (const it of c.items) {
        assert.match(it.id, /^[a-z-]+\.[a-z0-9]+(-[a-z0-9]+)*$/, it.id);
        assert.ok(it.id.startsWith(`${c.id}.`), `${it.id} is not prefixed by its category ${c.id}`);
        assert.ok(!seen.has(it.id), `duplicate item id ${it.id}`);
        seen.add(it.id);
      }
    }
    assert.equal(seen.size, ALL_ITEMS.length);
  });

  it('keeps the item ids that audit.yaml files already use', () => {
    // These are keys in committed audit files: renaming one would orphan an auditor's tick.
    for (const id of [
      'reliability.explicit-timeouts',
      'reliability.bounded-retries',
      'reliability.errors-not-swallowed',
      'throughput.no-n-plus-one',
      'idempotency.stable-keys',
      'observability.correlation-id',
      'data-integrity.expand-contract-migrations',
      'security.no-secrets-in-source',
    ]) {
      assert.ok(getItem(id), `item ${id} disappeared`);
    }
  });

  it('refers only to registered rules', () => {
    const registered = new Set(RULES.map((r) => r.id));
    for (const it of ALL_ITEMS) {
      for (const ruleId of it.rules) assert.ok(registered.has(ruleId), `${it.id} names unknown rule ${ruleId}`);
      assert.equal(new Set(it.rules).size, it.rules.length, `${it.id} repeats a rule`);
    }
  });

  it('refers only to registered probes, and every probe supports at least one item', () => {
    const registered = new Set(PROBES.map((p) => p.id));
    for (const it of ALL_ITEMS) {
      for (const probeId of it.probes) assert.ok(registered.has(probeId), `${it.id} names unknown probe ${probeId}`);
      assert.equal(new Set(it.probes).size, it.probes.length, `${it.id} repeats a probe`);
    }
    for (const p of PROBES) assert.ok(itemsForProbe(p.id).length >= 1, `probe ${p.id} supports no checklist item`);
    assert.deepEqual(
      itemsForProbe('typescript-strict').map((it) => it.id),
      ['code-quality.strict-types'],
    );
    assert.deepEqual(itemsForProbe('no-such-probe'), []);
  });

  it('ties each core smell to the checklist item it is evidence for', () => {
    assert.deepEqual(getItem('reliability.explicit-timeouts')?.rules, ['missing-timeout']);
    assert.deepEqual(
      itemsForRule('unbounded-retry').map((it) => it.id),
      ['reliability.bounded-retries', 'cost-control.retries-capped'],
    );
    assert.deepEqual(
      itemsForRule('swallowed-exception').map((it) => it.id),
      ['reliability.errors-not-swallowed', 'observability.errors-logged-with-context'],
    );
    assert.deepEqual(
      itemsForRule('n-plus-one').map((it) => it.id),
      ['throughput.no-n-plus-one'],
    );
    assert.deepEqual(itemsForRule('no-such-rule'), []);
  });

  it('looks up categories and items', () => {
    assert.equal(getCategory('idempotency').number, 10);
    assert.equal(getCategory('idempotency').title, 'Idempotency');
    const item = getItem('idempotency.stable-keys');
    assert.equal(item?.category, 'idempotency');
    assert.match(item?.text ?? '', /timestamp/);
    assert.equal(getItem('idempotency.no-such-item'), undefined);
    assert.throws(() => getCategory('cutover' as never), /Unknown category/);
  });

  it('lists ALL_ITEMS category by category in framework order', () => {
    const categoriesInOrder = [...new Set(ALL_ITEMS.map((it) => it.category))];
    assert.deepEqual(categoriesInOrder, [...CATEGORY_IDS]);
    assert.equal(
      ALL_ITEMS.length,
      CATEGORIES.reduce((n, c) => n + c.items.length, 0),
    );
  });
});
