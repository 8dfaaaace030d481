// What every exporter renders from. Pure data: the caller gathers it (scan result or saved
// `.production-audit/` files, audit.yaml's triage, the scores) and picks the date; exporters
// never read files, the clock or VS Code.
import type { ChecklistResult, ManualFinding, TriageStatus } from '../audit/auditRecord';
import type { CategoryId, Finding, Severity } from '../model';
import type { ProbeOutcome } from '../probes';
import type { AuditScore } from '../scoring';

/** A scanner finding; `baseline` is present only when the scan compared against a baseline. */
export interface ReportFinding extends Finding {
  /** True when the finding was already in the baseline (unchanged), false when it is new. */
  baseline?: boolean;
}

/** The auditors' decision on a finding, keyed by fingerprint (audit.yaml's `triage`). */
export interface ReportTriage {
  status: TriageStatus;
  /** Why the risk is accepted (required by audit.yaml for ACCEPTED_RISK). */
  justification?: string;
  /** YYYY-MM-DD: an accepted risk counts as open again after this date. */
  expires?: string;
}

/** The rule metadata reports show (a subset of RuleDefinition, so tests can pass their own). */
export interface ReportRule {
  id: string;
  title: string;
  category: CategoryId;
  defaultSeverity: Severity;
  docs: { summary: string; why: string; fix: string };
}

export interface ReportTool {
  /** Machine name, e.g. `production-audit`. */
  name: string;
  /** Display name, e.g. `Production Audit` (default: `name`). */
  fullName?: string;
  version: string;
  informationUri: string;
}

export interface ReportScope {
  /** Workspace folders scanned (names or paths, as the caller wants them shown). */
  folders: readonly string[];
  filesScanned: number;
  /** Ids of the rules that ran. */
  rulesRun: readonly string[];
}

export interface ReportInput {
  findings: readonly ReportFinding[];
  /** Triage by fingerprint; a finding without an entry is OPEN. */
  triage?: Readonly<Record<string, ReportTriage>>;
  /** Default: TOOL from toolInfo.ts. */
  tool?: ReportTool;
  /** Metadata of every rule (default: RULES from the registry). Findings of unknown rules still render. */
  rules?: readonly ReportRule[];
  /** The report date, YYYY-MM-DD; also the day accepted risks' expiry dates are compared with. */
  date: string;
  /** The system audited (the report's "System:" line); default: the first folder's name. */
  system?: string;
  auditor?: string;
  scope?: ReportScope;
  /**
   * Absolute path of the scanned root (SARIF `originalUriBaseIds`). Finding paths are relative to it.
   * Omitted: SARIF describes %SRCROOT% without a URI and the consumer supplies it (GitHub does).
   */
  root?: string;
  /** File text by workspace-relative path, for code snippets in the audit reports. */
  snippets?: Readonly<Record<string, string>>;
  /** Scores from scoring.ts (with the checklist); without them the matrix scores findings alone. */
  scores?: AuditScore;
  /** audit.yaml's checklist by item id: the audit reports show it as the test-results table. */
  checklist?: Readonly<Record<string, { readonly result: ChecklistResult; readonly note?: string }>>;
  /** Findings the auditors recorded by hand (audit.yaml), shown beside the scanner's in the audit reports. */
  manualFindings?: readonly ManualFinding[];
  /** Restricts the audit reports (Markdown, HTML) to one category: the template's per-category report. */
  category?: CategoryId;
  /** Workspace evidence (probes.ts): facts about the folder shown beside the checklist. */
  probes?: readonly ProbeOutcome[];
}
