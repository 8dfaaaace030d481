// `.production-audit/findings.json`: the last scan, in exactly the shape the CLI prints with
// `--format json` (one builder, one serializer, one schema: schemas/findings.schema.json).
// Serialization is stable — findings sorted by file, line, column, rule id; keys in a fixed
// order; 2-space JSON with a trailing newline — so two scans of the same code give the same
// bytes apart from `scannedAt`.
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import findingsSchema from '../../../schemas/findings.schema.json';
import { CATEGORY_IDS, SEVERITIES, severityRank, type AnalysisError, type CategoryId, type Finding, type RelatedLocation, type Severity, type SkippedFile, type Suppression } from '../model';
import { writeFileAtomic } from './atomicFile';
import type { FailOn } from './config';
import { FileProblemError, type FileProblem } from './fileProblems';
import { CONFIG_DIR, FINDINGS_FILE } from './names';
import { compileSchema, schemaProblems } from './schemaCheck';
import { parseJsonDocument } from './sourcePositions';

export { FINDINGS_FILE };

export interface FindingRecord {
  ruleId: string;
  category: CategoryId;
  severity: Severity;
  message: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fingerprint: string;
  symbol: string;
  suppressed: boolean;
  suppression?: Suppression;
  /** Present only when the scan used a baseline: true when the finding was already in it. */
  baseline?: boolean;
  related: RelatedLocation[];
}

export interface FindingsSummary {
  /** All findings; total = open + suppressed + baseline. */
  total: number;
  /** Neither suppressed nor in the baseline. */
  open: number;
  suppressed: number;
  /** Not suppressed, but already in the baseline. */
  baseline: number;
  /** Open findings per severity. */
  bySeverity: Record<Severity, number>;
  /** Open findings per category, every category listed. */
  byCategory: Record<CategoryId, number>;
  failOn: FailOn;
  /** At least one open finding at or above failOn. */
  failed: boolean;
}

export interface FindingsDocument {
  version: 1;
  tool: { name: string; version: string };
  /** ISO 8601 date-time. */
  scannedAt: string;
  root: string;
  filesScanned: number;
  rulesRun: string[];
  findings: FindingRecord[];
  errors: AnalysisError[];
  skipped: SkippedFile[];
  summary: FindingsSummary;
}

export interface FindingsMeta {
  tool: { name: string; version: string };
  /** Default: now. */
  scannedAt?: Date | string;
  root: string;
  filesScanned: number;
  rulesRun: readonly string[];
  errors?: readonly AnalysisError[];
  skipped?: readonly SkippedFile[];
  failOn: FailOn;
  /** Fingerprints of an earlier scan (`--baseline`): findings in it are marked and do not count. */
  baseline?: ReadonlySet<string>;
}

/** True when an open finding of this severity fails a run with this threshold. */
export function meetsFailOn(severity: Severity, failOn: FailOn): boolean {
  if (failOn === 'none') return false;
  return severityRank(severity) <= severityRank(failOn.toUpperCase() as Severity);
}

/** Builds the document from the engine's findings; sorted and counted, ready to serialize. */
export function buildFindingsDocument(findings: readonly Finding[], meta: FindingsMeta): FindingsDocument {
  const records = findings.map((f): FindingRecord => {
    const r: FindingRecord = {
      ruleId: f.ruleId,
      category: f.category,
      severity: f.severity,
      message: f.message,
      file: f.file,
      line: f.line,
      column: f.column,
      endLine: f.endLine,
      endColumn: f.endColumn,
      fingerprint: f.fingerprint,
      symbol: f.symbol,
      suppressed: f.suppression !== undefined,
      related: f.related.map((x) => ({ ...x })),
    };
    if (f.suppression) r.suppression = { ...f.suppression };
    if (meta.baseline) r.baseline = meta.baseline.has(f.fingerprint);
    return r;
  });
  const scannedAt = meta.scannedAt === undefined ? new Date().toISOString() : typeof meta.scannedAt === 'string' ? meta.scannedAt : meta.scannedAt.toISOString();
  const doc: FindingsDocument = {
    version: 1,
    tool: { name: meta.tool.name, version: meta.tool.version },
    scannedAt,
    root: meta.root,
    filesScanned: meta.filesScanned,
    rulesRun: [...meta.rulesRun],
    findings: records,
    errors: (meta.errors ?? []).map((e) => ({ ...e })),
    skipped: (meta.skipped ?? []).map((s) => ({ ...s })),
    summary: summarize(records, meta.failOn),
  };
  return canonical(doc);
}

/** Counts of a list of finding records (see FindingsSummary). */
export function summarize(findings: readonly FindingRecord[], failOn: FailOn): FindingsSummary {
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  const byCategory = Object.fromEntries(CATEGORY_IDS.map((c) => [c, 0])) as Record<CategoryId, number>;
  let open = 0;
  let suppressed = 0;
  let baseline = 0;
  let failed = false;
  for (const f of findings) {
    if (f.suppressed) suppressed++;
    else if (f.baseline) baseline++;
    else {
      open++;
      bySeverity[f.severity]++;
      byCategory[f.category]++;
      if (meetsFailOn(f.severity, failOn)) failed = true;
    }
  }
  return { total: findings.length, open, suppressed, baseline, bySeverity, byCategory, failOn, failed };
}

/** Stable JSON: sorted findings/errors/skipped, fixed key order, 2-space indent, trailing newline. */
export function serializeFindings(doc: FindingsDocument): string {
  return `${JSON.stringify(canonical(doc), null, 2)}\n`;
}

/** The fingerprints in a document (what `--baseline FILE` compares against). */
export function fingerprintsOf(doc: FindingsDocument): Set<string> {
  return new Set(doc.findings.map((f) => f.fingerprint));
}

/** Every problem of a findings file; `.message` lists them as `file:line:column: message` lines. */
export class FindingsFileError extends FileProblemError {
  constructor(problems: readonly FileProblem[]) {
    super(problems);
    this.name = 'FindingsFileError';
  }
}

let validateFindings: ReturnType<typeof compileSchema> | undefined;

/** Parses and validates a findings document; throws FindingsFileError with located problems. */
export function parseFindings(text: string, file: string): FindingsDocument {
  const parsed = parseJsonDocument(text, file);
  if (!parsed.ok) throw new FindingsFileError(parsed.problems);
  validateFindings ??= compileSchema(findingsSchema);
  const problems = schemaProblems(validateFindings, parsed.doc);
  if (problems.length > 0) throw new FindingsFileError(problems);
  return canonical(parsed.doc.value as FindingsDocument);
}

/** `<root>/.production-audit/findings.json`. */
export function findingsFilePath(root: string): string {
  return path.join(root, CONFIG_DIR, FINDINGS_FILE);
}

/** Reads the last scan of a workspace folder; undefined when there is none. Throws FindingsFileError when invalid. */
export async function readFindingsFile(root: string): Promise<FindingsDocument | undefined> {
  const file = findingsFilePath(root);
  let text: string;
  try {
    text = await fsp.readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new FindingsFileError([{ file, line: 1, column: 1, message: `cannot read the file (${(e as NodeJS.ErrnoException).code ?? String(e)})` }]);
  }
  return parseFindings(text, file);
}

/** Writes the scan of a workspace folder atomically (creates `.production-audit/` when needed). */
export async function writeFindingsFile(root: string, doc: FindingsDocument): Promise<string> {
  const file = findingsFilePath(root);
  await fsp.mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, serializeFindings(doc));
  return file;
}

// ---------------------------------------------------------------- canonical order

function cmp(a: string | number, b: string | number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareFindings(a: FindingRecord, b: FindingRecord): number {
  return cmp(a.file, b.file) || a.line - b.line || a.column - b.column || cmp(a.ruleId, b.ruleId) || a.endLine - b.endLine || a.endColumn - b.endColumn || cmp(a.fingerprint, b.fingerprint);
}

function canonicalFinding(f: FindingRecord): FindingRecord {
  const suppression: Suppression | undefined = f.suppression
    ? f.suppression.until !== undefined
      ? { kind: f.suppression.kind, reason: f.suppression.reason, until: f.suppression.until }
      : { kind: f.suppression.kind, reason: f.suppression.reason }
    : undefined;
  return {
    ruleId: f.ruleId,
    category: f.category,
    severity: f.severity,
    message: f.message,
    file: f.file,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    fingerprint: f.fingerprint,
    symbol: f.symbol,
    suppressed: f.suppressed,
    ...(suppression ? { suppression } : {}),
    ...(f.baseline !== undefined ? { baseline: f.baseline } : {}),
    // The order of related locations is the rule's (meaningful); only their keys are normalised.
    related: f.related.map((r) => ({ file: r.file, line: r.line, column: r.column, endLine: r.endLine, endColumn: r.endColumn, message: r.message })),
  };
}

function canonical(doc: FindingsDocument): FindingsDocument {
  const errors = doc.errors
    .map((e): AnalysisError => (e.ruleId !== undefined ? { file: e.file, message: e.message, ruleId: e.ruleId } : { file: e.file, message: e.message }))
    .sort((a, b) => cmp(a.file, b.file) || cmp(a.ruleId ?? '', b.ruleId ?? '') || cmp(a.message, b.message));
  const skipped = doc.skipped.map((s) => ({ file: s.file, reason: s.reason })).sort((a, b) => cmp(a.file, b.file) || cmp(a.reason, b.reason));
  const s = doc.summary;
  return {
    version: 1,
    tool: { name: doc.tool.name, version: doc.tool.version },
    scannedAt: doc.scannedAt,
    root: doc.root,
    filesScanned: doc.filesScanned,
    rulesRun: [...doc.rulesRun].sort(cmp),
    findings: doc.findings.map(canonicalFinding).sort(compareFindings),
    errors,
    skipped,
    summary: {
      total: s.total,
      open: s.open,
      suppressed: s.suppressed,
      baseline: s.baseline,
      bySeverity: Object.fromEntries(SEVERITIES.map((k) => [k, s.bySeverity[k] ?? 0])) as Record<Severity, number>,
      byCategory: Object.fromEntries(CATEGORY_IDS.map((k) => [k, s.byCategory[k] ?? 0])) as Record<CategoryId, number>,
      failOn: s.failOn,
      failed: s.failed,
    },
  };
}
