// Helpers the exporters share: defaults for tool and rules, a finding's triage state, ordering.
import type { TriageStatus } from '../audit/auditRecord';
import { CATEGORY_TITLES, severityRank } from '../model';
import { RULES } from '../rules/registry';
import { isOpenFinding } from '../scoring';
import { TOOL } from '../toolInfo';
import type { ReportFinding, ReportInput, ReportRule, ReportTool, ReportTriage } from './types';

export function toolOf(input: ReportInput): ReportTool {
  return input.tool ?? TOOL;
}

export function rulesOf(input: ReportInput): readonly ReportRule[] {
  return input.rules ?? RULES;
}

/**
 * The rules a report describes: every known rule, sorted by id, plus a stand-in for each rule id a
 * finding names that the metadata does not know (a rule removed since the scan, say), so every
 * result still points at a rule.
 */
export function reportRules(input: ReportInput): ReportRule[] {
  const known = new Map(rulesOf(input).map((r) => [r.id, r]));
  for (const f of input.findings) {
    if (known.has(f.ruleId)) continue;
    known.set(f.ruleId, {
      id: f.ruleId,
      title: f.ruleId,
      category: f.category,
      defaultSeverity: f.severity,
      docs: { summary: `Findings of the rule ${f.ruleId}.`, why: '', fix: '' },
    });
  }
  return [...known.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function triageOf(input: ReportInput, finding: ReportFinding): ReportTriage | undefined {
  const t = input.triage;
  return t && Object.prototype.hasOwnProperty.call(t, finding.fingerprint) ? t[finding.fingerprint] : undefined;
}

export function statusOf(input: ReportInput, finding: ReportFinding): TriageStatus {
  return triageOf(input, finding)?.status ?? 'OPEN';
}

/** True when the finding counts against its category on the report date (scoring.ts's rule). */
export function isOpen(input: ReportInput, finding: ReportFinding): boolean {
  const triage = triageOf(input, finding);
  return isOpenFinding(
    {
      category: finding.category,
      severity: finding.severity,
      status: triage?.status ?? 'OPEN',
      suppressed: finding.suppression !== undefined,
      expires: triage?.expires,
    },
    input.date,
  );
}

/** The triage entry when it is an accepted risk still in force on the report date. */
export function activeAcceptance(input: ReportInput, finding: ReportFinding): ReportTriage | undefined {
  const triage = triageOf(input, finding);
  if (triage?.status !== 'ACCEPTED_RISK') return undefined;
  if (triage.expires !== undefined && !(/^\d{4}-\d{2}-\d{2}/.test(triage.expires) && triage.expires.slice(0, 10) >= input.date.slice(0, 10))) {
    return undefined;
  }
  return triage;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** By file, line, column, rule id: the order of findings.json. */
export function byLocation(a: ReportFinding, b: ReportFinding): number {
  return compareText(a.file, b.file) || a.line - b.line || a.column - b.column || compareText(a.ruleId, b.ruleId);
}

/** Most severe first, then by location. */
export function bySeverity(a: ReportFinding, b: ReportFinding): number {
  return severityRank(a.severity) - severityRank(b.severity) || byLocation(a, b);
}

export function categoryTitle(finding: ReportFinding): string {
  return CATEGORY_TITLES[finding.category];
}

/** `kebab-case-id` → `KebabCaseId`. */
export function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter((p) => p.length > 0)
    .map((p) => p[0]!.toUpperCase() + p.slice(1))
    .join('');
}

/** `src/a.ts:12:5`. */
export function locationText(finding: ReportFinding): string {
  return `${finding.file}:${finding.line}:${finding.column}`;
}
