// Inline suppressions: `// prodaudit-ignore-next-line <rule-id>[, <rule-id>…] -- <reason> [until YYYY-MM-DD]`.
// A reason is required; a suppression without one does not suppress and is itself reported.
export const SUPPRESSION_MARKER = 'prodaudit-ignore-next-line';

export interface InlineSuppression {
  /** 1-based line of the comment. */
  line: number;
  column: number;
  endColumn: number;
  /** 1-based line the suppression applies to. */
  targetLine: number;
  ruleIds: string[];
  reason?: string;
  until?: string;
  /** Why this suppression is unusable (no reason, bad date, no rule id), if it is. */
  problem?: string;
}

const COMMENT = /^\s*(?:\/\/|\/\*|\{\s*\/\*)\s*prodaudit-ignore-next-line\b(.*?)(?:\*\/\s*\}?)?\s*$/;
const UNTIL = /\s+until\s+(\d{4}-\d{2}-\d{2})\s*$/;

/** Finds every suppression comment in a file's text. Cheap when there is none (one substring search). */
export function parseSuppressions(text: string): InlineSuppression[] {
  if (!text.includes(SUPPRESSION_MARKER)) return [];
  const lines = text.split(/\r?\n/);
  const out: InlineSuppression[] = [];
  for (let i = 0; i < lines.length; i++) {
    const lineText = lines[i];
    if (!lineText.includes(SUPPRESSION_MARKER)) continue;
    const m = COMMENT.exec(lineText);
    if (!m) continue;
    const column = lineText.indexOf(lineText.trimStart()) + 1;
    const s: InlineSuppression = { line: i + 1, column, endColumn: lineText.trimEnd().length + 1, targetLine: i + 2, ruleIds: [] };
    let body = m[1].trim();
    const sep = body.indexOf('--');
    let reason = sep >= 0 ? body.slice(sep + 2).trim() : '';
    body = sep >= 0 ? body.slice(0, sep).trim() : body;
    const until = UNTIL.exec(reason);
    if (until) {
      s.until = until[1];
      reason = reason.slice(0, until.index).trim();
      if (Number.isNaN(Date.parse(`${s.until}T00:00:00Z`))) s.problem = `"until ${s.until}" is not a valid date (use YYYY-MM-DD)`;
    }
    s.ruleIds = body.split(/[\s,]+/).filter(Boolean);
    if (reason) s.reason = reason;
    if (!s.ruleIds.length) s.problem = 'names no rule id';
    else if (!reason) s.problem = 'gives no reason';
    // the suppression covers the next line that is not itself a suppression comment
    let t = i + 1;
    while (t < lines.length && COMMENT.test(lines[t])) t++;
    s.targetLine = t + 1;
    out.push(s);
  }
  return out;
}

/** True when an `until` date has passed (compared as ISO dates, `today` = YYYY-MM-DD). */
export function isExpired(s: InlineSuppression, today: string): boolean {
  return !!s.until && s.until < today;
}
