// Where a call runs once per element of a collection: the loop and iteration-callback detection
// of n-plus-one, shared with llm-call-in-loop. A call is located in the loops whose body holds it
// (`for…of`, `for…in`, index loops, queue-draining `while` / `do…while`) and in the callbacks of
// `.map` / `.forEach` / `.flatMap` / `.reduce` (also Bluebird, async, lodash, p-map). Loops that
// are not per-element work are told apart: fixed literal lists, retry loops (attempt counters, or
// an exit right after the call), chunked batches. Syntax of one file only.
import { ts } from 'ts-morph';
import { isFunctionNode, isLoopNode, referenceText, skipOuterExpressions, thisMemberFunction, walk, type FunctionNode, type LoopNode } from '../../engine/ast';
import type { FileFacts } from '../../engine/fileFacts';

const K = ts.SyntaxKind;

export type Concurrency = 'sequential' | 'concurrent';

export interface Anchor {
  kind: 'await' | 'return' | 'push';
  /** The await / return / push node. */
  node: ts.Node;
  /** For `push`: the array the promise is pushed onto. */
  array?: string;
}

export interface LoopContext {
  kind: 'loop';
  node: LoopNode;
}

export interface CallbackContext {
  kind: 'callback';
  /** The `.map(…)` / `pMap(…)` call. */
  node: ts.CallExpression;
  fn: FunctionNode;
  method: string;
  /** The collection walked (receiver of `.map`, first argument of `pMap`). */
  collection?: ts.Expression;
  concurrency: Concurrency;
}

export type Context = LoopContext | CallbackContext;

export interface Located {
  context: Context;
  /** A catch clause (or `.catch` handler) lies between the call and this context. */
  viaCatch: boolean;
}

/** Iteration methods whose first argument runs once per element. */
const ITERATION_METHODS = new Set(['map', 'forEach', 'flatMap', 'reduce', 'reduceRight']);

const PROMISE_COMBINATORS = new Set(['all', 'allSettled', 'any', 'race']);

/** Loop counters of a retry loop, and of a pagination loop. */
const ATTEMPT_NAME = /attempt|retr(y|ies)|tries|^try$|tryCount/i;

const PAGE_NAME = /^(page|pageNo|pageNum|pageNumber|pageIndex|offset|skip|cursor|startAt|start)$/i;

/** Names of chunked batches: one query per chunk is the fix, not the smell. */
const CHUNK_NAME = /chunk|batch/i;

const CHUNK_CALL = /^(chunk|chunks|chunked|batch|batches|inChunks|inBatches|splitIntoChunks|partition|paginate)$/i;

// ---- how the call's result is used, and where it runs ---------------------------------------

/**
 * How the call's result is used: awaited, returned (from a callback), or pushed onto an array of
 * promises that is later given to `Promise.all`. Anything else (fire and forget, kept in a variable)
 * is not per-element work this rule can vouch for.
 */
export function anchorOf(expr: ts.Expression): Anchor | undefined {
  let cur: ts.Node = expr;
  let p = cur.parent;
  for (;;) {
    if (!p) return undefined;
    if (ts.isParenthesizedExpression(p) || ts.isAsExpression(p) || ts.isNonNullExpression(p) || ts.isSatisfiesExpression(p) || ts.isTypeAssertionExpression(p)) {
      cur = p;
      p = p.parent;
      continue;
    }
    if (ts.isConditionalExpression(p) && p.condition !== cur) {
      cur = p;
      p = p.parent;
      continue;
    }
    if (ts.isBinaryExpression(p) && p.right === cur && (p.operatorToken.kind === K.QuestionQuestionToken || p.operatorToken.kind === K.BarBarToken || p.operatorToken.kind === K.AmpersandAmpersandToken)) {
      cur = p;
      p = p.parent;
      continue;
    }
    break;
  }
  if (ts.isAwaitExpression(p)) return { kind: 'await', node: p };
  if (ts.isReturnStatement(p)) return { kind: 'return', node: p };
  if (ts.isArrowFunction(p) && p.body === cur) return { kind: 'return', node: cur };
  if (ts.isArrayLiteralExpression(p)) {
    // `await Promise.all([a(), b()])`
    let arr: ts.Node = p;
    while (arr.parent && ts.isParenthesizedExpression(arr.parent)) arr = arr.parent;
    const call = arr.parent;
    if (call && ts.isCallExpression(call) && call.arguments[0] === arr && isPromiseCombinator(call)) return anchorOf(call);
    // `xs.flatMap((x) => [db.find(x)])`: an array of promises returned from a callback
    const outer = anchorOf(p);
    return outer && outer.kind === 'return' ? outer : undefined;
  }
  if (ts.isCallExpression(p) && p.arguments.includes(cur as ts.Expression)) {
    const callee = skipOuterExpressions(p.expression);
    // `promises.push(db.find(x))`
    if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'push') {
      const array = referenceText(skipOuterExpressions(callee.expression));
      return array ? { kind: 'push', node: p, array } : undefined;
    }
    // `await firstValueFrom(this.http.get(url))`
    if (ts.isIdentifier(callee) && (callee.text === 'firstValueFrom' || callee.text === 'lastValueFrom')) return anchorOf(p);
  }
  return undefined;
}

function isPromiseCombinator(call: ts.CallExpression): boolean {
  const callee = skipOuterExpressions(call.expression);
  return ts.isPropertyAccessExpression(callee) && PROMISE_COMBINATORS.has(callee.name.text) && ts.isIdentifier(callee.expression) && /^(Promise|Bluebird|P)$/.test(callee.expression.text);
}

/**
 * The loops and iteration callbacks that run the call, innermost first. Walks up from the call; a
 * function ends the walk unless it is an iteration callback, or a callback handed to a call that is
 * itself awaited or returned (`await retry(() => fetch(u))`, `await db.transaction(async (tx) => …)`).
 */
export function locate(call: ts.CallExpression, anchor: Anchor): Located[] {
  const out: Located[] = [];
  let viaCatch = false;
  let child: ts.Node = call;
  let n: ts.Node | undefined = call.parent;
  // a promise pushed onto an array is only per-element work when that array goes to Promise.all
  if (anchor.kind === 'push' && !pushedArrayIsAwaited(anchor)) return out;
  while (n) {
    if (isLoopNode(n)) {
      if (n.statement === child) out.push({ context: { kind: 'loop', node: n }, viaCatch });
    } else if (ts.isCatchClause(n)) {
      viaCatch = true;
    } else if (isFunctionNode(n)) {
      const it = iterationCallback(n);
      if (it) {
        out.push({ context: it, viaCatch });
        child = it.node;
        n = it.node.parent;
        continue;
      }
      const outer = invokingCall(n);
      if (!outer || !anchorOf(outer.call)) break;
      if (outer.errorHandler) viaCatch = true;
      child = outer.call;
      n = outer.call.parent;
      continue;
    } else if (ts.isSourceFile(n) || ts.isClassLike(n)) {
      break;
    }
    child = n;
    n = n.parent;
  }
  return out;
}

/** `promises.push(call)` counts when the same function later awaits `Promise.all(promises)`. */
function pushedArrayIsAwaited(anchor: Anchor): boolean {
  let fn: ts.Node | undefined = anchor.node.parent;
  while (fn && !isFunctionNode(fn) && !ts.isSourceFile(fn)) fn = fn.parent;
  if (!fn) return false;
  const body = isFunctionNode(fn) ? fn.body : fn;
  if (!body) return false;
  return walk(body, (x) => {
    if (ts.isCallExpression(x) && isPromiseCombinator(x) && x.arguments.length) {
      const arg = skipOuterExpressions(x.arguments[0]);
      if (referenceText(arg) === anchor.array) return 'stop';
      if (ts.isArrayLiteralExpression(arg) && arg.elements.some((el) => ts.isSpreadElement(el) && referenceText(skipOuterExpressions(el.expression)) === anchor.array)) return 'stop';
    }
    return true;
  });
}

/** The call a callback is handed to (or an immediately invoked function's own call). */
export function invokingCall(fn: FunctionNode): { call: ts.CallExpression; errorHandler: boolean } | undefined {
  if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) return undefined;
  let n: ts.Node = fn;
  while (n.parent && ts.isParenthesizedExpression(n.parent)) n = n.parent;
  const p = n.parent;
  if (!p || !ts.isCallExpression(p)) return undefined;
  if (p.expression === n) return { call: p, errorHandler: false };
  const i = p.arguments.indexOf(n as ts.Expression);
  if (i < 0) return undefined;
  const callee = skipOuterExpressions(p.expression);
  const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
  const errorHandler = (name === 'catch' && i === 0) || (name === 'then' && i === 1);
  return { call: p, errorHandler };
}

/** The iteration context when `fn` is the per-element callback of `.map` / `.forEach` / `pMap` / …. */
export function iterationCallback(fn: FunctionNode): CallbackContext | undefined {
  if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) return undefined;
  let n: ts.Node = fn;
  while (n.parent && ts.isParenthesizedExpression(n.parent)) n = n.parent;
  const call = n.parent;
  if (!call || !ts.isCallExpression(call)) return undefined;
  const index = call.arguments.indexOf(n as ts.Expression);
  if (index < 0) return undefined;
  const callee = skipOuterExpressions(call.expression);
  if (ts.isPropertyAccessExpression(callee)) {
    const method = callee.name.text;
    const receiver = skipOuterExpressions(callee.expression);
    if (index === 0 && ITERATION_METHODS.has(method) && !isLibraryNamespace(receiver)) {
      const concurrency: Concurrency = method === 'map' || method === 'flatMap' ? 'concurrent' : 'sequential';
      return { kind: 'callback', node: call, fn, method, collection: receiver, concurrency };
    }
    // Bluebird.map(xs, fn), async.eachSeries(xs, fn)
    if (index >= 1 && ts.isIdentifier(receiver)) {
      const lib = libraryIteration(receiver.text, method);
      if (lib) return { kind: 'callback', node: call, fn, method, collection: call.arguments[0], concurrency: lib };
    }
  }
  // pMap(xs, fn)
  if (index === 1 && ts.isIdentifier(callee) && /^pMap(Series)?$/.test(callee.text)) {
    return { kind: 'callback', node: call, fn, method: callee.text, collection: call.arguments[0], concurrency: callee.text === 'pMap' ? 'concurrent' : 'sequential' };
  }
  return undefined;
}

function isLibraryNamespace(receiver: ts.Expression): boolean {
  return ts.isIdentifier(receiver) && /^(Bluebird|async|_|lodash)$/.test(receiver.text);
}

function libraryIteration(receiver: string, method: string): Concurrency | undefined {
  if (/^(Bluebird|BPromise|Promise)$/.test(receiver)) {
    if (method === 'map' || method === 'filter' || method === 'props') return 'concurrent';
    if (method === 'mapSeries' || method === 'each' || method === 'reduce') return 'sequential';
  }
  if (receiver === '_' || receiver === 'lodash') {
    if (method === 'map' || method === 'flatMap') return 'concurrent';
    if (method === 'forEach' || method === 'each' || method === 'reduce') return 'sequential';
  }
  if (receiver === 'async') {
    if (/^(each|map|forEach|eachOf|forEachOf|mapValues|eachLimit|mapLimit|forEachLimit|eachOfLimit|mapValuesLimit)$/.test(method)) return 'concurrent';
    if (/^(eachSeries|mapSeries|forEachSeries|eachOfSeries|forEachOfSeries|mapValuesSeries|reduce)$/.test(method)) return 'sequential';
  }
  return undefined;
}

// ---- is the loop per element? ---------------------------------------------------------------

export function loopIsPerElement(loop: LoopNode, facts: FileFacts): boolean {
  if (ts.isForOfStatement(loop)) {
    if (isFixedList(loop.expression, facts)) return false;
    return true;
  }
  if (ts.isForInStatement(loop)) return !isFixedList(loop.expression, facts);
  if (ts.isForStatement(loop)) return forIsPerElement(loop, facts);
  // while / do … while
  return whileIsPerElement(loop, loop.expression, facts);
}

/** Names of the counters a `for (let i = 0; …; i++)` declares or assigns. */
function counterNames(loop: ts.ForStatement): string[] {
  const names: string[] = [];
  const init = loop.initializer;
  if (init && ts.isVariableDeclarationList(init)) {
    for (const d of init.declarations) if (ts.isIdentifier(d.name)) names.push(d.name.text);
  } else if (init && ts.isBinaryExpression(init) && ts.isIdentifier(init.left)) names.push(init.left.text);
  return names;
}

function forIsPerElement(loop: ts.ForStatement, facts: FileFacts): boolean {
  const counters = counterNames(loop);
  if (counters.some((c) => ATTEMPT_NAME.test(c) || PAGE_NAME.test(c))) return false;
  // `i += BATCH_SIZE`: one chunk per iteration
  const inc = loop.incrementor;
  if (inc && ts.isBinaryExpression(inc) && (inc.operatorToken.kind === K.PlusEqualsToken || inc.operatorToken.kind === K.MinusEqualsToken)) {
    if (!(ts.isNumericLiteral(inc.right) && inc.right.text === '1')) return false;
  }
  // a walk down from `xs.length - 1`
  if (loop.initializer && mentionsSize(loop.initializer)) return true;
  const cond = loop.condition;
  if (!cond) return bodyDrains(loop.statement) !== undefined;
  if (mentionsSize(cond)) return true;
  const bound = comparedBound(cond, counters);
  if (bound === undefined) return true; // `node; node = node.next`, `i--`
  // `i < totalPages`: one request per page, not per element
  const boundName = ts.isIdentifier(bound) ? bound.text : ts.isPropertyAccessExpression(bound) ? bound.name.text : '';
  if (/pages|pageCount/i.test(boundName)) return false;
  return !isFixedBound(bound, facts);
}

function whileIsPerElement(loop: ts.WhileStatement | ts.DoStatement, cond: ts.Expression, facts: FileFacts): boolean {
  const c = skipOuterExpressions(cond);
  if (mentionsSize(c)) return true;
  if (drainsInCondition(c)) return true;
  if (ts.isBinaryExpression(c) && isComparison(c.operatorToken.kind)) {
    const sides = [skipOuterExpressions(c.left), skipOuterExpressions(c.right)];
    const counter = sides.find((s) => ts.isIdentifier(s) && (ATTEMPT_NAME.test(s.text) || PAGE_NAME.test(s.text)));
    if (counter) return false;
    // `while (i < n)` walking an array by index: `xs[i]` in the body
    for (const s of sides) {
      const other = s === sides[0] ? sides[1] : sides[0];
      if (ts.isIdentifier(s) && !isFixedBound(other, facts) && indexesBy(loop.statement, s.text)) return true;
      // `let i = xs.length; while (i > 0) { i -= 1; … xs[i] … }`: a walk down from the size
      if (ts.isIdentifier(s) && startsAtSize(s, facts) && indexesBy(loop.statement, s.text)) return true;
    }
    return false;
  }
  // `while (i--)` walking an array backwards
  if ((ts.isPostfixUnaryExpression(c) || ts.isPrefixUnaryExpression(c)) && ts.isIdentifier(c.operand) && indexesBy(loop.statement, c.operand.text)) return true;
  // while (true), while (!done), while (cursor), do … while (hasMore): per element only when it drains a collection
  return bodyDrains(loop.statement) !== undefined;
}

export function isComparison(k: ts.SyntaxKind): boolean {
  return k === K.LessThanToken || k === K.LessThanEqualsToken || k === K.GreaterThanToken || k === K.GreaterThanEqualsToken || k === K.ExclamationEqualsEqualsToken || k === K.ExclamationEqualsToken;
}

/** `xs.length`, `set.size`, `queue.isEmpty()` somewhere in the expression. */
/** A counter declared with a collection's size: `let i = items.length`. */
function startsAtSize(counter: ts.Identifier, facts: FileFacts): boolean {
  const decl = facts.resolver.declarationOf(counter);
  return !!decl && ts.isVariableDeclaration(decl) && !!decl.initializer && mentionsSize(decl.initializer);
}

function mentionsSize(node: ts.Node): boolean {
  const test = (n: ts.Node): boolean =>
    (ts.isPropertyAccessExpression(n) && (n.name.text === 'length' || n.name.text === 'size')) ||
    (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && /^(isEmpty|hasNext|size)$/.test(n.expression.name.text));
  if (test(node)) return true;
  return walk(node, (n) => (test(n) ? 'stop' : !isFunctionNode(n)));
}

/** `while ((job = queue.shift()))`, `while ((doc = await cursor.next()) !== null)`. */
function drainsInCondition(cond: ts.Expression): boolean {
  return walk(cond, (n) => {
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression)) {
      const m = n.expression.name.text;
      if (m === 'shift' || m === 'pop' || m === 'next' || m === 'dequeue') return 'stop';
    }
    return !isFunctionNode(n);
  });
}

/** The collection a loop body takes its elements from: `queue.shift()`, `stack.pop()` (not awaited: a local array). */
function bodyDrains(body: ts.Statement): ts.Expression | undefined {
  let found: ts.Expression | undefined;
  walk(body, (n) => {
    if (isFunctionNode(n)) return false;
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && /^(shift|pop|dequeue|splice)$/.test(n.expression.name.text)) {
      const recv = skipOuterExpressions(n.expression.expression);
      let p: ts.Node = n;
      while (p.parent && (ts.isParenthesizedExpression(p.parent) || ts.isNonNullExpression(p.parent) || ts.isAsExpression(p.parent))) p = p.parent;
      if (!ts.isAwaitExpression(p.parent) && referenceText(recv)) {
        found = recv;
        return 'stop';
      }
    }
    return true;
  });
  return found;
}

/** `xs[i]` in the loop body. */
function indexesBy(body: ts.Statement, name: string): boolean {
  return walk(body, (n) => {
    if (ts.isElementAccessExpression(n) && ts.isIdentifier(skipOuterExpressions(n.argumentExpression)) && (skipOuterExpressions(n.argumentExpression) as ts.Identifier).text === name) return 'stop';
    return !isFunctionNode(n);
  });
}

/** The bound a counter is compared with: `n` in `i < n`. */
function comparedBound(cond: ts.Expression, counters: string[]): ts.Expression | undefined {
  const c = skipOuterExpressions(cond);
  if (!ts.isBinaryExpression(c) || !isComparison(c.operatorToken.kind)) return undefined;
  const left = skipOuterExpressions(c.left);
  const right = skipOuterExpressions(c.right);
  if (ts.isIdentifier(left) && counters.includes(left.text)) return right;
  if (ts.isIdentifier(right) && counters.includes(right.text)) return left;
  return right;
}

/** A bound written in the code: `3`, `MAX_ATTEMPTS`, a `const` holding a number, `retries`. */
export function isFixedBound(bound: ts.Expression, facts: FileFacts): boolean {
  const b = skipOuterExpressions(bound);
  if (ts.isNumericLiteral(b)) return true;
  if (ts.isPrefixUnaryExpression(b) && ts.isNumericLiteral(b.operand)) return true;
  const name = ts.isIdentifier(b) ? b.text : ts.isPropertyAccessExpression(b) ? b.name.text : undefined;
  if (!name) return false;
  if (ATTEMPT_NAME.test(name) || /^max/i.test(name) || /^[A-Z][A-Z0-9_]*$/.test(name)) return true;
  if (ts.isIdentifier(b)) {
    const decl = facts.resolver.declarationOf(b);
    if (decl && ts.isVariableDeclaration(decl) && decl.initializer && isConstDeclaration(decl) && ts.isNumericLiteral(skipOuterExpressions(decl.initializer))) return true;
  }
  return false;
}

export function isConstDeclaration(decl: ts.VariableDeclaration): boolean {
  return ts.isVariableDeclarationList(decl.parent) && (decl.parent.flags & ts.NodeFlags.Const) !== 0;
}

/**
 * A list written out in the code, not data: `['eu', 'us']`, `[order.buyerId, order.sellerId]`, a
 * `const REGIONS = [...]`, `Object.keys(SERVICES)` of a literal object, `Object.values(Region)` of an enum.
 */
export function isFixedList(expr: ts.Expression, facts: FileFacts, depth = 0): boolean {
  if (depth > 4) return false;
  const e = skipOuterExpressions(expr);
  if (ts.isArrayLiteralExpression(e)) {
    return e.elements.every((el) => !ts.isSpreadElement(el) || isFixedList(el.expression, facts, depth + 1));
  }
  if (ts.isObjectLiteralExpression(e)) return !e.properties.some((p) => ts.isSpreadAssignment(p));
  if (ts.isIdentifier(e)) {
    const decl = facts.resolver.declarationOf(e);
    if (!decl) return false;
    if (ts.isEnumDeclaration(decl)) return true;
    if (ts.isVariableDeclaration(decl) && decl.initializer && isConstDeclaration(decl)) {
      const init = skipOuterExpressions(decl.initializer);
      // `const all = []` filled later (`all.push(...page.items)`) is data, not a fixed list
      const literal = ts.isArrayLiteralExpression(init) ? init.elements.length > 0 : ts.isObjectLiteralExpression(init) ? init.properties.length > 0 : false;
      return literal && isFixedList(init, facts, depth + 1) && !isFilledLater(decl, e.text);
    }
    return false;
  }
  // Object.keys(X) / Object.values(X) / Object.entries(X)
  if (ts.isCallExpression(e) && e.arguments.length === 1) {
    const callee = skipOuterExpressions(e.expression);
    if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'Object' && /^(keys|values|entries)$/.test(callee.name.text)) {
      return isFixedList(e.arguments[0], facts, depth + 1);
    }
  }
  return false;
}

const FILLING_METHODS = new Set(['push', 'unshift', 'splice', 'concat', 'set', 'add']);

/** `name.push(…)`, `name[k] = …`, `name.x = …`, `Object.assign(name, …)` anywhere in the declaration's scope. */
function isFilledLater(decl: ts.VariableDeclaration, name: string): boolean {
  let scope: ts.Node = decl;
  while (scope.parent && !isFunctionNode(scope) && !ts.isSourceFile(scope)) scope = scope.parent;
  const isName = (x: ts.Expression) => ts.isIdentifier(skipOuterExpressions(x)) && (skipOuterExpressions(x) as ts.Identifier).text === name;
  return walk(scope, (n) => {
    if (ts.isCallExpression(n)) {
      const callee = skipOuterExpressions(n.expression);
      if (ts.isPropertyAccessExpression(callee) && FILLING_METHODS.has(callee.name.text) && isName(callee.expression)) return 'stop';
      if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'assign' && n.arguments[0] && isName(n.arguments[0])) return 'stop';
    }
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === K.EqualsToken) {
      const left = skipOuterExpressions(n.left);
      if ((ts.isElementAccessExpression(left) || ts.isPropertyAccessExpression(left)) && isName(left.expression)) return 'stop';
    }
    return true;
  });
}

// ---- retries and chunks ---------------------------------------------------------------------

/** The statement that holds the call, directly in a block (or the loop body). */
export function statementOf(node: ts.Node): ts.Statement | undefined {
  for (let n: ts.Node | undefined = node; n; n = n.parent) {
    if (isFunctionNode(n)) return undefined;
    const p: ts.Node | undefined = n.parent;
    if (p && (ts.isBlock(p) || ts.isSourceFile(p) || ts.isCaseClause(p) || ts.isDefaultClause(p) || (isLoopNode(p) && p.statement === n) || (ts.isIfStatement(p) && p.expression !== n) || ts.isLabeledStatement(p))) return n as ts.Statement;
  }
  return undefined;
}

/**
 * The loop runs the call at most once per success: right after the call (at any level up to the loop
 * body) comes an unconditional `return`, `throw` or a `break` out of this loop. That is a retry or a
 * fail-over loop (`for (…) { try { return await call() } catch { … } }`), not per-element work.
 * A conditional exit counts too when the call does not use the loop's element at all (one operation,
 * tried again until it succeeds).
 */
export function exitsAfter(call: ts.CallExpression, anchor: Anchor, loop: LoopNode): boolean {
  // the node that stands for the call in the loop's own function: a callback the call sits in
  // (`await retry(() => fetch(x))`) is represented by the call it is handed to
  let start: ts.Node = anchor.node;
  for (let n: ts.Node | undefined = anchor.node; n && n !== loop; n = n.parent) if (isFunctionNode(n)) start = n.parent;
  if (start === anchor.node && anchor.kind === 'return' && ts.isReturnStatement(anchor.node)) return true;
  let s = statementOf(start);
  let inner = false; // passed an inner loop or switch: a plain `break` there does not leave `loop`
  // a conditional exit also ends a retry when the call is the one tried again (it does not use the
  // element), or when it sits in a `try` whose failure goes round again (a fail-over across hosts)
  let conditionalEnds = !referencesAny(call, loopElementNames(loop));
  while (s && s !== loop) {
    if (ts.isReturnStatement(s) || ts.isThrowStatement(s)) return true;
    const p = s.parent;
    if (ts.isBlock(p) && ts.isTryStatement(p.parent) && p.parent.tryBlock === p && p.parent.catchClause) conditionalEnds = true;
    if (ts.isBlock(p) || ts.isCaseClause(p) || ts.isDefaultClause(p)) {
      const list = p.statements;
      for (let i = list.indexOf(s) + 1; i < list.length; i++) {
        const t = list[i];
        if (isExitStatement(t, loop, inner)) return true;
        if (conditionalEnds && containsExit(t, loop, inner)) return true;
      }
    }
    if (p === loop) return false;
    if (isLoopNode(p) || ts.isSwitchStatement(p) || ts.isCaseBlock(p)) inner = true;
    const next = statementOf(p);
    if (!next || next === s) return false;
    if (isLoopNode(next) && next !== loop) inner = true;
    s = next;
  }
  return false;
}

export function isExitStatement(t: ts.Statement, loop: LoopNode, inner: boolean): boolean {
  if (ts.isReturnStatement(t) || ts.isThrowStatement(t)) return true;
  if (ts.isBreakStatement(t)) return breakLeaves(t, loop, inner);
  return false;
}

export function breakLeaves(t: ts.BreakStatement, loop: LoopNode, inner: boolean): boolean {
  if (t.label) return ts.isLabeledStatement(loop.parent) && loop.parent.label.text === t.label.text;
  return !inner;
}

/** An exit anywhere in `t` (inside `if`s, not inside nested loops, switches or functions). */
export function containsExit(t: ts.Statement, loop: LoopNode, inner: boolean): boolean {
  if (isExitStatement(t, loop, inner)) return true;
  return walk(t, (n) => {
    if (isFunctionNode(n)) return false;
    if (ts.isReturnStatement(n)) return 'stop';
    if (ts.isBreakStatement(n) && n.label && breakLeaves(n, loop, inner)) return 'stop';
    if (isLoopNode(n) || ts.isSwitchStatement(n)) return false;
    if (ts.isBreakStatement(n) && !inner) return 'stop';
    return true;
  });
}

/** Names the loop gives each element: the `for…of` / `for…in` variables, index counters, `x = queue.shift()`. */
export function loopElementNames(loop: LoopNode): Set<string> {
  const names = new Set<string>();
  const addBinding = (b: ts.BindingName) => {
    if (ts.isIdentifier(b)) names.add(b.text);
    else for (const el of b.elements) if (!ts.isOmittedExpression(el)) addBinding(el.name);
  };
  if ((ts.isForOfStatement(loop) || ts.isForInStatement(loop)) && ts.isVariableDeclarationList(loop.initializer)) {
    for (const d of loop.initializer.declarations) addBinding(d.name);
  } else if ((ts.isForOfStatement(loop) || ts.isForInStatement(loop)) && ts.isIdentifier(loop.initializer)) {
    names.add(loop.initializer.text);
  } else if (ts.isForStatement(loop)) {
    for (const c of counterNames(loop)) names.add(c);
  }
  // `const job = queue.shift()`, `item = stack.pop()`
  walk(loop, (n) => {
    if (isFunctionNode(n)) return false;
    if (ts.isVariableDeclaration(n) && n.initializer && takesElement(n.initializer)) addBinding(n.name);
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === K.EqualsToken && ts.isIdentifier(n.left) && takesElement(n.right)) names.add(n.left.text);
    return true;
  });
  return names;
}

function takesElement(e: ts.Expression): boolean {
  let x = skipOuterExpressions(e);
  if (ts.isAwaitExpression(x)) x = skipOuterExpressions(x.expression);
  if (ts.isElementAccessExpression(x)) return true;
  return ts.isCallExpression(x) && ts.isPropertyAccessExpression(x.expression) && /^(shift|pop|next|dequeue|splice)$/.test(x.expression.name.text);
}

export function paramNames(fn: FunctionNode): Set<string> {
  const names = new Set<string>();
  const p = fn.parameters[0];
  if (p && ts.isIdentifier(p.name)) names.add(p.name.text);
  return names;
}

/** Identifiers read anywhere in the call's arguments (and the arguments of every link of its chain). */
export function argumentNames(call: ts.CallExpression): Set<string> {
  const names = new Set<string>();
  const visit = (n: ts.Node) => {
    if (ts.isIdentifier(n)) names.add(n.text);
    else if (ts.isShorthandPropertyAssignment(n)) names.add(n.name.text);
    if (ts.isPropertyAccessExpression(n)) {
      visit(n.expression);
      return;
    }
    if (ts.isPropertyAssignment(n)) {
      visit(n.initializer);
      return;
    }
    ts.forEachChild(n, visit);
  };
  let e: ts.Expression = call;
  for (let i = 0; i < 16 && ts.isCallExpression(e); i++) {
    for (const a of e.arguments) visit(a);
    const callee = skipOuterExpressions(e.expression);
    if (!ts.isPropertyAccessExpression(callee)) break;
    e = skipOuterExpressions(callee.expression);
  }
  return names;
}

function referencesAny(call: ts.CallExpression, names: Set<string>): boolean {
  if (!names.size) return false;
  for (const n of argumentNames(call)) if (names.has(n)) return true;
  // `db(table).where(…)` on the element itself: `item.save()`, `trx(row.table)`
  let e: ts.Expression = skipOuterExpressions(call.expression);
  while (ts.isPropertyAccessExpression(e) || ts.isCallExpression(e)) e = skipOuterExpressions(e.expression);
  return ts.isIdentifier(e) && names.has(e.text);
}

/**
 * One batched query per chunk, not per element: the element is itself a list handed to an `in`
 * filter (`{ id: { in: chunk } }`, `$in`, `whereIn('id', ids)`, `inArray(t.id, ids)`, `In(ids)`,
 * `= ANY($1)` with `[ids]`), or the loop walks chunks by name (`for (const batch of chunk(ids, 500))`).
 */
export function isChunked(link: ts.CallExpression, elements: Set<string>, loop: LoopNode | undefined): boolean {
  // by name (`for (const batch of chunk(ids, 500))`), unless the call reads the element only by a
  // scalar property (`batch.id`): then it is an entity that happens to be called a batch
  let named = false;
  for (const name of elements) if (CHUNK_NAME.test(name)) named = true;
  if (!named && loop && ts.isForOfStatement(loop)) {
    const it = skipOuterExpressions(loop.expression);
    const itName = ts.isCallExpression(it) ? calleeText(it) : ts.isIdentifier(it) ? it.text : undefined;
    if (itName && (CHUNK_CALL.test(itName) || /(chunks|batches)$/i.test(itName))) named = true;
  }
  if (named) return !usedAsEntity(link, elements);
  if (!elements.size) return false;
  let chunked = false;
  let e: ts.Expression = link;
  const isElement = (x: ts.Expression | undefined) => !!x && ts.isIdentifier(skipOuterExpressions(x)) && elements.has((skipOuterExpressions(x) as ts.Identifier).text);
  for (let i = 0; i < 16 && ts.isCallExpression(e) && !chunked; i++) {
    const c = e;
    const name = calleeText(c);
    if (name && /^(whereIn|orWhereIn|whereNotIn|inArray|In|Op\.in)$/.test(name) && c.arguments.some((a) => isElement(a))) chunked = true;
    for (const a of c.arguments) {
      const test = (n: ts.Node): boolean => {
        if (ts.isPropertyAssignment(n) && n.name && (ts.isIdentifier(n.name) || ts.isStringLiteral(n.name)) && /^(\$?in|_in|\[Op\.in\])$/.test(n.name.text) && isElement(n.initializer)) chunked = true;
        if (ts.isComputedPropertyName(n) && ts.isPropertyAssignment(n.parent) && /\.in$/.test(n.expression.getText()) && isElement(n.parent.initializer)) chunked = true;
        if (ts.isCallExpression(n)) {
          const inner = calleeText(n);
          if (inner && /^(inArray|In|whereIn)$/.test(inner) && n.arguments.some((x) => isElement(x))) chunked = true;
        }
        // `[ids]` as the parameters of `= ANY($1)` / `IN (?)`
        if (ts.isArrayLiteralExpression(n) && n.elements.some((x) => isElement(x)) && c.arguments[0] && /\b(any\s*\(|in\s*\(\s*\?)/i.test(c.arguments[0].getText())) chunked = true;
        return !chunked;
      };
      if (test(a)) walk(a, test);
      if (chunked) break;
    }
    const callee = skipOuterExpressions(c.expression);
    if (!ts.isPropertyAccessExpression(callee)) break;
    e = skipOuterExpressions(callee.expression);
  }
  return chunked;
}

/** Members that treat a value as a list: `batch.length`, `batch.map(…)`. */
const LIST_MEMBERS = new Set(['length', 'map', 'filter', 'forEach', 'flatMap', 'reduce', 'slice', 'join', 'some', 'every', 'find', 'includes', 'indexOf', 'concat', 'entries', 'keys', 'values', 'at']);

/**
 * True when the call (with its chain) uses the loop element only through scalar properties
 * (`{ id: batch.id }`): a record that is called a batch, not a chunk of records.
 */
function usedAsEntity(call: ts.CallExpression, elements: Set<string>): boolean {
  let byProperty = false;
  let whole = false;
  const visit = (n: ts.Node): void => {
    if (whole) return;
    if (ts.isIdentifier(n) && elements.has(n.text)) {
      const p = n.parent;
      if ((ts.isPropertyAccessExpression(p) && p.name === n) || (ts.isPropertyAssignment(p) && p.name === n)) return; // a property name, not the element
      if (ts.isPropertyAccessExpression(p) && p.expression === n && !LIST_MEMBERS.has(p.name.text)) byProperty = true;
      else whole = true;
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(call);
  return byProperty && !whole;
}

export function calleeText(call: ts.CallExpression): string | undefined {
  const c = skipOuterExpressions(call.expression);
  if (ts.isIdentifier(c)) return c.text;
  if (ts.isPropertyAccessExpression(c)) return c.name.text;
  return undefined;
}

// ---- describing the loop in a message ---------------------------------------------------------

export function describeContext(c: Context, sf: ts.SourceFile): string {
  if (c.kind === 'callback') {
    const coll = c.collection ? shortText(c.collection, sf) : undefined;
    const method = c.method === 'pMap' || c.method === 'pMapSeries' ? c.method : `.${c.method}`;
    return `element of ${coll ? `\`${coll}\`` : 'the collection'} in this \`${method}\` callback`;
  }
  const loop = c.node;
  const label = ts.isForOfStatement(loop) ? (loop.awaitModifier ? 'for await…of' : 'for…of') : ts.isForInStatement(loop) ? 'for…in' : ts.isForStatement(loop) ? 'for' : ts.isWhileStatement(loop) ? 'while' : 'do…while';
  let coll: ts.Expression | undefined;
  if (ts.isForOfStatement(loop) || ts.isForInStatement(loop)) coll = loop.expression;
  else coll = sizeReceiver(loop) ?? bodyDrains(loop.statement);
  const text = coll ? shortText(coll, sf) : undefined;
  if (ts.isForInStatement(loop)) return `key of ${text ? `\`${text}\`` : 'the object'} in this \`for…in\` loop`;
  return `${text ? `element of \`${text}\`` : 'iteration'} in this \`${label}\` loop`;
}

/** `items` in `i < items.length` / `while (queue.length)`. */
function sizeReceiver(loop: LoopNode): ts.Expression | undefined {
  const parts: ts.Node[] = [];
  if (ts.isForStatement(loop)) {
    if (loop.condition) parts.push(loop.condition);
    if (loop.initializer) parts.push(loop.initializer);
  } else if (ts.isWhileStatement(loop) || ts.isDoStatement(loop)) parts.push(loop.expression);
  for (const p of parts) {
    let found: ts.Expression | undefined;
    const test = (n: ts.Node) => {
      if (ts.isPropertyAccessExpression(n) && (n.name.text === 'length' || n.name.text === 'size')) found = n.expression;
      else if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && /^(shift|pop|next|dequeue)$/.test(n.expression.name.text)) found = n.expression.expression;
      return found ? 'stop' : true;
    };
    if (test(p) !== 'stop') walk(p, test);
    if (found) return found;
  }
  return undefined;
}

export function shortText(e: ts.Expression, sf: ts.SourceFile): string | undefined {
  const t = e.getText(sf).replace(/\s+/g, ' ');
  return t.length <= 40 ? t : undefined;
}

/** The function a call names when it is declared in this file: `helper(…)`, `this.helper(…)` in the same class. */
export function localHelperOf(call: ts.CallExpression, facts: FileFacts): { fn: FunctionNode; name: string } | undefined {
  const callee = skipOuterExpressions(call.expression);
  if (ts.isIdentifier(callee)) {
    const decl = facts.resolver.declarationOf(callee);
    if (!decl) return undefined;
    if (ts.isFunctionDeclaration(decl) && decl.body) return { fn: decl, name: callee.text };
    if (ts.isVariableDeclaration(decl) && decl.initializer && ts.isIdentifier(decl.name)) {
      const list = decl.parent;
      if (!ts.isVariableDeclarationList(list) || !(list.flags & ts.NodeFlags.Const)) return undefined;
      const init = skipOuterExpressions(decl.initializer);
      if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) return { fn: init, name: callee.text };
    }
    return undefined;
  }
  if (ts.isPropertyAccessExpression(callee) && callee.expression.kind === ts.SyntaxKind.ThisKeyword && ts.isIdentifier(callee.name)) {
    const fn = thisMemberFunction(callee);
    if (fn) return { fn, name: `this.${callee.name.text}` };
  }
  return undefined;
}
