// The lines of code around a finding, for the evidence of the audit reports.
import type { EntryLocation } from './auditEntries';

export interface Snippet {
  /** 1-based number of the first line shown. */
  firstLine: number;
  lines: string[];
  /** Language hint for a code fence (`ts`, `tsx`, `js`, `jsx`), empty when unknown. */
  language: string;
}

/** Lines shown at most; a longer finding is cut after its first lines. */
export const MAX_SNIPPET_LINES = 12;

export function languageOf(file: string): string {
  const ext = /\.([A-Za-z0-9]+)$/.exec(file)?.[1]?.toLowerCase() ?? '';
  if (['ts', 'mts', 'cts'].includes(ext)) return 'ts';
  if (ext === 'tsx') return 'tsx';
  if (['js', 'mjs', 'cjs'].includes(ext)) return 'js';
  if (ext === 'jsx') return 'jsx';
  return '';
}

/**
 * The finding's lines with one line of context either side, common indentation removed, or
 * undefined when there is no text for the file or the location lies outside it.
 */
export function snippetFor(snippets: Readonly<Record<string, string>> | undefined, location: EntryLocation | undefined): Snippet | undefined {
  if (!snippets || !location || !Object.prototype.hasOwnProperty.call(snippets, location.file)) return undefined;
  const all = snippets[location.file]!.split(/\r\n|\r|\n/);
  if (location.line < 1 || location.line > all.length) return undefined;
  const first = Math.max(1, location.line - 1);
  const last = Math.min(all.length, Math.max(location.line, location.endLine) + 1, first + MAX_SNIPPET_LINES - 1);
  const lines = all.slice(first - 1, last).map((l) => l.replace(/\s+$/, ''));
  while (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)![0].length);
  const cut = indents.length > 0 ? Math.min(...indents) : 0;
  return { firstLine: first, lines: lines.map((l) => l.slice(Math.min(cut, l.length))), language: languageOf(location.file) };
}
