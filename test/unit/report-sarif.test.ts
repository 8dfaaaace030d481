import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ruleDocsUrl } from '../../src/core/engine/rule';
import type { CategoryId, Severity } from '../../src/core/model';
import { RULES } from '../../src/core/rules/registry';
import { FINGERPRINT_KEY, SARIF_SCHEMA, buildSarif, relativeUri, renderSarif } from '../../src/core/report/sarif';
import type { ReportFinding, ReportInput, ReportRule } from '../../src/core/report/types';

const MULTITOOL = path.resolve(__dirname, '../../../node_modules/.bin/sarif-multitool');

function finding(ruleId: string, file: string, line: number, extra: Partial<ReportFinding> = {}): ReportFinding {
  return {
    ruleId,
    category: 'reliability',
    severity: 'HIGH',
    message: `Problem found by ${ruleId}.`,
    file,
    line,
    column: 5,
    endLine: line,
    endColumn: 20,
    symbol: '',
    fingerprint: `${ruleId}:${file}:${line}`,
    related: [],
    ...extra,
  };
}

function rule(id: string, category: CategoryId, defaultSeverity: Severity): ReportRule {
  return { id, title: `Title of ${id}`, category, defaultSeverity, docs: { summary: `Flags ${id}.`, why: 'It hurts.', fix: 'Fix it.' } };
}

const RULE_SET: ReportRule[] = [
  rule('swallowed-exception', 'reliability', 'HIGH'),
  rule('missing-timeout', 'reliability', 'HIGH'),
  rule('sql-injection', 'security', 'CRITICAL'),
  rule('unbounded-retry', 'reliability', 'MEDIUM'),
];

const TOOL = { name: 'production-audit', fullName: 'Production Audit', version: '1.2.3', informationUri: 'https://example.com/pa' };

function sampleInput(): ReportInput {
  return {
    date: '2026-03-15',
    tool: TOOL,
    rules: RULE_SET,
    findings: [
      finding('swallowed-exception', 'src/jobs/sync.ts', 40, { symbol: 'SyncJob.run' }),
      finding('sql-injection', 'src/db/users repo.ts', 12, {
        category: 'security',
        severity: 'CRITICAL',
        related: [{ file: 'src/http/routes.ts', line: 8, column: 3, endLine: 8, endColumn: 30, message: 'The request value comes from here.' }],
      }),
      finding('missing-timeout', 'src/http/client.ts', 7, {
        suppression: { kind: 'inline', reason: 'The gateway enforces a 5 s limit.' },
      }),
      finding('unbounded-retry', 'src/jobs/retry.ts', 3, { severity: 'MEDIUM' }),
      finding('missing-timeout', 'src/http/other.ts', 9),
      finding('missing-timeout', 'src/http/expired.ts', 2),
    ],
    triage: {
      'unbounded-retry:src/jobs/retry.ts:3': { status: 'ACCEPTED_RISK', justification: 'Only runs in a nightly batch.', expires: '2026-06-30' },
      'missing-timeout:src/http/expired.ts:2': { status: 'ACCEPTED_RISK', justification: 'Was fine last quarter.', expires: '2026-01-31' },
    },
  };
}

type Json = Record<string, any>;

function validate(text: string): { errors: string[]; output: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pa-sarif-'));
  try {
    const file = path.join(dir, 'report.sarif');
    writeFileSync(file, text);
    const r = spawnSync(MULTITOOL, ['validate', file], { encoding: 'utf8' });
    const output = `${r.stdout ?? ''}${r.stderr ?? ''}`;
    assert.equal(r.status, 0, `the validator did not run: ${output}`);
    assert.match(output, /Analysis completed successfully/);
    const errors = output.split(/\r?\n/).filter((l) => /\): error [A-Z]+\d+:/.test(l));
    return { errors, output };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('renderSarif', () => {
  it("passes Microsoft's SARIF validator with zero errors", () => {
    const { errors } = validate(renderSarif(sampleInput()));
    assert.deepEqual(errors, []);
  });

  it('passes the validator with the real rules, a root URI and baseline states', () => {
    const input: ReportInput = {
      ...sampleInput(),
      rules: undefined,
      root: path.join(os.tmpdir(), 'some workspace'),
      findings: sampleInput().findings.map((f, i) => ({ ...f, baseline: i % 2 === 0 })),
    };
    const { errors } = validate(renderSarif(input));
    assert.deepEqual(errors, []);
    const run = (buildSarif(input).runs as Json[])[0]!;
    assert.equal(run.tool.driver.rules.length, RULES.length + RULE_SET.filter((r) => !RULES.some((k) => k.id === r.id)).length);
    assert.match(run.originalUriBaseIds['%SRCROOT%'].uri, /^file:\/\/.*some%20workspace\/$/);
    assert.deepEqual(
      run.results.map((r: Json) => r.baselineState),
      [...input.findings].sort((a, b) => (a.file < b.file ? -1 : 1)).map((f) => (f.baseline ? 'unchanged' : 'new')),
    );
  });

  it('the validation catches a broken log (so the zero-error check can fail)', () => {
    const log = buildSarif(sampleInput()) as Json;
    log.runs[0].results[0].ruleIndex = 99;
    log.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    const { errors } = validate(JSON.stringify(log));
    assert.ok(errors.some((e) => e.includes('SARIF1009')), errors.join('\n'));
    assert.ok(errors.some((e) => e.includes('startLine')), errors.join('\n'));
  });

  it('has one run, the schema, the tool driver and a rule entry per rule', () => {
    const log = buildSarif(sampleInput()) as Json;
    assert.equal(log.$schema, SARIF_SCHEMA);
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs.length, 1);
    const driver = log.runs[0].tool.driver;
    assert.equal(driver.name, 'Production Audit');
    assert.equal(driver.version, '1.2.3');
    assert.equal(driver.semanticVersion, '1.2.3');
    assert.equal(driver.informationUri, 'https://example.com/pa');
    assert.deepEqual(
      driver.rules.map((r: Json) => r.id),
      ['missing-timeout', 'sql-injection', 'swallowed-exception', 'unbounded-retry'],
    );
    const sql = driver.rules.find((r: Json) => r.id === 'sql-injection');
    assert.equal(sql.name, 'SqlInjection');
    assert.equal(sql.shortDescription.text, 'Title of sql-injection.');
    assert.equal(sql.fullDescription.text, 'Flags sql-injection.');
    assert.equal(sql.helpUri, ruleDocsUrl('sql-injection'));
    assert.equal(sql.defaultConfiguration.level, 'error');
    assert.deepEqual(sql.properties.tags, ['security', 'production-audit']);
    assert.equal(sql.properties['security-severity'], '9.0');
    const retry = driver.rules.find((r: Json) => r.id === 'unbounded-retry');
    assert.equal(retry.defaultConfiguration.level, 'warning');
    assert.equal(retry.properties['security-severity'], undefined, 'only security rules carry a security severity');
  });

  it('maps severities to levels and security severities', () => {
    const levels: Record<Severity, [string, string]> = {
      CRITICAL: ['error', '9.0'],
      HIGH: ['error', '7.5'],
      MEDIUM: ['warning', '5.0'],
      LOW: ['note', '2.0'],
    };
    for (const [severity, [level, score]] of Object.entries(levels) as [Severity, [string, string]][]) {
      const input: ReportInput = {
        date: '2026-03-15',
        tool: TOOL,
        rules: [rule('hardcoded-secret', 'security', severity)],
        findings: [finding('hardcoded-secret', 'a.ts', 1, { severity, category: 'security' })],
      };
      const run = (buildSarif(input).runs as Json[])[0]!;
      assert.equal(run.tool.driver.rules[0].defaultConfiguration.level, level);
      assert.equal(run.tool.driver.rules[0].properties['security-severity'], score);
      assert.equal(run.results[0].level, level);
    }
  });

  it('gives every result a correct ruleIndex, a relative location and a fingerprint', () => {
    const input = sampleInput();
    const run = (buildSarif(input).runs as Json[])[0]!;
    assert.equal(run.results.length, input.findings.length);
    assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri, undefined);
    for (const r of run.results) {
      assert.equal(run.tool.driver.rules[r.ruleIndex].id, r.ruleId);
      const loc = r.locations[0].physicalLocation;
      assert.equal(loc.artifactLocation.uriBaseId, '%SRCROOT%');
      assert.doesNotMatch(loc.artifactLocation.uri, /^(?:\/|[a-z]+:)|\\/i, 'relative, with / separators');
      const original = input.findings.find((f) => f.fingerprint === r.partialFingerprints[FINGERPRINT_KEY]);
      assert.ok(original, 'fingerprint present and matching a finding');
      assert.equal(decodeURIComponent(loc.artifactLocation.uri), original.file);
      assert.deepEqual(loc.region, { startLine: original.line, startColumn: 5, endLine: original.line, endColumn: 20 });
      assert.equal(r.message.text, original.message);
    }
    const sql = run.results.find((r: Json) => r.ruleId === 'sql-injection');
    assert.equal(sql.locations[0].physicalLocation.artifactLocation.uri, 'src/db/users%20repo.ts');
    assert.deepEqual(sql.relatedLocations, [
      {
        id: 1,
        physicalLocation: {
          artifactLocation: { uri: 'src/http/routes.ts', uriBaseId: '%SRCROOT%' },
          region: { startLine: 8, startColumn: 3, endLine: 8, endColumn: 30 },
        },
        message: { text: 'The request value comes from here.' },
      },
    ]);
    const swallowed = run.results.find((r: Json) => r.ruleId === 'swallowed-exception');
    assert.deepEqual(swallowed.locations[0].logicalLocations, [{ fullyQualifiedName: 'SyncJob.run' }]);
  });

  it('records inline suppressions and accepted risks, but not expired acceptances', () => {
    const run = (buildSarif(sampleInput()).runs as Json[])[0]!;
    const byFile = (file: string): Json => run.results.find((r: Json) => decodeURIComponent(r.locations[0].physicalLocation.artifactLocation.uri) === file);
    assert.deepEqual(byFile('src/http/client.ts').suppressions, [{ kind: 'inSource', justification: 'The gateway enforces a 5 s limit.' }]);
    assert.deepEqual(byFile('src/jobs/retry.ts').suppressions, [
      { kind: 'external', status: 'accepted', justification: 'Only runs in a nightly batch.', properties: { expires: '2026-06-30' } },
    ]);
    assert.equal(byFile('src/http/expired.ts').suppressions, undefined, 'an acceptance that expired before the report date no longer suppresses');
    assert.equal(byFile('src/http/other.ts').suppressions, undefined);
    assert.equal(byFile('src/http/expired.ts').properties.status, 'ACCEPTED_RISK');
  });

  it('still describes a rule the metadata does not know', () => {
    const input: ReportInput = { date: '2026-03-15', tool: TOOL, rules: RULE_SET, findings: [finding('retired-rule', 'x.ts', 1)] };
    const run = (buildSarif(input).runs as Json[])[0]!;
    assert.equal(run.tool.driver.rules[run.results[0].ruleIndex].id, 'retired-rule');
  });

  it('keeps clamped regions valid when a range ends before it starts', () => {
    const input: ReportInput = {
      date: '2026-03-15',
      tool: TOOL,
      rules: RULE_SET,
      findings: [finding('missing-timeout', 'x.ts', 4, { column: 9, endLine: 4, endColumn: 2 })],
    };
    const run = (buildSarif(input).runs as Json[])[0]!;
    assert.deepEqual(run.results[0].locations[0].physicalLocation.region, { startLine: 4, startColumn: 9, endLine: 4, endColumn: 9 });
  });

  it('makes workspace paths relative URI references', () => {
    assert.equal(relativeUri('src\\a b\\c#d.ts'), 'src/a%20b/c%23d.ts');
    assert.equal(relativeUri('./src/x.ts'), 'src/x.ts');
    assert.equal(relativeUri('src/ünï.ts'), 'src/%C3%BCn%C3%AF.ts');
  });
});
