// Parses the workspace files while keeping where every value came from, so a schema error on
// `rules.missing-timeout.severity` can be reported at the line and column where it is written.
// YAML goes through the `yaml` package's document API (LineCounter + node ranges); JSON is read
// with JSON.parse and located, only when a problem needs a position, by a small scanner.
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import type { FileProblem } from './fileProblems';

/** A path into a parsed document: map keys and list indexes. */
export type DocPath = readonly (string | number)[];

export interface Position {
  line: number;
  column: number;
}

export interface LocatedDocument {
  readonly file: string;
  /** The parsed value as plain data (`undefined` for an empty YAML document). */
  readonly value: unknown;
  /**
   * Where `path` is written. `key` points at the map key that names the last step (or the list
   * item itself); `value` at the value. A path that does not exist resolves to its deepest
   * existing ancestor.
   */
  locate(path: DocPath, target?: 'key' | 'value'): Position;
}

export type ParseOutcome = { ok: true; doc: LocatedDocument } | { ok: false; problems: FileProblem[] };

/** `a.b[2].c`, the way paths appear in messages. */
export function formatPath(path: DocPath): string {
  let out = '';
  for (const step of path) {
    if (typeof step === 'number') out += `[${step}]`;
    else if (!/^[A-Za-z_][A-Za-z0-9_-]*$/.test(step)) out += `[${JSON.stringify(step)}]`;
    else out += out === '' ? step : `.${step}`;
  }
  return out;
}

// ---------------------------------------------------------------- YAML

export function parseYamlDocument(text: string, file: string): ParseOutcome {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => {
        const pos = lineCounter.linePos(e.pos[0]);
        return { file, line: pos.line, column: pos.col, message: `YAML syntax error: ${firstLine(e.message)}` };
      }),
    };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 1000 }) as unknown;
  } catch (e) {
    return { ok: false, problems: [{ file, line: 1, column: 1, message: `YAML error: ${firstLine(String((e as Error).message ?? e))}` }] };
  }
  return { ok: true, doc: { file, value: value ?? undefined, locate: (path, target = 'value') => locateYaml(doc, lineCounter, path, target) } };
}

function firstLine(s: string): string {
  const line = s.split('\n')[0] ?? s;
  return line.replace(/ at line \d+, column \d+:?$/, '').trim();
}

function locateYaml(doc: Document, lc: LineCounter, path: DocPath, target: 'key' | 'value'): Position {
  const at = (offset: number | undefined): Position => {
    const p = lc.linePos(offset ?? 0);
    return { line: p.line, column: p.col };
  };
  let node: unknown = doc.contents;
  // The position of the key (or list item) that names the current node, for target 'key'.
  let keyOffset: number | undefined = nodeStart(node);
  for (const step of path) {
    node = resolveAlias(doc, node);
    if (isMap(node)) {
      const pair = node.items.find((p) => keyText(p.key) === String(step));
      if (!pair) break;
      keyOffset = nodeStart(pair.key);
      node = pair.value ?? undefined;
      if (node === undefined || nodeStart(node) === undefined || isEmptyScalar(node)) return at(keyOffset); // `key:` with no value
    } else if (isSeq(node)) {
      const index = typeof step === 'number' ? step : /^\d+$/.test(step) ? Number(step) : -1;
      const item = index >= 0 ? node.items[index] : undefined;
      if (item === undefined) break;
      keyOffset = nodeStart(item);
      node = item;
    } else {
      break;
    }
  }
  if (target === 'key') return at(keyOffset);
  return at(nodeStart(node) ?? keyOffset);
}

function isEmptyScalar(node: unknown): boolean {
  return isScalar(node) && node.value === null && node.range !== undefined && node.range !== null && node.range[0] === node.range[1];
}

function resolveAlias(doc: Document, node: unknown): unknown {
  if (isAlias(node)) return node.resolve(doc) ?? node;
  return node;
}

function nodeStart(node: unknown): number | undefined {
  const range = (node as YamlNode | null | undefined)?.range;
  return range ? range[0] : undefined;
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  if (key === null || key === undefined) return undefined;
  return String(key);
}

// ---------------------------------------------------------------- JSON

export function parseJsonDocument(text: string, file: string): ParseOutcome {
  let value: unknown;
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    value = JSON.parse(body) as unknown;
  } catch (e) {
    const message = String((e as Error).message ?? e);
    const offset = jsonErrorOffset(message, body);
    const pos = positionAt(body, offset);
    const reason = message.replace(/\s*in JSON at position \d+.*$/, '').replace(/\s*\(line \d+ column \d+\)$/, '');
    return { ok: false, problems: [{ file, line: pos.line, column: pos.column, message: `JSON syntax error: ${reason}` }] };
  }
  let index: Map<string, { key?: number; value: number }> | undefined;
  return {
    ok: true,
    doc: {
      file,
      value,
      locate: (path, target = 'value') => {
        index ??= indexJson(body);
        for (let n = path.length; n >= 0; n--) {
          const hit = index.get(pathKey(path.slice(0, n)));
          if (!hit) continue;
          const offset = n === path.length && target === 'key' ? hit.key ?? hit.value : n < path.length ? hit.key ?? hit.value : hit.value;
          return positionAt(body, offset);
        }
        return { line: 1, column: 1 };
      },
    },
  };
}

function jsonErrorOffset(message: string, text: string): number {
  const lc = /\(line (\d+) column (\d+)\)/.exec(message);
  if (lc) {
    const lines = text.split('\n');
    let offset = 0;
    for (let i = 0; i < Number(lc[1]) - 1 && i < lines.length; i++) offset += (lines[i]?.length ?? 0) + 1;
    return offset + Number(lc[2]) - 1;
  }
  const m = /position (\d+)/.exec(message);
  if (m) return Number(m[1]);
  return text.length; // "Unexpected end of JSON input"
}

function positionAt(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

function pathKey(path: DocPath): string {
  return JSON.stringify(path.map((s) => String(s)));
}

/** Offsets of every value (and of the key naming it) in a JSON text that JSON.parse accepted. */
function indexJson(text: string): Map<string, { key?: number; value: number }> {
  const out = new Map<string, { key?: number; value: number }>();
  let i = 0;
  const ws = (): void => {
    while (i < text.length && /\s/.test(text[i] as string)) i++;
  };
  const readString = (): string => {
    const start = i;
    i++; // opening quote
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++; // closing quote
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (path: (string | number)[], keyOffset: number | undefined): void => {
    ws();
    out.set(pathKey(path), { key: keyOffset, value: i });
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        const k = i;
        const name = readString();
        ws();
        i++; // ':'
        value([...path, name], k);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        i++; // '}'
        return;
      }
    } else if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (let n = 0; ; n++) {
        ws();
        value([...path, n], i);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        i++; // ']'
        return;
      }
    } else if (c === '"') {
      readString();
    } else {
      while (i < text.length && !/[\s,\]}]/.test(text[i] as string)) i++;
    }
  };
  value([], undefined);
  return out;
}
