import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AuditRecord, ManualFinding } from '../../src/core/audit/auditRecord';
import type { CategoryId, Finding, Severity } from '../../src/core/model';
import { orderedCategories } from '../../src/core/systemTypes';
import {
  MANUAL_RULE,
  NO_LOCATION,
  applyFilter,
  applyNote,
  applyStatus,
  buildRows,
  countDescription,
  describeFilter,
  expiryProblem,
  findingMarkdown,
  groupRows,
  isOpenRow,
  localDate,
  rowStatus,
  type FindingNode,
  type FindingsTreeNode,
  type GroupNode,
  type StatusFields,
} from '../../src/extension/audit/findingRows';

const TODAY = '2026-03-15';

let n = 0;
function finding(ruleId: string, category: CategoryId, severity: Severity, file: string, line: number, extra: Partial<Finding> = {}): Finding {
  n++;
  return {
    ruleId,
    category,
    severity,
    message: `${ruleId} problem ${n}. More detail follows here.`,
    file,
    line,
    column: 3,
    endLine: line,
    endColumn: 20,
    symbol: 'Service.method',
    fingerprint: `${ruleId}:${String(n).padStart(16, '0')}`,
    related: [],
    ...extra,
  };
}

function manual(id: string, extra: Partial<ManualFinding> = {}): ManualFinding {
  return {
    id,
    title: 'Refunds can be issued twice',
    severity: 'CRITICAL',
    category: 'idempotency',
    description: 'The refund endpoint has no idempotency key.',
    evidence: 'POST /refunds twice with the same body gives two refunds',
    impact: 'Money paid out twice',
    recommendation: 'Require an Idempotency-Key header',
    effort: '1d',
    status: 'OPEN',
    ...extra,
  };
}

function record(extra: Partial<AuditRecord> = {}): AuditRecord {
  return { version: 1, checklist: {}, findings: [], triage: {}, ...extra };
}

const scan = (...fs: Finding[]) => fs.map((finding) => ({ finding, uri: `file:///w/${finding.file}` }));

function leaves(nodes: readonly FindingsTreeNode[]): FindingNode[] {
  return nodes.flatMap((node) => (node.kind === 'finding' ? [node] : node.kind === 'group' ? leaves(node.children) : []));
}

describe('buildRows', () => {
  it('gives scanner findings their triage status from audit.yaml, OPEN without one', () => {
    const a = finding('missing-timeout', 'reliability', 'HIGH', 'src/a.ts', 4);
    const b = finding('swallowed-exception', 'observability', 'MEDIUM', 'src/b.ts', 9);
    const { rows } = buildRows(scan(a, b), record({ triage: { [a.fingerprint]: { status: 'ACCEPTED_RISK', justification: 'behind the mesh', expires: '2026-06-30' } } }));
    const ra = rows.find((r) => r.key === a.fingerprint)!;
    assert.equal(ra.status, 'ACCEPTED_RISK');
    assert.equal(ra.justification, 'behind the mesh');
    assert.equal(ra.expires, '2026-06-30');
    assert.equal(rows.find((r) => r.key === b.fingerprint)!.status, 'OPEN');
  });

  it('adds manual findings with their own status and location', () => {
    const m = manual('M-0000abcd', { status: 'IN_PROGRESS', location: { file: 'src/refunds.ts', line: 12, column: 1, endLine: 14, endColumn: 2 } });
    const { rows } = buildRows([], record({ findings: [m] }));
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.source, 'manual');
    assert.equal(rows[0]!.status, 'IN_PROGRESS');
    assert.equal(rows[0]!.file, 'src/refunds.ts');
    assert.equal(rows[0]!.range?.line, 12);
  });

  it('keeps triage whose fingerprint no longer appears as resolved (not dropped), with the rule from the fingerprint', () => {
    const live = finding('missing-timeout', 'reliability', 'HIGH', 'src/a.ts', 4);
    const { rows, resolved } = buildRows(scan(live), record({ triage: { 'n-plus-one:feedfacefeedface': { status: 'FIXED', note: 'batched in #42' }, [live.fingerprint]: { status: 'IN_PROGRESS' } } }));
    assert.equal(rows.length, 1);
    assert.deepEqual(resolved, [{ fingerprint: 'n-plus-one:feedfacefeedface', ruleId: 'n-plus-one', entry: { status: 'FIXED', note: 'batched in #42' } }]);
  });

  it('counts a finding published twice (editor and scan) once', () => {
    const a = finding('missing-timeout', 'reliability', 'HIGH', 'src/a.ts', 4);
    assert.equal(buildRows([...scan(a), ...scan(a)], undefined).rows.length, 1);
  });

  it('a suppressed finding is SUPPRESSED and not open, whatever its triage says', () => {
    const a = finding('missing-timeout', 'reliability', 'HIGH', 'src/a.ts', 4, { suppression: { kind: 'inline', reason: 'mesh deadline' } });
    const [row] = buildRows(scan(a), record({ triage: { [a.fingerprint]: { status: 'OPEN' } } })).rows;
    assert.equal(rowStatus(row!), 'SUPPRESSED');
    assert.equal(isOpenRow(row!, TODAY), false);
  });

  it('an accepted risk is open again once its expiry date has passed', () => {
    const a = finding('missing-timeout', 'reliability', 'HIGH', 'src/a.ts', 4);
    const rows = (expires: string) => buildRows(scan(a), record({ triage: { [a.fingerprint]: { status: 'ACCEPTED_RISK', justification: 'x', expires } } })).rows[0]!;
    assert.equal(isOpenRow(rows('2026-03-15'), TODAY), false, 'still accepted on its last day');
    assert.equal(isOpenRow(rows('2026-03-14'), TODAY), true);
  });
});

describe('filters', () => {
  const a = finding('missing-timeout', 'reliability', 'HIGH', 'src/a.ts', 4);
  const b = finding('n-plus-one', 'throughput', 'MEDIUM', 'src/b.ts', 9);
  const c = finding('missing-timeout', 'reliability', 'CRITICAL', 'src/c.ts', 1);
  const { rows } = buildRows(scan(a, b, c), record({ findings: [manual('M-00000001')], triage: { [c.fingerprint]: { status: 'FIXED' } } }));

  it('by severity, status and rule (manual findings under their own rule value), combined with AND', () => {
    assert.deepEqual(applyFilter(rows, { severities: ['CRITICAL'] }).map((r) => r.key).sort(), [c.fingerprint, 'M-00000001'].sort());
    assert.deepEqual(applyFilter(rows, { statuses: ['FIXED'] }).map((r) => r.key), [c.fingerprint]);
    assert.deepEqual(applyFilter(rows, { rules: [MANUAL_RULE] }).map((r) => r.key), ['M-00000001']);
    assert.deepEqual(applyFilter(rows, { rules: ['missing-timeout'], statuses: ['OPEN'] }).map((r) => r.key), [a.fingerprint]);
    assert.equal(applyFilter(rows, {}).length, 4);
  });

  it('describes the active filter in the order severity, status, rule', () => {
    assert.equal(describeFilter({}), '');
    assert.equal(describeFilter({ severities: ['LOW', 'CRITICAL'], statuses: ['ACCEPTED_RISK', 'IN_PROGRESS'], rules: ['n-plus-one'] }), 'Filter: CRITICAL, LOW · ACCEPTED RISK, IN PROGRESS · n-plus-one');
  });
});

describe('groupRows', () => {
  const a = finding('missing-timeout', 'reliability', 'HIGH', 'src/z.ts', 8);
  const a2 = finding('missing-timeout', 'reliability', 'HIGH', 'src/z.ts', 2);
  const b = finding('unbounded-retry', 'reliability', 'CRITICAL', 'src/a.ts', 4);
  const c = finding('n-plus-one', 'throughput', 'MEDIUM', 'src/b.ts', 9);
  const m = manual('M-00000002', { category: 'idempotency', severity: 'HIGH' });
  const { rows, resolved } = buildRows(scan(a, a2, b, c), record({ findings: [m], triage: { 'gone-rule:0011223344556677': { status: 'ACCEPTED_RISK', justification: 'ok' }, [a.fingerprint]: { status: 'FIXED' } } }));

  it('category → severity → file → finding, categories in the system type order, severities CRITICAL first', () => {
    const order = orderedCategories('ecommerce').map((o) => o.category.id);
    const groups = groupRows(rows, resolved, 'category', order, TODAY);
    const cats = groups.filter((g) => g.level === 'category').map((g) => g.category);
    assert.deepEqual(cats, order.filter((id) => ['reliability', 'throughput', 'idempotency'].includes(id)));
    assert.equal(cats[0], 'idempotency', 'e-commerce audits idempotency first');
    const reliability = groups.find((g) => g.category === 'reliability')!;
    assert.deepEqual(reliability.children.map((g) => (g as GroupNode).label), ['CRITICAL', 'HIGH']);
    assert.equal(reliability.description, '3 findings, 2 open');
    const high = reliability.children[1] as GroupNode;
    const file = high.children[0] as GroupNode;
    assert.equal(file.label, 'src/z.ts');
    assert.deepEqual(file.children.map((x) => (x as FindingNode).row.range?.line), [2, 8], 'findings in a file by line');
  });

  it('puts manual findings without a location in a "(no location)" group after the files', () => {
    const groups = groupRows(rows, [], 'file', [], TODAY);
    assert.deepEqual(groups.map((g) => g.label), ['src/a.ts', 'src/b.ts', 'src/z.ts', NO_LOCATION]);
  });

  it('appends the resolved triage as its own group, and every node id is unique', () => {
    const groups = groupRows(rows, resolved, 'category', orderedCategories('general').map((o) => o.category.id), TODAY, 'Resolved');
    const last = groups[groups.length - 1]!;
    assert.equal(last.level, 'resolved');
    assert.equal(last.label, 'Resolved');
    assert.equal(last.children.length, 1);
    const ids: string[] = [];
    const walk = (ns: readonly FindingsTreeNode[]) => ns.forEach((x) => (ids.push(x.id), x.kind === 'group' && walk(x.children)));
    walk(groups);
    assert.equal(new Set(ids).size, ids.length);
    assert.equal(leaves(groups).length, rows.length, 'every row appears exactly once');
  });

  it('counts say how many are open', () => {
    assert.equal(countDescription(rows.filter((r) => r.key !== a.fingerprint), TODAY), '4 open');
    assert.equal(countDescription(rows, TODAY), '5 findings, 4 open');
  });
});

describe('findingMarkdown', () => {
  it('writes a manual finding in the audit template fields', () => {
    const m = manual('M-00000003', { status: 'ACCEPTED_RISK', justification: 'refunds are manual until Q3', expires: '2026-09-30', evidence: 'line one\nline two' });
    const [row] = buildRows([], record({ findings: [m] })).rows;
    const md = findingMarkdown(row!);
    for (const field of ['Severity:** CRITICAL', 'Category:** Idempotency', 'Description:**', 'Evidence:**', 'Impact:** Money paid out twice', 'Recommendation:**', 'Effort:** 1d', 'Status:** ACCEPTED RISK', 'Justification:** refunds are manual until Q3 (until 2026-09-30)']) {
      assert.ok(md.includes(field), `${field} in\n${md}`);
    }
    assert.ok(md.includes('```\n  line one\n  line two\n  ```'), 'multi-line evidence as a code block');
  });

  it('writes a scanner finding with its rule, location, status and fingerprint', () => {
    const a = finding('missing-timeout', 'reliability', 'HIGH', 'src/a.ts', 4);
    const [row] = buildRows(scan(a), record({ triage: { [a.fingerprint]: { status: 'IN_PROGRESS', note: 'PR #12' } } })).rows;
    const md = findingMarkdown(row!);
    assert.match(md, /^### missing-timeout: `src\/a\.ts:4`/);
    assert.match(md, /Status:\*\* IN PROGRESS/);
    assert.match(md, /Note:\*\* PR #12/);
    assert.ok(md.includes(a.fingerprint));
  });
});

describe('triage edits', () => {
  it('accepting a risk needs a justification; reopening drops justification and expiry, keeps the note', () => {
    const entry: StatusFields = { status: 'OPEN', note: 'seen' };
    assert.throws(() => applyStatus({ ...entry }, 'ACCEPTED_RISK', '  '), /justification/);
    const accepted = applyStatus({ ...entry }, 'ACCEPTED_RISK', ' internal only ', '2026-12-31');
    assert.deepEqual(accepted, { status: 'ACCEPTED_RISK', note: 'seen', justification: 'internal only', expires: '2026-12-31' });
    assert.deepEqual(applyStatus(accepted, 'OPEN'), { status: 'OPEN', note: 'seen' });
  });

  it('an empty note removes it', () => {
    const withNote: StatusFields = { status: 'OPEN', note: 'x' };
    const without: StatusFields = { status: 'OPEN' };
    assert.deepEqual(applyNote(withNote, '  '), { status: 'OPEN' });
    assert.deepEqual(applyNote(without, ' y '), { status: 'OPEN', note: 'y' });
  });
});

describe('expiryProblem', () => {
  it('accepts nothing or a real date after today', () => {
    assert.equal(expiryProblem('', TODAY), undefined);
    assert.equal(expiryProblem('2026-03-16', TODAY), undefined);
  });

  it('rejects other shapes, impossible dates, today and the past', () => {
    assert.match(expiryProblem('16.03.2026', TODAY)!, /YYYY-MM-DD/);
    assert.match(expiryProblem('2026-3-16', TODAY)!, /YYYY-MM-DD/);
    assert.match(expiryProblem('2026-02-30', TODAY)!, /not a calendar date/);
    assert.match(expiryProblem('2026-03-15', TODAY)!, /after today/);
    assert.match(expiryProblem('2025-12-31', TODAY)!, /after today/);
  });

  it('localDate is the calendar day in local time', () => {
    assert.equal(localDate(new Date(2026, 0, 5, 23, 59)), '2026-01-05');
  });
});
