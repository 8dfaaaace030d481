import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { ManualFinding } from '../../src/core/audit/auditRecord';
import { getCategory } from '../../src/core/categories';
import { CATEGORY_IDS, CATEGORY_TITLES, type CategoryId, type Severity } from '../../src/core/model';
import { mdCode, mdFence, mdText, renderMarkdown } from '../../src/core/report/markdown';
import { buildMatrix, findingsOnlyScore } from '../../src/core/report/matrix';
import { auditEntries } from '../../src/core/report/auditEntries';
import type { ReportFinding, ReportInput, ReportRule } from '../../src/core/report/types';
import { checklistStates, emptySeverityCounts, scoreAudit } from '../../src/core/scoring';

const GOLDEN = path.resolve(__dirname, '../../../test/fixtures/report/expected.md');

function finding(ruleId: string, file: string, line: number, extra: Partial<ReportFinding> = {}): ReportFinding {
  return {
    ruleId,
    category: 'reliability',
    severity: 'HIGH',
    message: `Problem found by ${ruleId}.`,
    file,
    line,
    column: 3,
    endLine: line,
    endColumn: 30,
    symbol: '',
    fingerprint: `${ruleId}@${file}`,
    related: [],
    ...extra,
  };
}

function rule(id: string, title: string, category: CategoryId, defaultSeverity: Severity, why: string, fix: string): ReportRule {
  return { id, title, category, defaultSeverity, docs: { summary: `Flags ${title.toLowerCase()}.`, why, fix } };
}

const RULE_SET: ReportRule[] = [
  rule('missing-timeout', 'HTTP call without a timeout', 'reliability', 'HIGH', 'A slow upstream holds the request and its connection forever.', 'Pass a timeout or an AbortSignal.'),
  rule('sql-injection', 'SQL built from request input', 'security', 'CRITICAL', 'An attacker can read or change any row.', 'Use a parameterised query.'),
  rule('swallowed-exception', 'Swallowed exception', 'reliability', 'HIGH', 'Failures vanish without a trace.', 'Log and rethrow, or handle the error.'),
  rule('unbounded-retry', 'Retry without a limit', 'reliability', 'MEDIUM', 'A failing dependency is hammered forever.', 'Cap the attempts and back off.'),
];

const USERS_TS = [
  'import { db } from "./db";',
  '',
  'export async function findUser(req: Request) {',
  '  const name = req.query.name;',
  '  // a ``` fence and a | pipe inside the code',
  '  return db.query(`SELECT * FROM users WHERE name = \'${name}\'`);',
  '}',
].join('\n');

const MANUAL: ManualFinding = {
  id: 'M-0000abcd',
  title: 'No alert on queue backlog',
  severity: 'LOW',
  category: 'observability',
  description: 'Nobody is told when the job queue grows.',
  evidence: 'Checked the dashboards | alerts on 2026-03-10',
  impact: 'Jobs pile up unnoticed.',
  recommendation: 'Alert when the backlog exceeds 1,000 jobs.',
  effort: '2h',
  status: 'OPEN',
};

function goldenInput(): ReportInput {
  return {
    date: '2026-03-15',
    system: 'Checkout Service',
    auditor: 'A. Auditor',
    tool: { name: 'production-audit', fullName: 'Production Audit', version: '9.9.9', informationUri: 'https://example.com/pa' },
    rules: RULE_SET,
    scope: { folders: ['checkout'], filesScanned: 42, rulesRun: ['unbounded-retry', 'missing-timeout', 'sql-injection', 'swallowed-exception'] },
    snippets: { 'src/db/users.ts': USERS_TS },
    findings: [
      finding('sql-injection', 'src/db/users.ts', 6, {
        category: 'security',
        severity: 'CRITICAL',
        message: 'Query text built from `req.query.name` | concatenated *directly*; use parameters.',
        symbol: 'findUser',
        related: [{ file: 'src/db/users.ts', line: 4, column: 9, endLine: 4, endColumn: 28, message: 'The request value is read here.' }],
      }),
      finding('missing-timeout', 'src/http/client.ts', 10),
      finding('missing-timeout', 'src/http/pay.ts', 22),
      finding('missing-timeout', 'src/http/legacy.ts', 5),
      finding('swallowed-exception', 'src/jobs/sync.ts', 40, { symbol: 'SyncJob.run', suppression: { kind: 'inline', reason: 'Best-effort cache warm-up.' } }),
      finding('unbounded-retry', 'src/jobs/retry.ts', 3, { severity: 'MEDIUM' }),
    ],
    triage: {
      'missing-timeout@src/http/client.ts': { status: 'IN_PROGRESS' },
      'missing-timeout@src/http/legacy.ts': { status: 'ACCEPTED_RISK', justification: 'Internal host only.', expires: '2026-01-31' },
      'unbounded-retry@src/jobs/retry.ts': { status: 'ACCEPTED_RISK', justification: 'Nightly batch; an operator watches it.', expires: '2026-06-30' },
    },
    manualFindings: [MANUAL],
  };
}

describe('renderMarkdown', () => {
  it('matches the golden report for a fixed input', () => {
    const text = renderMarkdown(goldenInput());
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(GOLDEN, text);
    assert.equal(text, readFileSync(GOLDEN, 'utf8'));
  });

  it("follows the template's sections and finding fields", () => {
    const text = renderMarkdown(goldenInput());
    for (const heading of ['# Production Audit Report', '## System: Checkout Service', '## Date: 2026-03-15', '## Auditor: A. Auditor', '## Scope', '## Executive Summary', '## Findings', '## Scoring Matrix', '## Recommendations']) {
      assert.ok(text.split('\n').includes(heading), `missing ${heading}`);
    }
    const first = text.slice(text.indexOf('### Finding 1:'), text.indexOf('### Finding 2:'));
    for (const field of ['Severity', 'Category', 'Description', 'Evidence', 'Impact', 'Recommendation', 'Effort', 'Status']) {
      assert.match(first, new RegExp(`^- \\*\\*${field}:\\*\\* `, 'm'), `finding 1 lacks ${field}`);
    }
    assert.match(first, /SQL built from request input/, 'the most severe open finding comes first');
    assert.match(first, /\*\*Impact:\*\* An attacker can read or change any row\./);
    assert.match(first, /\*\*Recommendation:\*\* Use a parameterised query\./);
    assert.match(first, /\*\*Effort:\*\* to estimate/);
    assert.match(first, /`src\/db\/users\.ts:6:3`/);
  });

  it('counts expired acceptances as open and leaves suppressed and accepted ones out of the counts', () => {
    const entries = auditEntries(goldenInput());
    const open = entries.filter((e) => e.open).map((e) => e.id);
    assert.deepEqual(open.sort(), ['M-0000abcd', 'missing-timeout@src/http/client.ts', 'missing-timeout@src/http/legacy.ts', 'missing-timeout@src/http/pay.ts', 'sql-injection@src/db/users.ts']);
    const matrix = buildMatrix(goldenInput(), entries);
    assert.equal(matrix.rows.length, 15);
    const reliability = matrix.rows.find((r) => r.category === 'reliability')!;
    assert.deepEqual(reliability.open, { CRITICAL: 0, HIGH: 3, MEDIUM: 0, LOW: 0 });
    assert.equal(reliability.score, 'FAIL');
    assert.equal(matrix.rows.find((r) => r.category === 'security')!.score, 'FAIL');
    assert.equal(matrix.rows.find((r) => r.category === 'observability')!.score, 'PASS');
    assert.equal(matrix.rating, 'NOT_READY');
  });

  it('writes the scoring matrix with all 15 categories and an overall row', () => {
    const text = renderMarkdown(goldenInput());
    const matrix = text.slice(text.indexOf('## Scoring Matrix'));
    const rows = matrix.split('\n').filter((l) => /^\| \d+ \|/.test(l));
    assert.deepEqual(
      rows.map((r) => r.split(' | ')[1]),
      CATEGORY_IDS.map((id) => CATEGORY_TITLES[id]),
    );
    assert.match(matrix, /^\| \*\*OVERALL\*\* \| {2}\| \*\*NOT READY\*\* \| 1 \| 3 \| 0 \| 1 \|/m);
    for (const line of matrix.split('\n').filter((l) => l.startsWith('|'))) {
      assert.equal(line.replace(/\\\|/g, '').split('|').length, 10, `a matrix row with 8 cells: ${line}`);
    }
  });

  it('scores a category from findings alone by the rubric', () => {
    const c = (partial: Partial<Record<Severity, number>>): Record<Severity, number> => ({ ...emptySeverityCounts(), ...partial });
    assert.equal(findingsOnlyScore(c({})), 'PASS');
    assert.equal(findingsOnlyScore(c({ MEDIUM: 9, LOW: 9 })), 'PASS');
    assert.equal(findingsOnlyScore(c({ HIGH: 1 })), 'PARTIAL');
    assert.equal(findingsOnlyScore(c({ HIGH: 2 })), 'PARTIAL');
    assert.equal(findingsOnlyScore(c({ HIGH: 3 })), 'FAIL');
    assert.equal(findingsOnlyScore(c({ CRITICAL: 1 })), 'FAIL');
  });

  it('shows the scores of scoring.ts when they are given', () => {
    const input = goldenInput();
    const checklist = { 'security.no-secrets-in-source': { result: 'PASS' as const } };
    input.scores = scoreAudit({
      findings: auditEntries(input).map((e) => ({ category: e.category, severity: e.severity, status: e.status, suppressed: e.suppression !== undefined, expires: e.expires })),
      checklist: checklistStates(checklist),
      today: input.date,
    });
    const text = renderMarkdown(input);
    assert.match(text, /Scores follow the rubric over open findings and the checklist\./);
    assert.match(text, /^\| 11 \| Observability \| NOT ASSESSED \| 0 \| 0 \| 0 \| 1 \| none of \d+ items assessed; open findings so far: 1 LOW \|$/m);
    assert.doesNotMatch(text, /scored from the findings alone/);
  });

  it('escapes pipes and line breaks in table cells and markup in text', () => {
    assert.equal(mdText('a | b\nc'), 'a \\| b c');
    assert.equal(mdText('System #'), 'System \\#');
    assert.equal(mdText('<img src=x onerror=alert(1)>'), '\\<img src=x onerror=alert(1)\\>');
    assert.equal(mdText('*bold* _it_ [link](x) `code` &amp;'), '\\*bold\\* \\_it\\_ \\[link\\](x) \\`code\\` \\&amp;');
    const input: ReportInput = {
      date: '2026-03-15',
      rules: RULE_SET,
      findings: [],
      checklist: { 'security.no-secrets-in-source': { result: 'FAIL', note: 'found | a key\nin .env' } },
      category: 'security',
    };
    const text = renderMarkdown(input);
    const row = text.split('\n').find((l) => l.startsWith('| security.no-secrets-in-source |'));
    assert.ok(row, text);
    assert.ok(row.endsWith('| FAIL | found \\| a key in .env |'), row);
  });

  it('keeps code spans and fences intact around backticks', () => {
    assert.equal(mdCode('a`b'), '``a`b``');
    assert.equal(mdCode('`x`'), '`` `x` ``');
    const fence = mdFence(['const s = ```;'], 'ts');
    assert.equal(fence, '````ts\nconst s = ```;\n````');
    const text = renderMarkdown(goldenInput());
    assert.match(text, /^ {2}````ts$/m, 'the snippet with a ``` inside gets a longer fence');
  });

  it('renders one category with its test results and category score', () => {
    const input: ReportInput = {
      ...goldenInput(),
      category: 'security',
      checklist: { 'security.no-secrets-in-source': { result: 'PASS', note: 'Vault in use.' } },
    };
    const text = renderMarkdown(input);
    assert.ok(text.startsWith('# Security Audit Report\n'));
    assert.doesNotMatch(text, /HTTP call without a timeout/, 'other categories are left out');
    assert.match(text, /## Category Score\n\n- \*\*Score:\*\* FAIL\n- \*\*Critical findings:\*\* 1\n- \*\*High findings:\*\* 0/);
    assert.doesNotMatch(text, /## Scoring Matrix/);
    const items = getCategory('security').items;
    const rows = text.split('\n').filter((l) => /^\| security\./.test(l));
    assert.equal(rows.length, items.length);
    assert.ok(rows[0]!.endsWith('| PASS | Vault in use. |'));
    assert.ok(rows.slice(1).every((r) => r.includes('| NOT ASSESSED |')));
  });

  it('says so when nothing is open', () => {
    const text = renderMarkdown({ date: '2026-03-15', rules: RULE_SET, findings: [] });
    assert.match(text, /No finding is open\./);
    assert.match(text, /No open findings\./);
    assert.match(text, /\*\*Overall rating: PRODUCTION READY\*\*/);
  });
});
