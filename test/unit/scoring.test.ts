import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ALL_ITEMS, getCategory } from '../../src/core/categories';
import { CATEGORY_IDS, SEVERITIES, SYSTEM_TYPE_IDS, severityRank, type CategoryId, type Severity } from '../../src/core/model';
import {
  SEVERITY_RAISES,
  checklistStates,
  displayLabel,
  effectiveSeverity,
  emptySeverityCounts,
  isOpenFinding,
  rateOverall,
  scoreAudit,
  scoreCategory,
  type AuditScore,
  type ChecklistState,
  type ScoringFinding,
} from '../../src/core/scoring';

const TODAY = '2026-03-15';

function counts(partial: Partial<Record<Severity, number>> = {}): Record<Severity, number> {
  return { ...emptySeverityCounts(), ...partial };
}

function state(assessed: number, failed = 0, total = 6): ChecklistState {
  return { assessed, failed, total };
}

function finding(category: CategoryId, severity: Severity, extra: Partial<ScoringFinding> = {}): ScoringFinding {
  return { category, severity, status: 'OPEN', suppressed: false, ...extra };
}

/** One item assessed in every category (nothing failed), with overrides. */
function assessedEverywhere(overrides: Partial<Record<CategoryId, ChecklistState>> = {}): Partial<Record<CategoryId, ChecklistState>> {
  const all: Partial<Record<CategoryId, ChecklistState>> = {};
  for (const id of CATEGORY_IDS) all[id] = state(1, 0, getCategory(id).items.length);
  return { ...all, ...overrides };
}

function score(findings: ScoringFinding[], checklist = assessedEverywhere(), today = TODAY): AuditScore {
  return scoreAudit({ findings, checklist, today });
}

function scoreOf(result: AuditScore, id: CategoryId): string {
  return result.categories.find((c) => c.category === id)!.score;
}

/** `n` open HIGH findings in each of the given categories. */
function highs(categories: CategoryId[], n: number): ScoringFinding[] {
  return categories.flatMap((c) => Array.from({ length: n }, () => finding(c, 'HIGH')));
}

const FOUR: CategoryId[] = ['security', 'reliability', 'idempotency', 'permissions'];

describe('scoreCategory', () => {
  it('scores 0 / 1 / 2 / 3 open HIGH as PASS / PARTIAL / PARTIAL / FAIL', () => {
    const expected = ['PASS', 'PARTIAL', 'PARTIAL', 'FAIL'];
    for (let high = 0; high <= 3; high++) {
      assert.equal(scoreCategory({ open: counts({ HIGH: high }), checklist: state(2) }).score, expected[high], `${high} HIGH`);
    }
    assert.equal(scoreCategory({ open: counts({ HIGH: 7 }), checklist: state(2) }).score, 'FAIL');
  });

  it('fails on any open CRITICAL', () => {
    const v = scoreCategory({ open: counts({ CRITICAL: 1 }), checklist: state(6) });
    assert.equal(v.score, 'FAIL');
    assert.equal(v.reason, '1 open CRITICAL');
    assert.equal(scoreCategory({ open: counts({ CRITICAL: 1, HIGH: 1 }), checklist: state(1) }).reason, '1 open CRITICAL (and 1 open HIGH)');
  });

  it('passes with only MEDIUM and LOW findings open', () => {
    const v = scoreCategory({ open: counts({ MEDIUM: 9, LOW: 4 }), checklist: state(1) });
    assert.equal(v.score, 'PASS');
    assert.match(v.reason, /9 MEDIUM, 4 LOW open/);
  });

  it('counts a failed checklist item like an open HIGH finding', () => {
    assert.equal(scoreCategory({ open: counts(), checklist: state(3, 1) }).score, 'PARTIAL');
    assert.equal(scoreCategory({ open: counts(), checklist: state(3, 2) }).score, 'PARTIAL');
    const three = scoreCategory({ open: counts(), checklist: state(3, 3) });
    assert.equal(three.score, 'FAIL');
    assert.equal(three.reason, '3 failed items');
    const mixed = scoreCategory({ open: counts({ HIGH: 2 }), checklist: state(4, 1) });
    assert.equal(mixed.score, 'FAIL');
    assert.equal(mixed.reason, '2 open HIGH and 1 failed item');
  });

  it('is NOT ASSESSED while no item is assessed, unless the findings alone make it FAIL', () => {
    const none = scoreCategory({ open: counts(), checklist: state(0) });
    assert.equal(none.score, 'NOT_ASSESSED');
    assert.equal(none.reason, 'none of 6 items assessed');
    const someHigh = scoreCategory({ open: counts({ HIGH: 2, LOW: 1 }), checklist: state(0) });
    assert.equal(someHigh.score, 'NOT_ASSESSED');
    assert.match(someHigh.reason, /2 HIGH, 1 LOW/);
    assert.equal(scoreCategory({ open: counts({ HIGH: 3 }), checklist: state(0) }).score, 'FAIL');
    assert.equal(scoreCategory({ open: counts({ CRITICAL: 1 }), checklist: state(0) }).score, 'FAIL');
    // One assessed item is enough to score.
    assert.equal(scoreCategory({ open: counts(), checklist: state(1) }).score, 'PASS');
  });

  it('rejects inconsistent counts', () => {
    assert.throws(() => scoreCategory({ open: counts(), checklist: state(1, 2) }), RangeError);
    assert.throws(() => scoreCategory({ open: counts(), checklist: state(7, 0, 6) }), RangeError);
    assert.throws(() => scoreCategory({ open: counts({ HIGH: -1 }), checklist: state(1) }), RangeError);
  });
});

describe('checklistStates', () => {
  it('counts PASS, FAIL and N/A as assessed, FAIL as failed, per category', () => {
    const states = checklistStates({
      'reliability.explicit-timeouts': { result: 'PASS' },
      'reliability.bounded-retries': { result: 'FAIL' },
      'reliability.circuit-breakers': { result: 'N/A' },
      'reliability.dead-letter-queues': { result: 'NOT_ASSESSED' },
      'idempotency.stable-keys': { result: 'FAIL' },
      'retired.item-from-an-old-version': { result: 'FAIL' },
    });
    assert.deepEqual(states.reliability, { assessed: 3, failed: 1, total: getCategory('reliability').items.length });
    assert.deepEqual(states.idempotency, { assessed: 1, failed: 1, total: getCategory('idempotency').items.length });
    assert.deepEqual(states.security, { assessed: 0, failed: 0, total: getCategory('security').items.length });
    assert.deepEqual(Object.keys(states).sort(), [...CATEGORY_IDS].sort());
  });

  it('makes a category whose items are all N/A assessed (PASS)', () => {
    const checklist: Record<string, { result: 'N/A' }> = {};
    for (const it of ALL_ITEMS.filter((i) => i.category === 'ui-ux-safety')) checklist[it.id] = { result: 'N/A' };
    const result = scoreAudit({ findings: [], checklist: checklistStates(checklist), today: TODAY });
    assert.equal(scoreOf(result, 'ui-ux-safety'), 'PASS');
    assert.equal(scoreOf(result, 'security'), 'NOT_ASSESSED');
  });
});

describe('open findings', () => {
  it('counts OPEN and IN_PROGRESS, not FIXED, ACCEPTED_RISK or suppressed', () => {
    assert.equal(isOpenFinding(finding('security', 'HIGH'), TODAY), true);
    assert.equal(isOpenFinding(finding('security', 'HIGH', { status: 'IN_PROGRESS' }), TODAY), true);
    assert.equal(isOpenFinding(finding('security', 'HIGH', { status: 'FIXED' }), TODAY), false);
    assert.equal(isOpenFinding(finding('security', 'HIGH', { status: 'ACCEPTED_RISK' }), TODAY), false);
    assert.equal(isOpenFinding(finding('security', 'HIGH', { suppressed: true }), TODAY), false);
    assert.equal(isOpenFinding(finding('security', 'HIGH', { suppressed: true, status: 'IN_PROGRESS' }), TODAY), false);
  });

  it('reopens an accepted risk after its expiry date, not on it', () => {
    const accepted = (expires: string): ScoringFinding => finding('security', 'HIGH', { status: 'ACCEPTED_RISK', expires });
    assert.equal(isOpenFinding(accepted('2026-03-14'), TODAY), true);
    assert.equal(isOpenFinding(accepted('2026-03-15'), TODAY), false);
    assert.equal(isOpenFinding(accepted('2026-03-16'), TODAY), false);
    assert.equal(isOpenFinding(accepted('2026-03-14'), '2026-03-15T08:00:00Z'), true);
    assert.equal(isOpenFinding(accepted('next spring'), TODAY), true);
  });

  it('needs today as an ISO date', () => {
    assert.throws(() => isOpenFinding(finding('security', 'LOW'), 'March 15'), /ISO date/);
    assert.throws(() => scoreAudit({ findings: [], checklist: {}, today: '' }), /ISO date/);
  });
});

describe('scoreAudit', () => {
  it('is PRODUCTION READY when all 15 categories PASS, MEDIUM and LOW findings allowed', () => {
    const clean = score([]);
    assert.equal(clean.rating, 'PRODUCTION_READY');
    assert.equal(clean.reason, 'All 15 categories PASS');
    const minor = score([finding('throughput', 'MEDIUM'), finding('throughput', 'LOW'), finding('security', 'MEDIUM')]);
    assert.equal(minor.rating, 'PRODUCTION_READY');
    assert.equal(minor.reason, 'All 15 categories PASS (2 MEDIUM, 1 LOW open)');
    assert.deepEqual(minor.totals, { CRITICAL: 0, HIGH: 0, MEDIUM: 2, LOW: 1 });
  });

  it('is NOT READY with a single open CRITICAL and names where', () => {
    const r = score([finding('idempotency', 'CRITICAL'), finding('idempotency', 'CRITICAL')]);
    assert.equal(r.rating, 'NOT_READY');
    assert.equal(r.reason, '2 CRITICAL in Idempotency');
    const spread = score([finding('security', 'CRITICAL'), finding('idempotency', 'CRITICAL'), finding('idempotency', 'CRITICAL')]);
    assert.equal(spread.reason, '3 CRITICAL: 2 in Idempotency, 1 in Security');
  });

  it('is NOT READY with a CRITICAL even in a category nobody assessed', () => {
    const r = score([finding('cost-control', 'CRITICAL')], assessedEverywhere({ 'cost-control': state(0) }));
    assert.equal(scoreOf(r, 'cost-control'), 'FAIL');
    assert.equal(r.rating, 'NOT_READY');
    assert.equal(r.reason, '1 CRITICAL in Cost Control');
  });

  it('allows 3 PARTIAL for CONDITIONALLY READY, not 4', () => {
    const three = score(highs(FOUR.slice(0, 3), 1));
    assert.equal(three.scoreCounts.PARTIAL, 3);
    assert.equal(three.rating, 'CONDITIONALLY_READY');
    assert.equal(three.reason, '3 categories PARTIAL: Security, Reliability, Idempotency');
    const four = score(highs(FOUR, 2));
    assert.equal(four.scoreCounts.PARTIAL, 4);
    assert.equal(four.rating, 'NOT_READY');
    assert.equal(four.reason, '4 categories PARTIAL: Security, Reliability, Idempotency, Permissions (at most 3 may be below PASS)');
  });

  it('is CONDITIONALLY READY with up to 3 FAIL and no CRITICAL, NOT READY with 4', () => {
    const one = score(highs(['reliability'], 3));
    assert.equal(one.rating, 'CONDITIONALLY_READY');
    assert.equal(one.reason, '1 category FAIL: Reliability');
    const three = score(highs(FOUR.slice(0, 3), 3));
    assert.equal(three.scoreCounts.FAIL, 3);
    assert.equal(three.rating, 'CONDITIONALLY_READY');
    const four = score(highs(FOUR, 3));
    assert.equal(four.scoreCounts.FAIL, 4);
    assert.equal(four.rating, 'NOT_READY');
    assert.equal(four.reason, '4 categories FAIL: Security, Reliability, Idempotency, Permissions');
  });

  it('counts FAIL, PARTIAL and NOT ASSESSED together against the limit of 3', () => {
    const checklist = assessedEverywhere({ 'code-quality': state(0) });
    const three = score([...highs(['security'], 3), ...highs(['throughput'], 1)], checklist);
    assert.equal(three.rating, 'CONDITIONALLY_READY');
    assert.equal(three.reason, '3 categories below PASS: 1 FAIL (Security), 1 PARTIAL (Throughput), 1 not assessed (Code Quality)');
    const four = score([...highs(['security'], 3), ...highs(['throughput', 'recovery'], 1)], checklist);
    assert.equal(four.rating, 'NOT_READY');
    assert.match(four.reason, /^4 categories below PASS: /);
  });

  it('cannot be PRODUCTION READY while a category is not assessed', () => {
    const one = score([], assessedEverywhere({ 'ui-ux-safety': state(0) }));
    assert.equal(one.rating, 'CONDITIONALLY_READY');
    assert.equal(one.reason, '1 category not assessed: UI/UX Safety');
    const none = scoreAudit({ findings: [], checklist: {}, today: TODAY });
    assert.equal(none.rating, 'NOT_READY');
    assert.equal(none.reason, '15 categories not assessed (at most 3 may be below PASS)');
    assert.equal(none.scoreCounts.NOT_ASSESSED, 15);
  });

  it('leaves accepted risks, fixed and suppressed findings out, and counts IN_PROGRESS', () => {
    const notOpen = [
      finding('idempotency', 'CRITICAL', { status: 'ACCEPTED_RISK', expires: '2026-06-30' }),
      finding('idempotency', 'CRITICAL', { status: 'ACCEPTED_RISK' }),
      finding('security', 'CRITICAL', { suppressed: true }),
      finding('reliability', 'HIGH', { status: 'FIXED' }),
    ];
    const r = score(notOpen);
    assert.equal(r.rating, 'PRODUCTION_READY');
    assert.deepEqual(r.totals, emptySeverityCounts());

    const inProgress = score([...notOpen, finding('reliability', 'HIGH', { status: 'IN_PROGRESS' })]);
    assert.equal(scoreOf(inProgress, 'reliability'), 'PARTIAL');
    assert.equal(inProgress.rating, 'CONDITIONALLY_READY');
  });

  it('counts an accepted risk again once it has expired', () => {
    const accepted = finding('idempotency', 'CRITICAL', { status: 'ACCEPTED_RISK', expires: '2026-03-31' });
    assert.equal(score([accepted], undefined, '2026-03-31').rating, 'PRODUCTION_READY');
    const later = score([accepted], undefined, '2026-04-01');
    assert.equal(later.rating, 'NOT_READY');
    assert.equal(later.reason, '1 CRITICAL in Idempotency');
  });

  it('lists categories in the system type order with their counts', () => {
    const r = scoreAudit({
      findings: [finding('idempotency', 'HIGH'), finding('idempotency', 'LOW')],
      checklist: assessedEverywhere({ idempotency: state(2, 1, 6) }),
      today: TODAY,
      systemType: 'ecommerce',
    });
    assert.deepEqual(
      r.categories.slice(0, 4).map((c) => c.category),
      ['idempotency', 'security', 'state-machine', 'concurrency'],
    );
    const idem = r.categories[0]!;
    assert.equal(idem.title, 'Idempotency');
    assert.equal(idem.score, 'PARTIAL');
    assert.equal(idem.reason, '1 open HIGH and 1 failed item');
    assert.deepEqual(idem.open, { CRITICAL: 0, HIGH: 1, MEDIUM: 0, LOW: 1 });
    assert.equal(idem.assessedItems, 2);
    assert.equal(idem.failedItems, 1);
    assert.equal(idem.totalItems, 6);
    assert.equal(r.failedItems, 1);
    const general = scoreAudit({ findings: [], checklist: {}, today: TODAY });
    assert.deepEqual(
      general.categories.map((c) => c.category),
      [...CATEGORY_IDS],
    );
  });

  it('rates a partial list of categories with the missing ones as not assessed', () => {
    const r = rateOverall([{ category: 'security', title: 'Security', score: 'PASS', open: emptySeverityCounts() }]);
    assert.equal(r.rating, 'NOT_READY');
    assert.equal(r.reason, '14 categories not assessed (at most 3 may be below PASS)');
  });
});

describe('displayLabel', () => {
  it('writes scores, ratings and statuses for people', () => {
    assert.equal(displayLabel('NOT_ASSESSED'), 'NOT ASSESSED');
    assert.equal(displayLabel('PASS'), 'PASS');
    assert.equal(displayLabel('PRODUCTION_READY'), 'PRODUCTION READY');
    assert.equal(displayLabel('CONDITIONALLY_READY'), 'CONDITIONALLY READY');
    assert.equal(displayLabel('NOT_READY'), 'NOT READY');
    assert.equal(displayLabel('ACCEPTED_RISK'), 'ACCEPTED RISK');
    assert.equal(displayLabel('IN_PROGRESS'), 'IN PROGRESS');
    assert.equal(displayLabel('N/A'), 'N/A');
  });
});

describe('effectiveSeverity', () => {
  it('makes a missing idempotency key CRITICAL for e-commerce only where the table says so', () => {
    assert.equal(effectiveSeverity('missing-idempotency-key', 'HIGH', 'ecommerce'), 'CRITICAL');
    assert.equal(effectiveSeverity('missing-idempotency-key', 'HIGH', 'saas'), 'HIGH');
    assert.equal(effectiveSeverity('missing-idempotency-key', 'HIGH', 'general'), 'HIGH');
    assert.equal(effectiveSeverity('missing-idempotency-key', 'HIGH', undefined), 'HIGH');
  });

  it('raises LLM cost rules for AI pipelines', () => {
    assert.equal(effectiveSeverity('llm-call-without-limit', 'HIGH', 'ai-pipeline'), 'CRITICAL');
    assert.equal(effectiveSeverity('llm-call-in-loop', 'MEDIUM', 'ai-pipeline'), 'HIGH');
    assert.equal(effectiveSeverity('llm-call-in-loop', 'MEDIUM', 'api-platform'), 'MEDIUM');
  });

  it('leaves rules without a raise alone', () => {
    for (const type of SYSTEM_TYPE_IDS) {
      assert.equal(effectiveSeverity('missing-timeout', 'HIGH', type), 'HIGH');
      assert.equal(effectiveSeverity('unbounded-retry', 'HIGH', type), 'HIGH');
    }
  });

  it('never lowers a severity', () => {
    for (const raise of SEVERITY_RAISES) {
      for (const s of SEVERITIES) {
        const result = effectiveSeverity(raise.ruleId, s, raise.systemType);
        assert.ok(severityRank(result) <= severityRank(s), `${raise.ruleId}/${raise.systemType}: ${s} became ${result}`);
        assert.equal(result, severityRank(s) < severityRank(raise.atLeast) ? s : raise.atLeast);
      }
    }
    // A team that set the rule to CRITICAL stays at CRITICAL under a LOWER row (there is none, but
    // a HIGH row must not pull CRITICAL down).
    assert.equal(effectiveSeverity('llm-call-in-loop', 'CRITICAL', 'ai-pipeline'), 'CRITICAL');
  });

  it('keeps the raise table well-formed', () => {
    const keys = new Set<string>();
    for (const raise of SEVERITY_RAISES) {
      assert.match(raise.ruleId, /^[a-z0-9]+(-[a-z0-9]+)*$/);
      assert.ok((SYSTEM_TYPE_IDS as readonly string[]).includes(raise.systemType));
      assert.notEqual(raise.systemType, 'general', 'general never raises');
      assert.ok(raise.why.length > 20);
      const key = `${raise.ruleId}/${raise.systemType}`;
      assert.ok(!keys.has(key), `duplicate row ${key}`);
      keys.add(key);
    }
  });
});
