// The CLI's human-readable output: findings grouped by file, then a summary.
import type { AnalysisError, Finding, Severity, SkippedFile } from '../core/model';
import { SEVERITIES } from '../core/model';

export interface TextReportInput {
  findings: (Finding & { baseline?: boolean })[];
  errors: AnalysisError[];
  skipped: SkippedFile[];
  filesScanned: number;
  verbose: boolean;
  quiet: boolean;
  color: boolean;
}

const COLORS: Record<Severity, string> = { CRITICAL: '\x1b[1;31m', HIGH: '\x1b[31m', MEDIUM: '\x1b[33m', LOW: '\x1b[36m' };
const DIM = '\x1b[2m';
const BOLD = '\x1b[1m';
const RESET = '\x1b[0m';

/** The first sentence of a message: what is wrong. */
export function firstSentence(message: string): string {
  const m = /^(.+?[.!?])(\s|$)/s.exec(message);
  return (m ? m[1] : message).replace(/\s+/g, ' ');
}

export function renderText(input: TextReportInput): string {
  const c = (code: string, text: string) => (input.color ? `${code}${text}${RESET}` : text);
  const lines: string[] = [];
  const byFile = new Map<string, TextReportInput['findings']>();
  for (const f of input.findings) {
    const list = byFile.get(f.file) ?? [];
    list.push(f);
    byFile.set(f.file, list);
  }
  if (!input.quiet) {
    for (const file of [...byFile.keys()].sort()) {
      lines.push(c(BOLD, file));
      for (const f of byFile.get(file)!.sort((a, b) => a.line - b.line || a.column - b.column)) {
        const where = `${f.line}:${f.column}`.padEnd(8);
        const sev = c(COLORS[f.severity], f.severity.padEnd(8));
        const state = f.suppression ? c(DIM, ' (suppressed: ' + f.suppression.reason + ')') : f.baseline ? c(DIM, ' (baseline)') : '';
        lines.push(`  ${where}${sev} ${f.ruleId.padEnd(22)} ${input.verbose ? f.message.replace(/\s+/g, ' ') : firstSentence(f.message)}${state}`);
        if (input.verbose) for (const r of f.related) lines.push(c(DIM, `  ${''.padEnd(8)}${''.padEnd(8)} ↳ ${r.file}:${r.line}:${r.column} ${r.message}`));
      }
      lines.push('');
    }
    for (const e of input.errors) lines.push(`${c(COLORS.HIGH, 'error')} ${e.file}: ${e.message}`);
    for (const s of input.skipped) lines.push(`${c(DIM, 'skipped')} ${s.file}: ${s.reason}`);
    if (input.errors.length || input.skipped.length) lines.push('');
  }
  const open = input.findings.filter((f) => !f.suppression && !f.baseline);
  const counts = SEVERITIES.map((s) => [s, open.filter((f) => f.severity === s).length] as const).filter(([, n]) => n > 0);
  const parts = [`${open.length} open finding${open.length === 1 ? '' : 's'}${counts.length ? ` (${counts.map(([s, n]) => `${n} ${s}`).join(', ')})` : ''}`];
  const suppressed = input.findings.filter((f) => f.suppression).length;
  const baseline = input.findings.filter((f) => !f.suppression && f.baseline).length;
  if (suppressed) parts.push(`${suppressed} suppressed`);
  if (baseline) parts.push(`${baseline} in baseline`);
  parts.push(`${input.filesScanned} file${input.filesScanned === 1 ? '' : 's'} scanned`);
  if (input.skipped.length) parts.push(`${input.skipped.length} skipped`);
  if (input.errors.length) parts.push(`${input.errors.length} error${input.errors.length === 1 ? '' : 's'}`);
  lines.push(parts.join(', '));
  return lines.join('\n') + '\n';
}
