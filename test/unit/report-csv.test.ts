import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CSV_COLUMNS, csvCell, renderCsv } from '../../src/core/report/csv';
import type { ReportFinding, ReportInput } from '../../src/core/report/types';

function finding(message: string, extra: Partial<ReportFinding> = {}): ReportFinding {
  return {
    ruleId: 'missing-timeout',
    category: 'reliability',
    severity: 'HIGH',
    message,
    file: 'src/a.ts',
    line: 3,
    column: 7,
    endLine: 3,
    endColumn: 12,
    symbol: '',
    fingerprint: `fp-${message.length}`,
    related: [],
    ...extra,
  };
}

function input(findings: ReportFinding[], triage: ReportInput['triage'] = {}): ReportInput {
  return { date: '2026-03-15', findings, triage, rules: [] };
}

/** A strict RFC 4180 reader: CRLF records, quoted fields with doubled quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let cell = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        assert.ok(i < text.length, 'unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        cell += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
        assert.notEqual(text[i], '"', 'a quote inside an unquoted field');
        cell += text[i++];
      }
    }
    row.push(cell);
    if (text[i] === ',') {
      i++;
    } else {
      assert.equal(text.slice(i, i + 2), '\r\n', `records end with CRLF (at ${i})`);
      i += 2;
      rows.push(row);
      row = [];
    }
  }
  return rows;
}

function rowsOf(text: string): Record<string, string>[] {
  assert.ok(text.startsWith('\uFEFF'), 'UTF-8 byte order mark first');
  const [header, ...rows] = parseCsv(text.slice(1));
  assert.deepEqual(header, [...CSV_COLUMNS]);
  return rows.map((r) => {
    assert.equal(r.length, CSV_COLUMNS.length);
    return Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, r[i]!]));
  });
}

describe('renderCsv', () => {
  it('writes one row per finding with every column', () => {
    const text = renderCsv(
      input(
        [
          finding('Second.', { file: 'src/b.ts', line: 1, fingerprint: 'fp-b' }),
          finding('First.', { fingerprint: 'fp-a', suppression: { kind: 'inline', reason: 'ok' } }),
        ],
        { 'fp-b': { status: 'IN_PROGRESS' } },
      ),
    );
    assert.ok(text.endsWith('\r\n'));
    assert.doesNotMatch(text.replace(/\r\n/g, ''), /\n/, 'no bare LF line ends');
    assert.deepEqual(rowsOf(text), [
      { severity: 'HIGH', category: 'reliability', rule: 'missing-timeout', file: 'src/a.ts', line: '3', column: '7', message: 'First.', status: 'OPEN', suppressed: 'true', fingerprint: 'fp-a' },
      { severity: 'HIGH', category: 'reliability', rule: 'missing-timeout', file: 'src/b.ts', line: '1', column: '7', message: 'Second.', status: 'IN PROGRESS', suppressed: 'false', fingerprint: 'fp-b' },
    ]);
  });

  it('has only the header for no findings', () => {
    assert.equal(renderCsv(input([])), `\uFEFF${CSV_COLUMNS.join(',')}\r\n`);
  });

  it('neutralises cells that a spreadsheet would read as formulas', () => {
    const hostile = ['=HYPERLINK("http://evil.example","click")', '+1', '-2', '@SUM(A1:A9)', '\tcmd', '\rcmd'];
    const rows = rowsOf(renderCsv(input(hostile.map((m, i) => finding(m, { line: i + 1, fingerprint: `fp${i}` })))));
    assert.deepEqual(
      rows.map((r) => r.message),
      hostile.map((m) => `'${m}`),
    );
    for (const r of rows) assert.doesNotMatch(r.message, /^[=+\-@\t\r]/);
  });

  it('neutralises formula starts in file names and fingerprints too', () => {
    const [row] = rowsOf(renderCsv(input([finding('x', { file: '=cmd|calc.ts', fingerprint: '@fp' })])));
    assert.equal(row!.file, "'=cmd|calc.ts");
    assert.equal(row!.fingerprint, "'@fp");
  });

  it('leaves harmless text and numbers alone', () => {
    assert.equal(csvCell('a - b = c'), 'a - b = c');
    assert.equal(csvCell(12), '12');
    assert.equal(csvCell(false), 'false');
  });

  it('quotes commas, quotes and line breaks and doubles the quotes', () => {
    assert.equal(csvCell('a,b'), '"a,b"');
    assert.equal(csvCell('say "hi"'), '"say ""hi"""');
    assert.equal(csvCell('one\ntwo'), '"one\ntwo"');
    assert.equal(csvCell('one\r\ntwo'), '"one\r\ntwo"');
    assert.equal(csvCell('=1,"2"'), `"'=1,""2"""`);
    const messages = ['a,b', 'say "hi"', 'one\r\ntwo', 'line\nbreak', 'plain'];
    const rows = rowsOf(renderCsv(input(messages.map((m, i) => finding(m, { line: i + 1, fingerprint: `fp${i}` })))));
    assert.deepEqual(
      rows.map((r) => r.message),
      messages,
    );
  });

  it('writes the triage status and keeps non-ASCII text as UTF-8', () => {
    const rows = rowsOf(
      renderCsv(input([finding('Zeitüberschreitung fehlt — 日本', { fingerprint: 'fx' })], { fx: { status: 'ACCEPTED_RISK', justification: 'ok' } })),
    );
    assert.equal(rows[0]!.message, 'Zeitüberschreitung fehlt — 日本');
    assert.equal(rows[0]!.status, 'ACCEPTED RISK');
  });
});
