import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parse as parseYaml } from 'yaml';
import {
  emptyAuditRecord,
  ensureChecklistItems,
  mergeAuditRecords,
  newManualFindingId,
  normalizeAuditRecord,
  parseAuditRecord,
  resetChecklist,
  serializeAuditRecord,
  stampChanges,
  validateAuditRecord,
  type AuditRecord,
  type ManualFinding,
} from '../../src/core/audit/auditRecord';
import { CATEGORY_IDS, SEVERITIES, SYSTEM_TYPE_IDS } from '../../src/core/model';
import { readSchema, undescribedProperties } from './helpers/schemaDocs';

const FILE = '/ws/.production-audit/audit.yaml';

function manual(id: string, over: Partial<ManualFinding> = {}): ManualFinding {
  return {
    id,
    title: 'Payment call has no timeout',
    severity: 'HIGH',
    category: 'reliability',
    description: 'The charge request to the PSP waits forever.',
    evidence: 'Blocked the PSP host with iptables; the checkout hung for 10 minutes.',
    impact: 'Workers pile up and checkout stops for everyone.',
    recommendation: 'Set a 10 s timeout and retry with the same idempotency key.',
    effort: '2h',
    status: 'OPEN',
    ...over,
  };
}

function richRecord(): AuditRecord {
  const r = emptyAuditRecord();
  r.systemType = 'e-commerce';
  ensureChecklistItems(r, ['reliability.timeouts', 'idempotency.keys', 'security.secrets']);
  r.checklist['reliability.timeouts'] = { checked: true, result: 'FAIL', note: 'two clients without timeout:\n- payments\n- search', by: 'ann', at: '2025-05-01T09:30:00.000Z' };
  r.checklist['security.secrets'] = { checked: true, result: 'N/A', note: 'yes', by: 'bob', at: '2025-05-02T10:00:00.000Z' };
  r.findings.push(manual('M-0a1b2c3d', { location: { file: 'src/pay.ts', line: 12, column: 5, endLine: 14, endColumn: 7 } }));
  r.findings.push(manual('M-00000001', { title: '# not a comment', status: 'ACCEPTED_RISK', justification: 'vendor fixes it in Q3', expires: '2025-09-30', effort: '123', note: 'off' }));
  r.triage['missing-timeout:0123456789abcdef'] = { status: 'ACCEPTED_RISK', justification: 'internal service on the same host', expires: '2026-01-31', by: 'ann', at: '2025-05-01T09:31:00.000Z' };
  r.triage['n-plus-one:fedcba9876543210'] = { status: 'IN_PROGRESS', note: '- started' };
  return r;
}

function parsed(text: string): AuditRecord {
  const result = parseAuditRecord(text, FILE);
  if (!result.ok) assert.fail(result.problems.map((p) => `${p.line}:${p.column}: ${p.message}`).join('\n'));
  return result.record;
}

function problemsOf(text: string): string[] {
  const result = parseAuditRecord(text, FILE);
  assert.equal(result.ok, false, 'the file was accepted');
  return result.ok ? [] : result.problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`);
}

describe('audit.yaml: round trip and stable text', () => {
  it('parse(serialize(r)) equals r, and serializing again gives the same bytes', () => {
    const record = richRecord();
    const text = serializeAuditRecord(record);
    const back = parsed(text);
    assert.deepEqual(back, normalizeAuditRecord(record));
    assert.equal(serializeAuditRecord(back), text);
    assert.equal(serializeAuditRecord(parsed(serializeAuditRecord(back))), text);
  });

  it('the bytes do not depend on the order entries and fields were added in', () => {
    const a = richRecord();
    const b = emptyAuditRecord();
    for (const [fp, t] of Object.entries(a.triage).reverse()) b.triage[fp] = Object.fromEntries(Object.entries(t).reverse()) as typeof t;
    for (const f of [...a.findings].reverse()) b.findings.push(Object.fromEntries(Object.entries(f).reverse()) as ManualFinding);
    for (const [id, e] of Object.entries(a.checklist).reverse()) b.checklist[id] = Object.fromEntries(Object.entries(e).reverse()) as typeof e;
    b.systemType = a.systemType;
    assert.equal(serializeAuditRecord(b), serializeAuditRecord(a));
  });

  it('is block style, sorted, one entry per block with a blank line between entries', () => {
    const text = serializeAuditRecord(richRecord());
    assert.ok(text.startsWith('# Production Audit'), 'starts with the header comment');
    assert.doesNotMatch(text, /[{[]/, 'no flow-style maps or lists in a non-empty record');
    const checklistPart = text.slice(text.indexOf('\nchecklist:\n'), text.indexOf('\nfindings:\n'));
    assert.equal(
      checklistPart,
      [
        '',
        'checklist:',
        '  idempotency.keys:',
        '    checked: false',
        '    result: NOT_ASSESSED',
        '',
        '  reliability.timeouts:',
        '    at: "2025-05-01T09:30:00.000Z"',
        '    by: ann',
        '    checked: true',
        '    note: |-',
        '      two clients without timeout:',
        '      - payments',
        '      - search',
        '    result: FAIL',
        '',
        '  security.secrets:',
        '    at: "2025-05-02T10:00:00.000Z"',
        '    by: bob',
        '    checked: true',
        '    note: "yes"',
        '    result: N/A',
        '',
      ].join('\n'),
    );
    const topLevel = text.split('\n').filter((l) => /^[a-zA-Z]/.test(l));
    assert.deepEqual(topLevel, ['version: 1', 'systemType: e-commerce', 'checklist:', 'findings:', 'triage:']);
    const ids = [...text.matchAll(/^ {2}(\S+):$/gm)].map((m) => m[1]);
    assert.deepEqual(ids, ['idempotency.keys', 'reliability.timeouts', 'security.secrets', 'M-00000001', 'M-0a1b2c3d', 'missing-timeout:0123456789abcdef', 'n-plus-one:fedcba9876543210']);
  });

  it('values that YAML could misread (yes, off, dates, digits, "# …", "- …") come back as the same strings', () => {
    const back = parsed(serializeAuditRecord(richRecord()));
    assert.equal(back.checklist['security.secrets']?.note, 'yes');
    const accepted = back.findings.find((f) => f.id === 'M-00000001');
    assert.equal(accepted?.title, '# not a comment');
    assert.equal(accepted?.effort, '123');
    assert.equal(accepted?.note, 'off');
    assert.equal(accepted?.expires, '2025-09-30');
    assert.equal(back.triage['n-plus-one:fedcba9876543210']?.note, '- started');
  });

  it('any string survives a round trip, and reads as the same string to a YAML 1.1 reader too', () => {
    const strings = ['12:30', '0x1F', '0o17', '017', '~', 'null', 'Yes', 'y', 'OFF', '<<', '.inf', '1e3', '1_000', '2025-01-01 10:00', ' leading space', 'trailing ', 'tab\tinside',
      'emoji 🎉', 'multi\nline\n', 'multi\n\n  indented\n', '- item', '? q', '@at', '`tick', '%pct', '!bang', '&amp', '*star', '|pipe', '>gt', "'quote", '"dq', '#hash', 'a #b', 'a: b', '',
      'ctrl\u0001x', '\ttab first', 'line1\r\nline2', 'very long '.repeat(40)];
    const r = emptyAuditRecord();
    strings.forEach((s, i) => (r.checklist[`item${i}`] = { checked: false, result: 'PASS', note: s }));
    for (const fp of ['12:30', '0123', 'y', 'true']) r.triage[fp] = { status: 'OPEN' };
    const text = serializeAuditRecord(r);
    const back = parsed(text);
    assert.deepEqual(strings.map((_, i) => back.checklist[`item${i}`]?.note), strings);
    assert.deepEqual(Object.keys(back.triage).sort(), ['0123', '12:30', 'true', 'y']);
    const asYaml11 = parseYaml(text, { version: '1.1' }) as { checklist: Record<string, { note: unknown }>; triage: Record<string, unknown> };
    assert.deepEqual(strings.map((_, i) => asYaml11.checklist[`item${i}`]?.note), strings);
    assert.deepEqual(Object.keys(asYaml11.triage).sort(), ['0123', '12:30', 'true', 'y']);
    assert.equal(serializeAuditRecord(back), text);
  });

  it('an empty file is an empty record; empty sections are written as {}', () => {
    assert.deepEqual(parsed(''), emptyAuditRecord());
    const text = serializeAuditRecord(emptyAuditRecord());
    assert.match(text, /\nversion: 1\n\nchecklist: \{\}\n\nfindings: \{\}\n\ntriage: \{\}\n$/);
    assert.deepEqual(parsed(text), emptyAuditRecord());
  });

  it('a hand-written item may leave out checked/result (unticked, NOT_ASSESSED)', () => {
    const r = parsed('version: 1\nchecklist:\n  reliability.timeouts:\n    checked: true\n  security.secrets:\n    result: PASS\n');
    assert.deepEqual(r.checklist, {
      'reliability.timeouts': { checked: true, result: 'NOT_ASSESSED' },
      'security.secrets': { checked: false, result: 'PASS' },
    });
  });

  it('new manual finding ids are M- + 8 hex digits and unused', () => {
    const r = richRecord();
    const ids = new Set<string>();
    for (let i = 0; i < 200; i++) ids.add(newManualFindingId(r));
    assert.equal(ids.size, 200);
    for (const id of ids) assert.match(id, /^M-[0-9a-f]{8}$/);
  });

  it('resetChecklist clears ticks, results and notes but keeps findings, triage and system type', () => {
    const r = richRecord();
    resetChecklist(r);
    assert.deepEqual(Object.values(r.checklist), [
      { checked: false, result: 'NOT_ASSESSED' },
      { checked: false, result: 'NOT_ASSESSED' },
      { checked: false, result: 'NOT_ASSESSED' },
    ]);
    assert.equal(r.findings.length, 2);
    assert.equal(Object.keys(r.triage).length, 2);
    assert.equal(r.systemType, 'e-commerce');
  });
});

describe('audit.yaml: validation with line numbers', () => {
  it('reports every problem at its line and column', () => {
    const text = [
      'version: 1', //                                   1
      'checklist:', //                                   2
      '  reliability.timeouts:', //                      3
      '    checked: yes', //                             4
      '    result: MAYBE', //                            5
      '  9-bad-id:', //                                  6
      '    checked: true', //                            7
      'findings:', //                                    8
      '  M-1:', //                                       9
      '    title: Retry storm', //                      10
      '    severity: HIGH', //                          11
      '    category: resilience', //                    12
      '    description: ""', //                         13
      '    evidence: ""', //                            14
      '    impact: ""', //                              15
      '    recommendation: ""', //                      16
      '    effort: ""', //                              17
      '    status: ACCEPTED_RISK', //                   18
      'triage:', //                                     19
      '  missing-timeout:abc:', //                      20
      '    status: FIXED', //                           21
      '    expires: 2025-13-01', //                     22
      '    at: yesterday', //                           23
      '    owner: ann', //                              24
    ].join('\n');
    assert.deepEqual(problemsOf(text), [
      `${FILE}:4:14: checklist["reliability.timeouts"].checked must be true or false, not "yes"`,
      `${FILE}:5:13: checklist["reliability.timeouts"].result must be one of PASS, FAIL, N/A, NOT_ASSESSED, not "MAYBE"`,
      `${FILE}:6:3: invalid key "9-bad-id" in checklist: item ids start with a letter and use letters, digits, '.', '_' and '-'`,
      `${FILE}:9:3: findings.M-1 has status ACCEPTED_RISK, which needs a justification (why the risk is accepted)`,
      `${FILE}:12:15: findings.M-1.category must be one of ${CATEGORY_IDS.join(', ')}, not "resilience"`,
      `${FILE}:22:14: triage["missing-timeout:abc"].expires must be a date written YYYY-MM-DD, not "2025-13-01"`,
      `${FILE}:23:9: triage["missing-timeout:abc"].at must be an ISO 8601 date-time with a time zone, such as 2025-05-01T09:30:00.000Z, not "yesterday"`,
      `${FILE}:24:5: unknown key "owner" in triage["missing-timeout:abc"]; allowed keys: status, justification, expires, note, by, at`,
    ]);
  });

  it('reports missing template fields, a wrong version and YAML syntax errors', () => {
    assert.deepEqual(problemsOf('findings:\n  M-1:\n    title: x\n    severity: HIGH\n    category: security\n    description: ""\n    evidence: ""\n    impact: ""\n    recommendation: ""\n    status: OPEN\n'), [
      `${FILE}:2:3: findings.M-1 is missing the required key "effort"`,
    ]);
    assert.deepEqual(problemsOf('version: 3\n'), [`${FILE}:1:10: version must be 1, not 3`]);
    assert.deepEqual(problemsOf('checklist:\n  a:\n    checked: true\n   result: PASS\n'), [`${FILE}:4:1: YAML syntax error: All mapping items must start at the same column`]);
    assert.deepEqual(problemsOf('checklist: [a, b]\n'), [`${FILE}:1:12: checklist must be a map, not a list`]);
  });

  it('validateAuditRecord catches an invalid change made in code, duplicate ids included', () => {
    const r = richRecord();
    assert.deepEqual(validateAuditRecord(r), []);
    r.checklist['reliability.timeouts'] = { checked: true, result: 'YES' as 'PASS' };
    r.findings.push(manual('M-0a1b2c3d'));
    assert.deepEqual(validateAuditRecord(r), [
      'findings: the id "M-0a1b2c3d" is used twice',
      'checklist["reliability.timeouts"].result must be one of PASS, FAIL, N/A, NOT_ASSESSED, not "YES"',
    ]);
  });

  it('the schema enumerates exactly the model\'s categories and severities, and describes every property', () => {
    const schema = readSchema('audit.schema.json') as { definitions: Record<string, { enum: string[] }>; properties: Record<string, { examples?: string[] }> };
    assert.deepEqual(schema.definitions.category?.enum, [...CATEGORY_IDS]);
    assert.deepEqual(schema.definitions.severity?.enum, [...SEVERITIES]);
    assert.deepEqual(schema.properties.systemType?.examples, [...SYSTEM_TYPE_IDS]);
    assert.deepEqual(undescribedProperties(schema), []);
  });
});

describe('audit.yaml: three-way merge and change stamps', () => {
  const base = (): AuditRecord => {
    const r = emptyAuditRecord();
    ensureChecklistItems(r, ['a', 'b', 'c']);
    r.triage.fp1 = { status: 'OPEN' };
    r.findings.push(manual('M-1'));
    return r;
  };

  it('keeps changes to different entries from both sides', () => {
    const ours = base();
    ours.checklist.a = { checked: true, result: 'PASS' };
    ours.triage.fp2 = { status: 'FIXED' };
    const theirs = base();
    theirs.checklist.b = { checked: true, result: 'FAIL' };
    theirs.findings.push(manual('M-2'));
    theirs.systemType = 'saas';
    const merged = mergeAuditRecords(base(), ours, theirs);
    assert.deepEqual(merged.checklist, { a: { checked: true, result: 'PASS' }, b: { checked: true, result: 'FAIL' }, c: { checked: false, result: 'NOT_ASSESSED' } });
    assert.deepEqual(Object.keys(merged.triage), ['fp1', 'fp2']);
    assert.deepEqual(merged.findings.map((f) => f.id), ['M-1', 'M-2']);
    assert.equal(merged.systemType, 'saas');
  });

  it('merges one entry changed on both sides field by field; the same field: ours (the later write) wins', () => {
    const ours = base();
    ours.checklist.a = { checked: true, result: 'PASS', at: '2025-05-02T00:00:00.000Z' };
    const theirs = base();
    theirs.checklist.a = { checked: false, result: 'FAIL', note: 'their note', at: '2025-05-01T00:00:00.000Z' };
    const merged = mergeAuditRecords(base(), ours, theirs);
    assert.deepEqual(merged.checklist.a, { at: '2025-05-02T00:00:00.000Z', checked: true, note: 'their note', result: 'PASS' });
  });

  it('an entry deleted on one side and changed on the other is kept with the change', () => {
    const ours = base();
    delete ours.triage.fp1;
    const theirs = base();
    theirs.triage.fp1 = { status: 'ACCEPTED_RISK', justification: 'ok' };
    assert.deepEqual(mergeAuditRecords(base(), ours, theirs).triage.fp1, { justification: 'ok', status: 'ACCEPTED_RISK' });
    const ours2 = base();
    ours2.findings[0] = manual('M-1', { status: 'FIXED' });
    const theirs2 = base();
    theirs2.findings = [];
    assert.equal(mergeAuditRecords(base(), ours2, theirs2).findings[0]?.status, 'FIXED');
    const ours3 = base();
    delete ours3.triage.fp1;
    assert.equal(mergeAuditRecords(base(), ours3, base()).triage.fp1, undefined, 'a plain deletion goes through');
  });

  it('stampChanges marks only the entries that changed, not blank additions nor explicit stamps', () => {
    const b = base();
    b.checklist.c = { checked: true, result: 'PASS', at: '2025-01-01T00:00:00.000Z', by: 'old' };
    const ours = structuredClone(b);
    ours.checklist.a = { checked: true, result: 'PASS' };
    ours.triage.fp1 = { status: 'FIXED' };
    ours.triage.fp9 = { status: 'OPEN', at: '2024-12-31T00:00:00.000Z' };
    ensureChecklistItems(ours, ['d']);
    stampChanges(b, ours, { at: '2025-05-05T05:05:05.000Z', by: 'eve' });
    assert.deepEqual(ours.checklist.a, { checked: true, result: 'PASS', at: '2025-05-05T05:05:05.000Z', by: 'eve' });
    assert.deepEqual(ours.checklist.b, { checked: false, result: 'NOT_ASSESSED' });
    assert.deepEqual(ours.checklist.c, { checked: true, result: 'PASS', at: '2025-01-01T00:00:00.000Z', by: 'old' });
    assert.deepEqual(ours.checklist.d, { checked: false, result: 'NOT_ASSESSED' });
    assert.deepEqual(ours.triage.fp1, { status: 'FIXED', at: '2025-05-05T05:05:05.000Z', by: 'eve' });
    assert.deepEqual(ours.triage.fp9, { status: 'OPEN', at: '2024-12-31T00:00:00.000Z', by: 'eve' });
    assert.equal(ours.findings[0]?.at, undefined);
  });
});

describe('audit.yaml in git: two branches merge without conflict', () => {
  function gitMergeFile(baseText: string, oursText: string, theirsText: string): { status: number | null; text: string } {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pa-merge-'));
    try {
      const [b, o, t] = ['base.yaml', 'ours.yaml', 'theirs.yaml'].map((n) => path.join(dir, n)) as [string, string, string];
      writeFileSync(b, baseText);
      writeFileSync(o, oursText);
      writeFileSync(t, theirsText);
      const r = spawnSync('git', ['merge-file', '-p', o, b, t], { encoding: 'utf8' });
      if (r.error) throw r.error;
      return { status: r.status, text: r.stdout };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  const ITEMS = Array.from({ length: 30 }, (_, i) => `item-${String(i).padStart(2, '0')}`);
  function baseRecord(): AuditRecord {
    const r = emptyAuditRecord();
    ensureChecklistItems(r, ITEMS);
    r.findings.push(manual('M-50000000'));
    r.triage['missing-timeout:mmmm'] = { status: 'OPEN' };
    return r;
  }

  it('ticks of adjacent items, a note, triage on both sides of an entry and a new manual finding', () => {
    const base = baseRecord();
    const a = structuredClone(base);
    a.checklist['item-03'] = { checked: true, result: 'PASS', by: 'ann', at: '2025-05-01T09:00:00.000Z' };
    a.checklist['item-05'] = { checked: true, result: 'FAIL', note: 'no backoff', by: 'ann', at: '2025-05-01T09:05:00.000Z' };
    a.triage['missing-timeout:aaaa'] = { status: 'FIXED', by: 'ann', at: '2025-05-01T09:06:00.000Z' };
    a.findings.push(manual('M-10000000', { title: 'found by ann' }));
    const b = structuredClone(base);
    b.checklist['item-04'] = { checked: true, result: 'PASS', by: 'bob', at: '2025-05-02T10:00:00.000Z' };
    b.checklist['item-06'] = { checked: true, result: 'N/A', by: 'bob', at: '2025-05-02T10:01:00.000Z' };
    b.checklist['item-20'] = { checked: false, result: 'NOT_ASSESSED', note: 'ask the DBA' };
    b.triage['n-plus-one:zzzz'] = { status: 'ACCEPTED_RISK', justification: 'batch job, 10 rows', by: 'bob' };
    b.findings.push(manual('M-90000000', { title: 'found by bob' }));

    const merged = gitMergeFile(serializeAuditRecord(base), serializeAuditRecord(a), serializeAuditRecord(b));
    assert.equal(merged.status, 0, `git reported a conflict:\n${merged.text}`);
    const record = parsed(merged.text);
    assert.equal(record.checklist['item-03']?.result, 'PASS');
    assert.equal(record.checklist['item-04']?.by, 'bob');
    assert.equal(record.checklist['item-05']?.note, 'no backoff');
    assert.equal(record.checklist['item-06']?.result, 'N/A');
    assert.equal(record.checklist['item-20']?.note, 'ask the DBA');
    assert.deepEqual(Object.keys(record.triage), ['missing-timeout:aaaa', 'missing-timeout:mmmm', 'n-plus-one:zzzz']);
    assert.deepEqual(record.findings.map((f) => f.title), ['found by ann', 'Payment call has no timeout', 'found by bob']);
    // The merged text is what the tool itself would have written for the combined record.
    assert.equal(merged.text, serializeAuditRecord(mergeAuditRecords(base, a, b)));
  });

  it('the same item changed differently on both branches is a real conflict (the check can fail)', () => {
    const base = baseRecord();
    const a = structuredClone(base);
    a.checklist['item-03'] = { checked: true, result: 'PASS' };
    const b = structuredClone(base);
    b.checklist['item-03'] = { checked: true, result: 'FAIL' };
    const merged = gitMergeFile(serializeAuditRecord(base), serializeAuditRecord(a), serializeAuditRecord(b));
    assert.equal(merged.status, 1);
    assert.match(merged.text, /^<<<<<<< /m);
  });
});
