// The scoring matrix of the audit reports: 15 rows (score, open CRITICAL/HIGH/MEDIUM/LOW, notes)
// and the overall rating. With scores from scoring.ts (which include the checklist) the matrix
// shows those; without them each category is scored from its open findings alone.
//
// TODO(lead): `findingsOnlyScore` is a stop-gap from before src/core/scoring.ts existed. Callers
// that have the audit record should pass `scores: scoreAudit(...)`; once every caller does, this
// fallback can go and the matrix can be built from scoring.ts alone.
import { CATEGORY_IDS, CATEGORY_TITLES, SEVERITIES, type CategoryId, type Severity } from '../model';
import { emptySeverityCounts, rateOverall, type CategoryScore, type OverallRating } from '../scoring';
import { openCounts, type AuditEntry } from './auditEntries';
import type { ReportInput } from './types';

export type FindingsOnlyScore = Extract<CategoryScore, 'PASS' | 'PARTIAL' | 'FAIL'>;

/** The rubric applied to open findings alone: any CRITICAL or 3+ HIGH → FAIL, 1–2 HIGH → PARTIAL, else PASS. */
export function findingsOnlyScore(open: Readonly<Record<Severity, number>>): FindingsOnlyScore {
  if (open.CRITICAL > 0 || open.HIGH >= 3) return 'FAIL';
  if (open.HIGH > 0) return 'PARTIAL';
  return 'PASS';
}

function findingsOnlyNote(open: Readonly<Record<Severity, number>>): string {
  if (open.CRITICAL > 0) return `${open.CRITICAL} open CRITICAL`;
  if (open.HIGH > 0) return `${open.HIGH} open HIGH`;
  return 'no open CRITICAL or HIGH';
}

export interface MatrixRow {
  category: CategoryId;
  /** The framework's number (1–15). */
  number: number;
  title: string;
  score: CategoryScore;
  open: Record<Severity, number>;
  notes: string;
}

export interface Matrix {
  rows: MatrixRow[];
  totals: Record<Severity, number>;
  rating: OverallRating;
  ratingReason: string;
  /** True when the scores came from scoring.ts (checklist included), false when from findings alone. */
  fromScores: boolean;
}

/**
 * The matrix for the report. With `input.scores` the scores, notes and rating are scoring.ts's and
 * the counts are its open findings; otherwise counts come from `entries` (open on the report date).
 * A per-category report (`input.category`) keeps only that row; its reports show no overall rating.
 */
export function buildMatrix(input: ReportInput, entries: readonly AuditEntry[]): Matrix {
  let rows: MatrixRow[];
  let rating: OverallRating;
  let ratingReason: string;
  if (input.scores) {
    rows = input.scores.categories.map((c) => ({
      category: c.category,
      number: CATEGORY_IDS.indexOf(c.category) + 1,
      title: c.title,
      score: c.score,
      open: { ...c.open },
      notes: c.reason,
    }));
    rating = input.scores.rating;
    ratingReason = input.scores.reason;
  } else {
    const counts = openCounts(entries);
    rows = CATEGORY_IDS.map((id, i) => ({
      category: id,
      number: i + 1,
      title: CATEGORY_TITLES[id],
      score: findingsOnlyScore(counts[id]),
      open: counts[id],
      notes: findingsOnlyNote(counts[id]),
    }));
    const overall = rateOverall(rows);
    rating = overall.rating;
    ratingReason = overall.reason;
  }
  if (input.category !== undefined) rows = rows.filter((r) => r.category === input.category);
  const totals = emptySeverityCounts();
  for (const r of rows) for (const s of SEVERITIES) totals[s] += r.open[s];
  return { rows, totals, rating, ratingReason, fromScores: input.scores !== undefined };
}
