import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateAuditRecord, type AuditRecord } from '../../src/core/audit/auditRecord';
import { buildFindingsDocument, parseFindings, serializeFindings } from '../../src/core/audit/findingsFile';
import type { Finding } from '../../src/core/model';
import { renderJson, type JsonReport } from '../../src/core/report/json';
import { checklistStates, scoreAudit } from '../../src/core/scoring';

function finding(file: string, line: number, extra: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'missing-timeout',
    category: 'reliability',
    severity: 'HIGH',
    message: 'No timeout.',
    file,
    line,
    column: 1,
    endLine: line,
    endColumn: 9,
    symbol: '',
    fingerprint: `fp-${file}-${line}`,
    related: [],
    ...extra,
  };
}

const FINDINGS = [finding('src/b.ts', 4), finding('src/a.ts', 9, { severity: 'CRITICAL', category: 'security', ruleId: 'sql-injection' })];

function scan(findings: Finding[]) {
  return buildFindingsDocument(findings, { tool: { name: 'production-audit', version: '1.0.0' }, scannedAt: '2026-03-15T10:00:00.000Z', root: '/ws', filesScanned: 2, rulesRun: ['missing-timeout', 'sql-injection'], failOn: 'high' });
}

function audit(): AuditRecord {
  return {
    version: 1,
    checklist: { 'security.no-secrets-in-source': { checked: true, result: 'PASS', note: 'Vault' } },
    findings: [],
    triage: { 'fp-src/b.ts-4': { status: 'ACCEPTED_RISK', justification: 'Internal only.', expires: '2026-12-31' } },
  };
}

describe('renderJson', () => {
  it('holds the scan in the findings.json shape, the audit record and the scores', () => {
    const record = audit();
    const scores = scoreAudit({
      findings: FINDINGS.map((f) => ({ category: f.category, severity: f.severity, status: record.triage[f.fingerprint]?.status ?? 'OPEN', suppressed: false, expires: record.triage[f.fingerprint]?.expires })),
      checklist: checklistStates(record.checklist),
      today: '2026-03-15',
    });
    const text = renderJson({ date: '2026-03-15', scan: scan(FINDINGS), audit: record, scores });
    assert.ok(text.endsWith('}\n'));
    const report = JSON.parse(text) as JsonReport;
    assert.equal(report.version, 1);
    assert.equal(report.date, '2026-03-15');
    // The scan part is a valid findings.json, byte for byte what the scan would have written.
    const scanText = `${JSON.stringify(report.scan, null, 2)}\n`;
    assert.equal(scanText, serializeFindings(scan(FINDINGS)));
    assert.doesNotThrow(() => parseFindings(scanText, 'findings.json'));
    assert.deepEqual(
      report.scan.findings.map((f) => f.file),
      ['src/a.ts', 'src/b.ts'],
    );
    assert.deepEqual(validateAuditRecord(report.audit!), []);
    assert.equal(report.audit!.triage['fp-src/b.ts-4']!.status, 'ACCEPTED_RISK');
    assert.equal(report.scores!.rating, 'NOT_READY');
    assert.equal(report.scores!.categories.length, 15);
  });

  it('writes null for the parts it was not given', () => {
    const report = JSON.parse(renderJson({ date: '2026-03-15', scan: scan([]) })) as JsonReport;
    assert.equal(report.audit, null);
    assert.equal(report.scores, null);
    assert.deepEqual(report.scan.findings, []);
  });

  it('gives the same bytes whatever the order of findings and map keys', () => {
    const a = renderJson({ date: '2026-03-15', scan: scan(FINDINGS), audit: audit() });
    const shuffled = audit();
    shuffled.triage = { zzz: { status: 'FIXED' }, ...shuffled.triage };
    const b = renderJson({ date: '2026-03-15', scan: scan([...FINDINGS].reverse()), audit: { ...audit(), triage: { ...audit().triage, zzz: { status: 'FIXED' } } } });
    const c = renderJson({ date: '2026-03-15', scan: scan(FINDINGS), audit: shuffled });
    assert.equal(b, c);
    assert.notEqual(a, b);
  });
});
