// Shared knowledge for the rules about paid and payment APIs (missing-idempotency-key,
// unstable-idempotency-key, llm-call-without-limit, llm-call-in-loop): whether an options or
// params argument visibly carries a key, and which client a call made on a value imported from
// the project's own module (`import { stripe } from '@/lib/stripe'`) stands for. Syntax of one
// file only: whatever the file does not show is reported as 'unknown', and the rules stay quiet.
import { ts } from 'ts-morph';
import { isFunctionNode, skipOuterExpressions, walk } from '../../engine/ast';
import type { FileFacts } from '../../engine/fileFacts';
import type { Origin } from '../../engine/origins';
import { propertyName } from './dataAccess';

/** Whether an object visibly has a key: yes, no, or the file cannot tell (spread, parameter, call result…). */
export type KeyState = 'present' | 'absent' | 'unknown';

const MAX_DEPTH = 6;

/** `undefined`, `null`, `void 0`: a value that sets nothing. */
export function isNothing(expr: ts.Expression): boolean {
  const e = skipOuterExpressions(expr);
  if (e.kind === ts.SyntaxKind.NullKeyword) return true;
  if (ts.isIdentifier(e) && e.text === 'undefined') return true;
  return ts.isVoidExpression(e);
}

/**
 * Does the object an argument stands for have a key accepted by `isKey` (with a value that is not
 * `undefined` / `null`)? Reads an object literal written in place or held in a variable whose
 * initializer is visible (a `let` or `var` that is assigned again is unknown). A later
 * `opts.key = …` on that variable counts as present, an `Object.assign(opts, …)` makes it unknown.
 * An absent argument is 'absent'.
 */
export function keyState(facts: FileFacts, expr: ts.Expression | undefined, isKey: (name: string) => boolean, depth = 0): KeyState {
  if (!expr) return 'absent';
  if (depth > MAX_DEPTH) return 'unknown';
  const e = skipOuterExpressions(expr);
  if (isNothing(e)) return 'absent';
  if (ts.isObjectLiteralExpression(e)) return objectKeyState(facts, e, isKey, depth);
  if (ts.isConditionalExpression(e)) {
    const a = keyState(facts, e.whenTrue, isKey, depth + 1);
    const b = keyState(facts, e.whenFalse, isKey, depth + 1);
    return a === b ? a : 'unknown';
  }
  if (ts.isIdentifier(e)) {
    const decl = facts.resolver.declarationOf(e);
    if (!decl || !ts.isVariableDeclaration(decl) || !ts.isIdentifier(decl.name) || !decl.initializer) return 'unknown';
    if (!isConst(decl) && isReassigned(decl)) return 'unknown';
    const inner = keyState(facts, decl.initializer, isKey, depth + 1);
    if (inner !== 'absent') return inner;
    return writtenKeys(decl, isKey);
  }
  return 'unknown';
}

/**
 * The key state of an object literal whose spreads are read too: `{ ...DEFAULTS, messages }` with
 * `const DEFAULTS = { model, temperature }` visibly lacks the key; a spread of a parameter or a
 * call result could hold it.
 */
function objectKeyState(facts: FileFacts, obj: ts.ObjectLiteralExpression, isKey: (name: string) => boolean, depth: number): KeyState {
  let hidden = false;
  for (const p of obj.properties) {
    if (ts.isSpreadAssignment(p)) {
      const inner = keyState(facts, p.expression, isKey, depth + 1);
      if (inner === 'present') return 'present';
      if (inner === 'unknown') hidden = true;
      continue;
    }
  }
  const own = literalKeyState(obj, isKey, true);
  if (own === 'present') return 'present';
  return hidden || own === 'unknown' ? 'unknown' : 'absent';
}

/** The key state of an object literal: a spread or a computed name could hold the key (spreads are skipped with `ignoreSpreads`). */
export function literalKeyState(obj: ts.ObjectLiteralExpression, isKey: (name: string) => boolean, ignoreSpreads = false): KeyState {
  let hidden = false;
  for (const p of obj.properties) {
    if (ts.isSpreadAssignment(p)) {
      if (!ignoreSpreads) hidden = true;
      continue;
    }
    const name = propertyName(p);
    if (name === undefined) {
      if (p.name && ts.isComputedPropertyName(p.name)) hidden = true;
      continue;
    }
    if (!isKey(name)) continue;
    if (ts.isPropertyAssignment(p) && isNothing(p.initializer)) continue;
    return 'present';
  }
  return hidden ? 'unknown' : 'absent';
}

/** The value of a named property in an object literal (the last one wins), with 'unknown' when a spread could override it. */
export function propertyValue(obj: ts.ObjectLiteralExpression, isKey: (name: string) => boolean): { state: KeyState; value?: ts.Expression } {
  for (let i = obj.properties.length - 1; i >= 0; i--) {
    const p = obj.properties[i];
    if (ts.isSpreadAssignment(p)) return { state: 'unknown' };
    const name = propertyName(p);
    if (name === undefined) {
      if (p.name && ts.isComputedPropertyName(p.name)) return { state: 'unknown' };
      continue;
    }
    if (!isKey(name)) continue;
    if (ts.isPropertyAssignment(p)) return isNothing(p.initializer) ? { state: 'absent' } : { state: 'present', value: p.initializer };
    if (ts.isShorthandPropertyAssignment(p)) return { state: 'present', value: p.name };
    return { state: 'unknown' };
  }
  return { state: 'absent' };
}

/** The object literal an expression visibly stands for (in place, or a variable's visible initializer). */
export function visibleObject(facts: FileFacts, expr: ts.Expression | undefined, depth = 0): ts.ObjectLiteralExpression | undefined {
  if (!expr || depth > MAX_DEPTH) return undefined;
  const e = skipOuterExpressions(expr);
  if (ts.isObjectLiteralExpression(e)) return e;
  if (ts.isIdentifier(e)) {
    const decl = facts.resolver.declarationOf(e);
    if (!decl || !ts.isVariableDeclaration(decl) || !ts.isIdentifier(decl.name) || !decl.initializer) return undefined;
    if (!isConst(decl) && isReassigned(decl)) return undefined;
    return visibleObject(facts, decl.initializer, depth + 1);
  }
  return undefined;
}

function isConst(decl: ts.VariableDeclaration): boolean {
  return ts.isVariableDeclarationList(decl.parent) && (decl.parent.flags & ts.NodeFlags.Const) !== 0;
}

/** The function body (or source file) a declaration lives in: where its later uses can be. */
export function declarationScope(decl: ts.Node): ts.Node {
  for (let n: ts.Node | undefined = decl.parent; n; n = n.parent) {
    if (isFunctionNode(n) || ts.isSourceFile(n)) return n;
  }
  return decl.getSourceFile();
}

/** Every identifier in the declaration's scope that names the declared variable (same text; shadowing is ignored). */
function usesOf(decl: ts.VariableDeclaration): ts.Identifier[] {
  const name = (decl.name as ts.Identifier).text;
  const out: ts.Identifier[] = [];
  walk(declarationScope(decl), (n) => {
    if (ts.isIdentifier(n) && n.text === name && n !== decl.name) out.push(n);
    return true;
  });
  return out;
}

/** A `let`/`var` that is assigned again after its declaration (`x = …`, `x += …`, `x++`). */
export function isReassigned(decl: ts.VariableDeclaration): boolean {
  if (!ts.isIdentifier(decl.name)) return true;
  return usesOf(decl).some((id) => {
    const p = id.parent;
    if (ts.isBinaryExpression(p) && p.left === id && p.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && p.operatorToken.kind <= ts.SyntaxKind.LastAssignment) return true;
    if ((ts.isPrefixUnaryExpression(p) || ts.isPostfixUnaryExpression(p)) && (p.operator === ts.SyntaxKind.PlusPlusToken || p.operator === ts.SyntaxKind.MinusMinusToken)) return true;
    return false;
  });
}

/** After `const opts = {…}`: `opts.idempotencyKey = k` → present; `Object.assign(opts, …)` or handing `opts` to a setter → unknown. */
function writtenKeys(decl: ts.VariableDeclaration, isKey: (name: string) => boolean): KeyState {
  let state: KeyState = 'absent';
  for (const id of usesOf(decl)) {
    const p = id.parent;
    // opts.key = v / opts['key'] = v
    if ((ts.isPropertyAccessExpression(p) || ts.isElementAccessExpression(p)) && p.expression === id) {
      const key = ts.isPropertyAccessExpression(p) ? p.name.text : ts.isStringLiteralLike(p.argumentExpression) ? p.argumentExpression.text : undefined;
      const q = p.parent;
      if (ts.isBinaryExpression(q) && q.left === p && q.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
        if (key === undefined) state = 'unknown';
        else if (isKey(key)) return 'present';
      }
      continue;
    }
    // Object.assign(opts, …)
    if (ts.isCallExpression(p) && p.arguments[0] === id) {
      const callee = skipOuterExpressions(p.expression);
      if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'assign') state = 'unknown';
    }
  }
  return state;
}

// ---- clients exported by the project's own modules -----------------------------------------

export function isProjectModule(module: string): boolean {
  return module.startsWith('.') || module.startsWith('@/') || module.startsWith('~/') || module.startsWith('#/') || module.startsWith('src/');
}

/**
 * For a value imported from the project's own module, the paths that may follow the client:
 * `import { stripe } from '@/lib/stripe'` gives `stripe.refunds.create` → `refunds.create`;
 * `import stripe from './stripe'` gives the path itself; `getStripe().refunds.create` drops
 * the getter call. The module's path or the imported name must match `vendor`.
 */
export function projectClientPaths(origin: Origin, vendor: RegExp): string[][] {
  if (!isProjectModule(origin.module)) return [];
  const path = origin.path;
  const out: string[][] = [];
  const moduleMatches = vendor.test(origin.module);
  if (path.length && vendor.test(path[0])) {
    out.push(path[1] === '()' ? path.slice(2) : path.slice(1));
    return out;
  }
  if (!moduleMatches) return out;
  out.push(path);
  if (path.length > 1) out.push(path[1] === '()' ? path.slice(2) : path.slice(1));
  return out;
}

/** The text of a property name or string key that names an idempotency key (`idempotencyKey`, `Idempotency-Key`, `x-idempotency-key`, `idempotency_key`). */
export const IDEMPOTENCY_KEY_NAME = /^(x-)?idempotency[-_]?key$/i;

export function isIdempotencyKeyName(name: string): boolean {
  return IDEMPOTENCY_KEY_NAME.test(name);
}
