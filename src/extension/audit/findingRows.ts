// The Findings view's data, without VS Code: scanner findings and the manual findings of
// audit.yaml as one list of rows (each with its triage status), the triage entries whose finding
// is gone ("resolved"), filters, grouping into the tree, and Markdown for "Copy as Markdown".
// Only type imports from the audit record, so loading this file does not load the YAML parser.
import type { AuditRecord, ManualFinding, TriageEntry, TriageStatus } from '../../core/audit/auditRecord';
import { CATEGORY_TITLES, SEVERITIES, severityRank, type CategoryId, type Finding, type Range, type Severity } from '../../core/model';
import { displayLabel, isOpenFinding, type ScoringFinding } from '../../core/scoring';

export const TRIAGE_STATUS_LIST: readonly TriageStatus[] = ['OPEN', 'IN_PROGRESS', 'FIXED', 'ACCEPTED_RISK'];

/** A row's status as the view shows and filters it: a suppressed finding is SUPPRESSED whatever its triage says. */
export type RowStatus = TriageStatus | 'SUPPRESSED';
export const ROW_STATUS_LIST: readonly RowStatus[] = [...TRIAGE_STATUS_LIST, 'SUPPRESSED'];

/** Rule filter value that stands for the manual findings (they have no rule). */
export const MANUAL_RULE = 'manual';

export interface FindingRow {
  readonly source: 'scanner' | 'manual';
  /** The fingerprint (scanner) or the manual finding's id. */
  readonly key: string;
  /** The rule id (scanner) or the finding's title (manual). */
  readonly title: string;
  /** The rule's message (scanner) or the finding's description (manual). */
  readonly message: string;
  readonly ruleId?: string;
  readonly category: CategoryId;
  readonly severity: Severity;
  readonly status: TriageStatus;
  readonly suppressed?: { readonly reason: string; readonly until?: string };
  /** Folder-relative path with `/` separators. */
  readonly file?: string;
  readonly range?: Range;
  /** Enclosing symbol (scanner findings). */
  readonly symbol?: string;
  /** URI string of the document (scanner findings), for revealing the range. */
  readonly uri?: string;
  readonly justification?: string;
  readonly expires?: string;
  readonly note?: string;
  readonly by?: string;
  readonly at?: string;
  /** The audit.yaml entry (manual findings). */
  readonly manual?: ManualFinding;
}

/** A triage decision whose fingerprint is not among the current findings. */
export interface ResolvedRow {
  readonly fingerprint: string;
  /** From the fingerprint (`rule-id:hash`). */
  readonly ruleId: string;
  readonly entry: TriageEntry;
}

export interface ScannerFinding {
  readonly finding: Finding;
  /** URI string of the file. */
  readonly uri: string;
}

/** Rows for every scanner finding (with its triage) and manual finding, and the triage entries nobody matches. */
export function buildRows(scanner: readonly ScannerFinding[], record: AuditRecord | undefined): { rows: FindingRow[]; resolved: ResolvedRow[] } {
  const triage = record?.triage ?? {};
  const rows: FindingRow[] = [];
  const seen = new Set<string>();
  for (const { finding: f, uri } of scanner) {
    if (seen.has(f.fingerprint)) continue; // the same file published twice (editor and scan) is one finding
    seen.add(f.fingerprint);
    const t = triage[f.fingerprint];
    rows.push({
      source: 'scanner',
      key: f.fingerprint,
      title: f.ruleId,
      message: f.message,
      ruleId: f.ruleId,
      category: f.category,
      severity: f.severity,
      status: t?.status ?? 'OPEN',
      ...(f.suppression ? { suppressed: { reason: f.suppression.reason, ...(f.suppression.until ? { until: f.suppression.until } : {}) } } : {}),
      file: f.file,
      range: { line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn },
      symbol: f.symbol,
      uri,
      ...optional(t),
    });
  }
  for (const m of record?.findings ?? []) {
    rows.push({
      source: 'manual',
      key: m.id,
      title: m.title,
      message: m.description,
      category: m.category,
      severity: m.severity,
      status: m.status,
      ...(m.location ? { file: m.location.file, range: { line: m.location.line, column: m.location.column, endLine: m.location.endLine, endColumn: m.location.endColumn } } : {}),
      ...optional(m),
      manual: m,
    });
  }
  const resolved = Object.entries(triage)
    .filter(([fp]) => !seen.has(fp))
    .map(([fingerprint, entry]) => ({ fingerprint, ruleId: ruleOfFingerprint(fingerprint), entry }))
    .sort((a, b) => cmp(a.ruleId, b.ruleId) || cmp(a.fingerprint, b.fingerprint));
  return { rows, resolved };
}

function optional(e: { justification?: string; expires?: string; note?: string; by?: string; at?: string } | undefined): Partial<FindingRow> {
  if (!e) return {};
  const out: Record<string, string> = {};
  for (const k of ['justification', 'expires', 'note', 'by', 'at'] as const) if (e[k] !== undefined) out[k] = e[k] as string;
  return out;
}

/** `missing-timeout:0123abcd…` → `missing-timeout`. */
export function ruleOfFingerprint(fingerprint: string): string {
  const i = fingerprint.indexOf(':');
  return i > 0 ? fingerprint.slice(0, i) : fingerprint;
}

export function rowStatus(row: FindingRow): RowStatus {
  return row.suppressed ? 'SUPPRESSED' : row.status;
}

export function rowRule(row: FindingRow): string {
  return row.ruleId ?? MANUAL_RULE;
}

export function toScoringFinding(row: FindingRow): ScoringFinding {
  return { category: row.category, severity: row.severity, status: row.status, suppressed: row.suppressed !== undefined, ...(row.expires ? { expires: row.expires } : {}) };
}

/** True when the row counts against its category today (see scoring.ts: accepted risks past their expiry are open again). */
export function isOpenRow(row: FindingRow, today: string): boolean {
  return isOpenFinding(toScoringFinding(row), today);
}

export function statusLabel(status: RowStatus): string {
  return status === 'SUPPRESSED' ? 'SUPPRESSED' : displayLabel(status);
}

// ---------------------------------------------------------------- filters

export interface FindingFilter {
  readonly severities?: readonly Severity[];
  readonly statuses?: readonly RowStatus[];
  /** Rule ids; MANUAL_RULE for the manual findings. */
  readonly rules?: readonly string[];
}

export function isFilterActive(filter: FindingFilter): boolean {
  return Boolean(filter.severities?.length || filter.statuses?.length || filter.rules?.length);
}

export function applyFilter(rows: readonly FindingRow[], filter: FindingFilter): FindingRow[] {
  return rows.filter(
    (r) =>
      (!filter.severities?.length || filter.severities.includes(r.severity)) &&
      (!filter.statuses?.length || filter.statuses.includes(rowStatus(r))) &&
      (!filter.rules?.length || filter.rules.includes(rowRule(r))),
  );
}

/** The active filter in a few words, for the view's description: `HIGH, CRITICAL · OPEN · missing-timeout`. */
export function describeFilter(filter: FindingFilter): string {
  const parts: string[] = [];
  if (filter.severities?.length) parts.push([...filter.severities].sort((a, b) => severityRank(a) - severityRank(b)).join(', '));
  if (filter.statuses?.length) parts.push(filter.statuses.map(statusLabel).join(', '));
  if (filter.rules?.length) parts.push(filter.rules.join(', '));
  return parts.length ? `Filter: ${parts.join(' · ')}` : '';
}

// ---------------------------------------------------------------- grouping

export type GroupMode = 'category' | 'file';

export interface GroupNode {
  readonly kind: 'group';
  /** Stable across refreshes (keeps the tree's expansion state). */
  readonly id: string;
  readonly label: string;
  readonly description: string;
  readonly level: 'category' | 'severity' | 'file' | 'resolved';
  readonly category?: CategoryId;
  readonly severity?: Severity;
  readonly file?: string;
  readonly children: readonly FindingsTreeNode[];
}

export interface FindingNode {
  readonly kind: 'finding';
  readonly id: string;
  readonly row: FindingRow;
}

export interface ResolvedNode {
  readonly kind: 'resolved';
  readonly id: string;
  readonly resolved: ResolvedRow;
}

export type FindingsTreeNode = GroupNode | FindingNode | ResolvedNode;

export const NO_LOCATION = '(no location)';

/** `3 open` when every finding is open, else `3 findings, 2 open`. */
export function countDescription(rows: readonly FindingRow[], today: string): string {
  const open = rows.filter((r) => isOpenRow(r, today)).length;
  if (open === rows.length) return `${open} open`;
  return `${rows.length} finding${rows.length === 1 ? '' : 's'}, ${open} open`;
}

function byLocation(a: FindingRow, b: FindingRow): number {
  return (a.range?.line ?? 0) - (b.range?.line ?? 0) || (a.range?.column ?? 0) - (b.range?.column ?? 0) || cmp(a.title, b.title) || cmp(a.key, b.key);
}

function fileGroups(rows: readonly FindingRow[], prefix: string, today: string): GroupNode[] {
  const byFile = new Map<string, FindingRow[]>();
  for (const r of rows) {
    const f = r.file ?? NO_LOCATION;
    byFile.set(f, [...(byFile.get(f) ?? []), r]);
  }
  return [...byFile.entries()]
    .sort(([a], [b]) => (a === NO_LOCATION ? 1 : b === NO_LOCATION ? -1 : cmp(a, b)))
    .map(([file, list]) => ({
      kind: 'group' as const,
      id: `${prefix}/file:${file}`,
      label: file,
      description: countDescription(list, today),
      level: 'file' as const,
      file,
      children: [...list].sort(byLocation).map((row) => ({ kind: 'finding' as const, id: `${prefix}/file:${file}/${row.source}:${row.key}`, row })),
    }));
}

/**
 * The Findings tree: category → severity → file → finding (categories in `categoryOrder`, empty
 * ones left out), or file → finding; then a "Resolved" group with the triage entries whose
 * finding no longer appears (`resolvedLabel` names it: "Resolved" after a scan, something more
 * careful before one).
 */
export function groupRows(
  rows: readonly FindingRow[],
  resolved: readonly ResolvedRow[],
  mode: GroupMode,
  categoryOrder: readonly CategoryId[],
  today: string,
  resolvedLabel = 'Resolved',
): GroupNode[] {
  const groups: GroupNode[] = [];
  if (mode === 'file') {
    groups.push(...fileGroups(rows, 'byFile', today));
  } else {
    for (const category of categoryOrder) {
      const inCategory = rows.filter((r) => r.category === category);
      if (!inCategory.length) continue;
      const prefix = `cat:${category}`;
      const severities = SEVERITIES.filter((s) => inCategory.some((r) => r.severity === s)).map((severity) => {
        const list = inCategory.filter((r) => r.severity === severity);
        return {
          kind: 'group' as const,
          id: `${prefix}/sev:${severity}`,
          label: severity,
          description: countDescription(list, today),
          level: 'severity' as const,
          category,
          severity,
          children: fileGroups(list, `${prefix}/sev:${severity}`, today),
        };
      });
      groups.push({ kind: 'group', id: prefix, label: CATEGORY_TITLES[category], description: countDescription(inCategory, today), level: 'category', category, children: severities });
    }
  }
  if (resolved.length) {
    groups.push({
      kind: 'group',
      id: 'resolved',
      label: resolvedLabel,
      description: `${resolved.length} triaged finding${resolved.length === 1 ? '' : 's'} not found`,
      level: 'resolved',
      children: resolved.map((r) => ({ kind: 'resolved' as const, id: `resolved/${r.fingerprint}`, resolved: r })),
    });
  }
  return groups;
}

// ---------------------------------------------------------------- text

/** `src/a.ts:12` (or `src/a.ts`, or NO_LOCATION). */
export function locationText(row: Pick<FindingRow, 'file' | 'range'>): string {
  if (!row.file) return NO_LOCATION;
  return row.range ? `${row.file}:${row.range.line}` : row.file;
}

/** The finding in the audit template's shape, for pasting into a report, a ticket or a review. */
export function findingMarkdown(row: FindingRow): string {
  const lines: string[] = [];
  const status = row.suppressed ? `SUPPRESSED (${row.suppressed.reason}${row.suppressed.until ? `, until ${row.suppressed.until}` : ''})` : displayLabel(row.status);
  if (row.source === 'manual' && row.manual) {
    const m = row.manual;
    lines.push(`### ${m.title}`, '');
    lines.push(`- **Severity:** ${m.severity}`);
    lines.push(`- **Category:** ${CATEGORY_TITLES[m.category]}`);
    if (row.file) lines.push(`- **Location:** \`${locationText(row)}\``);
    lines.push(`- **Description:** ${oneLine(m.description)}`);
    lines.push(`- **Evidence:** ${m.evidence.includes('\n') ? `\n\n  \`\`\`\n${indent(m.evidence)}\n  \`\`\`\n` : oneLine(m.evidence)}`);
    lines.push(`- **Impact:** ${oneLine(m.impact)}`);
    lines.push(`- **Recommendation:** ${oneLine(m.recommendation)}`);
    lines.push(`- **Effort:** ${oneLine(m.effort)}`);
    lines.push(`- **Status:** ${status}`);
  } else {
    lines.push(`### ${row.ruleId}: \`${locationText(row)}\``, '');
    lines.push(`- **Severity:** ${row.severity}`);
    lines.push(`- **Category:** ${CATEGORY_TITLES[row.category]}`);
    if (row.symbol) lines.push(`- **Symbol:** \`${row.symbol}\``);
    lines.push(`- **Description:** ${oneLine(row.message)}`);
    lines.push(`- **Status:** ${status}`);
    lines.push(`- **Fingerprint:** \`${row.key}\``);
  }
  if (row.status === 'ACCEPTED_RISK' && row.justification) lines.push(`- **Justification:** ${oneLine(row.justification)}${row.expires ? ` (until ${row.expires})` : ''}`);
  if (row.note) lines.push(`- **Note:** ${oneLine(row.note)}`);
  return `${lines.join('\n')}\n`;
}

function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ').trim() || '—';
}

function indent(s: string): string {
  return s
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');
}

// ---------------------------------------------------------------- dates

/** YYYY-MM-DD of a date in the machine's time zone (the auditor's calendar day). */
export function localDate(d: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * Checks an accepted risk's expiry as typed by the auditor: empty is fine (no expiry), otherwise a
 * real calendar date in YYYY-MM-DD after today. Returns the problem, or undefined.
 */
export function expiryProblem(value: string, today: string): string | undefined {
  const v = value.trim();
  if (!v) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return 'Write the date as YYYY-MM-DD, e.g. 2026-12-31 (or leave it empty for no expiry).';
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return `${v} is not a calendar date.`;
  if (v <= today) return `The expiry must lie after today (${today}); an accepted risk that has expired counts as open again.`;
  return undefined;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// ---------------------------------------------------------------- triage edits

/** The fields of a triage decision (a scanner finding's triage entry, or a manual finding). */
export interface StatusFields {
  status: TriageStatus;
  justification?: string;
  expires?: string;
  note?: string;
}

/**
 * Applies a status change to a triage entry or manual finding, in place. ACCEPTED_RISK needs a
 * justification (throws without one) and takes an optional expiry; any other status drops both,
 * so an old justification never sits next to a finding that is open again.
 */
export function applyStatus<T extends StatusFields>(target: T, status: TriageStatus, justification?: string, expires?: string): T {
  target.status = status;
  if (status === 'ACCEPTED_RISK') {
    const why = justification?.trim();
    if (!why) throw new Error('accepting a risk needs a justification');
    target.justification = why;
    if (expires?.trim()) target.expires = expires.trim();
    else delete target.expires;
  } else {
    delete target.justification;
    delete target.expires;
  }
  return target;
}

/** Sets or (with an empty text) removes the note, in place. */
export function applyNote<T extends { note?: string }>(target: T, note: string): T {
  const text = note.trim();
  if (text) target.note = text;
  else delete target.note;
  return target;
}
