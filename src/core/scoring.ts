// The scoring rubric of the audit framework (../shared/seeds/, DESIGN.md "Scoring") as pure
// functions: a score per category from its open findings and checklist state, an overall rating
// with a reason a person can read, and the severity raises a system type applies to some rules.
// No clock, no I/O: `today` is a parameter. docs/scoring.md explains every decision below.
//
// Decisions where the rubric is silent (each also in docs/scoring.md):
// 1. Open = not suppressed, and status OPEN or IN_PROGRESS, or ACCEPTED_RISK whose `expires` date
//    lies before `today`. FIXED is never open. An accepted risk without an expiry stays accepted.
// 2. A checklist item the auditor marked FAIL counts like one open HIGH finding in its category
//    (audit.yaml records no severity per item; an auditor who sees worse records a manual finding
//    with that severity).
// 3. A category none of whose items is assessed is NOT ASSESSED — unless its open findings alone
//    already make it FAIL (any CRITICAL, or 3+ HIGH): assessing items can only add failures, never
//    remove findings, so the FAIL is certain and is shown. Fewer findings than that do not score
//    an unassessed category, because the checklist might still turn it into a FAIL.
// 4. Overall, the best rating whose conditions hold wins, and NOT READY is the fallback:
//    - NOT READY with any open CRITICAL anywhere (the rubric's rule);
//    - PRODUCTION READY only when all 15 categories PASS (which implies no open CRITICAL/HIGH);
//    - CONDITIONALLY READY when no CRITICAL is open and at most 3 categories are below PASS,
//      counting PARTIAL, FAIL and NOT ASSESSED alike: a FAIL is worse than a PARTIAL, and a
//      category nobody assessed gives no evidence of readiness. So 1–3 FAIL without CRITICAL is
//      CONDITIONALLY READY (the rubric's NOT READY needs more than 3), and 4+ PARTIAL, or 4+
//      categories not assessed, is NOT READY.
import type { ChecklistResult, TriageStatus } from './audit/auditRecord';
import { getCategory, getItem } from './categories';
import { CATEGORY_IDS, CATEGORY_TITLES, SEVERITIES, severityRank, type CategoryId, type Severity, type SystemTypeId } from './model';
import { getSystemType } from './systemTypes';

export const CATEGORY_SCORES = ['PASS', 'PARTIAL', 'FAIL', 'NOT_ASSESSED'] as const;
export type CategoryScore = (typeof CATEGORY_SCORES)[number];

export const OVERALL_RATINGS = ['PRODUCTION_READY', 'CONDITIONALLY_READY', 'NOT_READY'] as const;
export type OverallRating = (typeof OVERALL_RATINGS)[number];

/** At most this many categories may be below PASS for CONDITIONALLY READY (and FAIL for not NOT READY). */
export const MAX_CATEGORIES_BELOW_PASS = 3;
/** This many open HIGH findings (failed items included) make a category FAIL. */
export const HIGH_FINDINGS_FOR_FAIL = 3;

const LABELS: Readonly<Record<CategoryScore | OverallRating | TriageStatus | ChecklistResult, string>> = {
  PASS: 'PASS',
  PARTIAL: 'PARTIAL',
  FAIL: 'FAIL',
  NOT_ASSESSED: 'NOT ASSESSED',
  'N/A': 'N/A',
  PRODUCTION_READY: 'PRODUCTION READY',
  CONDITIONALLY_READY: 'CONDITIONALLY READY',
  NOT_READY: 'NOT READY',
  OPEN: 'OPEN',
  IN_PROGRESS: 'IN PROGRESS',
  FIXED: 'FIXED',
  ACCEPTED_RISK: 'ACCEPTED RISK',
};

/** How a score, rating, triage status or checklist result is written for people: `NOT_ASSESSED` → `NOT ASSESSED`. */
export function displayLabel(value: CategoryScore | OverallRating | TriageStatus | ChecklistResult): string {
  return LABELS[value];
}

export function emptySeverityCounts(): Record<Severity, number> {
  return { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0 };
}

// ---------------------------------------------------------------- open findings

/** What scoring needs to know about a finding (scanner or manual). */
export interface ScoringFinding {
  readonly category: CategoryId;
  readonly severity: Severity;
  readonly status: TriageStatus;
  /** Suppressed in the code with a reason (the engine has already dropped expired suppressions). */
  readonly suppressed: boolean;
  /** YYYY-MM-DD; for ACCEPTED_RISK, the risk counts as open again once this date has passed. */
  readonly expires?: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;

function dateOf(today: string): string {
  if (!ISO_DATE.test(today)) throw new RangeError(`today must be an ISO date (YYYY-MM-DD), got "${today}"`);
  return today.slice(0, 10);
}

function isOpenOn(finding: ScoringFinding, day: string): boolean {
  if (finding.suppressed) return false;
  switch (finding.status) {
    case 'OPEN':
    case 'IN_PROGRESS':
      return true;
    case 'FIXED':
      return false;
    case 'ACCEPTED_RISK':
      // An expiry that is not a date cannot be shown to be in the future: treat the risk as expired.
      if (finding.expires === undefined) return false;
      return !ISO_DATE.test(finding.expires) || finding.expires.slice(0, 10) < day;
  }
}

/** True when the finding counts against its category on `today` (ISO date, YYYY-MM-DD). */
export function isOpenFinding(finding: ScoringFinding, today: string): boolean {
  return isOpenOn(finding, dateOf(today));
}

// ---------------------------------------------------------------- one category

export interface ChecklistState {
  /** Items whose result is PASS, FAIL or N/A. */
  readonly assessed: number;
  /** Items whose result is FAIL (each counts as one open HIGH). */
  readonly failed: number;
  /** Items in the category. */
  readonly total: number;
}

/**
 * Checklist state per category from audit.yaml's `checklist` (keyed by item id). Item ids that no
 * category knows (stale or misspelt) are ignored; items missing from the map are not assessed.
 */
export function checklistStates(
  checklist: Readonly<Record<string, { readonly result: ChecklistResult }>>,
): Record<CategoryId, ChecklistState> {
  const states = {} as Record<CategoryId, { assessed: number; failed: number; total: number }>;
  for (const id of CATEGORY_IDS) states[id] = { assessed: 0, failed: 0, total: getCategory(id).items.length };
  for (const [itemId, entry] of Object.entries(checklist)) {
    const item = getItem(itemId);
    if (!item || entry.result === 'NOT_ASSESSED') continue;
    states[item.category].assessed++;
    if (entry.result === 'FAIL') states[item.category].failed++;
  }
  return states;
}

export interface CategoryScoreInput {
  /** Open findings of the category by severity. */
  readonly open: Readonly<Record<Severity, number>>;
  readonly checklist: ChecklistState;
}

export interface CategoryVerdict {
  readonly score: CategoryScore;
  /** Why, e.g. "1 open CRITICAL", "2 open HIGH and 1 failed item", "none of 6 items assessed". */
  readonly reason: string;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function highEvidence(open: Readonly<Record<Severity, number>>, failed: number): string {
  const parts: string[] = [];
  if (open.HIGH > 0) parts.push(`${open.HIGH} open HIGH`);
  if (failed > 0) parts.push(plural(failed, 'failed item', 'failed items'));
  return parts.join(' and ');
}

function checkCounts(input: CategoryScoreInput): void {
  const { assessed, failed, total } = input.checklist;
  const bad = (n: number): boolean => !Number.isInteger(n) || n < 0;
  if (bad(assessed) || bad(failed) || bad(total) || failed > assessed || assessed > total) {
    throw new RangeError(`Inconsistent checklist state: ${JSON.stringify(input.checklist)}`);
  }
  for (const s of SEVERITIES) if (bad(input.open[s])) throw new RangeError(`Bad ${s} count: ${String(input.open[s])}`);
}

/** The rubric for one category (see the decisions at the top of this file). */
export function scoreCategory(input: CategoryScoreInput): CategoryVerdict {
  checkCounts(input);
  const { open } = input;
  const { assessed, failed, total } = input.checklist;
  const high = open.HIGH + failed;

  if (open.CRITICAL > 0) {
    const extra = high > 0 ? ` (and ${highEvidence(open, failed)})` : '';
    return { score: 'FAIL', reason: `${open.CRITICAL} open CRITICAL${extra}` };
  }
  if (high >= HIGH_FINDINGS_FOR_FAIL) return { score: 'FAIL', reason: highEvidence(open, failed) };
  if (assessed === 0) {
    const lower = SEVERITIES.filter((s) => open[s] > 0).map((s) => `${open[s]} ${s}`);
    const found = lower.length > 0 ? `; open findings so far: ${lower.join(', ')}` : '';
    return { score: 'NOT_ASSESSED', reason: `none of ${total} items assessed${found}` };
  }
  if (high > 0) return { score: 'PARTIAL', reason: highEvidence(open, failed) };
  const minor = (['MEDIUM', 'LOW'] as const).filter((s) => open[s] > 0).map((s) => `${open[s]} ${s}`);
  return {
    score: 'PASS',
    reason: `no open CRITICAL or HIGH, no failed items${minor.length > 0 ? `; ${minor.join(', ')} open` : ''}`,
  };
}

// ---------------------------------------------------------------- the whole audit

export interface AuditScoreInput {
  /** Every finding, scanner and manual, with its triage status. */
  readonly findings: readonly ScoringFinding[];
  /** Checklist state per category (see checklistStates); a missing category has nothing assessed. */
  readonly checklist: Readonly<Partial<Record<CategoryId, ChecklistState>>>;
  /** ISO date (YYYY-MM-DD) against which accepted risks' expiry dates are compared. */
  readonly today: string;
  /** Orders the per-category results (default: `general`, the framework's order). */
  readonly systemType?: SystemTypeId;
}

export interface CategoryResult extends CategoryVerdict {
  readonly category: CategoryId;
  readonly title: string;
  /** Open findings by severity (failed items not included). */
  readonly open: Readonly<Record<Severity, number>>;
  readonly assessedItems: number;
  readonly failedItems: number;
  readonly totalItems: number;
}

export interface OverallVerdict {
  readonly rating: OverallRating;
  /** e.g. "2 CRITICAL in Idempotency", "4 categories FAIL: …", "12 categories not assessed". */
  readonly reason: string;
}

export interface AuditScore extends OverallVerdict {
  /** All 15 categories, in the system type's order. */
  readonly categories: readonly CategoryResult[];
  /** Open findings by severity, over all categories. */
  readonly totals: Readonly<Record<Severity, number>>;
  /** How many categories have each score. */
  readonly scoreCounts: Readonly<Record<CategoryScore, number>>;
  /** Checklist items marked FAIL, over all categories. */
  readonly failedItems: number;
}

/** The part of a category's result the overall rating looks at. */
export type RatedCategory = Pick<CategoryResult, 'category' | 'title' | 'score' | 'open'>;

function names(results: readonly { readonly title: string }[]): string {
  return results.map((r) => r.title).join(', ');
}

function criticalReason(results: readonly RatedCategory[]): string {
  const withCritical = results
    .map((r, index) => ({ r, index }))
    .filter(({ r }) => r.open.CRITICAL > 0)
    .sort((a, b) => b.r.open.CRITICAL - a.r.open.CRITICAL || a.index - b.index)
    .map(({ r }) => r);
  const total = withCritical.reduce((sum, r) => sum + r.open.CRITICAL, 0);
  if (withCritical.length === 1) return `${total} CRITICAL in ${withCritical[0]!.title}`;
  return `${total} CRITICAL: ${withCritical.map((r) => `${r.open.CRITICAL} in ${r.title}`).join(', ')}`;
}

/** Names of unassessed categories are listed only when there are few of them. */
const MAX_UNASSESSED_NAMES = 3;

function belowPassReason(
  fail: readonly RatedCategory[],
  partial: readonly RatedCategory[],
  unassessed: readonly { readonly title: string }[],
): string {
  const groups = [fail, partial, unassessed].filter((g) => g.length > 0).length;
  const unassessedNames = unassessed.length <= MAX_UNASSESSED_NAMES ? names(unassessed) : '';
  if (groups === 1) {
    if (fail.length > 0) return `${plural(fail.length, 'category', 'categories')} FAIL: ${names(fail)}`;
    if (partial.length > 0) return `${plural(partial.length, 'category', 'categories')} PARTIAL: ${names(partial)}`;
    return `${plural(unassessed.length, 'category', 'categories')} not assessed${unassessedNames ? `: ${unassessedNames}` : ''}`;
  }
  const parts: string[] = [];
  if (fail.length > 0) parts.push(`${fail.length} FAIL (${names(fail)})`);
  if (partial.length > 0) parts.push(`${partial.length} PARTIAL (${names(partial)})`);
  if (unassessed.length > 0) parts.push(`${unassessed.length} not assessed${unassessedNames ? ` (${unassessedNames})` : ''}`);
  const below = fail.length + partial.length + unassessed.length;
  return `${below} categories below PASS: ${parts.join(', ')}`;
}

/**
 * The overall rating from the per-category results (see the decisions at the top of this file).
 * A category missing from `results` counts as NOT ASSESSED.
 */
export function rateOverall(results: readonly RatedCategory[]): OverallVerdict {
  const fail = results.filter((r) => r.score === 'FAIL');
  const partial = results.filter((r) => r.score === 'PARTIAL');
  const missing = CATEGORY_IDS.filter((id) => !results.some((r) => r.category === id)).map((id) => ({ title: CATEGORY_TITLES[id] }));
  const unassessed = [...results.filter((r) => r.score === 'NOT_ASSESSED'), ...missing];
  const criticals = results.reduce((sum, r) => sum + r.open.CRITICAL, 0);
  const failTooMany = fail.length > MAX_CATEGORIES_BELOW_PASS;

  if (criticals > 0) {
    const also = failTooMany ? `; ${plural(fail.length, 'category', 'categories')} FAIL: ${names(fail)}` : '';
    return { rating: 'NOT_READY', reason: `${criticalReason(results)}${also}` };
  }
  if (failTooMany) return { rating: 'NOT_READY', reason: belowPassReason(fail, [], []) };

  const below = fail.length + partial.length + unassessed.length;
  if (below === 0) {
    const minor = (['MEDIUM', 'LOW'] as const)
      .map((s) => ({ s, n: results.reduce((sum, r) => sum + r.open[s], 0) }))
      .filter(({ n }) => n > 0)
      .map(({ s, n }) => `${n} ${s}`);
    return {
      rating: 'PRODUCTION_READY',
      reason: `All ${results.length} categories PASS${minor.length > 0 ? ` (${minor.join(', ')} open)` : ''}`,
    };
  }
  const reason = belowPassReason(fail, partial, unassessed);
  if (below <= MAX_CATEGORIES_BELOW_PASS) return { rating: 'CONDITIONALLY_READY', reason };
  return { rating: 'NOT_READY', reason: `${reason} (at most ${MAX_CATEGORIES_BELOW_PASS} may be below PASS)` };
}

/** Scores every category and rates the audit as a whole. */
export function scoreAudit(input: AuditScoreInput): AuditScore {
  const day = dateOf(input.today);
  const open = {} as Record<CategoryId, Record<Severity, number>>;
  for (const id of CATEGORY_IDS) open[id] = emptySeverityCounts();
  for (const finding of input.findings) {
    if (isOpenOn(finding, day)) open[finding.category][finding.severity]++;
  }

  const order = getSystemType(input.systemType ?? 'general').categories.map((c) => c.category);
  const categories: CategoryResult[] = order.map((id) => {
    const checklist = input.checklist[id] ?? { assessed: 0, failed: 0, total: getCategory(id).items.length };
    const verdict = scoreCategory({ open: open[id], checklist });
    return {
      category: id,
      title: CATEGORY_TITLES[id],
      ...verdict,
      open: open[id],
      assessedItems: checklist.assessed,
      failedItems: checklist.failed,
      totalItems: checklist.total,
    };
  });

  const totals = emptySeverityCounts();
  const scoreCounts: Record<CategoryScore, number> = { PASS: 0, PARTIAL: 0, FAIL: 0, NOT_ASSESSED: 0 };
  let failedItems = 0;
  for (const r of categories) {
    for (const s of SEVERITIES) totals[s] += r.open[s];
    scoreCounts[r.score]++;
    failedItems += r.failedItems;
  }
  return { ...rateOverall(categories), categories, totals, scoreCounts, failedItems };
}

// ---------------------------------------------------------------- severity raised by system type

export interface SeverityRaise {
  readonly ruleId: string;
  readonly systemType: SystemTypeId;
  /** The rule's findings are at least this severe for this system type. */
  readonly atLeast: Severity;
  /** Why, in one line (shown in docs and hovers). */
  readonly why: string;
}

/**
 * Where a system type makes a rule's findings more severe than the rule's default. Rows may name
 * rules that are not registered yet; they take effect when the rule exists. Never lowers a severity.
 */
export const SEVERITY_RAISES: readonly SeverityRaise[] = [
  {
    ruleId: 'missing-idempotency-key',
    systemType: 'ecommerce',
    atLeast: 'CRITICAL',
    why: 'A retried payment without a key charges the customer twice; double charging is existential for a shop.',
  },
  {
    ruleId: 'missing-idempotency-key',
    systemType: 'ai-pipeline',
    atLeast: 'CRITICAL',
    why: 'Idempotency is CRITICAL for AI pipelines because retries must not charge twice; a payment without a key does.',
  },
  {
    ruleId: 'missing-idempotency-key',
    systemType: 'api-platform',
    atLeast: 'CRITICAL',
    why: 'API clients retry by design, so a payment without a key will be made twice sooner or later.',
  },
  {
    ruleId: 'unstable-idempotency-key',
    systemType: 'ecommerce',
    atLeast: 'CRITICAL',
    why: 'A key that changes on every attempt deduplicates nothing: the same double charge as a missing key.',
  },
  {
    ruleId: 'unstable-idempotency-key',
    systemType: 'ai-pipeline',
    atLeast: 'CRITICAL',
    why: 'A key that changes on every attempt deduplicates nothing: retried paid work is billed again.',
  },
  {
    ruleId: 'unstable-idempotency-key',
    systemType: 'api-platform',
    atLeast: 'CRITICAL',
    why: 'A key that changes on every attempt deduplicates nothing, and API clients retry by design.',
  },
  {
    ruleId: 'llm-call-without-limit',
    systemType: 'ai-pipeline',
    atLeast: 'CRITICAL',
    why: 'Cost Control comes first for AI pipelines: generation calls without an output limit are uncapped spend.',
  },
  {
    ruleId: 'llm-call-in-loop',
    systemType: 'ai-pipeline',
    atLeast: 'HIGH',
    why: 'Batch jobs in an AI pipeline iterate over user-sized collections; an unguarded paid call per element scales the bill with them.',
  },
  {
    ruleId: 'read-modify-write-race',
    systemType: 'ecommerce',
    atLeast: 'CRITICAL',
    why: 'Concurrency is CRITICAL for shops: a lost update on stock or balances oversells or loses money in a flash sale.',
  },
  {
    ruleId: 'unguarded-status-transition',
    systemType: 'ecommerce',
    atLeast: 'HIGH',
    why: 'The order lifecycle must be bulletproof: an unguarded transition lets an order be refunded or shipped twice.',
  },
  {
    ruleId: 'unguarded-status-transition',
    systemType: 'saas',
    atLeast: 'HIGH',
    why: 'State Machine is CRITICAL for SaaS: workflow states carry the business rules customers depend on.',
  },
  {
    ruleId: 'weak-jwt-verification',
    systemType: 'saas',
    atLeast: 'CRITICAL',
    why: 'A forgeable or non-expiring token crosses tenant boundaries, and tenant isolation is existential for SaaS.',
  },
  {
    ruleId: 'unbounded-query',
    systemType: 'api-platform',
    atLeast: 'HIGH',
    why: 'Throughput is CRITICAL for API platforms: one client can pull a whole table per request.',
  },
  {
    ruleId: 'sync-io-in-handler',
    systemType: 'api-platform',
    atLeast: 'HIGH',
    why: 'Throughput is CRITICAL for API platforms: a blocked event loop stalls every client at once.',
  },
];

/** The severity of a rule's findings for a system type: its default, raised by SEVERITY_RAISES, never lowered. */
export function effectiveSeverity(ruleId: string, defaultSeverity: Severity, systemType: SystemTypeId | undefined): Severity {
  let severity = defaultSeverity;
  for (const raise of SEVERITY_RAISES) {
    if (raise.ruleId === ruleId && raise.systemType === systemType && severityRank(raise.atLeast) < severityRank(severity)) {
      severity = raise.atLeast;
    }
  }
  return severity;
}
