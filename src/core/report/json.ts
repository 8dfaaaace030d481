// The JSON export: the last scan in exactly the findings.json shape (so schemas/findings.schema.json
// validates it and `--baseline` can read it), next to the audit record and the scores. Each part
// keeps its own shape, so tools that already read findings.json or audit.yaml read these too.
import type { AuditRecord } from '../audit/auditRecord';
import { normalizeAuditRecord } from '../audit/auditRecord';
import { serializeFindings, type FindingsDocument } from '../audit/findingsFile';
import type { AuditScore } from '../scoring';

export const JSON_REPORT_VERSION = 1;

export interface JsonReportInput {
  /** The report date, YYYY-MM-DD. */
  date: string;
  /** The scan, as built by buildFindingsDocument or read from findings.json. */
  scan: FindingsDocument;
  /** audit.yaml's content, when there is one. */
  audit?: AuditRecord;
  /** scoreAudit's result, when the caller scored the audit. */
  scores?: AuditScore;
}

export interface JsonReport {
  version: typeof JSON_REPORT_VERSION;
  date: string;
  scan: FindingsDocument;
  audit: AuditRecord | null;
  scores: AuditScore | null;
}

/** Stable 2-space JSON with a trailing newline; missing parts are `null`, never left out. */
export function renderJson(input: JsonReportInput): string {
  const report: JsonReport = {
    version: JSON_REPORT_VERSION,
    date: input.date,
    // serializeFindings puts findings and keys in their canonical order.
    scan: JSON.parse(serializeFindings(input.scan)) as FindingsDocument,
    audit: input.audit ? normalizeAuditRecord(input.audit) : null,
    scores: input.scores ?? null,
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
