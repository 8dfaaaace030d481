import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ChecklistEntry } from '../../src/core/audit/auditRecord';
import { CATEGORIES } from '../../src/core/categories';
import { checklistStates, scoreAudit } from '../../src/core/scoring';
import {
  categoryDescription,
  categoryLabel,
  chooseSystemType,
  itemDescription,
  noFindingsText,
  noteEntry,
  resultEntry,
  severityCountsText,
  tickEntry,
} from '../../src/extension/audit/checklistModel';

describe('ticking a checklist item', () => {
  it('ticking an unassessed item makes it PASS', () => {
    assert.deepEqual(tickEntry(undefined, true), { checked: true, result: 'PASS' });
  });

  it('ticking keeps a result already chosen (FAIL stays FAIL)', () => {
    assert.deepEqual(tickEntry({ checked: false, result: 'FAIL', note: 'no alerts' }, true), { checked: true, result: 'FAIL', note: 'no alerts' });
  });

  it('unticking takes the assessment back but keeps the note', () => {
    assert.deepEqual(tickEntry({ checked: true, result: 'FAIL', note: 'no alerts', by: 'ana' }, false), { checked: false, result: 'NOT_ASSESSED', note: 'no alerts', by: 'ana' });
  });

  it('a result ticks the box, NOT ASSESSED unticks it', () => {
    for (const r of ['PASS', 'FAIL', 'N/A'] as const) assert.equal(resultEntry(undefined, r).checked, true, r);
    assert.deepEqual(resultEntry({ checked: true, result: 'PASS' }, 'NOT_ASSESSED'), { checked: false, result: 'NOT_ASSESSED' });
  });

  it('ticks count as assessed items in the score, one per category', () => {
    const checklist: Record<string, ChecklistEntry> = {};
    for (const c of CATEGORIES) checklist[c.items[0]!.id] = tickEntry(undefined, true);
    const score = scoreAudit({ findings: [], checklist: checklistStates(checklist), today: '2026-03-15' });
    assert.equal(score.rating, 'PRODUCTION_READY');
    assert.ok(score.categories.every((c) => c.assessedItems === 1));
  });

  it('notes are trimmed; an empty note removes it', () => {
    assert.deepEqual(noteEntry(undefined, '  checked in staging  '), { checked: false, result: 'NOT_ASSESSED', note: 'checked in staging' });
    assert.deepEqual(noteEntry({ checked: true, result: 'PASS', note: 'x' }, ''), { checked: true, result: 'PASS' });
  });
});

describe('checklist texts', () => {
  it('item description: result, then the note on one line', () => {
    assert.equal(itemDescription(undefined), 'NOT ASSESSED');
    assert.equal(itemDescription({ checked: true, result: 'FAIL', note: 'retries\nunbounded' }), 'FAIL — retries unbounded');
  });

  it('category label and description', () => {
    assert.equal(categoryLabel(1, 'Idempotency'), '1. Idempotency');
    assert.equal(categoryDescription('CRITICAL', 'NOT_ASSESSED', 0, 6), 'CRITICAL · NOT ASSESSED · 0/6');
  });

  it('evidence without findings says how many files the scan looked at, or that there was no scan', () => {
    assert.equal(noFindingsText(undefined), 'not scanned yet — run Scan Workspace');
    assert.equal(noFindingsText({ filesScanned: 1 }), '0 findings in 1 file scanned');
    assert.equal(noFindingsText({ filesScanned: 42 }), '0 findings in 42 files scanned');
  });

  it('severity counts', () => {
    assert.equal(severityCountsText({ CRITICAL: 1, HIGH: 0, MEDIUM: 3, LOW: 0 }), '1 CRITICAL · 0 HIGH · 3 MEDIUM · 0 LOW');
  });
});

describe('chooseSystemType', () => {
  it('audit.yaml wins over config.yaml, which wins over general; unknown ids are ignored', () => {
    assert.deepEqual(chooseSystemType('ecommerce', 'saas'), { id: 'ecommerce', source: 'audit' });
    assert.deepEqual(chooseSystemType(undefined, 'saas'), { id: 'saas', source: 'config' });
    assert.deepEqual(chooseSystemType('webshop', 'saas'), { id: 'saas', source: 'config' });
    assert.deepEqual(chooseSystemType(undefined, undefined), { id: 'general', source: 'default' });
  });
});
