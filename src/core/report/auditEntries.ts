// The findings of the audit reports (Markdown, HTML) in the audit template's fields, scanner and
// manual alike: severity, category, description, evidence, impact, recommendation, effort, status.
import type { TriageStatus } from '../audit/auditRecord';
import { CATEGORY_IDS, SEVERITIES, severityRank, type CategoryId, type Range, type RelatedLocation, type Severity, type Suppression } from '../model';
import { emptySeverityCounts, isOpenFinding } from '../scoring';
import { rulesOf, statusOf, triageOf } from './common';
import type { ReportInput, ReportRule } from './types';

export interface EntryLocation extends Range {
  file: string;
}

export interface AuditEntry {
  /** Fingerprint of a scanner finding, or the manual finding's `M-…` id. */
  id: string;
  kind: 'scanner' | 'manual';
  title: string;
  /** The rule of a scanner finding. */
  ruleId?: string;
  severity: Severity;
  category: CategoryId;
  description: string;
  location?: EntryLocation;
  /** Enclosing symbol of a scanner finding (may be empty). */
  symbol: string;
  /** The auditor's own evidence text (manual findings). */
  evidence: string;
  impact: string;
  recommendation: string;
  /** Empty when nobody estimated it. */
  effort: string;
  status: TriageStatus;
  /** Counts against its category on the report date. */
  open: boolean;
  suppression?: Suppression;
  justification?: string;
  expires?: string;
  /** True when the acceptance's expiry date lies before the report date. */
  acceptanceExpired: boolean;
  baseline?: boolean;
  related: RelatedLocation[];
}

function acceptanceExpired(status: TriageStatus, expires: string | undefined, date: string): boolean {
  if (status !== 'ACCEPTED_RISK' || expires === undefined) return false;
  return !/^\d{4}-\d{2}-\d{2}/.test(expires) || expires.slice(0, 10) < date.slice(0, 10);
}

/** Scanner and manual findings of the report's scope, open first, then most severe, then by location. */
export function auditEntries(input: ReportInput): AuditEntry[] {
  const rules = new Map<string, ReportRule>(rulesOf(input).map((r) => [r.id, r]));
  const entries: AuditEntry[] = [];
  for (const f of input.findings) {
    const rule = rules.get(f.ruleId);
    const triage = triageOf(input, f);
    const status = statusOf(input, f);
    const e: AuditEntry = {
      id: f.fingerprint,
      kind: 'scanner',
      title: rule?.title ?? f.ruleId,
      ruleId: f.ruleId,
      severity: f.severity,
      category: f.category,
      description: f.message,
      location: { file: f.file, line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn },
      symbol: f.symbol,
      evidence: '',
      impact: rule?.docs.why ?? '',
      recommendation: rule?.docs.fix ?? '',
      effort: '',
      status,
      open: isOpenFinding({ category: f.category, severity: f.severity, status, suppressed: f.suppression !== undefined, expires: triage?.expires }, input.date),
      acceptanceExpired: acceptanceExpired(status, triage?.expires, input.date),
      related: f.related,
    };
    if (f.suppression) e.suppression = f.suppression;
    if (triage?.justification !== undefined) e.justification = triage.justification;
    if (triage?.expires !== undefined) e.expires = triage.expires;
    if (f.baseline !== undefined) e.baseline = f.baseline;
    entries.push(e);
  }
  for (const m of input.manualFindings ?? []) {
    const e: AuditEntry = {
      id: m.id,
      kind: 'manual',
      title: m.title,
      severity: m.severity,
      category: m.category,
      description: m.description,
      symbol: '',
      evidence: m.evidence,
      impact: m.impact,
      recommendation: m.recommendation,
      effort: m.effort,
      status: m.status,
      open: isOpenFinding({ category: m.category, severity: m.severity, status: m.status, suppressed: false, expires: m.expires }, input.date),
      acceptanceExpired: acceptanceExpired(m.status, m.expires, input.date),
      related: [],
    };
    if (m.location) e.location = { ...m.location };
    if (m.justification !== undefined) e.justification = m.justification;
    if (m.expires !== undefined) e.expires = m.expires;
    entries.push(e);
  }
  const scoped = input.category === undefined ? entries : entries.filter((e) => e.category === input.category);
  return scoped.sort(compareEntries);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareEntries(a: AuditEntry, b: AuditEntry): number {
  const la = a.location;
  const lb = b.location;
  return (
    Number(b.open) - Number(a.open) ||
    severityRank(a.severity) - severityRank(b.severity) ||
    (la && lb ? compareText(la.file, lb.file) || la.line - lb.line || la.column - lb.column : Number(!la) - Number(!lb)) ||
    compareText(a.ruleId ?? '', b.ruleId ?? '') ||
    compareText(a.id, b.id)
  );
}

/** Open entries per category and severity (every category present). */
export function openCounts(entries: readonly AuditEntry[]): Record<CategoryId, Record<Severity, number>> {
  const counts = {} as Record<CategoryId, Record<Severity, number>>;
  for (const id of CATEGORY_IDS) counts[id] = emptySeverityCounts();
  for (const e of entries) if (e.open) counts[e.category][e.severity]++;
  return counts;
}

export function totalsBySeverity(entries: readonly AuditEntry[], which: (e: AuditEntry) => boolean): Record<Severity, number> {
  const totals = emptySeverityCounts();
  for (const e of entries) if (which(e)) totals[e.severity]++;
  return totals;
}

/** `3 CRITICAL, 1 HIGH` (severities with a zero count left out; `none` when all are zero). */
export function countsText(counts: Readonly<Record<Severity, number>>): string {
  const parts = SEVERITIES.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${s}`);
  return parts.length > 0 ? parts.join(', ') : 'none';
}

/** How the entry's status reads in a report: `ACCEPTED RISK until 2026-06-30: <why>` and so on. */
export function statusParts(entry: AuditEntry): { label: string; detail: string } {
  if (entry.suppression) {
    const until = entry.suppression.until ? ` until ${entry.suppression.until}` : '';
    return { label: `SUPPRESSED IN CODE${until}`, detail: entry.suppression.reason };
  }
  switch (entry.status) {
    case 'ACCEPTED_RISK': {
      if (entry.acceptanceExpired) {
        return { label: `ACCEPTED RISK, expired ${String(entry.expires)} (counts as open)`, detail: entry.justification ?? '' };
      }
      const until = entry.expires ? ` until ${entry.expires}` : '';
      return { label: `ACCEPTED RISK${until}`, detail: entry.justification ?? '' };
    }
    case 'IN_PROGRESS':
      return { label: 'IN PROGRESS', detail: '' };
    default:
      return { label: entry.status, detail: '' };
  }
}
