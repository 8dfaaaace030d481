// `.production-audit/audit.yaml`, the auditors' record: the checklist state per item, manual
// findings in the audit template's fields, and triage decisions on scanner findings keyed by
// fingerprint. It holds work that cannot be regenerated, so its text is designed for people and
// for git:
//
// - sorted: map entries by key (item id, finding id, fingerprint) and the fields of every entry
//   alphabetically; the top level in a fixed order (version, systemType, checklist, findings,
//   triage);
// - one entry per block, block style, a blank line between entries — two auditors ticking
//   different items on two branches change different lines with unchanged lines in between,
//   so `git merge` combines them without a conflict. (An item that is not in the file yet is
//   inserted when first ticked; two branches inserting into the same gap would conflict, so the
//   sidebar writes every checklist item up front: see ensureChecklistItems.)
// - no timestamp changes unless something changed: `at` belongs to one entry and is set only
//   when that entry changes (stampChanges).
// - empty sections are written `{}` (the only flow-style map), so the file always shows all
//   three sections. Comments are not preserved when the file is rewritten.
//
// Merging (mergeAuditRecords) is three-way at the granularity of one checklist item, one
// manual finding, one triage entry, and within an entry changed by both sides, one field.
import { randomBytes } from 'node:crypto';
import { Document, isMap, isPair, isScalar, Schema, visit } from 'yaml';
import auditSchema from '../../../schemas/audit.schema.json';
import type { CategoryId, Severity } from '../model';
import { sortProblems, type FileProblem } from './fileProblems';
import { AUDIT_FILE } from './names';
import { compileSchema, schemaProblems } from './schemaCheck';
import { parseYamlDocument } from './sourcePositions';

export { AUDIT_FILE };

export const CHECKLIST_RESULTS = ['PASS', 'FAIL', 'N/A', 'NOT_ASSESSED'] as const;
export type ChecklistResult = (typeof CHECKLIST_RESULTS)[number];

export const TRIAGE_STATUSES = ['OPEN', 'IN_PROGRESS', 'FIXED', 'ACCEPTED_RISK'] as const;
export type TriageStatus = (typeof TRIAGE_STATUSES)[number];

export interface ChecklistEntry {
  checked: boolean;
  result: ChecklistResult;
  note?: string;
  /** Who made the last change to this item. */
  by?: string;
  /** ISO date-time of the last change to this item. */
  at?: string;
}

export interface FindingLocation {
  /** Workspace-relative path with `/` separators. */
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** A finding an auditor recorded, in the audit template's fields. */
export interface ManualFinding {
  /** Stable id, `M-` + 8 hex digits (newManualFindingId). */
  id: string;
  title: string;
  severity: Severity;
  category: CategoryId;
  description: string;
  evidence: string;
  impact: string;
  recommendation: string;
  effort: string;
  status: TriageStatus;
  location?: FindingLocation;
  /** Required when status is ACCEPTED_RISK. */
  justification?: string;
  /** YYYY-MM-DD: an accepted risk counts as open again after this date. */
  expires?: string;
  note?: string;
  by?: string;
  at?: string;
}

/** The auditors' decision on one scanner finding (keyed by its fingerprint). */
export interface TriageEntry {
  status: TriageStatus;
  /** Required when status is ACCEPTED_RISK. */
  justification?: string;
  /** YYYY-MM-DD: an accepted risk counts as open again after this date. */
  expires?: string;
  note?: string;
  by?: string;
  at?: string;
}

export interface AuditRecord {
  version: 1;
  systemType?: string;
  /** Checklist state keyed by item id. */
  checklist: Record<string, ChecklistEntry>;
  /** Manual findings, sorted by id. */
  findings: ManualFinding[];
  /** Triage keyed by finding fingerprint. */
  triage: Record<string, TriageEntry>;
}

export type AuditParseResult = { ok: true; record: AuditRecord } | { ok: false; problems: FileProblem[] };

export function emptyAuditRecord(): AuditRecord {
  return { version: 1, checklist: {}, findings: [], triage: {} };
}

/** A checklist entry nobody has touched. */
export function blankChecklistEntry(): ChecklistEntry {
  return { checked: false, result: 'NOT_ASSESSED' };
}

// ---------------------------------------------------------------- parse / validate

let validateAudit: ReturnType<typeof compileSchema> | undefined;

function auditValidator(): ReturnType<typeof compileSchema> {
  validateAudit ??= compileSchema(auditSchema);
  return validateAudit;
}

/** Parses and validates audit.yaml text; every problem located by line and column. An empty file is an empty record. */
export function parseAuditRecord(text: string, file: string): AuditParseResult {
  const parsed = parseYamlDocument(text, file);
  if (!parsed.ok) return { ok: false, problems: sortProblems(parsed.problems) };
  const value = parsed.doc.value ?? {};
  const problems = schemaProblems(auditValidator(), { file, value, locate: parsed.doc.locate });
  if (problems.length > 0) return { ok: false, problems: sortProblems(problems) };
  return { ok: true, record: fromFileShape(value as FileShape) };
}

/**
 * Problems of an in-memory record (e.g. after a change made by code), as `path: problem`
 * strings; empty when the record can be written.
 */
export function validateAuditRecord(record: AuditRecord): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const f of record.findings) {
    if (ids.has(f.id)) problems.push(`findings: the id "${f.id}" is used twice`);
    ids.add(f.id);
  }
  const value = toFileShape(record);
  for (const p of schemaProblems(auditValidator(), { file: '', value, locate: () => ({ line: 0, column: 0 }) })) problems.push(p.message);
  return problems;
}

// ---------------------------------------------------------------- serialize

const HEADER = [
  ' Production Audit: the auditors\' record (checklist, manual findings, triage of scanner findings).',
  ' Written by the Production Audit sidebar with sorted keys so that it diffs and merges cleanly.',
  ' Editing by hand is fine; the schema is schemas/audit.schema.json.',
].join('\n');

/** Stable YAML text: the same record always gives the same bytes. */
export function serializeAuditRecord(record: AuditRecord): string {
  const doc = new Document(toFileShape(record), { aliasDuplicateObjects: false });
  doc.commentBefore = HEADER;
  // The YAML 1.2 writer quotes what YAML 1.2 would misread; also quote what a YAML 1.1 reader
  // would (yes, off, 2025-12-31, 12:30, 017, <<), so every tool reads the same strings.
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && misreadByYaml11(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
  if (isMap(doc.contents)) {
    doc.contents.items.forEach((pair, i) => {
      if (i > 0 && isScalar(pair.key)) pair.key.spaceBefore = true;
      if (isMap(pair.value)) {
        pair.value.items.forEach((entry, j) => {
          if (j > 0 && isPair(entry) && isScalar(entry.key)) entry.key.spaceBefore = true;
        });
      }
    });
  }
  return doc.toString({ lineWidth: 0, minContentWidth: 0, indent: 2 });
}

let yaml11Tests: RegExp[] | undefined;

function misreadByYaml11(value: string): boolean {
  yaml11Tests ??= new Schema({ schema: 'yaml-1.1' }).tags.flatMap((t) => ('test' in t && t.test instanceof RegExp ? [t.test] : []));
  return yaml11Tests.some((re) => re.test(value));
}

interface FileShape {
  version?: 1;
  systemType?: string;
  checklist?: Record<string, Partial<ChecklistEntry>>;
  findings?: Record<string, Omit<ManualFinding, 'id'>>;
  triage?: Record<string, TriageEntry>;
}

function fromFileShape(v: FileShape): AuditRecord {
  const record = emptyAuditRecord();
  if (v.systemType !== undefined) record.systemType = v.systemType;
  for (const [id, e] of Object.entries(v.checklist ?? {})) record.checklist[id] = { ...blankChecklistEntry(), ...e };
  for (const [id, f] of Object.entries(v.findings ?? {})) record.findings.push({ ...f, id });
  for (const [fp, t] of Object.entries(v.triage ?? {})) record.triage[fp] = { ...t };
  return normalizeAuditRecord(record);
}

/** The YAML shape: sorted maps, sorted fields, no undefined values. */
function toFileShape(r: AuditRecord): Record<string, unknown> {
  const n = normalizeAuditRecord(r);
  const out: Record<string, unknown> = { version: 1 };
  if (n.systemType !== undefined) out.systemType = n.systemType;
  out.checklist = n.checklist;
  out.findings = Object.fromEntries(n.findings.map(({ id, ...rest }) => [id, rest]));
  out.triage = n.triage;
  return out;
}

/** A copy with defaults filled in, undefined fields dropped, maps and fields sorted. */
export function normalizeAuditRecord(r: AuditRecord): AuditRecord {
  return {
    version: 1,
    ...(r.systemType !== undefined ? { systemType: r.systemType } : {}),
    checklist: sortedMap(r.checklist, (e) => sortedFields({ ...blankChecklistEntry(), ...e })),
    findings: [...r.findings]
      .sort((a, b) => cmp(a.id, b.id))
      .map((f) => (f.location ? { ...sortedFields(f), location: sortedFields(f.location) } : sortedFields(f))),
    triage: sortedMap(r.triage, (e) => sortedFields(e)),
  };
}

function sortedMap<T, U>(map: Record<string, T>, fn: (v: T) => U): Record<string, U> {
  const out: Record<string, U> = {};
  for (const key of Object.keys(map).sort(cmp)) out[key] = fn(map[key] as T);
  return out;
}

function sortedFields<T extends object>(obj: T): T {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(obj).sort(cmp)) {
    const v = (obj as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = v;
  }
  return out as T;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// ---------------------------------------------------------------- edits

/** Adds the items not yet in the record as untouched entries (so later ticks change lines instead of inserting them). */
export function ensureChecklistItems(record: AuditRecord, itemIds: Iterable<string>): void {
  for (const id of itemIds) if (!record.checklist[id]) record.checklist[id] = blankChecklistEntry();
}

/**
 * Starts a new audit round on a record: every checklist item back to unticked, NOT_ASSESSED,
 * without note, author or time. The system type, manual findings and triage stay: they describe
 * the code, which has not changed by starting a new round.
 */
export function resetChecklist(record: AuditRecord): void {
  for (const id of Object.keys(record.checklist)) record.checklist[id] = blankChecklistEntry();
}

/** A new manual finding id, `M-` + 8 hex digits, not used in the record. */
export function newManualFindingId(record?: AuditRecord): string {
  const used = new Set(record?.findings.map((f) => f.id) ?? []);
  for (;;) {
    const id = `M-${randomBytes(4).toString('hex')}`;
    if (!used.has(id)) return id;
  }
}

// ---------------------------------------------------------------- change stamps and merge

type Entry = object;

function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const keys = Object.keys(v as Record<string, unknown>).filter((k) => (v as Record<string, unknown>)[k] !== undefined).sort(cmp);
    return `{${keys.map((k) => `${JSON.stringify(k)}:${stableJson((v as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'undefined';
}

function same(a: unknown, b: unknown): boolean {
  return stableJson(a) === stableJson(b);
}

function withoutStamp(e: Entry | undefined): unknown {
  if (!e) return undefined;
  const { at: _at, by: _by, ...rest } = e as { at?: string; by?: string };
  return rest;
}

/**
 * Marks every entry that `ours` changed relative to `base` with `at` (and `by`, when given),
 * unless the change already set them. Untouched entries keep their stamps, so nothing in the
 * file changes where nothing happened; a checklist item added blank is not stamped either.
 */
export function stampChanges(base: AuditRecord, ours: AuditRecord, stamp: { at: string; by?: string }): void {
  const mark = <T extends { at?: string; by?: string }>(before: T | undefined, after: T): void => {
    if (same(withoutStamp(before), withoutStamp(after))) return;
    if (after.at === before?.at) after.at = stamp.at;
    if (stamp.by !== undefined && after.by === before?.by) after.by = stamp.by;
  };
  for (const [id, entry] of Object.entries(ours.checklist)) {
    const before = base.checklist[id];
    if (!before && same({ ...blankChecklistEntry(), ...entry }, blankChecklistEntry())) continue;
    mark(before ? { ...blankChecklistEntry(), ...before } : undefined, entry);
  }
  const baseFindings = new Map(base.findings.map((f) => [f.id, f]));
  for (const f of ours.findings) mark(baseFindings.get(f.id), f);
  for (const [fp, entry] of Object.entries(ours.triage)) mark(base.triage[fp], entry);
}

/**
 * Three-way merge of the auditors' record. `base` is what the writer loaded, `ours` its changed
 * copy, `theirs` what is on disk now. Per entry (checklist item, manual finding, triage entry):
 * changed on one side only → that side; changed on both → field by field, our changed fields
 * win (the later write) and their other changes are kept; deleted on one side and changed on the
 * other → the changed version is kept (nothing is lost).
 */
export function mergeAuditRecords(base: AuditRecord, ours: AuditRecord, theirs: AuditRecord): AuditRecord {
  const out = emptyAuditRecord();
  const systemType = mergeValue(base.systemType, ours.systemType, theirs.systemType);
  if (systemType !== undefined) out.systemType = systemType;
  out.checklist = mergeMaps(base.checklist, ours.checklist, theirs.checklist);
  const byId = (list: ManualFinding[]): Record<string, ManualFinding> => Object.fromEntries(list.map((f) => [f.id, f]));
  out.findings = Object.values(mergeMaps(byId(base.findings), byId(ours.findings), byId(theirs.findings)));
  out.triage = mergeMaps(base.triage, ours.triage, theirs.triage);
  return normalizeAuditRecord(out);
}

function mergeValue<T>(base: T, ours: T, theirs: T): T {
  if (same(ours, base)) return theirs;
  return ours;
}

function mergeMaps<T extends Entry>(base: Record<string, T>, ours: Record<string, T>, theirs: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  const keys = new Set([...Object.keys(base), ...Object.keys(ours), ...Object.keys(theirs)]);
  for (const key of keys) {
    const merged = mergeEntry(base[key], ours[key], theirs[key]);
    if (merged !== undefined) out[key] = merged;
  }
  return out;
}

function mergeEntry<T extends Entry>(base: T | undefined, ours: T | undefined, theirs: T | undefined): T | undefined {
  if (same(ours, base)) return theirs;
  if (same(theirs, base) || same(ours, theirs)) return ours;
  if (ours === undefined) return theirs; // we deleted it, they changed it: keep their change
  if (theirs === undefined) return ours; // they deleted it, we changed it: keep ours
  const fields = new Set([...Object.keys(ours), ...Object.keys(theirs), ...Object.keys(base ?? {})]);
  const out: Record<string, unknown> = {};
  const b = (base ?? {}) as Record<string, unknown>;
  const o = ours as Record<string, unknown>;
  const t = theirs as Record<string, unknown>;
  for (const field of fields) {
    const value = same(o[field], b[field]) ? t[field] : o[field];
    if (value !== undefined) out[field] = value;
  }
  return out as T;
}
