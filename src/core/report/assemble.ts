// Gathers what the exporters render from — a scan (fresh or the saved findings.json), the audit
// record (audit.yaml), the scores, code snippets — and renders one format. Shared by the CLI's
// `scan --format` / `export` and the extension's "Export Report…" command. The exporters themselves
// stay pure; this module is where files are read.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { AuditRecord } from '../audit/auditRecord';
import type { FindingsDocument } from '../audit/findingsFile';
import type { CategoryId, Finding } from '../model';
import { runProbes, type ProbeOutcome } from '../probes';
import { checklistStates, scoreAudit, type AuditScore, type ScoringFinding } from '../scoring';
import { isSystemTypeId } from '../systemTypes';
import { renderCsv } from './csv';
import { renderHtml } from './html';
import { renderJson } from './json';
import { renderMarkdown } from './markdown';
import { renderSarif } from './sarif';
import type { ReportFinding, ReportInput, ReportTriage } from './types';

export const REPORT_FORMATS = ['markdown', 'html', 'sarif', 'csv', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const REPORT_EXTENSIONS: Readonly<Record<ReportFormat, string>> = { markdown: 'md', html: 'html', sarif: 'sarif', csv: 'csv', json: 'json' };

export interface AssembleInput {
  /** Absolute path of the workspace folder the findings are relative to. */
  root: string;
  /** The scan, in the findings.json shape (built from a fresh scan or read from disk). */
  scan: FindingsDocument;
  /** audit.yaml, when there is one. */
  record?: AuditRecord;
  /** System type from config.yaml, used when audit.yaml sets none. */
  configSystemType?: string;
  /** Report date, YYYY-MM-DD. */
  date: string;
  /** Limits the Markdown/HTML report to one category. */
  category?: CategoryId;
}

function toFinding(r: FindingsDocument['findings'][number]): ReportFinding {
  const f: ReportFinding = {
    ruleId: r.ruleId,
    category: r.category,
    severity: r.severity,
    message: r.message,
    file: r.file,
    line: r.line,
    column: r.column,
    endLine: r.endLine,
    endColumn: r.endColumn,
    symbol: r.symbol ?? '',
    fingerprint: r.fingerprint,
    related: r.related ?? [],
    ...(r.suppression ? { suppression: r.suppression } : {}),
  } as Finding;
  if (r.baseline !== undefined) f.baseline = r.baseline;
  return f;
}

/** Scores the audit: scanner findings with their triage, manual findings, the checklist. */
export function scoreFor(findings: readonly Finding[], record: AuditRecord | undefined, date: string, systemType: string | undefined): AuditScore {
  const triage = record?.triage ?? {};
  const scoring: ScoringFinding[] = findings.map((f) => ({
    category: f.category,
    severity: f.severity,
    status: triage[f.fingerprint]?.status ?? 'OPEN',
    suppressed: !!f.suppression,
    expires: triage[f.fingerprint]?.expires,
  }));
  for (const m of record?.findings ?? []) scoring.push({ category: m.category, severity: m.severity, status: m.status, suppressed: false, expires: m.expires });
  return scoreAudit({ findings: scoring, checklist: checklistStates(record?.checklist ?? {}), today: date, systemType: isSystemTypeId(systemType) ? systemType : undefined });
}

function readSnippets(root: string, files: Iterable<string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of files) {
    try {
      out[f] = readFileSync(path.join(root, f), 'utf8');
    } catch {
      // a file deleted since the scan: the report shows the location without a snippet
    }
  }
  return out;
}

/** The exporters' input for a workspace folder. */
export function assembleReportInput(input: AssembleInput): ReportInput {
  const findings = input.scan.findings.map(toFinding);
  const systemType = input.record?.systemType ?? input.configSystemType;
  const triage: Record<string, ReportTriage> = {};
  for (const [fp, t] of Object.entries(input.record?.triage ?? {})) triage[fp] = { status: t.status, justification: t.justification, expires: t.expires };
  return {
    findings,
    triage,
    date: input.date,
    system: path.basename(input.root),
    root: input.root,
    scope: { folders: [path.basename(input.root)], filesScanned: input.scan.filesScanned, rulesRun: input.scan.rulesRun },
    snippets: readSnippets(input.root, new Set([...findings.map((f) => f.file), ...(input.record?.findings ?? []).flatMap((m) => (m.location ? [m.location.file] : []))])),
    scores: scoreFor(findings, input.record, input.date, systemType),
    checklist: input.record?.checklist,
    manualFindings: input.record?.findings,
    category: input.category,
    probes: probesFor(input.root),
  };
}

function probesFor(root: string): ProbeOutcome[] | undefined {
  try {
    return runProbes(root);
  } catch {
    return undefined; // evidence is a bonus: a report is still written without it
  }
}

/** Renders one format for a workspace folder. */
export function renderReport(format: ReportFormat, input: AssembleInput): string {
  if (format === 'json') {
    return renderJson({ date: input.date, scan: input.scan, audit: input.record, scores: scoreFor(input.scan.findings.map(toFinding), input.record, input.date, input.record?.systemType ?? input.configSystemType) });
  }
  const reportInput = assembleReportInput(input);
  switch (format) {
    case 'markdown':
      return renderMarkdown(reportInput);
    case 'html':
      return renderHtml(reportInput);
    case 'sarif':
      return renderSarif(reportInput);
    case 'csv':
      return renderCsv(reportInput);
  }
}

/** `.production-audit/reports/audit-YYYY-MM-DD.<ext>`, the default place for an exported report. */
export function defaultReportPath(root: string, format: ReportFormat, date: string): string {
  return path.join(root, '.production-audit', 'reports', `audit-${date}.${REPORT_EXTENSIONS[format]}`);
}
