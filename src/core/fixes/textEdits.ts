// Plain text edits shared by the quick fixes (no parser here: safe to load on the extension host).

export interface TextEdit {
  /** 0-based offsets into the original text. */
  start: number;
  end: number;
  newText: string;
}

/** Inserts `// prodaudit-ignore-next-line <ruleId> -- <reason>` above the given 1-based line, at its indentation. */
export function suppressionEdit(text: string, line: number, ruleId: string, reason: string): TextEdit {
  let offset = 0;
  for (let i = 1; i < line; i++) {
    const nl = text.indexOf('\n', offset);
    if (nl < 0) break;
    offset = nl + 1;
  }
  const indent = /^[ \t]*/.exec(text.slice(offset))![0];
  const clean = reason.replace(/\s+/g, ' ').trim();
  return { start: offset, end: offset, newText: `${indent}// prodaudit-ignore-next-line ${ruleId} -- ${clean}\n` };
}

/** Applies edits to a text (for tests and previews). Edits must not overlap. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}
