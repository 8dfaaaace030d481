// The audit report as one self-contained HTML file: inline CSS, a strict Content-Security-Policy
// (no scripts, no external requests), readable on screen and printed. Same content as the
// Markdown report plus a severity-by-category chart drawn as inline SVG. Every piece of text is
// escaped: messages, file names, snippets and notes come from the scanned code or the audit file.
import { getCategory } from '../categories';
import { ruleDocsUrl } from '../engine/rule';
import { CATEGORY_IDS, CATEGORY_TITLES, SEVERITIES, severityRank, type Severity } from '../model';
import { displayLabel } from '../scoring';
import { auditEntries, countsText, statusParts, totalsBySeverity, type AuditEntry } from './auditEntries';
import { toolOf } from './common';
import { buildMatrix, type Matrix, type MatrixRow } from './matrix';
import { snippetFor } from './snippet';
import type { ReportInput } from './types';

export const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** How many findings the executive summary names. */
const TOP_FINDINGS = 5;

/** Text for element content and quoted attribute values. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const SEVERITY_COLORS: Readonly<Record<Severity, string>> = {
  CRITICAL: '#8b0000',
  HIGH: '#d9480f',
  MEDIUM: '#e8a317',
  LOW: '#4a7fb5',
};

const STYLE = `
:root { color-scheme: light; }
body { font: 14px/1.5 -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: #1b1f23; margin: 0 auto; max-width: 980px; padding: 24px; }
h1 { font-size: 26px; margin: 0 0 8px; }
h2 { font-size: 20px; border-bottom: 1px solid #d0d7de; padding-bottom: 4px; margin-top: 32px; }
h3 { font-size: 16px; margin: 0 0 8px; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; }
th, td { border: 1px solid #d0d7de; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f6f8fa; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
table.severity-counts { width: auto; min-width: 360px; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0 0 16px; }
dl.meta dt { font-weight: 600; }
dl.meta dd { margin: 0; }
.rating { display: inline-block; padding: 6px 12px; border-radius: 4px; font-weight: 700; color: #fff; }
.rating.PRODUCTION_READY, .score.PASS { background: #1a7f37; }
.rating.CONDITIONALLY_READY, .score.PARTIAL { background: #bf8700; }
.rating.NOT_READY, .score.FAIL { background: #cf222e; }
.score.NOT_ASSESSED { background: #6e7781; }
.score { color: #fff; padding: 1px 6px; border-radius: 3px; font-weight: 600; white-space: nowrap; }
.sev { font-weight: 700; padding: 1px 6px; border-radius: 3px; color: #fff; }
.sev.CRITICAL { background: ${SEVERITY_COLORS.CRITICAL}; }
.sev.HIGH { background: ${SEVERITY_COLORS.HIGH}; }
.sev.MEDIUM { background: ${SEVERITY_COLORS.MEDIUM}; color: #1b1f23; }
.sev.LOW { background: ${SEVERITY_COLORS.LOW}; }
article.finding { border: 1px solid #d0d7de; border-radius: 6px; padding: 12px 16px; margin: 12px 0; break-inside: avoid; }
article.finding dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 12px; margin: 0; }
article.finding dt { font-weight: 600; }
article.finding dd { margin: 0; }
code { font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: #f6f8fa; padding: 1px 4px; border-radius: 3px; }
pre.snippet { background: #f6f8fa; border: 1px solid #d0d7de; border-radius: 4px; padding: 8px; overflow-x: auto; margin: 6px 0 0; }
pre.snippet code { background: none; padding: 0; }
pre.snippet .ln { color: #8c959f; user-select: none; display: inline-block; min-width: 3ch; text-align: right; margin-right: 12px; }
ul.related { margin: 4px 0 0; padding-left: 20px; }
.chart { max-width: 100%; height: auto; }
footer { margin-top: 32px; color: #57606a; font-size: 12px; }
@media print {
  body { max-width: none; padding: 0; font-size: 11px; }
  h2 { break-after: avoid; }
  tr, article.finding, figure { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  .rating, .score, .sev { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
`;

function where(entry: AuditEntry): string {
  const loc = entry.location;
  return loc ? `${loc.file}:${loc.line}:${loc.column}` : '';
}

function sev(severity: Severity): string {
  return `<span class="sev ${severity}">${severity}</span>`;
}

function scoreBadge(row: Pick<MatrixRow, 'score'>): string {
  return `<span class="score ${row.score}">${esc(displayLabel(row.score))}</span>`;
}

/** A rule id links to its docs page only when it looks like one of ours. */
function ruleLink(ruleId: string): string {
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(ruleId)) return `<code>${esc(ruleId)}</code>`;
  return `<a href="${esc(ruleDocsUrl(ruleId))}"><code>${esc(ruleId)}</code></a>`;
}

function header(input: ReportInput, entries: readonly AuditEntry[]): string {
  const title = input.category === undefined ? 'Production Audit Report' : `${CATEGORY_TITLES[input.category]} Audit Report`;
  const system = input.system ?? input.scope?.folders[0] ?? 'Unnamed system';
  const rows: [string, string][] = [
    ['System', esc(system)],
    ['Date', esc(input.date)],
  ];
  if (input.auditor !== undefined) rows.push(['Auditor', esc(input.auditor)]);
  const scope = input.scope;
  if (scope) {
    rows.push(['Folders', scope.folders.length > 0 ? scope.folders.map((f) => `<code>${esc(f)}</code>`).join(', ') : 'none']);
    rows.push(['Files scanned', String(scope.filesScanned)]);
    rows.push(['Rules run', scope.rulesRun.length > 0 ? [...scope.rulesRun].sort().map((r) => `<code>${esc(r)}</code>`).join(', ') : 'none']);
  } else {
    rows.push(['Scan', 'not described (findings only)']);
  }
  rows.push(['Categories', input.category === undefined ? 'all 15' : esc(CATEGORY_TITLES[input.category])]);
  const manual = entries.filter((e) => e.kind === 'manual').length;
  rows.push(['Findings', `${entries.length - manual} from the scanner${manual > 0 ? `, ${manual} recorded by auditors` : ''}`]);
  return [
    '<header>',
    `<h1>${esc(title)}</h1>`,
    '<dl class="meta">',
    ...rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`),
    '</dl>',
    '</header>',
  ].join('\n');
}

function executiveSummary(input: ReportInput, entries: readonly AuditEntry[], matrix: Matrix): string {
  const open = entries.filter((e) => e.open);
  const openBy = totalsBySeverity(entries, (e) => e.open);
  const closedBy = totalsBySeverity(entries, (e) => !e.open);
  const basis = matrix.fromScores ? '' : ' <em>(scored from the findings alone; the checklist is not part of this rating)</em>';
  const out = ['<section id="summary">', '<h2>Executive Summary</h2>'];
  if (input.category === undefined) {
    out.push(`<p><span class="rating ${matrix.rating}">${esc(displayLabel(matrix.rating))}</span> ${esc(matrix.ratingReason)}${basis}</p>`);
  } else if (matrix.rows[0]) {
    const row = matrix.rows[0];
    out.push(`<p>Category score: ${scoreBadge(row)} ${esc(row.notes)}${basis}</p>`);
  }
  const categories = new Set(open.map((e) => e.category)).size;
  out.push(
    open.length === 0
      ? '<p>No finding is open.</p>'
      : `<p>${open.length} open ${open.length === 1 ? 'finding' : 'findings'} (${esc(countsText(openBy))}) in ${categories} ${categories === 1 ? 'category' : 'categories'}; ${entries.length - open.length} suppressed, accepted or fixed.</p>`,
  );
  out.push('<table class="severity-counts"><thead><tr><th>Severity</th><th class="num">Open</th><th class="num">Suppressed, accepted or fixed</th></tr></thead><tbody>');
  for (const s of SEVERITIES) out.push(`<tr><td>${sev(s)}</td><td class="num">${openBy[s]}</td><td class="num">${closedBy[s]}</td></tr>`);
  out.push('</tbody></table>');
  const top = open.slice(0, TOP_FINDINGS);
  if (top.length > 0) {
    out.push(`<p>${open.length > top.length ? `The ${top.length} most severe open findings:` : 'The open findings:'}</p>`, '<ul>');
    for (const e of top) {
      const loc = e.location ? ` — <code>${esc(where(e))}</code>` : '';
      out.push(`<li>${sev(e.severity)} <a href="#${anchor(entries, e)}">${esc(e.title)}</a> (${esc(CATEGORY_TITLES[e.category])})${loc}</li>`);
    }
    out.push('</ul>');
  }
  out.push('</section>');
  return out.join('\n');
}

/**
 * The fragment id of a finding: its number in the report. Entries come sorted open-first, and the
 * findings sections number them in that order, so ids never carry scanned text.
 */
function anchor(entries: readonly AuditEntry[], entry: AuditEntry): string {
  return `finding-${entries.indexOf(entry) + 1}`;
}

const CHART = { width: 720, label: 150, row: 22, bar: 14, top: 28, axis: 22 } as const;

/** Open findings per category as horizontal stacked bars, one colour per severity. */
export function severityChart(matrix: Matrix): string {
  const rows = matrix.rows;
  const total = (r: MatrixRow): number => SEVERITIES.reduce((sum, s) => sum + r.open[s], 0);
  const max = Math.max(1, ...rows.map(total));
  const plot = CHART.width - CHART.label - 40;
  const height = CHART.top + rows.length * CHART.row + CHART.axis;
  const scale = (n: number): number => Math.round((n / max) * plot * 100) / 100;
  const parts: string[] = [];
  parts.push(
    `<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${CHART.width} ${height}" width="${CHART.width}" height="${height}" role="img" aria-labelledby="chart-title">`,
    '<title id="chart-title">Open findings by category and severity</title>',
  );
  // legend
  SEVERITIES.forEach((s, i) => {
    const x = CHART.label + i * 110;
    parts.push(`<rect x="${x}" y="6" width="12" height="12" fill="${SEVERITY_COLORS[s]}"/><text x="${x + 16}" y="16" font-size="11" font-family="sans-serif">${s}</text>`);
  });
  rows.forEach((r, i) => {
    const y = CHART.top + i * CHART.row;
    parts.push(`<text x="${CHART.label - 8}" y="${y + CHART.bar - 3}" font-size="12" font-family="sans-serif" text-anchor="end">${esc(r.title)}</text>`);
    let x = CHART.label;
    for (const s of SEVERITIES) {
      const n = r.open[s];
      if (n === 0) continue;
      const w = scale(n);
      parts.push(`<rect x="${x}" y="${y}" width="${w}" height="${CHART.bar}" fill="${SEVERITY_COLORS[s]}"><title>${esc(`${r.title}: ${n} ${s}`)}</title></rect>`);
      x += w;
    }
    const t = total(r);
    parts.push(`<text x="${x + 4}" y="${y + CHART.bar - 3}" font-size="11" font-family="sans-serif" fill="#57606a">${t}</text>`);
  });
  const axisY = CHART.top + rows.length * CHART.row + 4;
  parts.push(`<line x1="${CHART.label}" y1="${CHART.top - 4}" x2="${CHART.label}" y2="${axisY}" stroke="#8c959f"/>`);
  parts.push(`<text x="${CHART.label}" y="${axisY + 14}" font-size="11" font-family="sans-serif" fill="#57606a">0</text>`);
  parts.push(`<text x="${CHART.label + plot}" y="${axisY + 14}" font-size="11" font-family="sans-serif" fill="#57606a" text-anchor="end">${max}</text>`);
  parts.push('</svg>');
  return parts.join('\n');
}

function matrixSection(input: ReportInput, matrix: Matrix): string {
  const counts = (open: Readonly<Record<Severity, number>>): string => SEVERITIES.map((s) => `<td class="num">${open[s]}</td>`).join('');
  const out = ['<section id="matrix">'];
  if (input.category !== undefined) {
    out.push('<h2>Category Score</h2>');
  } else {
    out.push('<h2>Scoring Matrix</h2>');
  }
  out.push(
    `<p>${
      matrix.fromScores
        ? 'Scores follow the rubric over open findings and the checklist.'
        : 'Scores follow the rubric over open findings alone: any CRITICAL or 3+ HIGH is FAIL, 1–2 HIGH is PARTIAL, otherwise PASS.'
    }</p>`,
    '<table id="scoring-matrix"><thead><tr><th class="num">#</th><th>Category</th><th>Score</th><th class="num">Critical</th><th class="num">High</th><th class="num">Medium</th><th class="num">Low</th><th>Notes</th></tr></thead>',
    '<tbody>',
  );
  for (const r of matrix.rows) {
    out.push(`<tr data-category="${esc(r.category)}"><td class="num">${r.number}</td><td>${esc(r.title)}</td><td>${scoreBadge(r)}</td>${counts(r.open)}<td>${esc(r.notes)}</td></tr>`);
  }
  out.push('</tbody>');
  if (input.category === undefined) {
    out.push(
      `<tfoot><tr><th colspan="2">OVERALL</th><td><span class="rating ${matrix.rating}">${esc(displayLabel(matrix.rating))}</span></td>${counts(matrix.totals)}<td>${esc(matrix.ratingReason)}</td></tr></tfoot>`,
    );
  }
  out.push('</table>');
  out.push('<figure>', severityChart(matrix), '<figcaption>Open findings by category and severity.</figcaption>', '</figure>');
  out.push('</section>');
  return out.join('\n');
}

function snippetHtml(input: ReportInput, entry: AuditEntry): string {
  const snippet = snippetFor(input.snippets, entry.location);
  if (!snippet) return '';
  const lines = snippet.lines.map((l, i) => `<span class="ln">${snippet.firstLine + i}</span>${esc(l)}`);
  return `<pre class="snippet"><code>${lines.join('\n')}</code></pre>`;
}

function findingArticle(input: ReportInput, entry: AuditEntry, n: number): string {
  const id = `finding-${n}`;
  const status = statusParts(entry);
  const evidence: string[] = [];
  if (entry.location) evidence.push(`<code>${esc(where(entry))}</code>`);
  if (entry.symbol !== '') evidence.push(`in <code>${esc(entry.symbol)}</code>`);
  if (entry.evidence.trim() !== '') evidence.push(esc(entry.evidence));
  let evidenceHtml = evidence.length > 0 ? evidence.join(' ') : 'none recorded';
  evidenceHtml += snippetHtml(input, entry);
  if (entry.related.length > 0) {
    evidenceHtml += `<ul class="related">${entry.related.map((r) => `<li><code>${esc(`${r.file}:${r.line}:${r.column}`)}</code> — ${esc(r.message)}</li>`).join('')}</ul>`;
  }
  const field = (name: string, value: string): string => `<dt>${name}</dt><dd>${value}</dd>`;
  const text = (value: string, fallback: string): string => (value.trim() !== '' ? esc(value) : fallback);
  const fields = [
    field('Severity', sev(entry.severity)),
    field('Category', `${esc(CATEGORY_TITLES[entry.category])}${entry.ruleId !== undefined ? ` (${ruleLink(entry.ruleId)})` : ''}`),
    field('Description', esc(entry.description)),
    field('Evidence', evidenceHtml),
    field('Impact', text(entry.impact, 'not described')),
    field('Recommendation', text(entry.recommendation, 'not described')),
    field('Effort', text(entry.effort, 'to estimate')),
    field('Status', `${esc(status.label)}${status.detail.trim() !== '' ? ` — ${esc(status.detail)}` : ''}`),
  ];
  if (entry.baseline !== undefined) fields.push(field('Baseline', entry.baseline ? 'already present in the baseline' : 'new since the baseline'));
  return [`<article class="finding" id="${id}">`, `<h3>Finding ${n}: ${esc(entry.title)}</h3>`, '<dl>', ...fields, '</dl>', '</article>'].join('\n');
}

function findingsSection(input: ReportInput, entries: readonly AuditEntry[]): string {
  const open = entries.filter((e) => e.open);
  const closed = entries.filter((e) => !e.open);
  let n = 0;
  const out = ['<section id="findings">', '<h2>Findings</h2>'];
  if (open.length === 0) out.push('<p>No open findings.</p>');
  for (const e of open) out.push(findingArticle(input, e, ++n));
  out.push('</section>');
  if (closed.length > 0) {
    out.push('<section id="closed-findings">', '<h2>Suppressed, Accepted and Fixed Findings</h2>');
    for (const e of closed) out.push(findingArticle(input, e, ++n));
    out.push('</section>');
  }
  return out.join('\n');
}

function workspaceEvidence(input: ReportInput): string {
  const probes = (input.probes ?? []).filter((p) => input.category === undefined || p.category === input.category);
  if (!probes.length) return '';
  const out = ['<section id="workspace-evidence">', '<h2>Workspace Evidence</h2>', '<table class="checklist"><thead><tr><th>Check</th><th>Category</th><th>Result</th><th>Summary</th><th>Looked at</th></tr></thead><tbody>'];
  for (const p of probes) {
    const where = p.evidence
      .slice(0, 5)
      .map((e) => `<li>${e.file ? `<code>${esc(e.file)}${e.line ? `:${e.line}` : ''}</code> — ` : ''}${esc(e.detail)}</li>`)
      .join('');
    out.push(`<tr><td>${esc(p.title)}</td><td>${esc(CATEGORY_TITLES[p.category])}</td><td>${esc(p.status.toUpperCase())}</td><td>${esc(p.summary)}</td><td><ul>${where}</ul></td></tr>`);
  }
  out.push('</tbody></table>', '</section>');
  return out.join('\n');
}

function testResults(input: ReportInput): string {
  const checklist = input.checklist;
  if (!checklist) return '';
  const ids = input.category === undefined ? CATEGORY_IDS : [input.category];
  const out = ['<section id="test-results">', '<h2>Test Results</h2>'];
  for (const id of ids) {
    const category = getCategory(id);
    if (input.category === undefined) out.push(`<h3>${category.number}. ${esc(category.title)}</h3>`);
    out.push('<table class="checklist"><thead><tr><th>Test ID</th><th>Description</th><th>Result</th><th>Notes</th></tr></thead><tbody>');
    for (const item of category.items) {
      const entry = Object.prototype.hasOwnProperty.call(checklist, item.id) ? checklist[item.id] : undefined;
      out.push(`<tr><td><code>${esc(item.id)}</code></td><td>${esc(item.text)}</td><td>${esc(displayLabel(entry?.result ?? 'NOT_ASSESSED'))}</td><td>${esc(entry?.note ?? '')}</td></tr>`);
    }
    out.push('</tbody></table>');
  }
  out.push('</section>');
  return out.join('\n');
}

function recommendations(entries: readonly AuditEntry[]): string {
  const items: { severity: Severity; key: string; html: string }[] = [];
  const byRule = new Map<string, AuditEntry[]>();
  for (const e of entries) {
    if (!e.open) continue;
    if (e.ruleId === undefined) {
      items.push({ severity: e.severity, key: `~${e.id}`, html: `<strong>${esc(e.title)}</strong> (${e.severity}, recorded by an auditor). ${esc(e.recommendation)}` });
      continue;
    }
    byRule.set(e.ruleId, [...(byRule.get(e.ruleId) ?? []), e]);
  }
  for (const [ruleId, list] of byRule) {
    const worst = list.reduce((w, e) => (severityRank(e.severity) < severityRank(w) ? e.severity : w), list[0]!.severity);
    const first = list[0]!;
    items.push({
      severity: worst,
      key: ruleId,
      html: `<strong>${esc(first.title)}</strong> (${worst}, ${list.length} ${ruleLink(ruleId)} ${list.length === 1 ? 'finding' : 'findings'}). ${esc(first.recommendation)}`,
    });
  }
  if (items.length === 0) return '';
  items.sort((a, b) => severityRank(a.severity) - severityRank(b.severity) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return ['<section id="recommendations">', '<h2>Recommendations</h2>', '<ol>', ...items.map((i) => `<li>${i.html.trim()}</li>`), '</ol>', '</section>'].join('\n');
}

/** The audit report as one self-contained HTML document. */
export function renderHtml(input: ReportInput): string {
  const entries = auditEntries(input);
  const matrix = buildMatrix(input, entries);
  const tool = toolOf(input);
  const title = input.category === undefined ? 'Production Audit Report' : `${CATEGORY_TITLES[input.category]} Audit Report`;
  const system = input.system ?? input.scope?.folders[0];
  const body = [
    header(input, entries),
    executiveSummary(input, entries, matrix),
    findingsSection(input, entries),
    testResults(input),
    workspaceEvidence(input),
    matrixSection(input, matrix),
    recommendations(entries),
    `<footer>Generated by ${esc(tool.fullName ?? tool.name)} ${esc(tool.version)} on ${esc(input.date)}.</footer>`,
  ].filter((s) => s !== '');
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${esc(CONTENT_SECURITY_POLICY)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${esc(system !== undefined ? `${title} — ${system}` : title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
