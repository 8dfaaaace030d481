// A problem found in one of the workspace files, located by file, line and column, and the error
// that carries all the problems of one file at once (nothing runs on a half-understood file).

export interface FileProblem {
  /** The file as the caller named it (usually an absolute path). */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  message: string;
}

/** `file:line:column: message`, the shape editors and terminals turn into links. */
export function formatProblem(p: FileProblem): string {
  return `${p.file}:${p.line}:${p.column}: ${p.message}`;
}

/** Sorted by position, duplicates (same place, same message) removed. */
export function sortProblems<T extends FileProblem>(problems: readonly T[]): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const p of problems) {
    const key = `${p.file}\u0000${p.line}\u0000${p.column}\u0000${p.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(p);
  }
  return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
}

/** Every problem of one file; `message` lists them one per line as `file:line:column: message`. */
export class FileProblemError extends Error {
  readonly problems: FileProblem[];

  constructor(problems: readonly FileProblem[]) {
    const sorted = sortProblems(problems);
    super(sorted.map(formatProblem).join('\n'));
    this.name = 'FileProblemError';
    this.problems = sorted;
  }
}
