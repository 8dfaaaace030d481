// Cheap text helpers for the workspace probes: a JSONC reader for tsconfig-style files, a comment
// blanker for JavaScript/TypeScript source, and an import scanner. No parser, no dependencies: the
// probes must stay fast and loadable where the TypeScript compiler is not (the extension host).

/** Thrown by parseJsonc with the position of the problem. */
export class JsoncError extends Error {}

/**
 * Parses JSON with comments and trailing commas (the dialect of tsconfig.json, biome.jsonc,
 * deno.jsonc, .eslintrc.json). Comments become spaces and trailing commas are dropped, string
 * contents are left alone, then JSON.parse does the rest.
 */
export function parseJsonc(text: string): unknown {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let out = '';
  let i = 0;
  let last = 0;
  // pending comma: its index in `out`, dropped if the next significant character closes a container
  let commaAt = -1;
  const flush = (to: number) => {
    out += src.slice(last, to);
    last = to;
  };
  while (i < src.length) {
    const c = src[i];
    if (c === '"') {
      commaAt = -1;
      i++;
      while (i < src.length && src[i] !== '"') i += src[i] === '\\' ? 2 : 1;
      i++;
      continue;
    }
    if (c === '/' && src[i + 1] === '/') {
      flush(i);
      while (i < src.length && src[i] !== '\n') i++;
      last = i;
      continue;
    }
    if (c === '/' && src[i + 1] === '*') {
      flush(i);
      const end = src.indexOf('*/', i + 2);
      if (end < 0) throw new JsoncError('unterminated /* comment');
      out += src.slice(i, end + 2).replace(/[^\n]/g, ' ');
      i = end + 2;
      last = i;
      continue;
    }
    if (c === ',') {
      flush(i);
      commaAt = out.length;
      out += ',';
      i++;
      last = i;
      continue;
    }
    if (c === '}' || c === ']') {
      if (commaAt >= 0) {
        flush(i);
        out = out.slice(0, commaAt) + ' ' + out.slice(commaAt + 1);
      }
      commaAt = -1;
      i++;
      continue;
    }
    if (!/\s/.test(c)) commaAt = -1;
    i++;
  }
  flush(src.length);
  try {
    return JSON.parse(out);
  } catch (err) {
    throw new JsoncError((err as Error).message);
  }
}

const REGEX_AFTER_WORD = new Set(['return', 'typeof', 'instanceof', 'case', 'do', 'else', 'in', 'of', 'new', 'delete', 'void', 'throw', 'yield', 'await']);

/**
 * Replaces every comment in JavaScript/TypeScript source with spaces, keeping line breaks, so that
 * offsets and line numbers of the result match the original. Strings, template literals (with
 * nested `${…}`) and regular-expression literals are recognised so that `//` inside them is kept.
 * A heuristic, not a parser: odd input (JSX text with an apostrophe, say) can hide a comment, but
 * never blanks code beyond the end of the line it is on. With `strings: true` the contents of string
 * and template literals are blanked too (the quotes and `${…}` expressions stay), for scans that
 * look for calls and must not be fooled by code quoted in a string.
 */
export function blankComments(src: string, options: { strings?: boolean } = {}): string {
  const strings = options.strings === true;
  const parts: string[] = [];
  let last = 0;
  let i = 0;
  // brace depth at which each open template's `${` started
  const templates: number[] = [];
  let depth = 0;
  // the last significant token: a punctuation char, or a word
  let prev = '';
  const blank = (from: number, to: number) => {
    parts.push(src.slice(last, from), src.slice(from, to).replace(/[^\n]/g, ' '));
    last = to;
  };
  const scanTemplate = (): void => {
    // i is just after the opening backtick or the closing brace of a `${…}`
    const from = i;
    while (i < src.length) {
      const ch = src[i];
      if (ch === '\\') {
        i += 2;
      } else if (ch === '`') {
        if (strings && i > from) blank(from, i);
        i++;
        prev = '`';
        return;
      } else if (ch === '$' && src[i + 1] === '{') {
        if (strings && i > from) blank(from, i);
        i += 2;
        templates.push(depth);
        depth++;
        prev = '{';
        return;
      } else {
        i++;
      }
    }
  };
  while (i < src.length) {
    const c = src[i];
    if (c === '/' && src[i + 1] === '/') {
      const end = src.indexOf('\n', i);
      const to = end < 0 ? src.length : end;
      blank(i, to);
      i = to;
      continue;
    }
    if (c === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      const to = end < 0 ? src.length : end + 2;
      blank(i, to);
      i = to;
      continue;
    }
    if (c === '\'' || c === '"') {
      const from = ++i;
      while (i < src.length && src[i] !== c && src[i] !== '\n') i += src[i] === '\\' ? 2 : 1;
      if (strings && i > from) blank(from, Math.min(i, src.length));
      i++;
      prev = 'a';
      continue;
    }
    if (c === '`') {
      i++;
      scanTemplate();
      continue;
    }
    if (c === '/') {
      const regexAllowed = prev === '' || /[(,=:[!&|?{};+\-*%<>~^]/.test(prev) || REGEX_AFTER_WORD.has(prev);
      if (regexAllowed) {
        let j = i + 1;
        let inClass = false;
        while (j < src.length && src[j] !== '\n') {
          const ch = src[j];
          if (ch === '\\') j += 2;
          else {
            if (ch === '[') inClass = true;
            else if (ch === ']') inClass = false;
            else if (ch === '/' && !inClass) break;
            j++;
          }
        }
        if (src[j] === '/') {
          i = j + 1;
          while (i < src.length && /[a-z]/i.test(src[i])) i++;
          prev = 'a';
          continue;
        }
      }
      prev = '/';
      i++;
      continue;
    }
    if (c === '{') {
      depth++;
      prev = '{';
      i++;
      continue;
    }
    if (c === '}') {
      depth--;
      i++;
      if (templates.length && templates[templates.length - 1] === depth) {
        templates.pop();
        scanTemplate();
      } else {
        prev = '}';
      }
      continue;
    }
    if (/[A-Za-z_$0-9]/.test(c)) {
      let j = i + 1;
      while (j < src.length && /[A-Za-z_$0-9]/.test(src[j])) j++;
      const word = src.slice(i, j);
      prev = REGEX_AFTER_WORD.has(word) ? word : 'a';
      i = j;
      continue;
    }
    if (!/\s/.test(c)) prev = c === ')' || c === ']' ? 'a' : c;
    i++;
  }
  if (last === 0) return src;
  parts.push(src.slice(last));
  return parts.join('');
}

/** 1-based line of `offset` in `text`. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Line starts of `text`, for many offset → line lookups. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** 1-based line of `offset`, given the result of lineStarts. */
export function lineOf(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

export interface ImportRef {
  /** The module specifier as written (`pino`, `node:http`, `./logger`). */
  module: string;
  /** 1-based line of the import statement or require call. */
  line: number;
  /** Local names the statement binds (default, namespace, named with their aliases). */
  locals: string[];
  /** Offsets of the statement in the text, so uses of the locals can be told apart from it. */
  start: number;
  end: number;
}

const IMPORT_FROM = /\bimport\s+(?:type\s+)?([\w$]+\s*,?\s*)?(\*\s+as\s+[\w$]+|\{[^}]*\})?\s*from\s*(['"])([^'"\n]+)\3/g;
const IMPORT_BARE = /\bimport\s*(['"])([^'"\n]+)\1/g;
const IMPORT_CALL = /\bimport\s*\(\s*(['"])([^'"\n]+)\1\s*\)/g;
const EXPORT_FROM = /\bexport\s+(?:type\s+)?(?:\*(?:\s+as\s+[\w$]+)?|\{[^}]*\})\s*from\s*(['"])([^'"\n]+)\1/g;
const REQUIRE = /(?:\b(?:const|let|var)\s+([\w$]+|\{[^}]*\})\s*=\s*)?\brequire\s*\(\s*(['"])([^'"\n]+)\2\s*\)/g;
const IMPORT_EQUALS = /\bimport\s+([\w$]+)\s*=\s*require\s*\(\s*(['"])([^'"\n]+)\2\s*\)/g;

function namedLocals(clause: string): string[] {
  const inner = clause.replace(/^\{|\}$/g, '');
  const out: string[] = [];
  for (const part of inner.split(',')) {
    const p = part.trim().replace(/^type\s+/, '');
    if (!p) continue;
    const m = /(?:[\w$]+\s+as\s+|[\w$]+\s*:\s*)?([\w$]+)\s*$/.exec(p);
    if (m) out.push(m[1]);
  }
  return out;
}

/**
 * The imports of a source file: ES imports and re-exports, `require`, `import x = require`,
 * dynamic `import('…')`. Give it text whose comments are blanked (blankComments), so a commented-out
 * import does not count.
 */
export function scanImports(code: string): ImportRef[] {
  if (!code.includes('import') && !code.includes('require') && !code.includes('export')) return [];
  const starts = lineStarts(code);
  const out: ImportRef[] = [];
  const taken = new Set<number>();
  const add = (m: RegExpExecArray, module: string, locals: string[]) => {
    if (taken.has(m.index)) return;
    taken.add(m.index);
    out.push({ module, line: lineOf(starts, m.index), locals, start: m.index, end: m.index + m[0].length });
  };
  for (const m of code.matchAll(IMPORT_EQUALS)) add(m, m[3], [m[1]]);
  for (const m of code.matchAll(IMPORT_FROM)) {
    const locals: string[] = [];
    if (m[1]) locals.push(m[1].replace(/[\s,]/g, ''));
    if (m[2]?.startsWith('*')) locals.push(m[2].replace(/^\*\s+as\s+/, ''));
    else if (m[2]) locals.push(...namedLocals(m[2]));
    add(m, m[4], locals.filter((l) => l !== 'type'));
  }
  for (const m of code.matchAll(IMPORT_BARE)) add(m, m[2], []);
  for (const m of code.matchAll(IMPORT_CALL)) add(m, m[2], []);
  for (const m of code.matchAll(EXPORT_FROM)) add(m, m[2], []);
  for (const m of code.matchAll(REQUIRE)) {
    // `import x = require(...)` was taken above; its require call starts later in the same statement
    if (out.some((r) => m.index > r.start && m.index < r.end)) continue;
    const binding = m[1];
    add(m, m[3], binding ? (binding.startsWith('{') ? namedLocals(binding) : [binding]) : []);
  }
  return out.sort((a, b) => a.start - b.start);
}

/** True when `specifier` is `name` or a subpath of it (`pino/file`, `@opentelemetry/api`). */
export function isModule(specifier: string, name: string): boolean {
  return specifier === name || specifier.startsWith(name + '/');
}
