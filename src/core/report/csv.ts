// CSV for spreadsheets: one row per finding, RFC 4180 quoting, CRLF line ends, UTF-8 with a byte
// order mark (so Excel reads the encoding right). Text from the scanned code can start a formula
// (`=HYPERLINK(...)`), so such cells are neutralised with a leading apostrophe.
import { displayLabel } from '../scoring';
import { byLocation, statusOf } from './common';
import type { ReportInput } from './types';

export const CSV_COLUMNS = ['severity', 'category', 'rule', 'file', 'line', 'column', 'message', 'status', 'suppressed', 'fingerprint'] as const;

const BOM = '\uFEFF';
const EOL = '\r\n';

/** Characters that make a spreadsheet read a cell as a formula (or shift it into one). */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One cell: formula starts neutralised, then quoted when it holds a comma, quote or line break. */
export function csvCell(value: string | number | boolean): string {
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function renderCsv(input: ReportInput): string {
  const rows: string[] = [CSV_COLUMNS.join(',')];
  for (const f of [...input.findings].sort(byLocation)) {
    const cells: (string | number | boolean)[] = [
      f.severity,
      f.category,
      f.ruleId,
      f.file,
      f.line,
      f.column,
      f.message,
      displayLabel(statusOf(input, f)),
      f.suppression !== undefined,
      f.fingerprint,
    ];
    rows.push(cells.map(csvCell).join(','));
  }
  return BOM + rows.join(EOL) + EOL;
}
