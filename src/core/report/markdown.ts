// The audit report in Markdown, following the framework's reusable audit template: system, date,
// scope, executive summary, findings in the template's fields, test results, scoring matrix,
// recommendations. Whole audit, or one category (`input.category`). Text from the scanned code
// and the audit file is escaped, so it cannot break the tables or inject markup.
import { getCategory } from '../categories';
import { ruleDocsUrl } from '../engine/rule';
import { CATEGORY_TITLES, SEVERITIES, severityRank, type Severity } from '../model';
import { displayLabel } from '../scoring';
import { auditEntries, countsText, statusParts, totalsBySeverity, type AuditEntry } from './auditEntries';
import { toolOf } from './common';
import { buildMatrix, type Matrix } from './matrix';
import { snippetFor } from './snippet';
import type { ReportInput } from './types';

/** How many findings the executive summary names. */
export const TOP_FINDINGS = 5;

/**
 * Inline text, safe inside a line or a table cell (never at the start of a line): line breaks
 * become spaces and every character that could start emphasis, a link, code, HTML, an entity or
 * a table cell, or close a heading (`#`), is backslash-escaped.
 */
export function mdText(text: string): string {
  return text.replace(/\r\n|\r|\n/g, ' ').replace(/[\\`*_[\]<>|~&#]/g, (c) => `\\${c}`);
}

/** A code span holding `text` verbatim (line breaks become spaces); not for table cells. */
export function mdCode(text: string): string {
  const flat = text.replace(/\r\n|\r|\n/g, ' ');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || (flat.startsWith(' ') && flat.endsWith(' ') && flat.trim() !== '') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** A fenced code block that no backtick run inside `lines` can close early. */
export function mdFence(lines: readonly string[], language: string, indent = ''): string {
  const longest = Math.max(0, ...lines.flatMap((l) => l.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return [`${indent}${fence}${language}`, ...lines.map((l) => (l === '' ? '' : `${indent}${l}`)), `${indent}${fence}`].join('\n');
}

function tableRow(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function where(entry: AuditEntry): string {
  const loc = entry.location;
  return loc ? `${loc.file}:${loc.line}:${loc.column}` : '';
}

function sentence(text: string): string {
  const t = text.trim();
  return t === '' || /[.!?:]$/.test(t) ? t : `${t}.`;
}

function header(input: ReportInput, entries: readonly AuditEntry[]): string[] {
  const title = input.category === undefined ? 'Production Audit Report' : `${CATEGORY_TITLES[input.category]} Audit Report`;
  const system = input.system ?? input.scope?.folders[0] ?? 'Unnamed system';
  const out = [`# ${mdText(title)}`, '', `## System: ${mdText(system)}`, `## Date: ${mdText(input.date)}`];
  if (input.auditor !== undefined) out.push(`## Auditor: ${mdText(input.auditor)}`);
  out.push('## Scope', '');
  const scope = input.scope;
  if (scope) {
    out.push(`- **Folders:** ${scope.folders.length > 0 ? scope.folders.map(mdCode).join(', ') : 'none'}`);
    out.push(`- **Files scanned:** ${scope.filesScanned}`);
    out.push(`- **Rules run:** ${scope.rulesRun.length > 0 ? [...scope.rulesRun].sort().map(mdCode).join(', ') : 'none'}`);
  } else {
    out.push('- **Scan:** not described (findings only)');
  }
  out.push(`- **Categories:** ${input.category === undefined ? 'all 15' : mdText(CATEGORY_TITLES[input.category])}`);
  const manual = entries.filter((e) => e.kind === 'manual').length;
  out.push(`- **Findings:** ${entries.length - manual} from the scanner${manual > 0 ? `, ${manual} recorded by auditors` : ''}`);
  return out;
}

function severityTable(entries: readonly AuditEntry[]): string[] {
  const open = totalsBySeverity(entries, (e) => e.open);
  const closed = totalsBySeverity(entries, (e) => !e.open);
  const out = [tableRow(['Severity', 'Open', 'Suppressed, accepted or fixed']), tableRow(['---', '---:', '---:'])];
  for (const s of SEVERITIES) out.push(tableRow([s, String(open[s]), String(closed[s])]));
  return out;
}

function executiveSummary(input: ReportInput, entries: readonly AuditEntry[], matrix: Matrix): string[] {
  const open = entries.filter((e) => e.open);
  const openCounts = totalsBySeverity(entries, (e) => e.open);
  const out = ['## Executive Summary', ''];
  const basis = matrix.fromScores ? '' : ' (scored from the findings alone; the checklist is not part of this rating)';
  if (input.category === undefined) {
    out.push(`**Overall rating: ${displayLabel(matrix.rating)}** — ${mdText(matrix.ratingReason)}${basis}.`);
  } else {
    const row = matrix.rows[0];
    if (row) out.push(`**Category score: ${displayLabel(row.score)}** — ${mdText(row.notes)}${basis}.`);
  }
  out.push('');
  const categories = new Set(open.map((e) => e.category)).size;
  out.push(
    open.length === 0
      ? 'No finding is open.'
      : `${open.length} open ${open.length === 1 ? 'finding' : 'findings'} (${countsText(openCounts)}) in ${categories} ${categories === 1 ? 'category' : 'categories'}; ` +
          `${entries.length - open.length} suppressed, accepted or fixed.`,
  );
  out.push('', ...severityTable(entries));
  const top = open.slice(0, TOP_FINDINGS);
  if (top.length > 0) {
    out.push('', open.length > top.length ? `The ${top.length} most severe open findings:` : 'The open findings:', '');
    for (const e of top) {
      const loc = e.location ? ` — ${mdCode(where(e))}` : '';
      out.push(`- **${e.severity}** ${mdText(e.title)} (${mdText(CATEGORY_TITLES[e.category])})${loc}`);
    }
  }
  return out;
}

function evidence(input: ReportInput, entry: AuditEntry): string[] {
  const parts: string[] = [];
  if (entry.location) parts.push(mdCode(where(entry)));
  if (entry.symbol !== '') parts.push(`in ${mdCode(entry.symbol)}`);
  if (entry.evidence.trim() !== '') parts.push(mdText(sentence(entry.evidence)));
  const out = [`- **Evidence:** ${parts.length > 0 ? parts.join(' ') : 'none recorded'}`];
  const snippet = snippetFor(input.snippets, entry.location);
  if (snippet) out.push(mdFence(snippet.lines, snippet.language, '  '));
  for (const rel of entry.related) {
    out.push(`  - Related: ${mdCode(`${rel.file}:${rel.line}:${rel.column}`)} — ${mdText(rel.message)}`);
  }
  return out;
}

function findingBlock(input: ReportInput, entry: AuditEntry, n: number): string[] {
  const status = statusParts(entry);
  const rule = entry.ruleId !== undefined ? ` ([${mdText(entry.ruleId)}](${ruleDocsUrl(entry.ruleId)}))` : '';
  const out = [
    `### Finding ${n}: ${mdText(entry.title)}`,
    '',
    `- **Severity:** ${entry.severity}`,
    `- **Category:** ${mdText(CATEGORY_TITLES[entry.category])}${rule}`,
    `- **Description:** ${mdText(entry.description)}`,
    ...evidence(input, entry),
    `- **Impact:** ${entry.impact.trim() !== '' ? mdText(entry.impact) : 'not described'}`,
    `- **Recommendation:** ${entry.recommendation.trim() !== '' ? mdText(entry.recommendation) : 'not described'}`,
    `- **Effort:** ${entry.effort.trim() !== '' ? mdText(entry.effort) : 'to estimate'}`,
    `- **Status:** ${mdText(status.label)}${status.detail.trim() !== '' ? ` — ${mdText(status.detail)}` : ''}`,
  ];
  if (entry.baseline !== undefined) out.push(`- **Baseline:** ${entry.baseline ? 'already present in the baseline' : 'new since the baseline'}`);
  return out;
}

function findings(input: ReportInput, entries: readonly AuditEntry[]): string[] {
  const open = entries.filter((e) => e.open);
  const closed = entries.filter((e) => !e.open);
  const out = ['## Findings', ''];
  if (open.length === 0) out.push('No open findings.');
  let n = 0;
  for (const e of open) out.push(...findingBlock(input, e, ++n), '');
  if (closed.length > 0) {
    if (out[out.length - 1] !== '') out.push('');
    out.push('## Suppressed, Accepted and Fixed Findings', '');
    for (const e of closed) out.push(...findingBlock(input, e, ++n), '');
  }
  while (out[out.length - 1] === '') out.pop();
  return out;
}

/** The probes' outcomes: what was found about the workspace, and where, so an auditor can check it. */
function workspaceEvidence(input: ReportInput): string[] {
  const probes = (input.probes ?? []).filter((p) => input.category === undefined || p.category === input.category);
  if (!probes.length) return [];
  const out = ['## Workspace Evidence', '', tableRow(['Check', 'Category', 'Result', 'Summary', 'Looked at']), tableRow(['---', '---', '---', '---', '---'])];
  for (const p of probes) {
    const where = p.evidence
      .slice(0, 3)
      .map((e) => (e.file ? `${e.file}${e.line ? `:${e.line}` : ''}` : e.detail))
      .join('; ');
    out.push(tableRow([mdText(p.title), mdText(CATEGORY_TITLES[p.category]), p.status.toUpperCase(), mdText(p.summary), mdText(where + (p.evidence.length > 3 ? ` (+${p.evidence.length - 3})` : ''))]));
  }
  return out;
}

function testResults(input: ReportInput): string[] {
  const checklist = input.checklist;
  if (!checklist) return [];
  const categories = input.category === undefined ? undefined : [input.category];
  const out = ['## Test Results', ''];
  for (const id of categories ?? (Object.keys(CATEGORY_TITLES) as (keyof typeof CATEGORY_TITLES)[])) {
    const category = getCategory(id);
    if (categories === undefined) out.push(`### ${category.number}. ${mdText(category.title)}`, '');
    out.push(tableRow(['Test ID', 'Description', 'Result', 'Notes']), tableRow(['---', '---', '---', '---']));
    for (const item of category.items) {
      const entry = Object.prototype.hasOwnProperty.call(checklist, item.id) ? checklist[item.id] : undefined;
      out.push(tableRow([mdText(item.id), mdText(item.text), displayLabel(entry?.result ?? 'NOT_ASSESSED'), mdText(entry?.note ?? '')]));
    }
    out.push('');
  }
  out.pop();
  return out;
}

function scoring(input: ReportInput, matrix: Matrix): string[] {
  const counts = (open: Readonly<Record<Severity, number>>): string[] => SEVERITIES.map((s) => String(open[s]));
  if (input.category !== undefined) {
    const row = matrix.rows[0];
    if (!row) return [];
    return [
      '## Category Score',
      '',
      `- **Score:** ${displayLabel(row.score)}`,
      `- **Critical findings:** ${row.open.CRITICAL}`,
      `- **High findings:** ${row.open.HIGH}`,
      `- **Medium findings:** ${row.open.MEDIUM}`,
      `- **Low findings:** ${row.open.LOW}`,
      `- **Notes:** ${mdText(row.notes)}`,
    ];
  }
  const out = [
    '## Scoring Matrix',
    '',
    matrix.fromScores
      ? 'Scores follow the rubric over open findings and the checklist.'
      : 'Scores follow the rubric over open findings alone: any CRITICAL or 3+ HIGH is FAIL, 1–2 HIGH is PARTIAL, otherwise PASS.',
    '',
    tableRow(['#', 'Category', 'Score', 'Critical', 'High', 'Medium', 'Low', 'Notes']),
    tableRow(['---:', '---', '---', '---:', '---:', '---:', '---:', '---']),
  ];
  for (const r of matrix.rows) out.push(tableRow([String(r.number), mdText(r.title), displayLabel(r.score), ...counts(r.open), mdText(r.notes)]));
  out.push(tableRow(['**OVERALL**', '', `**${displayLabel(matrix.rating)}**`, ...counts(matrix.totals), mdText(matrix.ratingReason)]));
  return out;
}

/** One numbered recommendation per open rule (scanner) or open manual finding, most severe first. */
function recommendations(entries: readonly AuditEntry[]): string[] {
  interface Item {
    severity: Severity;
    text: string;
    key: string;
  }
  const byRule = new Map<string, AuditEntry[]>();
  const items: Item[] = [];
  for (const e of entries) {
    if (!e.open) continue;
    if (e.ruleId === undefined) {
      const how = e.recommendation.trim() !== '' ? ` ${mdText(sentence(e.recommendation))}` : '';
      items.push({ severity: e.severity, key: `~${e.id}`, text: `**${mdText(e.title)}** (${e.severity}, recorded by an auditor).${how}` });
      continue;
    }
    const list = byRule.get(e.ruleId) ?? [];
    list.push(e);
    byRule.set(e.ruleId, list);
  }
  for (const [ruleId, list] of byRule) {
    const worst = list.reduce((w, e) => (severityRank(e.severity) < severityRank(w) ? e.severity : w), list[0]!.severity);
    const first = list[0]!;
    const what = `${list.length} ${mdCode(ruleId)} ${list.length === 1 ? 'finding' : 'findings'}`;
    const how = first.recommendation.trim() !== '' ? ` ${mdText(sentence(first.recommendation))}` : '';
    items.push({ severity: worst, key: ruleId, text: `**${mdText(first.title)}** (${worst}, ${what}).${how}` });
  }
  if (items.length === 0) return [];
  items.sort((a, b) => severityRank(a.severity) - severityRank(b.severity) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return ['## Recommendations', '', ...items.map((item, i) => `${i + 1}. ${item.text}`)];
}

/** The audit report as Markdown (LF line ends, trailing newline). */
export function renderMarkdown(input: ReportInput): string {
  const entries = auditEntries(input);
  const matrix = buildMatrix(input, entries);
  const tool = toolOf(input);
  const sections: string[][] = [
    header(input, entries),
    executiveSummary(input, entries, matrix),
    findings(input, entries),
    testResults(input),
    workspaceEvidence(input),
    scoring(input, matrix),
    recommendations(entries),
    [`*Generated by ${mdText(tool.fullName ?? tool.name)} ${mdText(tool.version)}.*`],
  ];
  return `${sections
    .filter((s) => s.length > 0)
    .map((s) => s.join('\n'))
    .join('\n\n')}\n`;
}
