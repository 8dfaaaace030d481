import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import {
  buildFindingsDocument,
  fingerprintsOf,
  FindingsFileError,
  findingsFilePath,
  meetsFailOn,
  parseFindings,
  readFindingsFile,
  serializeFindings,
  writeFindingsFile,
  type FindingsMeta,
} from '../../src/core/audit/findingsFile';
import { CATEGORY_IDS, SEVERITIES, type Finding } from '../../src/core/model';
import { readSchema, undescribedProperties } from './helpers/schemaDocs';

function finding(over: Partial<Finding> & Pick<Finding, 'file' | 'line' | 'ruleId'>): Finding {
  return {
    category: 'reliability',
    severity: 'HIGH',
    message: `${over.ruleId} at ${over.file}:${over.line}`,
    column: 1,
    endLine: over.line,
    endColumn: 10,
    symbol: '',
    fingerprint: `${over.ruleId}:${over.file}:${over.line}:${over.column ?? 1}`,
    related: [],
    ...over,
  };
}

const META: FindingsMeta = {
  tool: { name: 'production-audit', version: '0.1.0' },
  scannedAt: '2025-05-01T09:30:00.000Z',
  root: '/ws',
  filesScanned: 3,
  rulesRun: ['n-plus-one', 'missing-timeout', 'swallowed-exception'],
  failOn: 'high',
};

const FINDINGS: Finding[] = [
  finding({ file: 'src/b.ts', line: 4, ruleId: 'missing-timeout' }),
  finding({ file: 'src/a.ts', line: 20, ruleId: 'n-plus-one', category: 'throughput', severity: 'MEDIUM', related: [{ file: 'src/a.ts', line: 18, column: 3, endLine: 22, endColumn: 4, message: 'the loop' }] }),
  finding({ file: 'src/a.ts', line: 7, column: 9, ruleId: 'swallowed-exception', category: 'observability', severity: 'CRITICAL', suppression: { kind: 'inline', reason: 'best effort cache', until: '2030-01-01' } }),
  finding({ file: 'src/a.ts', line: 7, column: 9, ruleId: 'missing-timeout', severity: 'LOW' }),
  finding({ file: 'src/a.ts', line: 7, column: 2, ruleId: 'n-plus-one', severity: 'LOW', category: 'throughput' }),
];

describe('findings.json: building the document', () => {
  it('counts open, suppressed and baseline findings; severity and category counts cover open ones only', () => {
    const doc = buildFindingsDocument(FINDINGS, { ...META, baseline: new Set([FINDINGS[0]?.fingerprint as string]) });
    assert.equal(doc.summary.total, 5);
    assert.equal(doc.summary.suppressed, 1);
    assert.equal(doc.summary.baseline, 1);
    assert.equal(doc.summary.open, 3);
    assert.deepEqual(doc.summary.bySeverity, { CRITICAL: 0, HIGH: 0, MEDIUM: 1, LOW: 2 });
    assert.equal(doc.summary.byCategory.throughput, 2);
    assert.equal(doc.summary.byCategory.reliability, 1);
    assert.deepEqual(Object.keys(doc.summary.byCategory), [...CATEGORY_IDS]);
    assert.equal(doc.summary.failed, false, 'the only HIGH is in the baseline, the CRITICAL is suppressed');
    assert.equal(buildFindingsDocument(FINDINGS, META).summary.failed, true, 'without the baseline the HIGH fails the run');
    assert.equal(buildFindingsDocument(FINDINGS, { ...META, failOn: 'medium', baseline: new Set([FINDINGS[0]?.fingerprint as string]) }).summary.failed, true);
    assert.equal(buildFindingsDocument(FINDINGS, { ...META, failOn: 'none' }).summary.failed, false);
  });

  it('marks baseline on every finding only when a baseline was given, and suppressed from the suppression', () => {
    const without = buildFindingsDocument(FINDINGS, META);
    assert.ok(without.findings.every((f) => !('baseline' in f)));
    const withBaseline = buildFindingsDocument(FINDINGS, { ...META, baseline: new Set(['nothing-matches']) });
    assert.ok(withBaseline.findings.every((f) => f.baseline === false));
    const suppressed = without.findings.filter((f) => f.suppressed);
    assert.deepEqual(
      suppressed.map((f) => [f.ruleId, f.suppression]),
      [['swallowed-exception', { kind: 'inline', reason: 'best effort cache', until: '2030-01-01' }]],
    );
  });

  it('meetsFailOn: at or above the threshold, never for none', () => {
    assert.equal(meetsFailOn('HIGH', 'high'), true);
    assert.equal(meetsFailOn('CRITICAL', 'high'), true);
    assert.equal(meetsFailOn('MEDIUM', 'high'), false);
    assert.equal(meetsFailOn('LOW', 'low'), true);
    assert.equal(meetsFailOn('CRITICAL', 'none'), false);
  });
});

describe('findings.json: stable serialization', () => {
  it('sorts findings by file, line, column, rule id; rulesRun sorted; 2-space JSON with a trailing newline', () => {
    const text = serializeFindings(buildFindingsDocument(FINDINGS, META));
    const doc = JSON.parse(text) as { findings: { file: string; line: number; column: number; ruleId: string }[]; rulesRun: string[] };
    assert.deepEqual(
      doc.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId}`),
      ['src/a.ts:7:2 n-plus-one', 'src/a.ts:7:9 missing-timeout', 'src/a.ts:7:9 swallowed-exception', 'src/a.ts:20:1 n-plus-one', 'src/b.ts:4:1 missing-timeout'],
    );
    assert.deepEqual(doc.rulesRun, ['missing-timeout', 'n-plus-one', 'swallowed-exception']);
    assert.ok(text.endsWith('}\n'));
    assert.ok(text.startsWith('{\n  "version": 1,\n  "tool": {\n    "name": "production-audit",'));
    assert.deepEqual(Object.keys(JSON.parse(text) as object), ['version', 'tool', 'scannedAt', 'root', 'filesScanned', 'rulesRun', 'findings', 'errors', 'skipped', 'summary']);
  });

  it('gives the same bytes whatever the order of the input', () => {
    const errors = [
      { file: 'src/z.ts', message: 'rule crashed', ruleId: 'n-plus-one' },
      { file: 'src/c.ts', message: 'cannot read' },
    ];
    const skipped = [
      { file: 'src/big.ts', reason: 'larger than 1 MB' },
      { file: 'src/gen.ts', reason: 'generated' },
    ];
    const one = serializeFindings(buildFindingsDocument(FINDINGS, { ...META, errors, skipped }));
    const two = serializeFindings(buildFindingsDocument([...FINDINGS].reverse(), { ...META, errors: [...errors].reverse(), skipped: [...skipped].reverse(), rulesRun: [...META.rulesRun].reverse() }));
    assert.equal(one, two);
  });

  it('parse → serialize gives back the same bytes; the finding keys keep the documented order', () => {
    const text = serializeFindings(buildFindingsDocument(FINDINGS, { ...META, baseline: new Set() }));
    const parsed = parseFindings(text, 'findings.json');
    assert.equal(serializeFindings(parsed), text);
    const suppressed = parsed.findings.find((f) => f.suppressed);
    assert.deepEqual(Object.keys(suppressed ?? {}), [
      'ruleId', 'category', 'severity', 'message', 'file', 'line', 'column', 'endLine', 'endColumn', 'fingerprint', 'symbol', 'suppressed', 'suppression', 'baseline', 'related',
    ]);
    assert.deepEqual([...fingerprintsOf(parsed)].sort(), FINDINGS.map((f) => f.fingerprint).sort());
  });
});

describe('findings.json: validation with line numbers', () => {
  const good = serializeFindings(buildFindingsDocument(FINDINGS, META));

  function problemsOf(text: string): string[] {
    try {
      parseFindings(text, 'findings.json');
    } catch (e) {
      assert.ok(e instanceof FindingsFileError);
      return e.message.split('\n');
    }
    assert.fail('accepted');
  }

  it('reports schema violations at the offending key or value', () => {
    const lines = good.split('\n');
    const severityLine = lines.findIndex((l) => l.includes('"severity": "LOW"')) + 1;
    const bad = good.replace('"severity": "LOW"', '"severity": "low"').replace('"filesScanned": 3', '"filesScanned": "3"').replace('"root": "/ws",', '"root": "/ws",\n  "host": "ci-7",');
    assert.deepEqual(problemsOf(bad), [
      'findings.json:9:3: unknown key "host" at the top level; allowed keys: version, tool, scannedAt, root, filesScanned, rulesRun, findings, errors, skipped, summary',
      'findings.json:10:19: filesScanned must be a whole number, not "3"',
      `findings.json:${severityLine + 1}:19: findings[0].severity must be one of CRITICAL, HIGH, MEDIUM, LOW, not "low"`,
    ]);
  });

  it('reports a missing required key at the object that lacks it', () => {
    const bad = good.replace(/\n {6}"fingerprint": "[^"]*",/, '');
    const firstFinding = bad.split('\n').findIndex((l) => l === '    {') + 1;
    assert.deepEqual(problemsOf(bad), [`findings.json:${firstFinding}:5: findings[0] is missing the required key "fingerprint"`]);
  });

  it('reports JSON syntax errors with line and column', () => {
    assert.deepEqual(problemsOf('{\n  "version": 1,\n}\n'), ['findings.json:3:1: JSON syntax error: Expected double-quoted property name']);
    assert.deepEqual(problemsOf('{\n  "version": 1\n'), ['findings.json:3:1: JSON syntax error: Expected \',\' or \'}\' after property value']);
  });

  it('rejects a version other than 1 and a scan time without a time zone', () => {
    const bad = good.replace('"version": 1,', '"version": 2,').replace('"2025-05-01T09:30:00.000Z"', '"2025-05-01 09:30"');
    assert.deepEqual(problemsOf(bad), [
      'findings.json:2:14: version must be 1, not 2',
      'findings.json:7:16: scannedAt must be an ISO 8601 date-time with a time zone, such as 2025-05-01T09:30:00.000Z, not "2025-05-01 09:30"',
    ]);
  });

  it('the schema enumerates exactly the model\'s categories and severities, and describes every property', () => {
    const schema = readSchema('findings.schema.json') as { definitions: Record<string, { enum: string[] }> };
    assert.deepEqual(schema.definitions.category?.enum, [...CATEGORY_IDS]);
    assert.deepEqual(schema.definitions.severity?.enum, [...SEVERITIES]);
    assert.deepEqual(undescribedProperties(schema), []);
  });
});

describe('findings.json on disk', () => {
  it('writes atomically into .production-audit/ and reads back; no file reads as undefined', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'pa-findings-'));
    try {
      assert.equal(await readFindingsFile(root), undefined);
      const doc = buildFindingsDocument(FINDINGS, META);
      const file = await writeFindingsFile(root, doc);
      assert.equal(file, findingsFilePath(root));
      assert.equal(readFileSync(file, 'utf8'), serializeFindings(doc));
      assert.deepEqual(await readFindingsFile(root), doc);
      assert.deepEqual(readdirSync(path.dirname(file)), ['findings.json'], 'no temporary file left behind');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
