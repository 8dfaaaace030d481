// Quick-fix edits computed on plain text (no VS Code): the extension turns them into WorkspaceEdits.
// Each returns the smallest set of text replacements that keeps the file compiling, or undefined
// when the code is not in a shape the fix understands (then no fix is offered).
import { ts } from 'ts-morph';
import { parseSource } from '../engine/analyzer';
import { getProperty } from '../engine/ast';

import type { TextEdit } from './textEdits';

export type { TextEdit } from './textEdits';

function parse(file: string, text: string): ts.SourceFile {
  return parseSource(file, text);
}

function offsetOf(sf: ts.SourceFile, line: number, column: number): number {
  return sf.getPositionOfLineAndCharacter(line - 1, column - 1);
}

/** The innermost node of the wanted kind that starts exactly at (line, column). */
function nodeAt<T extends ts.Node>(sf: ts.SourceFile, line: number, column: number, test: (n: ts.Node) => n is T): T | undefined {
  const pos = offsetOf(sf, line, column);
  let found: T | undefined;
  const visit = (n: ts.Node): void => {
    if (n.getStart(sf) > pos || n.getEnd() < pos) return;
    if (test(n) && (n.getStart(sf) === pos || isCalleeStartAt(n, sf, pos))) found = n;
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return found;
}

function isCalleeStartAt(n: ts.Node, sf: ts.SourceFile, pos: number): boolean {
  return ts.isCallExpression(n) && n.expression.getStart(sf) === pos;
}

function lineIndent(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))![0];
}

/** Adds `prop` to an object literal, keeping its single-line or multi-line style. */
function addProperty(text: string, sf: ts.SourceFile, obj: ts.ObjectLiteralExpression, prop: string): TextEdit {
  if (obj.properties.length === 0) return { start: obj.getStart(sf), end: obj.getEnd(), newText: `{ ${prop} }` };
  const last = obj.properties[obj.properties.length - 1];
  const multiLine = sf.getLineAndCharacterOfPosition(obj.getStart(sf)).line !== sf.getLineAndCharacterOfPosition(last.getStart(sf)).line;
  const trailingComma = obj.properties.hasTrailingComma;
  if (multiLine) {
    const indent = lineIndent(text, last.getStart(sf));
    return { start: last.getEnd() + (trailingComma ? 1 : 0), end: last.getEnd() + (trailingComma ? 1 : 0), newText: `${trailingComma ? '' : ','}\n${indent}${prop}${trailingComma ? ',' : ''}` };
  }
  return { start: last.getEnd(), end: last.getEnd(), newText: `, ${prop}` };
}

export type TimeoutFixKind = 'fetch' | 'axios' | 'got' | 'http';

const AXIOS_CONFIG_INDEX: Record<string, number> = { get: 1, delete: 1, head: 1, options: 1, post: 2, put: 2, patch: 2, postForm: 2, putForm: 2, patchForm: 2, request: 0, create: 0 };

/**
 * Adds a timeout to the network call that starts at (line, column):
 * `fetch` gets `signal: AbortSignal.timeout(ms)` in its init (created when absent); axios and got
 * get `timeout: ms` in their config (got: `timeout: { request: ms }`).
 */
export function addTimeoutEdit(file: string, text: string, line: number, column: number, ms: number): { kind: TimeoutFixKind; edits: TextEdit[] } | undefined {
  const sf = parse(file, text);
  const call = nodeAt(sf, line, column, ts.isCallExpression);
  if (!call) return undefined;
  const callee = call.expression;
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
  const receiver = ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) ? callee.expression.text : '';
  const args = call.arguments;
  const signal = `signal: AbortSignal.timeout(${ms})`;
  // fetch(url[, init])
  if (name === 'fetch' || (ts.isIdentifier(callee) && /fetch$/i.test(name))) {
    if (args.length === 0) return undefined;
    if (args.length === 1) return { kind: 'fetch', edits: [{ start: args[0].getEnd(), end: args[0].getEnd(), newText: `, { ${signal} }` }] };
    const init = args[1];
    if (ts.isObjectLiteralExpression(init)) {
      if (getProperty(init, 'signal')) return undefined;
      return { kind: 'fetch', edits: [addProperty(text, sf, init, signal)] };
    }
    return { kind: 'fetch', edits: [{ start: init.getStart(sf), end: init.getEnd(), newText: `{ ...${init.getText(sf)}, ${signal} }` }] };
  }
  const isGot = receiver === 'got' || name === 'got' || /^got/i.test(receiver);
  const timeoutProp = isGot ? `timeout: { request: ${ms} }` : `timeout: ${ms}`;
  const kind: TimeoutFixKind = isGot ? 'got' : 'axios';
  // the index of the config argument
  let index: number;
  if (ts.isIdentifier(callee)) index = args.length > 0 && ts.isObjectLiteralExpression(args[0]) ? 0 : 1; // axios(config) / axios(url, config) / got(url, options)
  else if (name === 'extend' || name === 'create') index = 0;
  else if (isGot) index = 1;
  else if (name in AXIOS_CONFIG_INDEX) index = AXIOS_CONFIG_INDEX[name];
  else return undefined;
  if (args.length > index) {
    const cfg = args[index];
    if (ts.isObjectLiteralExpression(cfg)) {
      if (getProperty(cfg, 'timeout')) return undefined;
      return { kind, edits: [addProperty(text, sf, cfg, timeoutProp)] };
    }
    return { kind, edits: [{ start: cfg.getStart(sf), end: cfg.getEnd(), newText: `{ ...${cfg.getText(sf)}, ${timeoutProp} }` }] };
  }
  // missing arguments before the config: fill with undefined (e.g. axios.post(url) → axios.post(url, undefined, { timeout }))
  const fill = Array.from({ length: index - args.length }, () => 'undefined');
  const parts = [...fill, `{ ${timeoutProp} }`].join(', ');
  if (args.length === 0) {
    const open = call.getEnd() - 1; // the closing paren
    return { kind, edits: [{ start: open, end: open, newText: parts }] };
  }
  const lastArg = args[args.length - 1];
  return { kind, edits: [{ start: lastArg.getEnd(), end: lastArg.getEnd(), newText: `, ${parts}` }] };
}

/** The logger a file already uses, if any: an imported or top-level `logger`/`log`, or `this.logger` in a class. */
export function findLogger(sf: ts.SourceFile, at: ts.Node): string | undefined {
  for (let n: ts.Node | undefined = at; n; n = n.parent) {
    if (ts.isClassLike(n)) {
      for (const m of n.members) {
        if ((ts.isPropertyDeclaration(m) && ts.isIdentifier(m.name) && /^(logger|log)$/.test(m.name.text))) return `this.${m.name.text}`;
        if (ts.isConstructorDeclaration(m)) for (const p of m.parameters) if (ts.isIdentifier(p.name) && /^(logger|log)$/.test(p.name.text) && ts.getModifiers(p)?.length) return `this.${p.name.text}`;
      }
    }
  }
  for (const s of sf.statements) {
    if (ts.isImportDeclaration(s) && s.importClause) {
      const c = s.importClause;
      if (c.name && /^(logger|log)$/.test(c.name.text)) return c.name.text;
      if (c.namedBindings && ts.isNamedImports(c.namedBindings)) for (const el of c.namedBindings.elements) if (/^(logger|log)$/.test(el.name.text)) return el.name.text;
    }
    if (ts.isVariableStatement(s)) for (const d of s.declarationList.declarations) if (ts.isIdentifier(d.name) && /^(logger|log)$/.test(d.name.text)) return d.name.text;
  }
  return undefined;
}

/**
 * For a swallowed exception at (line, column): logs the caught error and rethrows it. A bare
 * `catch {}` gets a binding; `.catch(() => …)` handlers become `(error) => { log; throw error; }`.
 */
export function logAndRethrowEdit(file: string, text: string, line: number, column: number): TextEdit[] | undefined {
  const sf = parse(file, text);
  const pos = offsetOf(sf, line, column);
  let clause: ts.CatchClause | undefined;
  let handler: ts.ArrowFunction | ts.FunctionExpression | undefined;
  const visit = (n: ts.Node): void => {
    if (n.getStart(sf) > pos || n.getEnd() < pos) return;
    if (ts.isCatchClause(n) && n.getStart(sf) === pos) clause = n;
    if ((ts.isArrowFunction(n) || ts.isFunctionExpression(n)) && n.getStart(sf) === pos) handler = n;
    ts.forEachChild(n, visit);
  };
  visit(sf);
  const logger = findLogger(sf, (clause ?? handler ?? sf) as ts.Node) ?? 'console';
  const logCall = (err: string) => `${logger}.error(${err});`;
  if (clause) {
    const edits: TextEdit[] = [];
    let name = 'error';
    const decl = clause.variableDeclaration;
    if (decl && ts.isIdentifier(decl.name)) name = decl.name.text;
    else if (!decl) {
      const catchKw = clause.getStart(sf);
      edits.push({ start: catchKw + 'catch'.length, end: catchKw + 'catch'.length, newText: ` (${name})` });
    } else return undefined; // destructured binding: no single name to log
    const block = clause.block;
    const indent = lineIndent(text, clause.getStart(sf));
    const inner = `${indent}  `;
    const body = `\n${inner}${logCall(name)}\n${inner}throw ${name};`;
    if (block.statements.length === 0) {
      // replace the (possibly comment-only) empty block's inside, keeping comments
      const openBrace = block.getStart(sf) + 1;
      const inside = text.slice(openBrace, block.getEnd() - 1);
      const comments = inside.trim();
      edits.push({ start: openBrace, end: block.getEnd() - 1, newText: `${comments ? `\n${inner}${comments}` : ''}${body}\n${indent}` });
    } else {
      const openBrace = block.getStart(sf) + 1;
      edits.push({ start: openBrace, end: openBrace, newText: `\n${inner}${logCall(name)}` });
      const lastStatement = block.statements[block.statements.length - 1];
      const endsWithExit = ts.isReturnStatement(lastStatement) || ts.isThrowStatement(lastStatement);
      if (endsWithExit) {
        // replace a fallback `return x;` with the rethrow
        edits.push({ start: lastStatement.getStart(sf), end: lastStatement.getEnd(), newText: `throw ${name};` });
      } else {
        edits.push({ start: lastStatement.getEnd(), end: lastStatement.getEnd(), newText: `\n${inner}throw ${name};` });
      }
    }
    return edits;
  }
  if (handler) {
    const p = handler.parameters[0];
    const name = p && ts.isIdentifier(p.name) ? p.name.text : 'error';
    const asyncKw = handler.modifiers?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword) ? 'async ' : '';
    return [{ start: handler.getStart(sf), end: handler.getEnd(), newText: `${asyncKw}(${name}${/\.(c|m)?jsx?$/i.test(file) ? '' : ': unknown'}) => {\n${lineIndent(text, handler.getStart(sf))}  ${logCall(name)}\n${lineIndent(text, handler.getStart(sf))}  throw ${name};\n${lineIndent(text, handler.getStart(sf))}}` }];
  }
  return undefined;
}

