// Small syntactic helpers shared by rules. All work on raw compiler nodes.
import { ts } from 'ts-morph';
import type { Range } from '../model';
import { skipOuterExpressions } from './origins';

export { skipOuterExpressions };

export type FunctionNode = ts.FunctionDeclaration | ts.FunctionExpression | ts.ArrowFunction | ts.MethodDeclaration | ts.ConstructorDeclaration | ts.GetAccessorDeclaration | ts.SetAccessorDeclaration;

export function isFunctionNode(node: ts.Node): node is FunctionNode {
  return (
    ts.isFunctionDeclaration(node) ||
    ts.isFunctionExpression(node) ||
    ts.isArrowFunction(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isConstructorDeclaration(node) ||
    ts.isGetAccessorDeclaration(node) ||
    ts.isSetAccessorDeclaration(node)
  );
}

export type LoopNode = ts.ForStatement | ts.ForOfStatement | ts.ForInStatement | ts.WhileStatement | ts.DoStatement;

export function isLoopNode(node: ts.Node): node is LoopNode {
  return ts.isForStatement(node) || ts.isForOfStatement(node) || ts.isForInStatement(node) || ts.isWhileStatement(node) || ts.isDoStatement(node);
}

/** The function `this.name` names in its class: a method with a body, or a field holding an arrow or function expression. */
export function thisMemberFunction(member: ts.PropertyAccessExpression): FunctionNode | undefined {
  let cls: ts.Node | undefined = member.parent;
  while (cls && !ts.isClassLike(cls)) cls = cls.parent;
  if (!cls || !ts.isClassLike(cls)) return undefined;
  const name = member.name.text;
  for (const m of cls.members) {
    if (!m.name || !(ts.isIdentifier(m.name) || ts.isPrivateIdentifier(m.name)) || m.name.text !== name) continue;
    if (ts.isMethodDeclaration(m) && m.body) return m;
    if (ts.isPropertyDeclaration(m) && m.initializer) {
      const init = skipOuterExpressions(m.initializer);
      if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) return init;
    }
  }
  return undefined;
}

/** The nearest enclosing function of `node` (not `node` itself). */
export function enclosingFunction(node: ts.Node): FunctionNode | undefined {
  for (let n = node.parent; n; n = n.parent) if (isFunctionNode(n)) return n;
  return undefined;
}

/** Walks every descendant of `node`; return `false` from `visit` to skip a subtree, or 'stop' to end the walk. */
export function walk(node: ts.Node, visit: (n: ts.Node) => boolean | 'stop' | void): boolean {
  let stopped = false;
  const go = (n: ts.Node): void => {
    if (stopped) return;
    const r = visit(n);
    if (r === 'stop') {
      stopped = true;
      return;
    }
    if (r === false) return;
    ts.forEachChild(n, go);
  };
  ts.forEachChild(node, go);
  return stopped;
}

/** True when some descendant satisfies `test`; nested functions are skipped unless `intoFunctions`. */
export function containsNode(node: ts.Node, test: (n: ts.Node) => boolean, intoFunctions = false): boolean {
  return walk(node, (n) => {
    if (test(n)) return 'stop';
    if (!intoFunctions && isFunctionNode(n)) return false;
    return true;
  });
}

/** The name of a callee: `foo` for `foo()`, `bar` for `a.b.bar()`. */
export function calleeName(call: ts.CallExpression | ts.NewExpression): string | undefined {
  const e = call.expression;
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  if (ts.isElementAccessExpression(e) && ts.isStringLiteralLike(e.argumentExpression)) return e.argumentExpression.text;
  return undefined;
}

/** The value of a property in an object literal by name (`timeout` in `{ timeout: 5 }`), if present. */
export function getProperty(obj: ts.ObjectLiteralExpression, name: string): ts.ObjectLiteralElementLike | undefined {
  return obj.properties.find((p) => {
    const n = p.name;
    return !!n && (ts.isIdentifier(n) || ts.isStringLiteral(n) || ts.isNumericLiteral(n)) && n.text === name;
  });
}

/** True when the object literal has a spread (`{ ...defaults }`): its full content cannot be seen. */
export function hasSpread(obj: ts.ObjectLiteralExpression): boolean {
  return obj.properties.some((p) => ts.isSpreadAssignment(p));
}

/** The 1-based range of a node (from its first token, not its leading trivia). */
export function nodeRange(node: ts.Node, sf: ts.SourceFile, endAt?: number): Range {
  const start = sf.getLineAndCharacterOfPosition(node.getStart(sf));
  const end = sf.getLineAndCharacterOfPosition(endAt ?? node.getEnd());
  return { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}

/** A `this.x`, `a.b.c` or `x` expression as text, for comparing references; undefined for anything else. */
export function referenceText(expr: ts.Expression): string | undefined {
  if (ts.isIdentifier(expr)) return expr.text;
  if (expr.kind === ts.SyntaxKind.ThisKeyword) return 'this';
  if (ts.isPropertyAccessExpression(expr)) {
    const base = referenceText(expr.expression);
    return base === undefined ? undefined : `${base}.${expr.name.text}`;
  }
  return undefined;
}

// ---- heads: a node reported over its first part only -----------------------------------------------

/** A node and the position where its reported range ends: a loop's header, `catch (err)`, `(err) =>`. */
export interface NodeHead {
  node: ts.Node;
  end: number;
}

/** The header of a loop (`while (true)`, `for (;;)`, `do`), for a tight range and a stable fingerprint. */
export function loopHead(loop: LoopNode, sf: ts.SourceFile): NodeHead {
  const start = loop.getStart(sf);
  if (ts.isDoStatement(loop)) return { node: loop, end: start + 2 };
  const close = sf.text.lastIndexOf(')', loop.statement.getStart(sf));
  return { node: loop, end: close > start ? close + 1 : loop.statement.pos };
}

/** The `catch (e)` header of a catch clause (just `catch` without a binding). It starts where the clause starts. */
export function catchClauseHead(clause: ts.CatchClause, sf: ts.SourceFile): NodeHead {
  const start = clause.getStart(sf);
  let end = start + 'catch'.length;
  if (clause.variableDeclaration) {
    const close = sf.text.lastIndexOf(')', clause.block.getStart(sf));
    end = close >= clause.variableDeclaration.end ? close + 1 : clause.variableDeclaration.end;
  }
  return { node: clause, end };
}

/** A handler that spans several lines by its head (`(err) =>`, `function (err)`); anything else whole. */
export function handlerHead(handler: ts.Expression, sf: ts.SourceFile): NodeHead {
  const whole = { node: handler, end: handler.end };
  if (!ts.isArrowFunction(handler) && !ts.isFunctionExpression(handler)) return whole;
  const start = handler.getStart(sf);
  if (sf.getLineAndCharacterOfPosition(start).line === sf.getLineAndCharacterOfPosition(handler.end).line) return whole;
  const end = ts.isArrowFunction(handler) ? handler.equalsGreaterThanToken.end : sf.text.lastIndexOf(')', handler.body.getStart(sf)) + 1;
  return end > start ? { node: handler, end } : whole;
}
