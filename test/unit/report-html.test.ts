import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ManualFinding } from '../../src/core/audit/auditRecord';
import { CATEGORY_IDS, CATEGORY_TITLES, type CategoryId, type Severity } from '../../src/core/model';
import { CONTENT_SECURITY_POLICY, esc, renderHtml } from '../../src/core/report/html';
import type { ReportFinding, ReportInput, ReportRule } from '../../src/core/report/types';

const HOSTILE = [
  '</script><script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '" onmouseover="alert(1)" x="',
  "' onfocus='alert(1)' autofocus='",
  '</style><style>body{background:url(https://evil.example/x)}</style>',
  '<svg onload=alert(1)>',
  '--><!-- ]]> &amp; &#60;',
];

/** Every element the report itself writes; anything else was smuggled in. */
const ALLOWED_TAGS = new Set([
  '!doctype', 'html', 'head', 'meta', 'title', 'style', 'body', 'header', 'h1', 'h2', 'h3', 'dl', 'dt', 'dd', 'code', 'section',
  'p', 'span', 'em', 'strong', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'ul', 'ol', 'li', 'a', 'article', 'pre',
  'figure', 'figcaption', 'svg', 'rect', 'text', 'line', 'footer',
]);

function finding(i: number, hostile: string, extra: Partial<ReportFinding> = {}): ReportFinding {
  return {
    ruleId: 'missing-timeout',
    category: 'reliability',
    severity: 'HIGH',
    message: `Message ${hostile}`,
    file: `src/${hostile}/file${i}.ts`,
    line: 2,
    column: 1,
    endLine: 2,
    endColumn: 10,
    symbol: `Sym${hostile}`,
    fingerprint: `fp${i}`,
    related: [{ file: `src/${hostile}.ts`, line: 1, column: 1, endLine: 1, endColumn: 2, message: `Related ${hostile}` }],
    ...extra,
  };
}

function rule(id: string, category: CategoryId, severity: Severity): ReportRule {
  return { id, title: `Rule ${id}`, category, defaultSeverity: severity, docs: { summary: 's', why: 'why', fix: 'fix' } };
}

function hostileInput(): ReportInput {
  const findings: ReportFinding[] = HOSTILE.map((h, i) => finding(i, h));
  findings.push(finding(90, HOSTILE[1]!, { ruleId: HOSTILE[2]!, suppression: { kind: 'inline', reason: `Reason ${HOSTILE[0]}` } }));
  findings.push(finding(91, HOSTILE[3]!, { fingerprint: 'accepted' }));
  const snippets: Record<string, string> = {};
  for (const f of findings) snippets[f.file] = `line one\nconst x = "${HOSTILE.join('" + "')}";\nline three`;
  const manual: ManualFinding = {
    id: 'M-00000001',
    title: `Manual ${HOSTILE[1]}`,
    severity: 'CRITICAL',
    category: 'security',
    description: HOSTILE[0]!,
    evidence: HOSTILE[2]!,
    impact: HOSTILE[4]!,
    recommendation: HOSTILE[5]!,
    effort: HOSTILE[6]!,
    status: 'OPEN',
    location: { file: `${HOSTILE[1]}.ts`, line: 1, column: 1, endLine: 1, endColumn: 2 },
  };
  return {
    date: '2026-03-15',
    system: `System ${HOSTILE[0]}`,
    auditor: `Auditor ${HOSTILE[1]}`,
    tool: { name: 'production-audit', fullName: `PA ${HOSTILE[0]}`, version: HOSTILE[2]!, informationUri: 'https://example.com' },
    rules: [rule('missing-timeout', 'reliability', 'HIGH')],
    scope: { folders: [HOSTILE[1]!], filesScanned: 3, rulesRun: [HOSTILE[5]!] },
    findings,
    snippets,
    triage: { accepted: { status: 'ACCEPTED_RISK', justification: `Because ${HOSTILE[1]}`, expires: '2027-01-01' } },
    manualFindings: [manual],
    checklist: { 'security.no-secrets-in-source': { result: 'FAIL', note: `Note ${HOSTILE[0]} ${HOSTILE[1]}` } },
  };
}

function tags(html: string): { name: string; text: string }[] {
  return [...html.matchAll(/<\/?([!A-Za-z][\w-]*)[^>]*>/g)].map((m) => ({ name: m[1]!.toLowerCase(), text: m[0] }));
}

describe('renderHtml', () => {
  it('lets no hostile string through unescaped', () => {
    const html = renderHtml(hostileInput());
    assert.doesNotMatch(html, /<script/i);
    const found = tags(html);
    for (const t of found) assert.ok(ALLOWED_TAGS.has(t.name), `unexpected element: ${t.text}`);
    for (const t of found) assert.doesNotMatch(t.text, /\son\w+\s*=/i, `event handler attribute: ${t.text}`);
    for (const t of found) assert.doesNotMatch(t.text, /\s(?:src|autofocus)\s*=/i, `injected attribute: ${t.text}`);
    assert.equal(found.filter((t) => t.name === 'style').length, 2, 'only the report\'s own <style> and </style>');
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    assert.doesNotMatch(style, /url\(|@import|evil/i, 'no external request from CSS');
    // Every hostile string shows up as text, escaped, in messages, file names, snippets and notes.
    for (const h of HOSTILE) assert.ok(html.includes(esc(h)), `missing escaped ${h}`);
    assert.ok(html.includes(`Message ${esc(HOSTILE[1]!)}`));
    assert.ok(html.includes(`src/${esc(HOSTILE[1]!)}/file1.ts:2:1`));
    assert.ok(html.includes(`Note ${esc(HOSTILE[0]!)}`));
    assert.ok(html.includes(`Because ${esc(HOSTILE[1]!)}`));
  });

  it('links only to its own anchors and the rule docs', () => {
    const html = renderHtml(hostileInput());
    const hrefs = [...html.matchAll(/\shref="([^"]*)"/g)].map((m) => m[1]!);
    assert.ok(hrefs.length > 0);
    for (const href of hrefs) {
      assert.match(href, /^(?:#finding-\d+|https:\/\/github\.com\/production-audit\/production-audit\/blob\/main\/docs\/rules\/[a-z0-9-]+\.md)$/, href);
    }
    const loading = tags(html).filter((t) => /\s(?:src|action|formaction|xlink:href|background|srcset|poster|data)\s*=/i.test(t.text));
    assert.deepEqual(loading, [], 'no element that loads a resource');
  });

  it('carries a strict Content-Security-Policy and no scripts', () => {
    const html = renderHtml(hostileInput());
    assert.ok(html.startsWith('<!DOCTYPE html>\n'));
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
    assert.ok(csp, 'CSP meta tag');
    assert.equal(csp[1]!.replace(/&#39;/g, "'"), CONTENT_SECURITY_POLICY);
    assert.equal(CONTENT_SECURITY_POLICY, "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<style>'), 'the policy comes before any content');
  });

  it('escapes snippets line by line with line numbers', () => {
    const html = renderHtml(hostileInput());
    const pre = /<pre class="snippet"><code>([\s\S]*?)<\/code><\/pre>/.exec(html);
    assert.ok(pre);
    const lines = pre[1]!.split('\n');
    assert.equal(lines.length, 3);
    assert.equal(lines[0], '<span class="ln">1</span>line one');
    assert.ok(lines[1]!.startsWith('<span class="ln">2</span>const x = &quot;&lt;/script&gt;'));
  });

  it('has the 15 matrix rows, the overall rating and a bar per severity in the chart', () => {
    const input: ReportInput = {
      date: '2026-03-15',
      rules: [rule('missing-timeout', 'reliability', 'HIGH')],
      findings: [
        finding(1, 'a', { category: 'security', severity: 'CRITICAL', related: [] }),
        finding(2, 'b', { category: 'security', severity: 'LOW', related: [] }),
        finding(3, 'c', { related: [] }),
      ],
    };
    const html = renderHtml(input);
    const tbody = /<table id="scoring-matrix">[\s\S]*?<tbody>([\s\S]*?)<\/tbody>/.exec(html);
    assert.ok(tbody);
    const rows = [...tbody[1]!.matchAll(/<tr data-category="([^"]+)">/g)].map((m) => m[1]);
    assert.deepEqual(rows, [...CATEGORY_IDS]);
    assert.match(html, /<tr data-category="security"><td class="num">1<\/td><td>Security<\/td><td><span class="score FAIL">FAIL<\/span><\/td><td class="num">1<\/td><td class="num">0<\/td><td class="num">0<\/td><td class="num">1<\/td>/);
    assert.match(html, /<tfoot><tr><th colspan="2">OVERALL<\/th><td><span class="rating NOT_READY">NOT READY<\/span>/);
    const svg = /<svg[\s\S]*?<\/svg>/.exec(html)![0];
    for (const id of CATEGORY_IDS) assert.ok(svg.includes(`>${esc(CATEGORY_TITLES[id])}</text>`), `chart label for ${id}`);
    const bars = [...svg.matchAll(/<rect x="[\d.]+" y="[\d.]+" width="([\d.]+)" height="14" fill="[^"]+"><title>([^<]+)<\/title>/g)].map((m) => ({ width: Number(m[1]), title: m[2] }));
    assert.deepEqual(
      bars.map((b) => b.title),
      ['Security: 1 CRITICAL', 'Security: 1 LOW', 'Reliability: 1 HIGH'],
    );
    assert.ok(bars.every((b) => b.width === bars[0]!.width && b.width > 0), 'one finding, one bar width');
  });

  it('links the executive summary to the findings it names', () => {
    const html = renderHtml(hostileInput());
    const links = [...html.matchAll(/<a href="#(finding-\d+)">/g)].map((m) => m[1]!);
    assert.ok(links.length > 0);
    for (const id of links) assert.ok(html.includes(`<article class="finding" id="${id}">`), id);
    assert.match(html, /<article class="finding" id="finding-1">\n<h3>Finding 1: Manual &lt;img/, 'the open CRITICAL comes first');
  });
});
