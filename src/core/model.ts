// The shared vocabulary of Production Audit: severities, the 15 audit categories, findings and
// their locations. Pure data types, used by the engine, the CLI, the reports and the extension.

export const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Lower number = more severe. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

export function isSeverity(value: unknown): value is Severity {
  return typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value);
}

/** The 15 categories of the audit framework, in the framework's own numbering. */
export const CATEGORY_IDS = [
  'security',
  'ui-ux-safety',
  'code-quality',
  'data-integrity',
  'reliability',
  'throughput',
  'recovery',
  'concurrency',
  'state-machine',
  'idempotency',
  'observability',
  'cost-control',
  'permissions',
  'data-lifecycle',
  'human-error',
] as const;
export type CategoryId = (typeof CATEGORY_IDS)[number];

export function isCategoryId(value: unknown): value is CategoryId {
  return typeof value === 'string' && (CATEGORY_IDS as readonly string[]).includes(value);
}

/** A 1-based, end-inclusive-of-start / end-exclusive-of-end text range in a file. */
export interface Range {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface RelatedLocation extends Range {
  /** Workspace-relative path with `/` separators. */
  file: string;
  message: string;
}

export interface Suppression {
  /** `inline` = a `prodaudit-ignore-next-line` comment in the code. */
  kind: 'inline';
  reason: string;
  /** ISO date (YYYY-MM-DD) after which the suppression no longer applies. */
  until?: string;
}

export interface Finding extends Range {
  ruleId: string;
  category: CategoryId;
  severity: Severity;
  /** What is wrong, why it matters in production, what to do. */
  message: string;
  /** Workspace-relative path with `/` separators. */
  file: string;
  /** Enclosing symbol path, e.g. `UserService.load` (empty at file level). */
  symbol: string;
  /** Stable identity: survives unrelated edits; never contains line numbers. */
  fingerprint: string;
  related: RelatedLocation[];
  suppression?: Suppression;
}

/** A problem that stopped part of the analysis (unreadable file, rule crash, bad config). */
export interface AnalysisError {
  file: string;
  message: string;
  ruleId?: string;
}

/** A file the engine did not analyse, with the reason. */
export interface SkippedFile {
  file: string;
  reason: string;
}

/** Display titles of the categories (the checklist content lives in categories.ts). */
export const CATEGORY_TITLES: Readonly<Record<CategoryId, string>> = {
  security: 'Security',
  'ui-ux-safety': 'UI/UX Safety',
  'code-quality': 'Code Quality',
  'data-integrity': 'Data Integrity',
  reliability: 'Reliability',
  throughput: 'Throughput',
  recovery: 'Recovery',
  concurrency: 'Concurrency',
  'state-machine': 'State Machine',
  idempotency: 'Idempotency',
  observability: 'Observability',
  'cost-control': 'Cost Control',
  permissions: 'Permissions',
  'data-lifecycle': 'Data Lifecycle',
  'human-error': 'Human Error',
};

/** The kinds of system the framework orders its categories for (see systemTypes.ts), plus `general`. */
export const SYSTEM_TYPE_IDS = ['ai-pipeline', 'saas', 'ecommerce', 'api-platform', 'general'] as const;
export type SystemTypeId = (typeof SYSTEM_TYPE_IDS)[number];
